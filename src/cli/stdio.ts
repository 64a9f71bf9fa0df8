// The process's stdout and stderr as the commands write to them. Node builds process.stdout (and stderr)
// on first use as a stream, and for that loads its whole streams library: ≈ 3–4 ms of CPU of every run,
// a twentieth of a command's start-up (issue 18). Where Node would only write to the descriptor
// synchronously anyway — a regular file, /dev/null, a pipe — the text is written with fs.writeSync
// instead, and no stream is made. A terminal (colours, columns, prompts) and anything else (a socket,
// Windows) get Node's own stream, as before.
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { OutStream } from './context.js';
import { outputFault } from './outputFault.js';

/** What a direct writer does when the reader of a pipe has gone (`shuxiang … | head`). */
export type OnClosed = () => void;

/** Whether descriptor `fd` is one Node's stdio would write to synchronously without being a terminal. */
function writesPlainly(fd: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    const s = fstatSync(fd);
    if (s.isFile() || s.isFIFO()) return true;
    // A character device may be a terminal; /dev/null is the one that is not and that output is sent to.
    if (!s.isCharacterDevice()) return false;
    const nul = statSync('/dev/null');
    return s.rdev === nul.rdev && s.ino === nul.ino && s.dev === nul.dev;
  } catch {
    return false;
  }
}

/** Blocks for `ms` milliseconds (a pipe whose reader is slow, opened non-blocking by someone else). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Writes all of `bytes` to `fd`: partial writes continued, a full non-blocking pipe waited for. A failed
 * write is the user's to read (outputFault), unless `quiet` (stderr: there is nowhere left to say it). */
function writeAll(fd: number, bytes: Uint8Array, onClosed: OnClosed, quiet: boolean): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { pause(1); continue; }
      if (code === 'EPIPE' || quiet) { onClosed(); return; }
      throw outputFault(e);
    }
  }
}

/** A writer for `fd` that bypasses Node's stream, or undefined where the stream is needed (see above).
 * `quiet`: a failed write (a full disk) ends its writing silently, as a closed reader does. */
export function directOut(fd: number, onClosed: OnClosed, quiet = false): OutStream | undefined {
  if (!writesPlainly(fd)) return undefined;
  let closed = false;
  const write = (s: string | Uint8Array): boolean => {
    if (!closed) writeAll(fd, typeof s === 'string' ? Buffer.from(s, 'utf8') : s, () => { closed = true; onClosed(); }, quiet);
    return true;
  };
  return { isTTY: false, write, writeBytes: write };
}
