// Runs the real CLI in-process against a temp folder, with frozen time, capturing both streams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  now?: string;
}

function sink(): { stream: { write(s: string): boolean; isTTY: boolean }; text: () => string } {
  const chunks: string[] = [];
  return { stream: { write: (s: string) => (chunks.push(String(s)), true), isTTY: false }, text: () => chunks.join('') };
}

/** `shuxiang ...args` in-process: real store, real files, no TTY. */
export async function runCli(args: string[], opts: CliOptions): Promise<CliResult> {
  const out = sink();
  const err = sink();
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', SHUXIANG_NOW: opts.now ?? '2026-11-22', ...opts.env };
  const code = await main(args, { stdout: out.stream, stderr: err.stream, stdin, env, cwd: opts.cwd });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A fresh temp folder; call the returned cleanup in afterEach. */
export function tempDir(prefix = 'shuxiang-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Creates a database with one branch, as a secretary's first command would. */
export async function initDb(cwd: string, branch = '机关第一党支部', extra: string[] = []): Promise<void> {
  const r = await runCli(['init', '--organ', '市财政局机关', '--branch', branch, '--year', '2026', '--yes', ...extra], { cwd });
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
}
