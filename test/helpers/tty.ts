// Runs the CLI in-process on a fake terminal: stdin and stderr claim to be TTYs, keystrokes are typed
// when the screen shows what the test waits for. Drives the real @inquirer prompts end to end.
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export const KEY = { enter: '\r', space: ' ', down: '\u001b[B', up: '\u001b[A', ctrlA: '\u0001', ctrlC: '\u0003', backspace: '\u007f' };

/** The text on the fake terminal with colour and cursor codes removed. */
function plain(s: string): string {
  return s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

export interface TtySession {
  /** Waits until the (plain) output since the last step contains `text`, then types `keys`. */
  step(text: string, keys: string | string[]): Promise<void>;
  /** Everything written to stderr so far, plain. */
  screen(): string;
  done: Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Starts `shuxiang ...args` on a fake terminal. */
export function runTty(args: string[], opts: { cwd: string; now?: string }): TtySession {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (b: boolean) => void };
  stdin.isTTY = true;
  stdin.setRawMode = () => {};
  let err = '';
  let mark = 0;
  const stderr = new Writable({ write(chunk, _enc, cb) { err += String(chunk); cb(); } }) as Writable & { isTTY?: boolean; rows?: number; columns?: number };
  stderr.isTTY = true;
  // Like process.stderr, the fake terminal must survive each prompt's output stream ending.
  (stderr as { end: unknown }).end = () => stderr;
  stderr.rows = 40;
  stderr.columns = 120;
  let out = '';
  const stdout = { write: (s: string) => ((out += s), true), isTTY: false };
  const env = { PATH: process.env.PATH, NO_COLOR: '1', SHUXIANG_NOW: opts.now ?? '2026-03-10' };
  const done = main(args, { stdout, stderr, stdin, env, cwd: opts.cwd }).then((code) => ({ code, stdout: out, stderr: plain(err) }));
  let finished = false;
  void done.then(() => (finished = true));
  return {
    async step(text, keys) {
      const deadline = Date.now() + 3000;
      while (!plain(err.slice(mark)).includes(text)) {
        if (finished) throw new Error(`command ended before showing “${text}”:\n${plain(err)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for “${text}”; screen:\n${plain(err.slice(mark))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      mark = err.length;
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        stdin.write(k);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    screen: () => plain(err),
    done,
  };
}
