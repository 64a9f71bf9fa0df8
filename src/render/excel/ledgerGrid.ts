// The 签到明细 sheet: members down, sessions across (date and type in a two-row header), ✓ / 迟 / 假 / ✗
// in the cells, each member's totals at the right and each session's totals at the bottom. A report over
// several branches gets one such block per branch, one under another, each with its own sessions.
import type { Style, Workbook, Worksheet } from 'exceljs';
import type { AttendanceCounts, GridMark, MemberStats, PeriodReport, SessionRow } from '../../reports/periodReportTypes.js';
import { attendanceRate, attendanceRateText } from '../../domain/attendanceStats.js';
import { rowWriter } from './sheetRows.js';
import { BODY_FONT, BOX, FOOTER, HEAD_FILL, HEAD_FONT, TITLE_FONT, TOTAL_FILL, pageSetupFor, textWidth, writeTitle } from './ledgerStyle.js';

/** What each status prints as; the legend under the grid says the same. */
export const MARKS: Record<Exclude<GridMark, null>, string> = { present: '✓', late: '迟', excused: '假', absent: '✗', unmarked: '○' };
const legend = (excused: boolean) => `说明：✓ 出席　迟 迟到　假 请假　✗ 缺席　○ 未登记（按未参加计）　空白 当时不在册或非本支部活动。${attendanceRateText(excused)}。`;
const TOTALS = ['应到', '出席', '迟到', '请假', '缺席', '出勤率'];

/** One block of the sheet: a branch's sessions and its members' marks. */
interface Block {
  title?: string;
  sessions: SessionRow[];
  rows: { name: string; marks: GridMark[]; counts: AttendanceCounts }[];
  totals: AttendanceCounts;
}

