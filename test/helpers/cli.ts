// Runs the real CLI in-process against a temp folder, with frozen time, capturing both streams.
import { afterEach, beforeEach } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { findPersonalData } from '../../src/domain/pii.js';

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
  const result = { code, stdout: out.text(), stderr: err.text() };
  scanForPersonalData(args, result);
  return result;
}

/** runCli that fails the test unless the command exits 0 (the message carries the command and its stderr). */
export async function runOk(args: string[], opts: CliOptions): Promise<CliResult> {
  const r = await runCli(args, opts);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → exit ${r.code}: ${r.stderr}`);
  return r;
}

/**
 * The privacy net over the whole CLI suite: every in-process run without --reveal is scanned for full
 * ID-card (18-digit, checksum-shaped) and mobile numbers; one found fails the test that ran the command.
 * With SHUXIANG_PII_TALLY=FILE each scanned run appends a line to FILE, to count them.
 */
/** The made-up numbers help texts use as examples (not anybody's data). */
const EXAMPLE_NUMBERS = new Set(['13812345678', '13800138000', '11010519491231002X', '110101199003071234']);

function scanForPersonalData(args: string[], r: CliResult): void {
  if (args.includes('--reveal')) return;
  const leaks = findPersonalData(`${r.stdout}\n${r.stderr}`).filter((n) => !EXAMPLE_NUMBERS.has(n));
  if (process.env.SHUXIANG_PII_TALLY) appendFileSync(process.env.SHUXIANG_PII_TALLY, `${leaks.length}\n`);
  if (leaks.length) {
    throw new Error(`personal data printed without --reveal by: shuxiang ${args.join(' ')}\n  found: ${leaks.map((l) => `${l.slice(0, 3)}…${l.slice(-2)}`).join(', ')}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
}

/** A fresh temp folder; call the returned cleanup in afterEach. */
export function tempDir(prefix = 'shuxiang-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh folder with an initialised database for each test of the file (removed after it): `.dir` is
 * the current test's folder. */
export function freshDatabaseEachTest(): { readonly dir: string } {
  let current: { dir: string; cleanup: () => void } | undefined;
  beforeEach(async () => {
    current = tempDir();
    await initDb(current.dir);
  });
  afterEach(() => current?.cleanup());
  return { get dir() { if (!current) throw new Error('freshDatabaseEachTest: .dir read outside a test'); return current.dir; } };
}

/** Creates a database with one branch, as a secretary's first command would. */
export async function initDb(cwd: string, branch = '机关第一党支部', extra: string[] = []): Promise<void> {
  const r = await runCli(['init', '--organ', '市财政局机关', '--branch', branch, '--year', '2026', '--yes', ...extra], { cwd });
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
}
