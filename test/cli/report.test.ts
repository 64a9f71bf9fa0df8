// `shuxiang report`: period flags, the terminal summary, the JSON model against the audit, and the
// ledger workbook opened back with exceljs (sheets, headers, frozen panes, print setup, types, privacy).
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_SHEETS } from '../../src/render/excel/ledgerWorkbook.js';
import type { PeriodReport } from '../../src/reports/periodReportTypes.js';
import { addMembers } from '../helpers/roster.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';

let demo: { dir: string; cleanup: () => void };
let db: string;
const NOW = '2026-12-31';
const run = (args: string[], cwd = demo.dir, now = NOW) => runCli(['--db', db, ...args], { cwd, now });

beforeAll(async () => {
  demo = tempDir();
  const r = await runCli(['demo', 'd'], { cwd: demo.dir, now: NOW });
  expect(r.code).toBe(0);
  db = join(demo.dir, 'd', 'shuxiang.db');
}, 60_000);
afterAll(() => demo.cleanup());

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const headerOf = (ws: ExcelJS.Worksheet, row = 2) => (ws.getRow(row).values as unknown[]).slice(1);

describe('report: periods and the terminal summary', () => {
  it('--quarter without a value is the quarter of --as-of', async () => {
    const r = await run(['report', '--quarter', '--as-of', '2026-05-10']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('学习情况：机关第一党支部 · 2026年第二季度（截至 2026-05-10，本期尚未结束）');
    expect(r.stdout).toContain('达标情况（学习型党组织，按人数计）');
    expect(r.stdout).toMatch(/出勤率 \d+\.\d%/);
  });

  it('reads 2026Q1, 2026-Q1 and Q1 alike; --year is the default period', async () => {
    const ids: string[] = [];
    for (const q of ['2026Q1', '2026-Q1', 'q1']) {
      const r = await run(['--json', 'report', '--quarter', q]);
      expect(r.code).toBe(0);
      ids.push((JSON.parse(r.stdout) as PeriodReport).period.id);
    }
    expect(ids).toEqual(['2026-Q1', '2026-Q1', '2026-Q1']);
    const y = JSON.parse((await run(['report', '--json'])).stdout) as PeriodReport;
    expect(y.period).toMatchObject({ id: '2026', kind: 'year', label: '2026年度', start: '2026-01-01', end: '2027-01-01' });
  });

  it('refuses two periods, a bad id, and a period after the as-of date (exit 2)', async () => {
    expect((await run(['report', '--month', '--quarter'])).code).toBe(2);
    const bad = await run(['report', '--quarter', '2026-Q5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2026-Q1 这样的格式');
    const later = await run(['report', '--quarter', '2027Q1']);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain('之后');
    expect((await run(['report', '--branch', '不存在的支部'])).code).toBe(2);
  });

  it('the model agrees with the audit: gaps, open items, the roll and the moves', async () => {
    const rep = JSON.parse((await run(['--json', 'report', '--quarter', '2026-Q1'])).stdout) as PeriodReport;
    const aud = JSON.parse((await run(['--json', 'audit', '--quarter', '2026-Q1'])).stdout) as { verdicts: { status: string }[] };
    expect(rep.audit.gapCount).toBe(aud.verdicts.filter((v) => v.status === 'gap').length);
    expect(rep.audit.openCount).toBe(aud.verdicts.filter((v) => v.status === 'open').length);
    expect(rep.moves.left).toEqual([{ name: '唐磊', date: '2026-03-01' }]);
    expect(rep.headline.members).toBe(23); // 唐磊 left on 03-01, 宋佳 joins on 07-01
    expect(rep.headline.membersInPeriod).toBe(24);
    expect(rep.members.reduce((a, m) => a + m.books, 0)).toBe(rep.headline.books);
    expect(rep.grid.rows).toHaveLength(rep.members.length);
    expect(rep.sessions.reduce((a, s) => a + s.expected, 0)).toBe(rep.headline.attendance.expected);
    expect(rep.roster[0]!.idCard).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });
});

describe('report --xlsx', () => {
  let out: { dir: string; cleanup: () => void };
  let wb: ExcelJS.Workbook;
  let stdout: string;
  beforeAll(async () => {
    out = tempDir();
    const r = await run(['report', '--year', '2026', '--xlsx', '--docx'], out.dir);
    expect(r.stderr).not.toContain('错误');
    expect(r.code).toBe(0);
    stdout = r.stdout;
    wb = await readBook(join(out.dir, '2026年度学习台账.xlsx'));
  });
  afterAll(() => out.cleanup());

  it('writes the default file names in the current folder, says where, and leaves no temp file', () => {
    expect(stdout).toContain(join(out.dir, '2026年度学习台账.xlsx'));
    expect(stdout).toContain(join(out.dir, '2026年度学习型党组织建设工作总结.docx'));
    expect(existsSync(join(out.dir, '2026年度学习型党组织建设工作总结.docx'))).toBe(true);
    expect(readdirSync(out.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('has the sheets in order, titled, with styled header rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...LEDGER_SHEETS]);
    expect(headerOf(wb.getWorksheet('花名册')!).slice(0, 4)).toEqual(['序号', '姓名', '性别', '出生年月']);
    expect(headerOf(wb.getWorksheet('学习活动')!)).toEqual(['序号', '日期', '类型', '学习主题', '学时', '地点', '主讲/主持', '应到', '实到', '其中迟到', '请假', '缺席', '出勤率']);
    expect(headerOf(wb.getWorksheet('达标情况')!)).toEqual(['序号', '对象', '规则名称', '考核对象', '未达标期数', '未达标期间', '最近一期还差', '进行中（本期还差）']);
    expect(headerOf(wb.getWorksheet('未达标明细')!).slice(0, 6)).toEqual(['序号', '对象', '规则编号', '规则名称', '期间', '状态']);
    const ws = wb.getWorksheet('个人学习统计')!;
    expect(String(ws.getCell('A1').value)).toBe('机关第一党支部 2026年度个人学习情况统计');
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF6E3E1');
  });

  it('freezes the header (and names), sets A4 print with titles repeated, landscape where wide', () => {
    for (const name of ['花名册', '学习活动', '个人学习统计', '读书', '达标情况']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      // One page wide where that keeps 9 pt (花名册's 16 columns print across pages instead: reportCharts.test.ts).
      expect(ws.pageSetup).toMatchObject(name === '花名册' ? { paperSize: 9, fitToPage: false, printTitlesRow: '2:2' } : { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    }
    expect(wb.getWorksheet('个人学习统计')!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('概况')!.pageSetup.orientation).toBe('portrait');
    const grid = wb.getWorksheet('签到明细')!;
    expect(grid.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(grid.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '2:3' });
  });

  it('writes dates as dates and numbers as numbers', () => {
    const ws = wb.getWorksheet('学习活动')!;
    const date = ws.getCell('B3');
    expect(date.value).toBeInstanceOf(Date);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect((date.value as Date).toISOString().slice(0, 10)).toMatch(/^2026-01-\d\d$/);
    expect(typeof ws.getCell('H3').value).toBe('number');
    expect(ws.getCell('M3').numFmt).toBe('0.0%');
    const stats = wb.getWorksheet('个人学习统计')!;
    expect(typeof stats.getCell('D3').value).toBe('number');
  });

  it('totals agree with the audit and with each other', async () => {
    const rep = JSON.parse((await run(['--json', 'report', '--year', '2026'])).stdout) as PeriodReport;
    const ws = wb.getWorksheet('达标情况')!;
    // One row per subject × rule; 未达标期数 (column 5) counts the periods listed in column 6.
    let gaps = 0;
    const keys = new Set<string>();
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const key = [2, 3].map((c) => String(row.getCell(c).value)).join('|');
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      const k = (row.getCell(5).value as number | null) ?? 0;
      gaps += k;
      if (k) expect(String(row.getCell(6).value).split('、')).toHaveLength(k);
    });
    expect(gaps).toBe(rep.audit.gapCount);
    // The detail sheet: one row per period, 未达标 and 进行中.
    const detail = wb.getWorksheet('未达标明细')!;
    const periods = { 未达标: 0, 进行中: 0 } as Record<string, number>;
    detail.eachRow((row, n) => { if (n > 2) periods[String(row.getCell(6).value)]! += 1; });
    expect(periods['未达标']).toBe(rep.audit.gapCount);
    expect(periods['进行中']).toBe(rep.audit.openCount);
    const act = wb.getWorksheet('学习活动')!;
    const total = act.getRow(3 + rep.sessions.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(8).value).toBe(rep.headline.attendance.expected);
    expect(total.getCell(9).value).toBe(rep.headline.attendance.attended);
    const overviewRows: unknown[][] = [];
    wb.getWorksheet('概况')!.eachRow((row) => overviewRows.push((row.values as unknown[]).slice(1)));
    expect(overviewRows.find((r) => r[0] === '组织学习活动')?.[2]).toBe(rep.headline.sessionsHeld);
  });

  it('marks each sign-in in 签到明细 and totals each member', async () => {
    const rep = JSON.parse((await run(['--json', 'report', '--year', '2026'])).stdout) as PeriodReport;
    const ws = wb.getWorksheet('签到明细')!;
    const n = rep.sessions.length;
    const row = ws.getRow(4);
    expect(row.getCell(2).value).toBe(rep.grid.rows[0]!.name);
    const marks = rep.grid.rows[0]!.marks.map((m) => (m === null ? null : { present: '✓', late: '迟', excused: '假', absent: '✗', unmarked: '○' }[m]));
    expect(Array.from({ length: n }, (_, j) => row.getCell(3 + j).value)).toEqual(marks);
    expect(row.getCell(3 + n).value).toBe(rep.members[0]!.attendance.expected);
    expect(ws.getCell(2, 1).value).toBe('序号');
    expect(ws.getCell(2, 3 + n).value).toBe('应到');
  });

  it('masks ID and phone numbers unless --reveal', async () => {
    const ws = wb.getWorksheet('花名册')!;
    const head = headerOf(ws);
    const id = head.indexOf('身份证号') + 1;
    const phone = head.indexOf('联系电话') + 1;
    expect(String(ws.getCell(3, id).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(String(ws.getCell(3, phone).value)).toMatch(/^1\d\d\*{4}\d{4}$/);
    const r = await run(['report', '--quarter', '2026-Q1', '--xlsx', 'full.xlsx', '--reveal'], out.dir);
    expect(r.code).toBe(0);
    const full = (await readBook(join(out.dir, 'full.xlsx'))).getWorksheet('花名册')!;
    expect(String(full.getCell(3, id).value)).toMatch(/^\d{17}[\dX]$/);
    expect(String(full.getCell(3, phone).value)).toMatch(/^1\d{10}$/);
  });
});

describe('report --xlsx with hostile text', () => {
  it('keeps a formula-like name and topic as text', async () => {
    const t = tempDir();
    try {
      await initDb(t.dir);
      const name = '=HYPERLINK("http://evil.example","点我")';
      addMembers(t.dir, [{ name }, { name: '张三' }]);
      const s = await runCli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '=1+1', '--hours', '2'], { cwd: t.dir });
      expect(s.code).toBe(0);
      const r = await runCli(['report', '--month', '2026-03', '--xlsx', 'm.xlsx'], { cwd: t.dir, now: '2026-04-01' });
      expect(r.code).toBe(0);
      const wb = await readBook(join(t.dir, 'm.xlsx'));
      const cell = wb.getWorksheet('花名册')!.getCell('B3');
      expect(cell.value).toBe(name);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      const topic = wb.getWorksheet('学习活动')!.getCell('D3');
      expect(topic.value).toBe('=1+1');
      expect(topic.type).toBe(ExcelJS.ValueType.String);
      expect(wb.getWorksheet('签到明细')!.getCell('B4').value).toBe(name);
    } finally {
      t.cleanup();
    }
  });
});

// One attendance-rate formula in the ledger: with the rule set's excusedCountsAsAttended, the per-member
// rates, each branch block's total (someone moved in the year counted in each block from that block's
// marks) and the monthly chart of the summary count 请假 as attended as audit --by-branch does, and the
// legend under the grid says which formula applies.
describe('签到明细 and the monthly rates under the rule set\'s 请假 setting', () => {
  it.each([true, false])('excusedCountsAsAttended %s', async (excused) => {
    const t = tempDir();
    try {
      await initDb(t.dir);
      addMembers(t.dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' }, { name: '赵六', branch: '第二党支部', from: '2026-01-01' }]);
      const cli = async (args: string[]) => {
        const r = await runCli(args, { cwd: t.dir, now: '2027-01-05' });
        expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
        return r;
      };
      await cli(['member', 'edit', '王五', '--move-to', '第二党支部', '--from', '2026-07-01']);
      await cli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'a', '--hours', '2']);
      await cli(['session', 'add', '--type', '集中学习', '--date', '2026-04-10', '--topic', 'b', '--hours', '2']);
      await cli(['session', 'add', '--type', '集中学习', '--date', '2026-08-10', '--topic', 'c', '--hours', '2', '--branch', '第二党支部']);
      await cli(['checkin', '1', '--present', '张三,王五', '--excused', '李四:病假']);
      await cli(['checkin', '2', '--present', '张三,李四,王五']);
      await cli(['checkin', '3', '--present', '赵六', '--excused', '王五:事假']);
      await cli(['rules', 'init', 'rules.json']);
      const file = join(t.dir, 'rules.json');
      const set = JSON.parse(readFileSync(file, 'utf8'));
      set.settings.excusedCountsAsAttended = excused;
      writeFileSync(file, JSON.stringify(set));
      await cli(['rules', 'use', 'rules.json']);
      await cli(['report', '--year', '2026', '--xlsx', 'l.xlsx', '--md', 's.md']);
      const ws = (await readBook(join(t.dir, 'l.xlsx'))).getWorksheet('签到明细')!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const rate = (r: unknown[]) => r[9];
      // 一支部: 张三 2/2, 李四 1 + 1 请假 of 2, 王五 2/2 (his spell there); 第二党支部: 赵六 1/1, 王五 请假 1/1.
      expect(rows.filter((r) => r[1] === '李四').map(rate)).toEqual([excused ? 1 : 0.5]);
      expect(rows.filter((r) => r[1] === '王五').map(rate)).toEqual([1, excused ? 1 : 0]);
      const totals = rows.filter((r) => r[1] === '应到').map(rate);
      expect(totals).toEqual(excused ? [1, 1] : [5 / 6, 0.5]);
      const byBranch = JSON.parse((await runCli(['--json', 'audit', '--by-branch', '--year', '2026'], { cwd: t.dir, now: '2027-01-05' })).stdout) as { branches: { branch: string; attendance: { rate: number } }[] };
      const audit = Object.fromEntries(byBranch.branches.map((b) => [b.branch, b.attendance.rate]));
      expect(totals).toEqual([audit['机关第一党支部'], audit['第二党支部']]);
      const legend = String(rows[rows.length - 1]![0]);
      expect(legend).toContain(excused ? '出勤率 = (出席 + 迟到 + 请假) ÷ 应到（规则集设定请假算参加）' : '出勤率 = (出席 + 迟到) ÷ 应到（规则集设定请假不算参加）');
      // The summary's monthly table: March is 2 of 3 present, 1 excused.
      const md = readFileSync(join(t.dir, 's.md'), 'utf8');
      const march = md.split('\n').find((l) => l.startsWith('| 3月'));
      expect(march).toBe(excused ? '| 3月 | 1 | 3 | 2 | 1 | 100.0% |' : '| 3月 | 1 | 3 | 2 | 66.7% |');
    } finally {
      t.cleanup();
    }
  });
});