/** Adds the sheet and commits it. */
export function addAttendanceGrid(wb: Workbook, r: PeriodReport): Worksheet {
  const blocks = gridBlocks(r, !!r.excusedCountsAsAttended);
  const multi = !!r.grid.branches;
  const n = Math.max(0, ...blocks.map((b) => b.sessions.length));
  const nameWidth = Math.max(8, ...r.grid.rows.map((x) => textWidth(x.name) + 2));
  const widths = [5, nameWidth, ...Array.from({ length: n }, () => 3.6), ...TOTALS.map((h) => (h === '出勤率' ? 8 : 5.5))];
  const ws = wb.addWorksheet('签到明细', {
    // Blocks have headers of their own, so a report over several branches freezes only the name columns.
    views: [multi ? { state: 'frozen', xSplit: 2, ySplit: 0, topLeftCell: 'C1', activeCell: 'C2' } : { state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4', activeCell: 'C4' }],
    // A branch's grid fits one page when it can (a little smaller print beats a footer row alone on page 2).
    pageSetup: multi
      ? { ...pageSetupFor(widths, '', { font: 10, titleColumns: 'A:B' }), printTitlesRow: undefined, printTitlesColumn: 'A:B' }
      : { ...pageSetupFor(widths, '2:3', { font: 10, titleColumns: 'A:B' }), printTitlesColumn: 'A:B' },
    headerFooter: FOOTER,
  });
  ws.columns = widths.map((width) => ({ width }));
  writeTitle(ws, widths.length, `${r.branch} ${r.period.label}学习签到明细`);
  let row = 2;
  for (const b of blocks) row = writeBlock(ws, row, b, n) + 1;
  const under = ws.getRow(row);
  under.getCell(1).value = legend(!!r.excusedCountsAsAttended);
  under.getCell(1).font = { ...BODY_FONT, size: 10, color: { argb: 'FF555555' } };
  under.commit();
  (ws as Worksheet & { commit?: () => void }).commit?.();
  return ws;
}

/** The report's grid as blocks: the one table, or a table per branch; rates the rule set's way (`excused`:
 * 请假 counted as attended), as the report's own figures and audit --by-branch have them. */
function gridBlocks(r: PeriodReport, excused: boolean): Block[] {
  const byId = new Map(r.sessions.map((s) => [s.id, s]));
  const stats = new Map<number, MemberStats>(r.members.map((m) => [m.memberId, m]));
  // Someone with rows in two branches' tables (moved on a day) is counted in each from that row's marks.
  const seen = new Map<number, number>();
  for (const x of r.grid.rows) seen.set(x.memberId, (seen.get(x.memberId) ?? 0) + 1);
  const rowsOf = (rows: PeriodReport['grid']['rows']) => rows.map((x) => ({ name: x.name, marks: x.marks, counts: seen.get(x.memberId)! > 1 ? countsOf(x.marks, excused) : stats.get(x.memberId)!.attendance }));
  if (!r.grid.branches) return [{ sessions: r.sessions, rows: rowsOf(r.grid.rows), totals: r.headline.attendance }];
  return r.grid.branches.map((g) => {
    const rows = rowsOf(r.grid.rows.filter((x) => x.branch === g.branch));
    const t: AttendanceCounts = { expected: 0, attended: 0, present: 0, late: 0, excused: 0, absent: 0, unmarked: 0, rate: null };
    for (const { counts: f } of rows) {
      t.expected += f.expected; t.attended += f.attended; t.present += f.present; t.late += f.late;
      t.excused += f.excused; t.absent += f.absent; t.unmarked += f.unmarked;
    }
    t.rate = attendanceRate(t, excused);
    return { title: g.branch, sessions: g.sessionIds.map((id) => byId.get(id)!), rows, totals: t };
  });
}

/** The sign-in counts of one row's marks (null: not expected). */
function countsOf(marks: readonly (string | null)[], excused: boolean): AttendanceCounts {
  const c: AttendanceCounts = { expected: 0, attended: 0, present: 0, late: 0, excused: 0, absent: 0, unmarked: 0, rate: null };
  for (const m of marks) {
    if (m === null) continue;
    c.expected++;
    if (m === 'present') c.present++;
    else if (m === 'late') c.late++;
    else if (m === 'excused') c.excused++;
    else if (m === 'absent') c.absent++;
    else c.unmarked++;
  }
  c.attended = c.present + c.late;
  c.rate = attendanceRate(c, excused);
  return c;
}

/** Shared cell styles: exceljs looks a style up by object identity, so one object per look is fast. */
const styleCache = new Map<string, Partial<Style>>();
function style(kind: 'head' | 'headTurned' | 'headVertical' | 'body' | 'name' | 'total' | 'totalName', numFmt?: string): Partial<Style> {
  const key = `${kind}|${numFmt ?? ''}`;
  let s = styleCache.get(key);
  if (s) return s;
  const head = kind.startsWith('head');
  const total = kind.startsWith('total');
  const rotation = kind === 'headTurned' ? 90 : kind === 'headVertical' ? ('vertical' as const) : undefined;
  s = {
    font: head ? { ...HEAD_FONT, size: rotation ? 9 : 10.5 } : { ...BODY_FONT, size: 10, bold: total },
    border: BOX,
    alignment: head
      ? { horizontal: 'center', vertical: 'middle', wrapText: !rotation, ...(rotation ? { textRotation: rotation } : {}) }
      : { horizontal: kind === 'name' || kind === 'totalName' ? 'left' : 'center', vertical: 'middle' },
    ...(head ? { fill: HEAD_FILL } : total ? { fill: TOTAL_FILL } : {}),
    ...(numFmt ? { numFmt } : {}),
  };
  styleCache.set(key, s);
  return s;
}

/** Writes one block from `top` (its header two rows, or three with a branch title); returns the next free row. */
function writeBlock(ws: Worksheet, top: number, b: Block, width: number): number {
  let row = top;
  if (b.title) {
    const t = ws.getRow(row++);
    t.getCell(1).value = b.title;
    t.getCell(1).font = { ...TITLE_FONT, size: 12 };
    t.height = 22;
    t.commit();
  }
  const h1 = row;
  const n = b.sessions.length;
  const head = (r: number, col: number, text: string | null, kind: 'head' | 'headTurned' | 'headVertical' = 'head') => {
    const c = ws.getRow(r).getCell(col);
    // The lower half of a merged header keeps no value of its own: in exceljs it would overwrite the upper.
    if (text !== null) c.value = text;
    c.style = style(kind);
  };
  for (const c of [1, 2, ...TOTALS.map((_, k) => 3 + width + k)]) ws.mergeCells(h1, c, h1 + 1, c);
  head(h1, 1, '序号'); head(h1 + 1, 1, null);
  head(h1, 2, '姓名'); head(h1 + 1, 2, null);
  b.sessions.forEach((s, j) => {
    head(h1, 3 + j, `${Number(s.date.slice(5, 7))}/${Number(s.date.slice(8, 10))}`, 'headTurned');
    head(h1 + 1, 3 + j, s.typeName, 'headVertical');
  });
  TOTALS.forEach((t, k) => { head(h1, 3 + width + k, t); head(h1 + 1, 3 + width + k, null); });
  ws.getRow(h1).height = 30;
  ws.getRow(h1 + 1).height = Math.max(48, 12 * Math.max(2, ...b.sessions.map((s) => s.typeName.length)));
  ws.getRow(h1).commit();
  ws.getRow(h1 + 1).commit();
  row = h1 + 2;

  // A row's cells left to right, then written: straight as XML on a streaming sheet (sheetRows.ts), else
  // cell by cell.
  const direct = rowWriter(ws);
  const values: (string | number | null)[] = [];
  const looks: Partial<Style>[] = [];
  const put = (_r: number, col: number, value: string | number | null, s: Partial<Style>) => {
    values[col - 1] = value;
    looks[col - 1] = s;
  };
  const commit = () => {
    if (direct) direct.row(values, looks);
    else {
      const r = ws.getRow(row);
      for (let i = 0; i < looks.length; i++) {
        const c = r.getCell(i + 1);
        c.value = values[i]!;
        c.style = looks[i]!;
      }
      r.commit();
    }
    row++;
    values.length = 0;
    looks.length = 0;
  };
  b.rows.forEach((m, i) => {
    put(row, 1, i + 1, style('body'));
    put(row, 2, m.name, style('name'));
    m.marks.forEach((mark, j) => put(row, 3 + j, mark === null ? null : MARKS[mark], style('body')));
    for (let j = n; j < width; j++) put(row, 3 + j, null, style('body'));
    const f = m.counts;
    [f.expected, f.present, f.late, f.excused, f.absent + f.unmarked].forEach((x, k) => put(row, 3 + width + k, x, style('body', '0')));
    put(row, 3 + width + 5, f.rate, style('body', '0.0%'));
    commit();
  });
  const a = b.totals;
  const s = b.sessions;
  const footRows: [string, (j: number) => number | null, string][] = [
    ['应到', (j) => s[j]!.expected, '0'],
    ['实到', (j) => s[j]!.attended, '0'],
    ['请假', (j) => s[j]!.excused, '0'],
    ['缺席', (j) => s[j]!.absent + s[j]!.unmarked, '0'],
    // Whole percent: “100” fits a narrow column where “100.0%” would print as ####.
    ['出勤率%', (j) => (s[j]!.rate === null ? null : Math.round(s[j]!.rate! * 100)), '0'],
  ];
  // The first footer row also carries the grand totals of the columns at the right.
  const grand = [a.expected, a.present, a.late, a.excused, a.absent + a.unmarked, a.rate];
  footRows.forEach(([label, per, fmt], i) => {
    put(row, 1, null, style('total'));
    put(row, 2, label, style('totalName'));
    for (let j = 0; j < width; j++) put(row, 3 + j, j < n ? per(j) : null, style('total', fmt));
    for (let k = 0; k < TOTALS.length; k++) put(row, 3 + width + k, i === 0 ? grand[k]! : null, style('total', k < 5 ? '0' : '0.0%'));
    commit();
  });
  direct?.end();
  return row;
}

