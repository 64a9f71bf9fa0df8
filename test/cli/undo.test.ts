// undo after each kind of write restores the exact prior state (full dumps of every table, bookkeeping
// included); the batch counts equal the real row difference; redoing the command gives the same state.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { diffDump, fullDump } from '../helpers/dump.js';
import { makeId } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

const NOW = '2026-11-22';
const ID_ZHANG = makeId('19800101', 11);
let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir, now: NOW });

function roster(phones: string[]): unknown[][] {
  const names = ['赵一', '钱二', '孙三', '李四', '周五'];
  return [['姓名', '身份证号', '联系电话'], ...names.slice(0, phones.length).map((n, i) => [n, makeId(`1985030${i + 1}`, i + 1), phones[i]])];
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await writeXlsx(join(dir, 'roster1.xlsx'), [{ name: '花名册', rows: roster(['13800000001', '13800000002', '13800000003', '13800000004', '13800000005']) }]);
  await writeXlsx(join(dir, 'roster2.xlsx'), [{ name: '花名册', rows: roster(['13800000011', '13800000002', '13800000013', '13800000004']) }]);
  const ledger: unknown[][] = [['个人学习台账（张三）'], ['序号', '日期', '学时', '学习内容']];
  for (let i = 0; i < 30; i++) ledger.push([i + 1, new Date(Date.UTC(2026, 3, 1 + i)), 1 + (i % 3) / 2, '自学']);
  await writeXlsx(join(dir, '张三.xlsx'), [{ name: '自学', rows: ledger }]);
  const plan: unknown[][] = [['机关第一党支部2026年度学习计划'], ['序号', '月份', '学习主题', '形式', '必学书目', '承办单位', '主讲人']];
  for (let m = 1; m <= 12; m++) plan.push([m, `2026年${m}月`, `第${m}月主题`, '集中学习', m === 3 ? '之江新语' : null]);
  await writeXlsx(join(dir, 'plan.xlsx'), [{ name: '学习计划', rows: plan }]);
  // a second database to export from, for import --kind json
  const other = join(dir, 'other');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(other);
  await initDb(other, '机关第二党支部');
  expect((await runCli(['member', 'add', '--name', '吴六', '--phone', '13700000000', '--from', '2026-01-01'], { cwd: other, now: NOW })).code).toBe(0);
  expect((await runCli(['session', 'add', '--type', '集中学习', '--date', '2026-02-03', '--topic', '二支部学习'], { cwd: other, now: NOW })).code).toBe(0);
  expect((await runCli(['checkin', '1', '--present', '吴六'], { cwd: other, now: NOW })).code).toBe(0);
  expect((await runCli(['export', '--json', join(dir, 'other.json')], { cwd: other, now: NOW })).code).toBe(0);
});
afterAll(() => cleanup());

const STEPS: [string, string[]][] = [
  ['member add', ['member', 'add', '--name', '张三', '--phone', '13812345678', '--id-card', ID_ZHANG, '--post', '书记', '--from', '2026-01-01']],
  ['import roster (adds)', ['import', 'roster1.xlsx']],
  ['import roster (changes, --sync leaves)', ['import', 'roster2.xlsx', '--sync', '--yes']],
  ['member edit', ['member', 'edit', '张三', '--phone', '13900001111', '--job', '处长']],
  ['member leave', ['member', 'leave', '李四', '--date', '2026-06-01']],
  ['session add', ['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习全会精神']],
  ['checkin (new)', ['checkin', '1', '--present', '张三,赵一', '--excused', '钱二:病假', '--absent-rest']],
  ['checkin (update)', ['checkin', '1', '--late', '钱二']],
  ['session edit', ['session', 'edit', '1', '--place', '二楼报告厅']],
  ['log self-study', ['log', 'self-study', '--member', '张三', '--date', '2026-03-02', '--hours', '1.5', '--notes', '--content', '读原著']],
  ['log book (new catalogue entry)', ['log', 'book', '--member', '张三', '--title', '之江新语', '--author', '习近平', '--category', '政治理论', '--finished', '2026-03-20']],
  ['import ledger', ['import', '--kind', 'ledger', '张三.xlsx']],
  ['log remove', ['log', 'remove', 'self-study:1']],
  ['books add', ['books', 'add', '--title', '中国共产党简史', '--category', '党史']],
  ['lend (reading room)', ['lend', '之江新语', '张三', '--date', '2026-03-02']],
  ['return, logged as read', ['return', '之江新语', '张三', '--date', '2026-03-25', '--log-read']],
  ['import plan (study plan)', ['import', '--kind', 'plan', 'plan.xlsx']],
  ['plan rotate (study plan)', ['plan', 'rotate', '--units', '办公室,财务处,人事处', '--year', '2026']],
  ['plan link', ['plan', 'link', '1', '--month', '2026-03']],
  ['rules use', ['rules', 'use', 'shuxiang-organ']],
  ['import json (merge another branch)', ['import', '--kind', 'json', 'other.json']],
  ['session remove (cascades sign-ins)', ['session', 'remove', '1', '--yes']],
];

