// Files a secretary really has, found by a bug hunt over the importers (2026-12-03): a hidden sheet, a
// branch's file that is no database, an export edited by hand, Excel's “Unicode text”, numbers grouped
// with dashes, invisible characters pasted from WeChat, a rejects file being corrected, a roster without a
// branch column imported again. Workbooks are hand-written XML (test/helpers/handZip.ts), an oracle
// independent of every reader in the project.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStatusText } from '../../src/domain/attendanceStatus.js';
import { initDb, runCli, runOk, tempDir } from '../helpers/cli.js';
import { membersIn, query } from '../helpers/db.js';
import { handXlsx, worksheet } from '../helpers/handZip.js';
import { makeId } from '../helpers/ids.js';
import { readXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir, '机关第一党支部');
});
afterEach(() => cleanup());

const cli = (args: string[]) => runCli(args, { cwd: dir });
const batches = () => query<{ n: number }>(dir, 'SELECT count(*) AS n FROM batches')[0]!.n;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** Inline-string rows: no shared strings, every cell written where it is. */
const rowsXml = (rows: string[][]) => rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');

describe('sheets the user cannot see', () => {
  const book = () => handXlsx({
    sheets: [
      { name: '旧名单', xml: worksheet(rowsXml([['姓名', '性别'], ['赵六', '男']])) },
      { name: '花名册', xml: worksheet(rowsXml([['姓名', '性别'], ['张三', '男'], ['李四', '女']])) },
    ],
    // Excel marks a hidden sheet in the workbook part: state="hidden".
    workbookXml: (sheets) => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${sheets.replace('<sheet name="旧名单"', '<sheet state="hidden" name="旧名单"')}</workbook>`,
  });

  it('a hidden sheet is not read unless --sheet names it, and the user is told', async () => {
    writeFileSync(join(dir, 'book.xlsx'), book());
    const r = await runOk(['import', 'book.xlsx'], { cwd: dir });
    expect(r.stderr).toContain('隐藏的工作表“旧名单”没有读取');
    expect(membersIn(dir).map((m) => m.name).sort()).toEqual(['张三', '李四']);
    await runOk(['import', 'book.xlsx', '--sheet', '旧名单'], { cwd: dir });
    expect(membersIn(dir).map((m) => m.name)).toContain('赵六');
  });
});

// The note on a hidden sheet says to use --sheet: every importer must then honour it (ledger, plan and
// books ignored it, so a hidden data sheet could never be imported).
describe('--sheet for the ledger, the plan and the book list', () => {
  const hide = (names: string[]) => (sheets: string) => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${names.reduce((x, n) => x.replace(`<sheet name="${n}"`, `<sheet state="hidden" name="${n}"`), sheets)}</workbook>`;
  const book = () => handXlsx({
    sheets: [
      { name: '封面', xml: worksheet(rowsXml([['2026年个人学习台账']])) },
      { name: '自学', xml: worksheet(rowsXml([['序号', '姓名', '日期', '学时', '学习内容'], ['1', '张三', '2026-05-03', '1', '党章']])) },
      { name: '计划', xml: worksheet(rowsXml([['2027年度学习计划'], ['序号', '月份', '学习主题', '形式'], ['1', '2027-03', '三月主题', '集中学习']])) },
      { name: '书单', xml: worksheet(rowsXml([['书名', '作者'], ['习近平谈治国理政', '习近平']])) },
    ],
    workbookXml: hide(['自学', '计划', '书单']),
  });

  it('a hidden sheet named by --sheet is imported; an unknown name lists the sheets; nothing written without it', async () => {
    writeFileSync(join(dir, 'book.xlsx'), book());
    await runOk(['member', 'add', '--name', '张三', '--from', '2020-01-01'], { cwd: dir });
    const before = batches();
    for (const kind of ['ledger', 'plan', 'books']) {
      const r = await cli(['import', '--kind', kind, 'book.xlsx']);
      expect(r.code, `${kind}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('隐藏的工作表“自学”、“计划”、“书单”没有读取');
      const wrong = await cli(['import', '--kind', kind, 'book.xlsx', '--sheet', '自学表', '--skip-invalid']);
      expect(wrong.code, `${kind}: ${wrong.stderr}`).toBe(2);
      expect(wrong.stderr).toContain('book.xlsx：没有名为“自学表”的工作表。本文件的工作表有：“封面”、“自学”、“计划”、“书单”。');
    }
    expect(batches()).toBe(before);
    await runOk(['import', '--kind', 'ledger', 'book.xlsx', '--sheet', '自学'], { cwd: dir });
    expect(query(dir, 'SELECT content FROM self_study')).toEqual([{ content: '党章' }]);
    await runOk(['import', '--kind', 'plan', 'book.xlsx', '--sheet', '计划'], { cwd: dir });
    expect(query(dir, 'SELECT month, theme FROM plan_months')).toEqual([{ month: '2027-03', theme: '三月主题' }]);
    await runOk(['books', 'import', 'book.xlsx', '--sheet', '书单'], { cwd: dir });
    expect(query(dir, 'SELECT title FROM books')).toEqual([{ title: '习近平谈治国理政' }]);
    // The two other commands that import these take --sheet as well.
    await runOk(['plan', 'import', 'book.xlsx', '--sheet', '计划'], { cwd: dir });
    await runOk(['import', '--kind', 'books', 'book.xlsx', '--sheet', '书单'], { cwd: dir });
    // A sheet named that is not of the kind says which sheet it looked at.
    const cover = await cli(['import', '--kind', 'ledger', 'book.xlsx', '--sheet', '封面']);
    expect(cover.stderr).toContain('book.xlsx › 封面：没有找到学习台账的表头');
  });
});

describe('a branch file for --kind db that is not one', () => {
  it('an empty, a text and a cut-off file are refused as the input they are (exit 2), nothing written', async () => {
    await runOk(['demo', 'd'], { cwd: dir });
    const whole = readFileSync(join(dir, 'd', 'shuxiang.db'));
    writeFileSync(join(dir, 'empty.db'), '');
    writeFileSync(join(dir, 'text.db'), 'hello\n');
    writeFileSync(join(dir, 'cut.db'), whole.subarray(0, 8192));
    const before = batches();
    for (const [file, says] of [['empty.db', '空文件'], ['text.db', '不是 SQLite 数据库'], ['cut.db', '已损坏或不完整']] as const) {
      const r = await cli(['import', '--kind', 'db', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(says);
      // Not this database's damage: no advice to restore it.
      expect(r.stderr).not.toContain('restore');
      expect(r.stderr).not.toContain('内部错误');
    }
    expect(batches()).toBe(before);
  });
});

describe('an export edited by hand', () => {
  let doc: { formatVersion: number; tables: Record<string, Record<string, unknown>[]> };
  beforeEach(async () => {
    await runOk(['demo', 'd'], { cwd: dir });
    await runOk(['--db', join('d', 'shuxiang.db'), 'export', 'all.json'], { cwd: dir });
    doc = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8'));
  });
  const refused = async (edit: (d: typeof doc) => void, says: string) => {
    const d = structuredClone(doc);
    edit(d);
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(d));
    const before = batches();
    const r = await cli(['import', '--kind', 'json', 'edited.json']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(says);
    expect(batches()).toBe(before);
    return r;
  };

  it('a newer export format is refused', () => refused((d) => { d.formatVersion = 99; }, '导出格式版本 99'));
  it('an ID card number that fails GB 11643 is refused, masked in the message', async () => {
    const id = makeId('19800101', 11);
    const bad = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const r = await refused((d) => { d.tables.members![0]!.id_card = bad; }, 'GB 11643');
    expect(r.stderr).not.toContain(bad);
  });
  it('a name with spaces around it is refused', () => refused((d) => { d.tables.members![0]!.name = ` ${String(d.tables.members![0]!.name)} `; }, '空格'));
  it('self-study dated after today is refused', () => refused((d) => { d.tables.self_study![0]!.date = '2027-01-01'; }, '2027-01-01 在今天（2026-11-22）之后'));
  it('a sign-in other than 请假 at a session not yet held is refused', () => refused((d) => {
    const s = d.tables.sessions![0]!;
    s.date = '2026-12-15';
    const a = d.tables.attendance!.find((x) => x.session_id === s.id)!;
    a.status = 'present';
  }, '还没有举行，只能登记请假'));

  it('a BOM in front (saved by Notepad) is read', async () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(doc)}`);
    await runOk(['import', '--kind', 'json', 'bom.json'], { cwd: dir });
    expect(membersIn(dir).length).toBe(doc.tables.members!.length);
  });
});

describe('text files from other programs', () => {
  it('UTF-16 with its BOM, comma- or tab-separated (Excel “Unicode 文本”)', async () => {
    const le = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    writeFileSync(join(dir, 'u16.csv'), le('姓名,性别\r\n张三,男\r\n'));
    writeFileSync(join(dir, 'u16.txt'), le('姓名\t性别\t籍贯\r\n李四\t女\t湖南，长沙\r\n'));
    await runOk(['import', 'u16.csv'], { cwd: dir });
    await runOk(['import', 'u16.txt'], { cwd: dir });
    const li = membersIn(dir).find((m) => m.name === '李四')!;
    expect(li.gender).toBe('女');
    expect(li.extra).toEqual({ 籍贯: '湖南，长沙' });
  });

  it('a CSV ID in scientific notation gets the Excel explanation', async () => {
    writeFileSync(join(dir, 's.csv'), '姓名,性别,身份证号\n张三,男,1.10101E+17\n');
    const r = await cli(['import', 's.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('被 Excel 存成了数字');
  });
});

describe('what identifies a person, normalised', () => {
  it('mobile numbers grouped with dashes or spaces are their 11 digits; invisible characters leave names', async () => {
    writeFileSync(join(dir, 'p.csv'), '姓名,性别,联系电话\n\u200b王五\u200b,男,137-0013-7000\n李\u2060四,女,137 0013 7001\n');
    await runOk(['import', 'p.csv'], { cwd: dir });
    const byName = new Map(membersIn(dir).map((m) => [m.name, m]));
    expect(byName.get('王五')?.phone).toBe('13700137000');
    expect(byName.get('李四')?.phone).toBe('13700137001');
  });

  it('请假（事假）, the form the tool shows, is read back as that status', () => {
    expect(parseStatusText('请假（事假）')).toEqual({ status: 'excused', excuseKind: '事假' });
    expect(parseStatusText('请假(病假)')).toEqual({ status: 'excused', excuseKind: '病假' });
    expect(parseStatusText('请病假')).toEqual({ status: 'excused', excuseKind: '病假' });
  });
});

describe('the rejects file', () => {
  it('one being corrected is not replaced; the reasons are masked, the cells kept for re-import', async () => {
    const bad = makeId('19800101', 11).slice(0, 17) + '0';
    const badId = bad === makeId('19800101', 11) ? bad.slice(0, 17) + '1' : bad;
    writeFileSync(join(dir, 'r.csv'), `姓名,性别,身份证号\n张三,男,${makeId('19800101', 13)}\n李四,女,${badId}\n`);
    writeFileSync(join(dir, 'r.rejects.xlsx'), '我正在改的文件');
    const r = await runOk(['import', 'r.csv', '--skip-invalid'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.rejects.xlsx'), 'utf8')).toBe('我正在改的文件');
    expect(r.stderr + r.stdout).toContain('r.rejects（2）.xlsx');
    expect(existsSync(join(dir, 'r.rejects（2）.xlsx'))).toBe(true);
    const ws = (await readXlsx(join(dir, 'r.rejects（2）.xlsx'))).worksheets[0]!;
    const reason = String(ws.getRow(2).getCell(2).value);
    const cells = ws.getRow(2).values as unknown[];
    expect(reason).not.toContain(badId);
    expect(cells).toContain(badId);
  });
});

describe('a roster without a branch column, imported again', () => {
  it('people on file stay in their own branch (by ID, and by a name only one person has)', async () => {
    const ids = [makeId('19800101', 11), makeId('19810101', 12)];
    writeFileSync(join(dir, 'a.csv'), `姓名,性别,身份证号\n张三,男,${ids[0]}\n李四,女,${ids[1]}\n王五,男,\n`);
    await runOk(['import', 'a.csv', '--branch', '机关第二党支部', '--new-branch'], { cwd: dir });
    const r = await runOk(['import', 'a.csv'], { cwd: dir });
    expect(r.stdout).toContain('未变 3 人');
    expect(r.stderr).toContain('已按姓名视为“机关第二党支部”的王五');
    expect(new Set(membersIn(dir).map((m) => m.branch))).toEqual(new Set(['机关第二党支部']));
    expect(membersIn(dir)).toHaveLength(3);
  });

  it('a name two people on file share is refused, naming their branches', async () => {
    writeFileSync(join(dir, 'one.csv'), '姓名,性别\n王五,男\n');
    await runOk(['import', 'one.csv', '--branch', '机关第二党支部', '--new-branch'], { cwd: dir });
    await runOk(['import', 'one.csv', '--branch', '机关第三党支部', '--new-branch'], { cwd: dir });
    const r = await cli(['import', 'one.csv']);
    // 机关第一党支部 (the default) has no 王五: which of the two is meant cannot be told.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('机关第二党支部、机关第三党支部');
    expect(membersIn(dir)).toHaveLength(2);
  });
});
