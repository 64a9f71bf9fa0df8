// Writing an output file whole or not at all, and owner-only: the writer fills a temporary file beside
// the target — created empty first, 0600 and O_EXCL, so no byte is ever readable by others and no one
// else's file is followed — which is fsynced and renamed over the target only when complete (the folder
// fsynced after, where the system allows). A crash or a full disk never leaves half a report; a kill
// leaves a temporary file that the next write of the same target removes. Every file the tool writes
// goes through here; every folder it creates through ensureFolder (0700).
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureFolder } from '../shared/folders.js';
import { nameRoom } from '../shared/nameLimit.js';
import { storageFault } from '../shared/storageFault.js';

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** What a temporary name adds to its copy of the target's name: `.`, `.pid` (up to 7 digits on Linux,
 * 10 elsewhere), `.` and 8 hex digits, `.tmp`. */
const TEMP_EXTRA = 1 + 11 + 9 + 4;

/** The target's name as its temporary name holds it: cut so that the temporary name stays within the
 * system's limit (a valid 245-byte name must not fail for the bytes the temporary name adds). */
function tempStem(name: string): string {
  return nameRoom(name, TEMP_EXTRA);
}

/** The temporary file for `file` in this process (in the same folder, so the rename stays on one disk). */
function tempName(file: string): string {
  return join(dirname(file), `.${tempStem(basename(file))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of ours for `file` left by a killed run (its process is gone, or an hour old). */
export function removeStaleTemps(file: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const n of names) {
    const m = TEMP.exec(n);
    if (!m || m[1] !== tempStem(basename(file))) continue;
    const p = join(dirname(file), n);
    try {
      if (!alive(Number(m[2])) || Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function fsyncPath(p: string, flags: string): void {
  const fd = openSync(p, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Puts the finished temporary file in place: replacing `file` only when allowed (--force), otherwise
 * linked in so that a file created meanwhile by someone else is never clobbered (EEXIST). */
function putInPlace(tmp: string, file: string, replace: boolean): void {
  if (replace) return renameSync(tmp, file);
  try {
    linkSync(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // FAT/exFAT USB sticks and some network drives have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    if (existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST', path: file });
    return renameSync(tmp, file);
  }
  rmSync(tmp, { force: true });
}

/** Runs `write(tmp)` and puts tmp in place of `file` (an existing file only with `replace`, i.e. --force);
 * file-system errors become messages a user can act on (exit 2). */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>, opts: { replace?: boolean } = { replace: true }): Promise<void> {
  removeStaleTemps(file);
  const tmp = tempName(file);
  holdTemp(tmp);
  try {
    closeSync(openSync(tmp, 'wx', 0o600)); // the writer below reopens it: the mode is kept from this first byte on
    await write(tmp);
    chmodSync(tmp, 0o600); // in case a writer replaced the file instead of filling it
    fsyncPath(tmp, 'r+');
    putInPlace(tmp, file, opts.replace ?? true);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // never created (its folder is a file, its name too long…): the first error is the one to say
    }
    throw storageFault(e, { file }) ?? e;
  } finally {
    dropTemp(tmp);
  }
  try {
    fsyncPath(dirname(file), 'r'); // the rename itself is durable (not on Windows, where a folder cannot be opened)
  } catch {
    // best effort
  }
}

// Ctrl-C (or a SIGTERM, a closed terminal) while a file is being written: the temporary files are removed
// and the process then ends by the same signal, as it would have. Listened for only while a temporary file
// exists, so a long computation without one still stops at once (a listener would wait for it).
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const t of live) {
    try {
      rmSync(t, { force: true });
    } catch {
      // never created
    }
  }
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/** Removes `tmp` if the process is stopped by a signal before dropTemp (any temporary file of a command). */
export function holdTemp(tmp: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(tmp);
}

/** No longer removed on a signal (renamed into place, or removed by the caller). */
export function dropTemp(tmp: string): void {
  if (!live.delete(tmp) || live.size > 0) return;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Writes `data` to `file` through writeAtomically. */
export async function writeFileAtomically(file: string, data: string | Uint8Array, opts: { replace?: boolean } = { replace: true }): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeAtomically(file, (tmp) => writeFile(tmp, data), opts);
}

export { ensureFolder };
