// One demo branch (shuxiang demo, deterministic for a fixed SHUXIANG_NOW) shared by a test file: made
// before its tests, removed after, with `run` calling the CLI against its database.
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, tempDir, type CliResult } from './cli.js';

/** Registers the demo's set-up and clean-up; `dir()` is the working folder once set up. */
export function useDemo(now: string): { dir: () => string; run: (args: string[], env?: Record<string, string>) => Promise<CliResult> } {
  let t: { dir: string; cleanup: () => void } | undefined;
  beforeAll(async () => {
    t = tempDir();
    expect((await runCli(['demo', 'd'], { cwd: t.dir, now })).code).toBe(0);
  }, 60_000);
  afterAll(() => t?.cleanup());
  return {
    dir: () => t!.dir,
    run: (args, env) => runCli(['--db', join(t!.dir, 'd', 'shuxiang.db'), ...args], { cwd: t!.dir, now, env }),
  };
}
