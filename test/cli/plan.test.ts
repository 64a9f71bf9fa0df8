// The annual study plan: `plan init` writes the workbook, `import --kind plan` reads it back (every problem
// by cell, again = no change), `plan rotate` fills the co-hosts in turn, `plan link` ties a session to its
// month; a planned month with no session is a gap in `plan show`, `audit` and `report` (text, JSON, .xlsx).
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-05-15' });
const json = async (...args: string[]) => {
  const r = await run('--json', ...args);
  if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

const THEMES = ['新春学习', '读《之江新语》', '党史专题', '参观红色教育基地', '学习条例', '读书会：简史'];
const FORMS = ['集中学习', '读书会', '讲座', '参观', '集中学习', '读书会'];

/** Fills the first six months of the workbook `plan init` wrote. */
async function fillPlan(file: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('学习计划')!;
  THEMES.forEach((t, i) => {
    ws.getCell(4 + i, 3).value = t;
    ws.getCell(4 + i, 4).value = FORMS[i];
  });
  ws.getCell(5, 5).value = '《之江新语》';
  ws.getCell(4, 7).value = '王书记';
  edit?.(ws);
  await wb.xlsx.writeFile(file);
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
  // Held: January collective study, February reading exchange, March a collective study (not a lecture).
  for (const [type, date] of [['集中学习', '2026-01-10'], ['读书交流', '2026-02-10'], ['集中学习', '2026-03-20']]) {
    expect((await run('session', 'add', '--type', type!, '--date', date!, '--topic', `${type}${date}`, '--hours', '2')).code).toBe(0);
  }
});
afterEach(() => cleanup());

