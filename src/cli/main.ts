// The entry point, and the only place that turns errors into exit codes.
import { ShuxiangError } from '../shared/errors.js';
import type { AppContext, AppIo } from './context.js';
import { programFor } from './commandIndex.js';
import { CommanderError, translateCommanderError } from './programBase.js';

/** Runs one command line; returns the exit code (used in-process by the tests). */
export async function main(argv: string[], io: AppIo): Promise<number> {
  const state: { ctx?: AppContext } = {};
  try {
    // Only the command being run is loaded (commandIndex.ts), so start-up stays close to Node's own.
    const program = await programFor(argv, io, state);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    state.ctx?.endProgress();
    return reportError(e, io);
  } finally {
    state.ctx?.closeAll();
  }
}

function reportError(e: unknown, io: AppIo): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    io.stderr.write(`错误：${translateCommanderError(e)}\n请运行 shuxiang --help 或 shuxiang <命令> --help 查看用法。\n`);
    return 2;
  }
  if (e instanceof ShuxiangError) {
    if (e.exitCode === 130) {
      io.stderr.write(`${e.message}\n`);
      return 130;
    }
    const lines = [e.exitCode === 1 ? e.message : `错误：${e.message}`, ...e.details.map((d) => `  ${d}`)];
    io.stderr.write(lines.join('\n') + '\n');
    return e.exitCode;
  }
  const err = e as Error;
  if (err?.name === 'ExitPromptError') {
    io.stderr.write('已取消，未做任何修改。\n');
    return 130;
  }
  if ((err as { code?: string })?.code === 'SQLITE_BUSY') {
    io.stderr.write('错误：数据库正被另一个 shuxiang 进程长时间占用，请稍后再试。\n');
    return 3;
  }
  io.stderr.write(
    `内部错误：${err?.message ?? String(e)}\n这是 shuxiang 的缺陷，不是您的操作问题。请把下面的信息发给维护者：\n${err?.stack ?? ''}\n`,
  );
  return 70;
}

/** Called by bin/shuxiang.js: run with the real process and set its exit code. */
export async function start(): Promise<void> {
  // `shuxiang … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // Into a pipe, Node writes asynchronously: an organ's `--json audit | jq` would queue its whole output in
  // memory, and could be cut short by the exit below. Blocking writes keep memory flat and lose nothing.
  (process.stdout as unknown as { _handle?: { setBlocking?: (b: boolean) => void } })._handle?.setBlocking?.(true);
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin is a getter that opens the stream: only commands that prompt or read it pay for it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = code;
  // Whatever is still queued for stdout is written first.
  if (process.stdout.writableLength > 0) await new Promise((done) => process.stdout.once('drain', done));
  // Anything still holding the event loop (a prompt's stdin) must not keep a finished command alive.
  setTimeout(() => process.exit(code), 1500).unref();
}
