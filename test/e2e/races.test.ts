// Two at once (issue 16): two real processes running the same read-then-write command at the same moment
// must never make duplicates nor crash on a UNIQUE constraint — the planning read happens inside the
// write transaction (BEGIN IMMEDIATE). Each race is repeated RACE_TRIALS times (default 20) on a fresh
// copy of one prepared database; every trial must end with both commands exit 0 (the second one finding
// nothing left to do) or one reporting cleanly, and the data exactly as after one run.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { makeId, makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const TRIALS = Number(process.env.RACE_TRIALS ?? 20);
let root: string;
let cleanup: () => void;
let base: string;

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
function trialDir(i: number): string {
  const d = join(root, `t${i}`);
  mkdirSync(d);
  copyFileSync(join(base, 'shuxiang.db'), join(d, 'shuxiang.db'));
  return d;
}

/** Runs `args` twice at once in TRIALS fresh copies; `count` reads what must equal `expected` after each. */
async function race(label: string, args: string[], count: (dir: string) => number, expected: number): Promise<void> {
  const failures: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const d = trialDir(i);
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

const members = (d: string) => query<{ n: number }>(d, 'SELECT count(*) AS n FROM members')[0]!.n;

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('shuxiang-race-'));
  base = join(root, 'base');
  mkdirSync(base);
  await initDb(base);
  const head = ['姓名', '性别', '身份证号', '所在支部'];
  const plain: unknown[][] = [['姓名', '性别', '所在支部']];
  const withIds: unknown[][] = [head];
  for (let k = 0; k < 300; k++) {
    plain.push([makeName(k), k % 2 ? '男' : '女', `第${1 + (k % 3)}党支部`]);
    withIds.push([makeName(k), k % 2 ? '男' : '女', makeId(`19${70 + (k % 30)}0${1 + (k % 9)}1${k % 10}`, (k % 499) * 2 + 2 - (k % 2), String(110000 + Math.floor(k / 499))), `第${1 + (k % 3)}党支部`]);
  }
  await writeXlsx(join(root, 'plain.xlsx'), [{ name: '花名册', rows: plain }]);
  await writeXlsx(join(root, 'ids.xlsx'), [{ name: '花名册', rows: withIds, numFmt: { 3: '@' } }]);
  expect((await runCli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'], { cwd: base })).code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('two processes at once never duplicate nor crash', () => {
  it('import of a 300-person roster without ID numbers', () => race('import (no IDs)', ['import', join(root, 'plain.xlsx'), '--no-backup'], members, 300), 600_000);
  it('import of a 300-person roster with ID numbers', () => race('import (IDs)', ['import', join(root, 'ids.xlsx'), '--no-backup'], members, 300), 600_000);
  it('the same import with its automatic backup (names taken in the same second)', () => race('import + backup', ['import', join(root, 'ids.xlsx')], members, 300), 600_000);
  it('member add of the same person (with ID)', () => race('member add', ['member', 'add', '--name', '赵六', '--id-card', makeId('19880808', 33)], members, 1), 600_000);
});
