// Two at once (issue 16): two real processes running the same read-then-write command at the same moment
// must never make duplicates nor crash on a UNIQUE constraint — the planning read happens inside the
// write transaction (BEGIN IMMEDIATE). Each race is repeated RACE_TRIALS times (default 20) on a fresh
// copy of one prepared database; every trial must end with both commands exit 0 (the second one finding
// nothing left to do) or one reporting cleanly, and the data exactly as after one run.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { makeId, makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

// RACE_BIN=/path/to/older/bin/shuxiang.js measures an older build (the "before" numbers of the note).
const BIN = process.env.RACE_BIN ?? join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const TRIALS = Number(process.env.RACE_TRIALS ?? 20);
let root: string;
let cleanup: () => void;
let base: string;
let people: string;

interface Run {
  code: number | null;
  stderr: string;
}

function spawnCli(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, SHUXIANG_NOW: '2026-11-22', NO_COLOR: '1', SHUXIANG_NO_PROMPT: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A fresh folder holding a copy of the prepared database (and the input files). */
function trialDir(i: number, from: string): string {
  const d = join(root, `t${i}`);
  mkdirSync(d);
  copyFileSync(join(from, 'shuxiang.db'), join(d, 'shuxiang.db'));
  return d;
}

/** Runs `args` twice at once in TRIALS fresh copies; `count` reads what must equal `expected` after each. */
async function race(label: string, args: string[], count: (dir: string) => number, expected: number, from = base): Promise<void> {
  const failures: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const d = trialDir(i, from);
    const [a, b] = await Promise.all([spawnCli(d, args), spawnCli(d, args)]);
    const n = count(d);
    const bad = [a, b].filter((r) => r.code !== 0 && !(r.code === 2 && /已存在|已登记|已经/.test(r.stderr) && !/内部错误/.test(r.stderr)));
    if (n !== expected || bad.length || [a, b].every((r) => r.code !== 0)) {
      failures.push(`trial ${i + 1}: count ${n} (want ${expected}); exits ${a.code}/${b.code}${bad.length ? `; ${bad.map((r) => r.stderr.split('\n').slice(0, 2).join(' ')).join(' | ')}` : ''}`);
    }
    rmSync(d, { recursive: true, force: true });
  }
  console.log(`race ${label}: ${TRIALS} trials, ${failures.length} failed${failures.length ? `\n  ${failures.slice(0, 5).join('\n  ')}` : ''}`);
  expect(failures).toEqual([]);
}

const count = (table: string) => (d: string) => query<{ n: number }>(d, `SELECT count(*) AS n FROM ${table}`)[0]!.n;
const members = count('members');

/** Runs a command once in `cwd` (the prepared database is made by the build under test, too). */
async function once(cwd: string, args: string[]): Promise<void> {
  const r = await spawnCli(cwd, args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
}

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('shuxiang-race-'));
  base = join(root, 'base');
  mkdirSync(base);
  await once(base, ['init', '--organ', '市财政局机关', '--branch', '第1党支部', '--year', '2026', '--yes']);
  const head = ['姓名', '性别', '身份证号', '所在支部'];
  const plain: unknown[][] = [['姓名', '性别', '所在支部']];
  const withIds: unknown[][] = [head];
  for (let k = 0; k < 300; k++) {
    plain.push([makeName(k), k % 2 ? '男' : '女', `第${1 + (k % 3)}党支部`]);
    withIds.push([makeName(k), k % 2 ? '男' : '女', makeId(`19${70 + (k % 30)}0${1 + (k % 9)}1${k % 10}`, (k % 499) * 2 + 2 - (k % 2), String(110000 + Math.floor(k / 499))), `第${1 + (k % 3)}党支部`]);
  }
  await writeXlsx(join(root, 'plain.xlsx'), [{ name: '花名册', rows: plain }]);
  await writeXlsx(join(root, 'ids.xlsx'), [{ name: '花名册', rows: withIds, numFmt: { 3: '@' } }]);
  await once(base, ['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习']);
  // A second prepared database with people on it, for the importers and commands that need them.
  people = join(root, 'people');
  mkdirSync(people);
  copyFileSync(join(base, 'shuxiang.db'), join(people, 'shuxiang.db'));
  await once(people, ['import', join(root, 'ids.xlsx'), '--no-backup']);
  await once(people, ['session', 'add', '--type', '集中学习', '--date', '2026-11-22', '--topic', '在册后的学习']);
  const ledger: unknown[][] = [['姓名', '日期', '学时', '学习内容']];
  for (let k = 0; k < 200; k++) ledger.push([makeName(k), new Date(Date.UTC(2026, 0, 1 + (k % 300))), 1.5, `自学${k}`]);
  await writeXlsx(join(root, 'ledger.xlsx'), [{ name: '自学', rows: ledger }]);
  const books: unknown[][] = [['书名', '作者', '类别']];
  for (let k = 0; k < 100; k++) books.push([`书目${k}`, `作者${k}`, '政治理论']);
  await writeXlsx(join(root, 'books.xlsx'), [{ name: '书目', rows: books }]);
  await once(people, ['export', '--json', join(root, 'all.json')]);
}, 120_000);
afterAll(() => cleanup());

describe('two processes at once never duplicate nor crash', () => {
  it('import of a 300-person roster without ID numbers', () => race('import (no IDs)', ['import', join(root, 'plain.xlsx'), '--no-backup'], members, 300), 600_000);
  it('import of a 300-person roster with ID numbers', () => race('import (IDs)', ['import', join(root, 'ids.xlsx'), '--no-backup'], members, 300), 600_000);
  it('the same import with its automatic backup (names taken in the same second)', () => race('import + backup', ['import', join(root, 'ids.xlsx')], members, 300), 600_000);
  it('member add of the same person (with ID)', () => race('member add', ['member', 'add', '--name', '赵六', '--id-card', makeId('19880808', 33)], members, 1), 600_000);
  it('import --kind ledger of the same 200 rows', () => race('import ledger', ['import', '--kind', 'ledger', join(root, 'ledger.xlsx'), '--no-backup'], count('self_study'), 200, people), 600_000);
  it('books import of the same 100 titles', () => race('books import', ['books', 'import', join(root, 'books.xlsx')], count('books'), 100, people), 600_000);
  it('import --kind json of the same export into the empty database', () => race('import json', ['import', '--kind', 'json', join(root, 'all.json'), '--no-backup'], members, 300), 600_000);
  it('checkin of the same people to the same session', () => race('checkin', ['checkin', '2', '--present', [0, 3, 6].map(makeName).join(','), '--absent-rest'], count('attendance'), 100, people), 600_000);
});

describe('two inits of the same new database at once', () => {
  it('one makes it, the other says it exists (exit 2) — never "busy" nor a half-made file', async () => {
    for (let i = 0; i < Math.min(TRIALS, 10); i++) {
      const d = join(root, `init${i}`);
      mkdirSync(d);
      const args = ['init', '--organ', '市财政局机关', '--branch', '机关第一党支部', '--year', '2026', '--yes'];
      const runs = await Promise.all([spawnCli(d, args), spawnCli(d, args)]);
      const codes = runs.map((r) => r.code).sort();
      expect(codes, runs.map((r) => r.stderr).join('\n')).toEqual([0, 2]);
      expect(runs.find((r) => r.code === 2)!.stderr).toContain('已经存在');
      expect(query(d, 'SELECT count(*) AS n FROM branches')).toEqual([{ n: 1 }]);
    }
  }, 300_000);
});
