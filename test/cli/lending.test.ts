// The reading room: `books add` with copies and shelf, `lend`, `return`, `books overdue|history|show|edit`,
// `template books` read back by `books import`. Lending rules: a lent-out copy cannot be lent twice, overdue
// is counted as of a date, returning a book that is not out is a clear error and writes nothing.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';
import { runTty } from '../helpers/tty.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-11-22' });
const json = async (...args: string[]) => {
  const r = await run('--json', ...args);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const loans = () => query<{ member_id: number; returned_on: string | null }>(dir, 'SELECT member_id, returned_on FROM loans ORDER BY id');

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' }]);
  await json('books', 'add', '--title', '之江新语', '--author', '习近平', '--category', '政治理论', '--copies', '2', '--shelf', 'A-3', '--isbn', '978-7-213-03584-5');
  await json('books', 'add', '--title', '中国共产党简史', '--category', '党史');
});
afterEach(() => cleanup());

describe('lend and return', () => {
  it('lends copies until none is left; the same person cannot borrow the same book twice', async () => {
    const a = await json('lend', '之江新语', '张三', '--date', '2026-10-01');
    expect(a).toMatchObject({ member: '张三', lentOn: '2026-10-01', dueOn: '2026-10-31', copiesLeft: 1 });
    const twice = await run('lend', '之江', '张三');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('张三 已借了《之江新语》（2026-10-01 借出，应还 2026-10-31），不能重复借同一本书。');
    await json('lend', '#1', 'ls', '--days', '14', '--date', '2026-11-01');
    const full = await run('lend', '之江新语', '王五');
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('《之江新语》共 2 册，已全部借出（张三、李四），现在不能再借。');
    expect(loans()).toHaveLength(2);
    const list = await json('books', 'list');
    expect(list.find((b: { title: string }) => b.title === '之江新语')).toMatchObject({ copies: 2, available: 0, shelf: 'A-3', isbn: '9787213035845' });
  });

  it('counts overdue days as of a date', async () => {
    await json('lend', '之江新语', '张三', '--date', '2026-10-01');
    await json('lend', '之江新语', '李四', '--date', '2026-11-01', '--days', '14');
    await json('lend', '中国共产党简史', '王五', '--date', '2026-11-20');
    const now = await json('books', 'overdue');
    expect(now.overdue.map((l: { member: string; overdue: number }) => [l.member, l.overdue])).toEqual([['张三', 22], ['李四', 7]]);
    const before = await json('books', 'overdue', '--as-of', '2026-10-31');
    expect(before.overdue).toEqual([]);
    const later = await json('books', 'overdue', '--as-of', '2026-12-31');
    expect(later.overdue.map((l: { member: string; overdue: number }) => [l.member, l.overdue])).toEqual([['张三', 61], ['李四', 46], ['王五', 11]]);
    const text = await run('books', 'overdue');
    expect(text.stdout).toMatch(/张三 +机关第一党支部 +《之江新语》 +2026-10-01 +2026-10-31 +22/);
  });

  it('refuses to return a book that is not lent, or not to that person, and writes nothing', async () => {
    const none = await run('return', '中国共产党简史');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('《中国共产党简史》现在没有借出，无需归还。');
    await json('lend', '之江新语', '张三', '--date', '2026-10-01');
    await json('lend', '之江新语', '李四', '--date', '2026-10-02');
    const which = await run('return', '之江新语');
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('借给了 2 人（张三、李四），请写明是谁还的');
    const wrong = await run('return', '之江新语', '王五');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('《之江新语》没有借给 王五，现在借着的是：张三、李四。');
    const unknown = await run('return', '不存在的书');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('书“不存在的书”不在书目库中。');
    expect(loans().every((l) => l.returned_on === null)).toBe(true);
  });

  it('a return can log the book as read; history shows late returns', async () => {
    await json('lend', '之江新语', '张三', '--date', '2026-10-01');
    const r = await json('return', '之江新语', '张三', '--log-read', '--date', '2026-11-05');
    expect(r).toMatchObject({ returnedOn: '2026-11-05', daysLate: 5, loggedRead: true });
    expect(query(dir, 'SELECT started, finished FROM readings')).toEqual([{ started: '2026-10-01', finished: '2026-11-05' }]);
    await json('lend', '中国共产党简史', '张三', '--date', '2026-11-10');
    const plain = await json('return', '中国共产党简史');
    expect(plain.loggedRead).toBe(false);
    const h = await json('books', 'history', '张三');
    expect(h.loans.map((l: { title: string; returnedOn: string }) => [l.title, l.returnedOn])).toEqual([['之江新语', '2026-11-05'], ['中国共产党简史', '2026-11-22']]);
    expect((await run('books', 'history', '张三')).stdout).toContain('逾期归还');
    // Returned, so it can be lent again.
    expect((await run('lend', '之江新语', '张三')).code).toBe(0);
  });

  it('on a terminal, a return asks whether the book was read (default yes)', async () => {
    await json('lend', '之江新语', '张三', '--date', '2026-10-01');
    const t = runTty(['return', '之江新语'], { cwd: dir, now: '2026-11-01' });
    await t.step('张三 读完《之江新语》了吗？', '\r');
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已记入 张三 的读书记录（2026-11-01 读完）');
    expect(query(dir, 'SELECT finished FROM readings')).toEqual([{ finished: '2026-11-01' }]);
  });

  it('checks the ISBN, the copies on edit and the dates', async () => {
    const bad = await run('books', 'add', '--title', '某书', '--isbn', '978-7-213-03584-0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--isbn：ISBN“978-7-213-03584-0”无效：校验位应为 5');
    await json('lend', '之江新语', '张三');
    await json('lend', '之江新语', '李四');
    const fewer = await run('books', 'edit', '之江新语', '--copies', '1');
    expect(fewer.code).toBe(2);
    expect(fewer.stderr).toContain('--copies 1 少于现在借出的 2 册。');
    expect((await json('books', 'edit', '之江新语', '--copies', '3', '--shelf', 'B-1'))).toMatchObject({ copies: 3, shelf: 'B-1' });
    const d = await run('lend', '中国共产党简史', '王五', '--date', '2026-02-30');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--date 的取值“2026-02-30”不是有效日期');
    const show = await run('books', 'show', '之江新语');
    expect(show.stdout).toContain('册数：3，在架 1，借出 2；存放位置：B-1');
  });
});

