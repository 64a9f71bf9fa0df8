// Issue 14: a report of a past period shows the roster as it stood then — committee membership and
// party post by tenure, on-roll dates known by the period's end — on every sheet that prints them, in
// agreement with 概况; and 签到明细 marks only the people expected at each session.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../src/reports/periodReportTypes.js';
import { initDb, runOk, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
const NOW = '2027-01-04';
const ok = (args: string[], now = NOW) => runOk(args, { cwd: dir, now });
async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  return wb;
}
/** A table sheet (header on row 2) as objects by header, one per data row up to the totals. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const head = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const vals = (ws.getRow(r).values as unknown[]).slice(1);
    if (typeof vals[0] !== 'number') break;
    out.push(Object.fromEntries(head.map((h, i) => [h, vals[i] ?? null])));
  }
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-asof-'));
  await initDb(dir);
  await ok(['member', 'add', '--name', '赵书记', '--from', '2025-09-01', '--post', '书记'], '2026-01-05');
  await ok(['member', 'add', '--name', '钱委员', '--from', '2025-09-01', '--post', '组织委员'], '2026-01-05');
  await ok(['member', 'add', '--name', '孙宣传', '--from', '2025-09-01'], '2026-01-05');
  await ok(['member', 'add', '--name', '周离开', '--from', '2025-09-01'], '2026-01-05');
  await ok(['member', 'add', '--name', '吴新来', '--from', '2026-05-01'], '2026-05-01');
  await ok(['member', 'leave', '周离开', '--date', '2026-09-01'], '2026-09-01');
  await ok(['member', 'edit', '孙宣传', '--leader', '--from', '2026-07-01', '--post', '宣传委员'], '2026-07-01');
  const s1 = JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-06', '--topic', '全会精神'], '2026-03-06')).stdout).id;
  await ok(['checkin', String(s1), '--present', '赵书记,钱委员,孙宣传,周离开'], '2026-03-06');
  const s2 = JSON.parse((await ok(['--json', 'session', 'add', '--type', '务虚会', '--date', '2026-03-20', '--topic', '班子务虚', '--attendees', 'leaders'], '2026-03-20')).stdout).id;
  await ok(['checkin', String(s2), '--present', '赵书记', '--absent', '钱委员'], '2026-03-20');
  await ok(['report', '--quarter', '2026-Q1', '--xlsx', 'q1.xlsx']);
  await ok(['report', '--year', '2026', '--xlsx', 'year.xlsx']);
}, 60_000);
afterAll(() => cleanup());

describe('the Q1 ledger, made at the year end', () => {
  it('花名册: 孙宣传 is not 班子成员 nor 宣传委员 in Q1; 周离开 has no 转出日期 yet; 吴新来 is not on it', async () => {
    const roster = rowsOf((await book('q1.xlsx')).getWorksheet('花名册')!);
    expect(roster.map((r) => [r['姓名'], r['党内职务'], r['班子成员'], r['转出日期']])).toEqual([
      ['赵书记', '书记', '是', null], ['钱委员', '组织委员', '是', null], ['孙宣传', null, null, null], ['周离开', null, null, null],
    ]);
  });

  it('个人学习统计 agrees, and so does 概况 (班子成员 2)', async () => {
    const wb = await book('q1.xlsx');
    const stats = rowsOf(wb.getWorksheet('个人学习统计')!);
    expect(stats.map((r) => [r['姓名'], r['班子成员']])).toEqual([['赵书记', '是'], ['钱委员', '是'], ['孙宣传', null], ['周离开', null]]);
    const overview: string[] = [];
    wb.getWorksheet('概况')!.eachRow((row) => overview.push((row.values as unknown[]).slice(1).join('|')));
    expect(overview.join('\n')).toContain('其中班子成员 2 人');
    const rep = JSON.parse((await ok(['--json', 'report', '--quarter', '2026-Q1'])).stdout) as PeriodReport;
    expect(rep.headline.leaders).toBe(2);
    expect(rep.roster.filter((m) => m.leader).map((m) => m.name)).toEqual(['赵书记', '钱委员']);
    expect(rep.members.filter((m) => m.leader).map((m) => m.name)).toEqual(['赵书记', '钱委员']);
  });

  it('签到明细 and 学习活动: the committee-only 务虚会 expects 2, and marks no one else', async () => {
    const wb = await book('q1.xlsx');
    const acts = rowsOf(wb.getWorksheet('学习活动')!);
    expect(acts.map((r) => [r['类型'], r['应到'], r['实到'], r['缺席']])).toEqual([['集中学习', 4, 4, 0], ['务虚会', 2, 1, 1]]);
    const grid = wb.getWorksheet('签到明细')!;
    const marks: unknown[][] = [];
    for (let r = 4; typeof grid.getCell(r, 1).value === 'number'; r++) marks.push([grid.getCell(r, 2).value, grid.getCell(r, 3).value, grid.getCell(r, 4).value, grid.getCell(r, 5).value]);
    // name, 03-06, 03-20, 应到
    expect(marks).toEqual([['赵书记', '✓', '✓', 2], ['钱委员', '✓', '✗', 2], ['孙宣传', '✓', null, 1], ['周离开', '✓', null, 1]]);
  });
});

describe('the year ledger', () => {
  it('shows the roster as of the year end: 孙宣传 on the committee, 周离开 转出 09-01, 吴新来 on it', async () => {
    const roster = rowsOf((await book('year.xlsx')).getWorksheet('花名册')!);
    expect(roster.map((r) => [r['姓名'], r['党内职务'], r['班子成员']])).toEqual([
      ['赵书记', '书记', '是'], ['钱委员', '组织委员', '是'], ['孙宣传', '宣传委员', '是'], ['周离开', null, null], ['吴新来', null, null],
    ]);
    expect(roster.find((r) => r['姓名'] === '周离开')!['转出日期']).toBeInstanceOf(Date);
  });
});
