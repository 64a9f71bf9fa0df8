// The fixture the member command tests share: a fresh, initialised database for every test, and
// shorthands for running the CLI against it.
import { afterEach, beforeEach } from 'vitest';
import { initDb, runCli, tempDir, type CliResult } from './cli.js';
import { query } from './db.js';

export interface MemberFixture {
  /** The current test's folder (holds shuxiang.db). */
  readonly dir: string;
  cli(args: string[], now?: string): Promise<CliResult>;
  /** Runs the CLI and fails the test unless it exits 0. */
  ok(args: string[], now?: string): Promise<CliResult>;
  /** `--json member list`, parsed. */
  listJson(...extra: string[]): Promise<Record<string, unknown>[]>;
  batchCount(): number;
}

/** Registers beforeEach/afterEach for a fresh database and returns the shorthands over it. */
export function memberFixture(): MemberFixture {
  let dir = '';
  let cleanup = () => {};
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    await initDb(dir);
  });
  afterEach(() => cleanup());
  const cli = (args: string[], now?: string) => runCli(args, { cwd: dir, now });
  const ok = async (args: string[], now?: string) => {
    const r = await cli(args, now);
    if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
    return r;
  };
  return {
    get dir() { return dir; },
    cli,
    ok,
    listJson: async (...extra) => JSON.parse((await ok(['--json', 'member', 'list', ...extra])).stdout),
    batchCount: () => query<{ n: number }>(dir, 'SELECT count(*) AS n FROM batches')[0]!.n,
  };
}
