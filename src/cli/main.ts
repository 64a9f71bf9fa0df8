// The entry point, and the only place that turns errors into exit codes.
import { DbError, ShuxiangError } from '../shared/errors.js';
import { maskPersonalData } from '../domain/pii.js';
import { clipQuotes } from '../domain/text.js';
import type { AppContext, AppIo, OutStream } from './context.js';
import { programFor } from './commandIndex.js';
import { CommanderError, translateCommanderError } from './programBase.js';
import { bulkOut } from './bulkOut.js';
import { afterSaved, OutputFault, outputFault } from './outputFault.js';
import { directOut } from './stdio.js';

/** How many times a command starts over when the database changed under it (see store/planLock.ts). */
const ATTEMPTS = 4;

/** The run in progress (or just ended): what a late stdout fault asks whether anything was saved. */
let current: { ctx?: AppContext } | undefined;

/** Runs one command line; returns the exit code (used in-process by the tests). */
export async function main(argv: string[], io: AppIo): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const state: { ctx?: AppContext } = {};
    current = state;
    let code = 70;
    try {
      // Only the command being run is loaded (commandIndex.ts), so start-up stays close to Node's own.
      const program = await programFor(argv, io, state);
      await program.parseAsync(argv, { from: 'user' });
      code = 0;
      return 0;
    } catch (e) {
      state.ctx?.endProgress();
      state.ctx?.flush();
      if ((e as Error)?.name === 'StalePlan' && attempt < ATTEMPTS) {
        state.ctx?.closeAll(false);
        io.stderr.write('提示：另一个 shuxiang 刚刚修改了数据库，已按最新的数据重新执行本命令。\n');
        continue;
      }
      const saved = e instanceof OutputFault ? state.ctx?.savedBatches() ?? 0 : 0;
      const done = e instanceof OutputFault ? state.ctx?.done ?? [] : [];
      code = reportError(saved || done.length ? afterSaved(e as OutputFault, saved, done) : await classified(e, state.ctx), io, !!state.ctx?.verbose || argv.includes('-v') || argv.includes('--verbose'));
      return code;
    } finally {
      // A finished command's writes are kept (an audit with gaps, exit 1, finished too); a failed one's are not.
      try {
        state.ctx?.closeAll(code === 0 || code === 1);
      } catch {
        // closing after a storage fault: the error is already said
      }
    }
  }
}

/** A storage failure (full disk, read-only or damaged database, missing folder) as the typed error it is. */
async function classified(e: unknown, ctx: AppContext | undefined): Promise<unknown> {
  if (e instanceof ShuxiangError || e instanceof CommanderError) return e;
  if ((e as Error)?.name === 'StalePlan') return new DbError('数据库正被另一个 shuxiang 不断修改，本次没有写入任何内容。', ['请稍后再试。']);
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e;
  const { storageFault } = await import('../shared/storageFault.js');
  return storageFault(e, { dbPath: ctx?.dbPath() }) ?? e;
}

function reportError(e: unknown, io: AppIo, verbose: boolean): number {
  // What an error repeats of the user's input (an ID typed as a name, a cell's value) is masked too.
  const stderr = { write: (s: string) => io.stderr.write(maskPersonalData(s)) };
  return reportMasked(e, stderr, verbose);
}

function reportMasked(e: unknown, stderr: { write(s: string): unknown }, verbose: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    stderr.write(`错误：${translateCommanderError(e)}\n请运行 shuxiang --help 或 shuxiang <命令> --help 查看用法。\n`);
    return 2;
  }
  if (e instanceof ShuxiangError) {
    if (e.exitCode === 130) {
      stderr.write(`${e.message}\n`);
      return 130;
    }
    // A cell value is quoted at most QUOTE_LIMIT characters, whichever importer wrote the message.
    const lines = [e.exitCode === 1 ? e.message : `错误：${e.message}`, ...e.details.map((d) => `  ${d}`)].map(clipQuotes);
    if (verbose && e.technical) lines.push(`  技术细节：${e.technical}`);
    stderr.write(lines.join('\n') + '\n');
    return e.exitCode;
  }
  const err = e as Error;
  if (err?.name === 'ExitPromptError') {
    stderr.write('已取消，未做任何修改。\n');
    return 130;
  }
  stderr.write(
    `内部错误：${err?.message ?? String(e)}\n这是 shuxiang 的缺陷，不是您的操作问题。请把下面的信息发给维护者：\n${err?.stack ?? ''}\n`,
  );
  return 70;
}

/** Called by bin/shuxiang.js: run with the real process and set its exit code. */
export async function start(): Promise<void> {
  // `shuxiang … | head` closes the pipe early: that is the reader's choice, not an error.
  const readerGone = () => process.exit(0);
  // Into a file, /dev/null or a pipe the text is written straight to the descriptor (stdio.ts): Node's
  // streams, and the milliseconds their library costs to load, only for a terminal and the rest.
  const direct = directOut(1, readerGone);
  const node = direct ? undefined : nodeStdout(readerGone);
  // Not a terminal: a large output may be written on a second thread (bulkOut.ts; not on Windows, whose
  // pipes Node writes through its stream).
  const bulk = () => (process.platform === 'win32' ? undefined : bulkOut(1, readerGone));
  const stdout: OutStream = direct ? { ...direct, bulk } : node!.isTTY ? node! : { isTTY: false, write: (s: string) => node!.write(s), bulk };
  // Messages that cannot be written (stderr to a full disk) are lost quietly: there is nowhere to say so, and
  // the exit code stays the command's own.
  const stderr = directOut(2, () => {}, true) ?? quietStderr();
  const code = await main(process.argv.slice(2), {
    stdout,
    stderr,
    // process.stdin is a getter that opens the stream: only commands that prompt or read it pay for it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = code;
  // Whatever is still queued for stdout is written first.
  if (!direct && process.stdout.writableLength > 0) await new Promise((done) => process.stdout.once('drain', done));
  // Anything still holding the event loop (a prompt's stdin) must not keep a finished command alive.
  setTimeout(() => process.exit(code), 1500).unref();
}

/** Node's own stderr, its write errors (a closed reader, a full device) ignored. */
function quietStderr(): NodeJS.WriteStream {
  process.stderr.on('error', () => {});
  return process.stderr;
}

/** Node's own stdout (a terminal, a socket…), with a closed reader ending the run quietly. */
function nodeStdout(readerGone: () => void): NodeJS.WriteStream {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') readerGone();
    // Emitted after the write that failed (a device such as /dev/full): said here, and the run ends.
    const fault = outputFault(e);
    const saved = current?.ctx?.savedBatches() ?? 0;
    const done = current?.ctx?.done ?? [];
    process.exit(reportMasked(saved || done.length ? afterSaved(fault, saved, done) : fault, process.stderr, false));
  });
  // Into a pipe, Node writes asynchronously: an organ's `--json audit | jq` would queue its whole output in
  // memory, and could be cut short by the exit below. Blocking writes keep memory flat and lose nothing.
  (process.stdout as unknown as { _handle?: { setBlocking?: (b: boolean) => void } })._handle?.setBlocking?.(true);
  return process.stdout;
}
