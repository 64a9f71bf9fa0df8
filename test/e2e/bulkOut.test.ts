// Large JSON written on a second thread (src/cli/bulkOut.ts) by the shipped command: into a file, a pipe
// and a socket it must be byte for byte what the in-process run (no second thread: its stdout is not a
// descriptor) prints; a reader that goes away early ends the run with exit 0 and nothing on stderr; a
// full device is said in Chinese (exit 2), no stack trace; and stderr on one changes no exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const NOW = '2026-11-22';
let dir: string;
let cleanup: () => void;
let db: string;
let expected: string;
/** 党员零零零一…: names are written in Chinese characters. */
const nameOf = (i: number) => `党员${[...String(i).padStart(4, '0')].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;
const env = () => ({ ...process.env, NO_COLOR: '1', SHUXIANG_NOW: NOW });
const sh = (cmd: string) => spawnSync('bash', ['-c', cmd], { cwd: dir, env: env(), encoding: 'utf8', maxBuffer: 1 << 28 });
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'shuxiang.db');
  // 2,400 people with nothing recorded: every monthly rule is a verdict for each — far more than one piece (2,000).
  const rows = Array.from({ length: 2400 }, (_, i) => `${nameOf(i)},${i % 2 ? '男' : '女'},1980-01-01,2005-07-01,正式党员,,第${(i % 3) + 1}支部,,`);
  writeFileSync(join(dir, 'roster.csv'), ['姓名,性别,出生日期,入党日期,人员类别,党内职务,所在支部,联系电话,公民身份号码', ...rows].join('\n') + '\n');
  expect((await runCli(['init', '--organ', '市局', '--branch', '第1支部', '--yes'], { cwd: dir, now: NOW })).code).toBe(0);
  expect((await runCli(['import', 'roster.csv'], { cwd: dir, now: NOW })).code).toBe(0);
  const r = await runCli(['--json', 'audit'], { cwd: dir, now: NOW });
  expect(r.code).toBe(1);
  expected = r.stdout;
  expect((JSON.parse(expected) as { verdicts: unknown[] }).verdicts.length).toBeGreaterThan(5000);
}, 120_000);
afterAll(() => cleanup());

/** Byte for byte the expected text (compared as a whole: a diff of megabytes would drown the report). */
const same = (got: string) => {
  expect(got.length).toBe(expected.length);
  expect(got === expected, 'the output differs from the in-process run').toBe(true);
};
const cmd = () => `${q(process.execPath)} ${q(BIN)} --db ${q(db)} --json audit`;

describe('large JSON on a second thread, and output that cannot be written', () => {
  it('a file, a pipe and a socket get exactly what the in-process run prints', () => {
    expect(sh(`${cmd()} > out.json`).status).toBe(1);
    same(readFileSync(join(dir, 'out.json'), 'utf8'));
    const piped = sh(`${cmd()} | cat`);
    same(piped.stdout);
    // A reader that starts late: the pipe fills, the writing thread waits, nothing is lost.
    same(sh(`${cmd()} | (sleep 0.5; cat)`).stdout);
    // spawnSync's 'pipe' is a socket pair: Node's own stream for stdout, the second thread all the same.
    const socket = spawnSync(process.execPath, [BIN, '--db', db, '--json', 'audit'], { cwd: dir, env: env(), encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(socket.status).toBe(1);
    same(socket.stdout);
    expect(socket.stderr).not.toMatch(/\n\s+at |内部错误/);
  });

  it('a reader that stops early: exit 0, nothing said', () => {
    const r = sh(`${cmd()} 2>err.txt | head -c 1000 > /dev/null; echo "exit \${PIPESTATUS[0]}"`);
    expect(r.stdout.trim()).toBe('exit 0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it('a full device: said in Chinese, exit 2, no stack trace', () => {
    const r = sh(`${cmd()} > /dev/full`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写出结果：输出重定向到的磁盘空间不足');
    expect(r.stderr).not.toMatch(/\n\s+at |内部错误|ENOSPC/);
    // The same for a small output, written without the second thread (Node's stream for the device).
    const small = sh(`${q(process.execPath)} ${q(BIN)} --db ${q(db)} --json member show ${nameOf(1)} > /dev/full`);
    expect(small.status).toBe(2);
    expect(small.stderr).toContain('无法写出结果');
    expect(small.stderr).not.toMatch(/\n\s+at /);
  });

  it('stderr on a full device: the messages are lost, the exit code stays the command\'s own', () => {
    const base = `${q(process.execPath)} ${q(BIN)} --db ${q(db)}`;
    // A refused year (exit 2), and an audit with gaps (exit 1), their messages unwritable.
    expect(sh(`${base} audit --year 1999 2>/dev/full`).status).toBe(2);
    expect(sh(`${base} audit 2>/dev/full > /dev/null`).status).toBe(1);
  });
});
