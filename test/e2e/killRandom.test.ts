// kill -9 at random points — inside the import transaction (fault hook at a random row) or at a random
// moment of the run (timer) — during roster, ledger and JSON imports and during report writing. After
// every kill the database opens, passes `doctor`, and equals exactly the state before or after the
// command; a report file is either absent or complete. Runs are seeded, and the count is reported.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { fullDump, type Dump } from '../helpers/dump.js';
import { makeId, makeName } from '../helpers/ids.js';
import { readXlsx, writeXlsx } from '../helpers/xlsx.js';
import { seededRandom } from '../helpers/random.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const NOW = '2026-12-31';
const RUNS = 24;
let root: string;
let cleanup: () => void;
let base: string;

interface Workload {
  name: string;
  args: string[];
  /** Rows the write goes through (for a fault point), 0 when the command writes no rows. */
  rows: number;
  before?: Dump;
  after?: Dump;
  ms?: number;
}

const WORK: Workload[] = [
  { name: 'roster import', args: ['import', '../roster.xlsx'], rows: 1000 },
  { name: 'ledger import', args: ['import', '--kind', 'ledger', '../ledger.xlsx'], rows: 2000 },
  { name: 'json import', args: ['import', '--kind', 'json', '../other.json'], rows: 1000 },
  { name: 'report writing', args: ['report', '--year', '2026', '--xlsx', '台账.xlsx', '--docx', '总结.docx', '--md', '总结.md'], rows: 0 },
];

/** A pseudo-random sequence, so a failing run can be replayed. */
const rng = seededRandom;

function freshCopy(name: string): string {
  const d = join(root, name);
  mkdirSync(d);
  copyFileSync(join(base, 'shuxiang.db'), join(d, 'shuxiang.db'));
  return d;
}

/** Runs the command; kills it at the fault point or after `killAfterMs`. Resolves with how it ended. */
function run(cwd: string, args: string[], kill: { atRow?: number; afterMs?: number }): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SHUXIANG_NOW: NOW, NO_COLOR: '1' };
    if (kill.atRow) env.SHUXIANG_FAULT_AFTER_ROWS = String(kill.atRow);
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
      if (err.includes('FAULT-POINT')) child.kill('SIGKILL');
    });
    const timer = kill.afterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), kill.afterMs) : undefined;
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`exit ${code}: ${err}`));
    });
  });
}

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('shuxiang-kill-'));
  base = join(root, 'base');
  mkdirSync(base);
  await initDb(base);
  const people = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const row = (k: number, phone: string) => [makeName(k), k % 2 ? '男' : '女', makeId(`19${70 + (k % 30)}0${1 + (k % 9)}1${k % 10}`, (k % 400) * 2 + (k % 2 ? 1 : 2), String(110100 + Math.floor(k / 400))), phone];
  const head = ['姓名', '性别', '身份证号', '联系电话'];
  await writeXlsx(join(root, 'first.xlsx'), [{ name: '花名册', rows: [head, ...people(0, 150).map((k) => row(k, `1380000${String(k).padStart(4, '0')}`))] }]);
  expect((await runCli(['import', join(root, 'first.xlsx'), '--no-backup'], { cwd: base, now: NOW })).code).toBe(0);
  // the roster workload: 850 new people and a new phone for the 150 already there
  await writeXlsx(join(root, 'roster.xlsx'), [{ name: '花名册', rows: [head, ...people(0, 1000).map((k) => row(k, `1390000${String(k).padStart(4, '0')}`))] }]);
  const ledger: unknown[][] = [['姓名', '日期', '学时', '学习内容']];
  for (let i = 0; i < 2000; i++) ledger.push([makeName(i % 150), new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 150) * 15 + (i % 30))), 1, `自学${i % 7}`]);
  await writeXlsx(join(root, 'ledger.xlsx'), [{ name: '自学', rows: ledger }]);
  // another branch's export, for the JSON import
  const other = join(root, 'otherdb');
  mkdirSync(other);
  await initDb(other, '机关第二党支部');
  await writeXlsx(join(root, 'other.xlsx'), [{ name: '花名册', rows: [head, ...people(5000, 1000).map((k) => row(k, ''))] }]);
  expect((await runCli(['import', join(root, 'other.xlsx'), '--no-backup'], { cwd: other, now: NOW })).code).toBe(0);
  expect((await runCli(['export', '--json', join(root, 'other.json')], { cwd: other, now: NOW })).code).toBe(0);
  // before/after of each workload, from complete runs on copies
  for (const w of WORK) {
    const d = freshCopy(`ref-${w.name.replace(' ', '-')}`);
    w.before = fullDump(d);
    const t0 = Date.now();
    expect(await run(d, w.args, {})).toBe('finished');
    w.ms = Date.now() - t0;
    w.after = fullDump(d);
  }
}, 120_000);
afterAll(() => cleanup());

