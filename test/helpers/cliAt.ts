// Shorthands for running the CLI against the current test's folder on one fixed day: `run` (any exit),
// `ok` (fails the test unless exit 0) and `json` (`--json …`, parsed).
import { runCli, type CliResult } from './cli.js';

export interface CliAt {
  run(...args: string[]): Promise<CliResult>;
  ok(...args: string[]): Promise<CliResult>;
  /** Parsed JSON output; typed loosely, as each test reads its own fields. */
  json(...args: string[]): Promise<any>;
}

/** The shorthands over the folder `dir()` returns (read at each call, so beforeEach can change it). */
export function cliAt(dir: () => string, now: string): CliAt {
  const run = (...args: string[]) => runCli(args, { cwd: dir(), now });
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
    return r;
  };
  return { run, ok, json: async (...args) => JSON.parse((await ok('--json', ...args)).stdout) };
}