describe('catalogue in Excel', () => {
  it('template books is read back by books import; a wrong ISBN is named by file › sheet › cell', async () => {
    const t = await run('template', 'books', '书目.xlsx');
    expect(t.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '书目.xlsx'));
    const ws = wb.getWorksheet('书目')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '书名', '作者', 'ISBN', '类别', '书记荐书', '推荐人', '推荐理由', '必学年度', '册数', '存放位置']);
    ws.getRow(5).values = [1, '乡土中国', '费孝通', '', '科学人文', '是', '李书记', '读懂基层', '', 2, 'D-1'];
    ws.getRow(6).values = [2, '苏东坡传', '林语堂', '9787000000000', '科学人文'];
    await wb.xlsx.writeFile(join(dir, '书目.xlsx'));
    const bad = await run('books', 'import', '书目.xlsx');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('书目.xlsx › 书目 › D6：ISBN“9787000000000”无效：校验位应为 1，请核对是否抄错。不清楚时可留空');
    ws.getRow(6).getCell(4).value = '';
    await wb.xlsx.writeFile(join(dir, '书目.xlsx'));
    expect(await json('books', 'import', '书目.xlsx')).toMatchObject({ added: 2 });
    const list = await json('books', 'list', '--recommended');
    expect(list).toMatchObject([{ title: '乡土中国', copies: 2, shelf: 'D-1', recommendedBy: '李书记' }]);
  });

  it('recommend, require and print the lists as .xlsx and .docx', async () => {
    expect((await run('books', 'recommend', '之江新语', '--by', '李书记', '--reason', '常读常新')).code).toBe(0);
    expect((await run('books', 'require', '之江新语', '中国共产党简史', '--year', '2027')).code).toBe(0);
    expect((await json('books', 'require', '--year', '2027')).map((b: { title: string }) => b.title)).toEqual(['中国共产党简史', '之江新语']);
    const p = await json('books', 'print', '--required', '2027');
    expect(p.files.map((f: string) => f.slice(dir.length + 1))).toEqual(['2027年必学书目.xlsx', '2027年必学书目.docx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '2027年必学书目.xlsx'));
    expect(wb.getWorksheet('必学书目')!.getCell('B3').value).toBe('《中国共产党简史》');
    const JSZip = (await import('jszip')).default;
    const { readFileSync } = await import('node:fs');
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, '2027年必学书目.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('市财政局机关2027年必学书目');
    expect(xml).toContain('《之江新语》');
    // A poster for members: dated 2026年11月22日 (no spaces), no command lines, no 《》 wrapped twice.
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toMatch(/20\d\d年\d{1,2}月\d{1,2}日/);
    expect(text).not.toMatch(/\d 年 \d|shuxiang|《《/);
    const none = await run('books', 'print', '--required', '2030');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('还没有 2030 年的必学书目');
  });
});