describe(`kill -9 at random points (${RUNS} runs)`, () => {
  it('always leaves a database that opens, passes doctor and is exactly before or after; reports whole or absent', async () => {
    const random = rng(20261231);
    const plan = Array.from({ length: RUNS }, (_, i) => {
      const w = WORK[i % WORK.length]!;
      const byRow = w.rows > 0 && random() < 0.6;
      return { i, w, kill: byRow ? { atRow: 1 + Math.floor(random() * w.rows) } : { afterMs: Math.floor(random() * w.ms! * 5) } };
    });
    const outcomes: string[] = [];
    const lanes = 6;
    await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
      for (const p of plan.filter((x) => x.i % lanes === lane)) {
        const d = freshCopy(`run-${p.i}`);
        const how = await run(d, p.w.args, p.kill);
        const dump = fullDump(d);
        const state = JSON.stringify(dump) === JSON.stringify(p.w.before) ? 'before' : JSON.stringify(dump) === JSON.stringify(p.w.after) ? 'after' : 'NEITHER';
        const doctor = await runCli(['doctor'], { cwd: d, now: NOW });
        let files = '';
        if (p.w.rows === 0) {
          for (const f of ['台账.xlsx', '总结.docx', '总结.md']) {
            if (!existsSync(join(d, f))) continue;
            if (f.endsWith('.xlsx')) expect((await readXlsx(join(d, f))).worksheets.length).toBeGreaterThan(5);
            files += ` ${f}`;
          }
        }
        outcomes.push(`${p.w.name} ${JSON.stringify(p.kill)} → ${how}, ${state}, doctor ${doctor.code}${files}`);
        expect(state, `${p.w.name} ${JSON.stringify(p.kill)}`).not.toBe('NEITHER');
        expect(doctor.code, doctor.stdout).toBe(0);
        // a backup killed half-way is left as *.partial, never as a .db that looks good; every .db is sound
        const folder = join(d, 'shuxiang-backups');
        for (const f of existsSync(folder) ? readdirSync(folder).filter((x) => x.endsWith('.db')) : []) {
          const copy = new Database(join(folder, f), { readonly: true });
          expect(copy.pragma('quick_check', { simple: true }), f).toBe('ok');
          copy.close();
        }
      }
    }));
    const killed = outcomes.filter((o) => o.includes('→ killed')).length;
    console.log(`kill runs: ${outcomes.length} survived (${killed} killed mid-run, ${outcomes.length - killed} finished before the kill)\n  ${outcomes.sort().join('\n  ')}`);
    expect(outcomes).toHaveLength(RUNS);
    // every run with a fault point is killed inside its transaction; timed runs land anywhere, or after the end
    expect(killed).toBeGreaterThanOrEqual(plan.filter((p) => p.kill.atRow).length);
    expect(plan.filter((p) => p.kill.atRow).length).toBeGreaterThanOrEqual(8);
  }, 240_000);
});