describe('undo restores the exact prior state after each kind of write', () => {
  it.each(STEPS)('%s', async (_label, args) => {
    const before = fullDump(dir);
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    const after = fullDump(dir);
    const batch = after.batches!.rows.at(-1)! as { id: number; added: number; changed: number; removed: number };
    expect(after.batches!.rows.length).toBe(before.batches!.rows.length + 1);
    expect({ added: batch.added, changed: batch.changed, removed: batch.removed }).toEqual(diffDump(before, after));
    const u = await cli(['undo', '--yes', '--no-backup']);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toContain(`已撤销第 ${batch.id} 次写入`);
    expect(fullDump(dir)).toEqual(before);
    // and the same command again gives the same state, so the next step builds on it
    expect((await cli(args)).code).toBe(0);
    expect(fullDump(dir)).toEqual(after);
  });
});

describe('undo refuses what a later write built on, and says which', () => {
  it('names the later batch, changes nothing; undoing in order then works', async () => {
    const h = JSON.parse((await cli(['--json', 'history', '--all'])).stdout) as { batches: { id: number; command: string }[] };
    const rosterBatch = h.batches.find((b) => b.command === 'import' && true)!;
    const before = fullDump(dir);
    const r = await cli(['undo', String(rosterBatch.id), '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`不能单独撤销第 ${rosterBatch.id} 次写入：之后的第 \\d+ 次写入`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fullDump(dir)).toEqual(before);
  });

  it('undoes an earlier batch nothing depends on (books add), leaving later ones', async () => {
    const h = JSON.parse((await cli(['--json', 'history', '--all'])).stdout) as { batches: { id: number; command: string }[] };
    const books = h.batches.find((b) => b.command === 'books add')!;
    const r = await cli(['undo', String(books.id), '--yes', '--no-backup']);
    expect(r.code, r.stderr).toBe(0);
    expect(fullDump(dir).books!.rows.map((b) => b.title)).not.toContain('中国共产党简史');
  });

  it('history masks personal numbers and shows exact counts', async () => {
    const r = await cli(['history', '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--phone 138****5678');
    expect(r.stdout).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
    const j = (await cli(['--json', 'history', '--all'])).stdout;
    expect(j).toContain(`--id-card ${ID_ZHANG.slice(0, 6)}********${ID_ZHANG.slice(-4)}`);
    expect(j).not.toContain(ID_ZHANG);
  });

  it('refuses a bad or unknown batch number with exit 2', async () => {
    expect((await cli(['undo', 'abc', '--yes'])).stderr).toContain('编号“abc”无效');
    const r = await cli(['undo', '999', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有编号为 999 的写入记录');
  });

  it('asks on a terminal only: without one and without --yes it names the flag', async () => {
    const r = await cli(['undo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
  });

  it('takes an automatic backup first (0600), so the undo itself can be reverted with restore', async () => {
    const before = fullDump(dir);
    const r = await cli(['--json', 'undo', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const backup = JSON.parse(r.stdout).backup as string;
    const { statSync } = await import('node:fs');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect((await cli(['restore', backup, '--yes'])).code).toBe(0);
    const restored = fullDump(dir);
    expect(restored.members).toEqual(before.members);
    expect(restored.batches).toEqual(before.batches);
  });
});
