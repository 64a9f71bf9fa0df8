// Issue 14, "names as people type them": a name without its 间隔号 is accepted when it is one person;
// a one-character slip gets the nearest people as suggestions (是不是：张建华？) — in flags, checkin,
// log, member show/edit and the importers' name columns; one bad name is one problem.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const { run, ok, json } = cliAt(() => dir, '2026-03-15');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张建华', from: '2026-01-01' }, { name: '古丽娜尔·艾买提', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }]);
});
afterEach(() => cleanup());

describe('a name without its 间隔号', () => {
  it('member show, log and checkin accept 古丽娜尔艾买提 when it is one person', async () => {
    expect(await json('member', 'show', '古丽娜尔艾买提')).toMatchObject({ id: 2, name: '古丽娜尔·艾买提' });
    expect(await json('log', 'lecture', '--member', '古丽娜尔艾买提', '--date', '2026-03-12', '--title', 'A')).toMatchObject({ memberId: 2, member: '古丽娜尔·艾买提' });
    const s = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A')).id;
    await ok('checkin', String(s), '--present', '古丽娜尔艾买提');
    expect(query(dir, 'SELECT member_id, status FROM attendance')).toEqual([{ member_id: 2, status: 'present' }]);
  });

  it('when two people share the dotless form, it is not guessed', async () => {
    addMembers(dir, [{ name: '古丽娜尔艾买提', from: '2026-01-01', branch: '机关第二党支部' }]);
    // The exact name wins; the dotted one is still found by its own spelling.
    expect(await json('member', 'show', '古丽娜尔艾买提')).toMatchObject({ id: 4 });
    expect(await json('member', 'show', '古丽娜尔·艾买提')).toMatchObject({ id: 2 });
  });

  it('the ledger import accepts the dotless form in its 姓名 column', async () => {
    const file = join(dir, '台账.xlsx');
    await writeXlsx(file, [{ name: '听课', rows: [['姓名', '日期', '课程题目'], ['古丽娜尔艾买提', d('2026-03-12'), 'A']] }]);
    await ok('import', '--kind', 'ledger', file);
    expect(query(dir, 'SELECT member_id FROM lectures')).toEqual([{ member_id: 2 }]);
  });
});

describe('every style of 间隔号 README promises', () => {
  // · U+00B7, • U+2022, ‧ U+2027, ・ U+30FB, ･ U+FF65, ． U+FF0E and a plain full stop: each is read as the one
  // 间隔号 the name is stored with (README: 姓名统一间隔号), so each finds the same person.
  const DOTS = ['\u00b7', '\u2022', '\u2027', '\u30fb', '\uff65', '\uff0e', '.'];

  it('a roster with any of them is imported, the name stored with ·; the same name typed with another finds the person', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '名单.csv'), `姓名,性别\n${DOTS.map((dot, i) => `阿依古丽${dot}买买提${'甲乙丙丁戊己庚'[i]},女`).join('\n')}\n`);
    const r = await run('import', '名单.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(query(dir, "SELECT name FROM members WHERE name LIKE '阿依古丽%' ORDER BY id")).toEqual(DOTS.map((_, i) => ({ name: `阿依古丽·买买提${'甲乙丙丁戊己庚'[i]}` })));
    for (const dot of DOTS) expect(await json('member', 'show', `古丽娜尔${dot}艾买提`), dot).toMatchObject({ id: 2 });
  });
});

describe('a one-character slip gets the nearest people', () => {
  it.each([
    [['member', 'show', '张建化'], '姓名“张建化”没有找到对应的人员。是不是：张建华？'],
    [['member', 'edit', '张建化', '--phone', '13812345678'], '姓名“张建化”没有找到对应的人员。是不是：张建华？'],
    [['member', 'leave', '张建化', '--date', '2026-03-01'], '姓名“张建化”没有找到对应的人员。是不是：张建华？'],
    [['log', 'self-study', '--member', '张建化', '--hours', '1'], '--member“张建化”没有找到对应的人员。是不是：张建华？'],
    [['log', 'list', '--member', '张建化'], '“张建化”没有找到对应的人员。是不是：张建华？'],
    [['audit', '--member', '张建化'], '“张建化”没有找到对应的人员。是不是：张建华？'],
  ])('%j: exit 2 with 是不是：张建华？', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('two near people are both suggested; nobody near gives no guess', async () => {
    addMembers(dir, [{ name: '张建国', from: '2026-01-01' }]);
    const r = await run('member', 'show', '张建化');
    expect(r.stderr).toMatch(/是不是：(张建华、张建国|张建国、张建华)？/);
    const far = await run('member', 'show', '欧阳修');
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('是不是');
  });

  it('checkin --present 张建化 says 1 处问题 (3 for three bad names), with the suggestion; nothing stored', async () => {
    const s = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A')).id;
    const one = await run('checkin', String(s), '--present', '张建化');
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('有 1 处问题');
    expect(one.stderr).toContain('--present“张建化”没有找到对应的人员。是不是：张建华？');
    const two = await run('checkin', String(s), '--present', '张建化,王五', '--late', '李思');
    expect(two.stderr).toContain('有 3 处问题');
    expect(two.stderr).toContain('--late“李思”没有找到对应的人员。是不是：李四？');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
  });

  it('the ledger import names the cell and suggests', async () => {
    const file = join(dir, '台账.xlsx');
    await writeXlsx(file, [{ name: '听课', rows: [['姓名', '日期', '课程题目'], ['张建化', d('2026-03-12'), 'A']] }]);
    const r = await run('import', '--kind', 'ledger', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('台账.xlsx › 听课 › A2：姓名“张建化”不在花名册中。是不是：张建华？');
    expect(query(dir, 'SELECT count(*) AS n FROM lectures')).toEqual([{ n: 0 }]);
  });

  it('a hand-made sign-in sheet: a slip is named by cell with the suggestion; the dotless form is accepted', async () => {
    const s = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A')).id;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('签到');
    ws.addRow([`shuxiang:session=${s}`]);
    ws.addRow(['序号', '姓名', '签名', '状态']);
    ws.addRow([1, '张建化', '', '出席']);
    ws.addRow([2, '古丽娜尔艾买提', '', '出席']);
    await wb.xlsx.writeFile(join(dir, 'hand.xlsx'));
    const r = await run('import', '--kind', 'signin', 'hand.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hand.xlsx › 签到 › B3：“张建化”不是 2026-03-10 机关第一党支部在册的人员。是不是：张建华？');
    expect(r.stderr).not.toContain('B4');
    await ok('import', '--kind', 'signin', 'hand.xlsx', '--skip-invalid');
    expect(query(dir, 'SELECT member_id, status FROM attendance')).toEqual([{ member_id: 2, status: 'present' }]);
  });
});