describe('plan', () => {
  it('init writes twelve months; the import reads them back and again changes nothing', async () => {
    const init = await run('plan', 'init', '--year', '2026');
    expect(init.code).toBe(0);
    const file = join(dir, '2026年度学习计划.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('学习计划')!;
    expect(ws.getCell('A1').value).toBe('机关第一党支部2026年度学习计划');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '月份', '学习主题', '形式', '必学书目', '承办单位', '主讲人']);
    expect(ws.getCell('B15').value).toBe('2026年12月');
    await fillPlan(file);
    expect(await json('import', '--kind', 'plan', file)).toMatchObject({ added: 6, updated: 0, unchanged: 0, from: '2026-01', to: '2026-06' });
    expect(await json('import', '--kind', 'plan', file)).toMatchObject({ added: 0, updated: 0, unchanged: 6 });
    expect(query(dir, "SELECT theme, form, books, speaker FROM plan_months WHERE month = '2026-01' OR month = '2026-06' ORDER BY month")).toEqual([
      { theme: '新春学习', form: '集中学习', books: '', speaker: '王书记' },
      { theme: '读书会：简史', form: '读书会', books: '', speaker: null },
    ]);
    // issue 16: a taken default name is not replaced but takes the next number; a named file is refused
    expect((await run('plan', 'init', '--year', '2026')).stderr).toContain('已存在，未覆盖；本次保存为 2026年度学习计划（2）.xlsx');
    expect((await run('plan', 'init', '--year', '2026', '2026年度学习计划.xlsx')).stderr).toContain('已经存在，未覆盖');
  });

  it('a planned month with no session is a gap in plan show, audit and report', async () => {
    await run('plan', 'init', '--year', '2026');
    await fillPlan(join(dir, '2026年度学习计划.xlsx'));
    await run('import', '--kind', 'plan', '2026年度学习计划.xlsx');
    const show = await json('plan', 'show', '--year', '2026');
    expect(show.rows.map((r: { month: string; status: string }) => `${r.month} ${r.status}`)).toEqual([
      '2026-01 held', '2026-02 held', '2026-03 gap', '2026-04 gap', '2026-05 open', '2026-06 future',
    ]);
    const text = await run('plan', 'show');
    expect(text.stdout).toContain('未开展：2026 年 3 月「党史专题」（讲座）——当月没有相应的学习活动');

    const audit = await run('audit');
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain('四、学习计划执行情况');
    expect(audit.stdout).toContain('未开展：2026 年 4 月「参观红色教育基地」（参观）');
    expect(audit.stderr).toContain('学习计划有 2 个月未开展');
    const aj = await json('audit');
    expect(aj.plan).toMatchObject({ held: 2, gaps: 2, open: 1, future: 1 });

    const report = await run('report', '--year', '2026');
    expect(report.stdout).toContain('学习计划 6 个月：已开展 2，未开展 2，进行中 1，未到期 1。');
    expect(report.stdout).toContain('未开展：2026 年 3 月「党史专题」');
    expect((await run('report', '--year', '2026', '--xlsx', '台账.xlsx')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '台账.xlsx'));
    const sheet = wb.getWorksheet('学习计划')!;
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining(['2026-03', '党史专题', '讲座', '未开展']));

    // Linking the March collective study to the March plan closes that gap.
    const link = await run('plan', 'link', '3', '--month', '2026-03');
    expect(link.stdout).toContain('已关联：活动 #3');
    expect((await json('audit')).plan).toMatchObject({ held: 3, gaps: 1 });
  });

  it('rotate fills the co-host column in turn', async () => {
    await run('plan', 'init', '--year', '2026');
    await fillPlan(join(dir, '2026年度学习计划.xlsx'));
    await run('import', '--kind', 'plan', '2026年度学习计划.xlsx');
    const r = await json('plan', 'rotate', '--units', '办公室,财务处,人事处', '--year', '2026');
    expect(r.months.map((m: { cohost: string }) => m.cohost)).toEqual(['办公室', '财务处', '人事处', '办公室', '财务处', '人事处']);
    expect(r.changed).toBe(6);
    expect((await json('plan', 'rotate', '--units', '办公室,财务处,人事处', '--year', '2026')).changed).toBe(0);
    const dup = await run('plan', 'rotate', '--units', '办公室,办公室');
    expect(dup.code).toBe(2);
    const none = await run('plan', 'rotate', '--units', 'A,B', '--year', '2027');
    expect(none.stderr).toContain('还没有 2027 年的学习计划');
  });

  it('reads the months secretaries write: 1月份, 五月份, 元月, 2026年7月份, a date with a time, and number cells 2026.3 / 2026.12', async () => {
    const file = join(dir, '计划.xlsx');
    const sheet = (months: unknown[]) => [{ name: '学习计划', rows: [['机关第一党支部2026年度学习计划'], ['序号', '月份', '学习主题', '形式'], ...months.map((m, i) => [i + 1, m, `主题${i + 1}`, '集中学习'])] }];
    await writeXlsx(file, sheet(['元月', '2月份', 2026.3, '2026-04-08 14:30', '五月份', '2026年7月份', 2026.12]));
    const r = await run('--json', 'import', '--kind', 'plan', file);
    expect(r.code, r.stderr).toBe(0);
    expect(query(dir, 'SELECT month, theme FROM plan_months ORDER BY month')).toEqual([
      { month: '2026-01', theme: '主题1' }, { month: '2026-02', theme: '主题2' }, { month: '2026-03', theme: '主题3' }, { month: '2026-04', theme: '主题4' },
      { month: '2026-05', theme: '主题5' }, { month: '2026-07', theme: '主题6' }, { month: '2026-12', theme: '主题7' },
    ]);
    // 2026.1 in a number cell is January or October (Excel stores a typed 2026.10 as 2026.1): refused, as for every date.
    const bad = join(dir, '计划2.xlsx');
    await writeXlsx(bad, sheet([2026.1]));
    const e = await run('import', '--kind', 'plan', bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('计划2.xlsx › 学习计划 › B3：月份：“2026.1”是数字，看不出是 2026 年 1 月还是 10 月（Excel 会把输入的 2026.10 存成 2026.1）。请把该列设为“文本”格式后写成 2026.01 或 2026-01（也可写 2026年1月）');
  });

  it('every problem of a plan sheet is named by cell, and nothing is written', async () => {
    await run('plan', 'init', '--year', '2026');
    const file = join(dir, '2026年度学习计划.xlsx');
    await fillPlan(file, (ws) => {
      ws.getCell('D5').value = '郊游';
      ws.getCell('C6').value = '';
      ws.getCell('E6').value = '《某书》';
      ws.getCell('B7').value = '十三月';
      ws.getCell('C7').value = '主题';
    });
    const r = await run('import', '--kind', 'plan', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026年度学习计划.xlsx › 学习计划 › D5：形式“郊游”无效，请从下拉列表中选择：集中学习、读书会、讲座、参观');
    expect(r.stderr).toContain('2026年度学习计划.xlsx › 学习计划 › C6：学习主题没有填写');
    expect(r.stderr).toContain('› B7：月份“十三月”无法识别');
    expect(query(dir, 'SELECT * FROM plan_months')).toEqual([]);
  });
});
