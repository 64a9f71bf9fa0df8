// The 签到明细 sheet: members down, sessions across (date and type in a two-row header), ✓ / 迟 / 假 / ✗
// in the cells, each member's totals at the right and each session's totals at the bottom.
import type { Workbook, Worksheet } from 'exceljs';
import type { GridMark, PeriodReport } from '../../reports/periodReportTypes.js';
import { BODY_FONT, BOX, FOOTER, HEAD_FILL, HEAD_FONT, TOTAL_FILL, pageSetupFor, textWidth, writeTitle } from './ledgerStyle.js';

/** What each status prints as; the legend under the grid says the same. */
export const MARKS: Record<Exclude<GridMark, null>, string> = { present: '✓', late: '迟', excused: '假', absent: '✗', unmarked: '○' };
const LEGEND = '说明：✓ 出席　迟 迟到　假 请假　✗ 缺席　○ 未登记（按未参加计）　空白 当时不在册或非本支部活动。出勤率 = (出席 + 迟到) ÷ 应到。';
const TOTALS = ['应到', '出席', '迟到', '请假', '缺席', '出勤率'];

/** Adds the sheet and commits it. */
export function addAttendanceGrid(wb: Workbook, r: PeriodReport): Worksheet {
  const sessions = r.sessions;
  const n = sessions.length;
  const nameWidth = Math.max(8, ...r.grid.rows.map((x) => textWidth(x.name) + 2));
  const widths = [5, nameWidth, ...sessions.map(() => 3.6), ...TOTALS.map((h) => (h === '出勤率' ? 8 : 5.5))];
  const ws = wb.addWorksheet('签到明细', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4', activeCell: 'C4' }],
    // A branch's grid fits one page when it can (a little smaller print beats a footer row alone on page 2).
    pageSetup: { ...pageSetupFor(widths.reduce((a, b) => a + b, 0), '2:3'), printTitlesColumn: 'A:B', fitToHeight: r.grid.rows.length <= 40 ? 1 : 0 },
    headerFooter: FOOTER,
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = widths.length;
  writeTitle(ws, last, `${r.branch} ${r.period.label}学习签到明细`);

  const head = (row: number, col: number, text: string | null, rotation?: number | 'vertical') => {
    const c = ws.getRow(row).getCell(col);
    // The lower half of a merged header keeps no value of its own: in exceljs it would overwrite the upper.
    if (text !== null) c.value = text;
    c.font = { ...HEAD_FONT, size: rotation ? 9 : 10.5 };
    c.fill = HEAD_FILL;
    c.border = BOX;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: !rotation, ...(rotation ? { textRotation: rotation } : {}) };
  };
  for (const c of [1, 2, ...TOTALS.map((_, k) => 3 + n + k)]) ws.mergeCells(2, c, 3, c);
  head(2, 1, '序号'); head(3, 1, null);
  head(2, 2, '姓名'); head(3, 2, null);
  sessions.forEach((s, j) => {
    head(2, 3 + j, `${Number(s.date.slice(5, 7))}/${Number(s.date.slice(8, 10))}`, 90);
    head(3, 3 + j, s.typeName, 'vertical');
  });
  TOTALS.forEach((h, k) => { head(2, 3 + n + k, h); head(3, 3 + n + k, null); });
  ws.getRow(2).height = 30;
  ws.getRow(3).height = Math.max(48, 12 * Math.max(2, ...sessions.map((s) => s.typeName.length)));
  ws.getRow(2).commit();
  ws.getRow(3).commit();

  const body = (row: number, col: number, value: string | number | null, fmt?: string, total = false) => {
    const c = ws.getRow(row).getCell(col);
    c.value = value;
    c.font = { ...BODY_FONT, size: 10, bold: total };
    c.border = BOX;
    c.alignment = { horizontal: col === 2 ? 'left' : 'center', vertical: 'middle' };
    if (fmt) c.numFmt = fmt;
    if (total) c.fill = TOTAL_FILL;
  };
  let row = 4;
  r.grid.rows.forEach((m, i) => {
    body(row, 1, i + 1);
    body(row, 2, m.name);
    m.marks.forEach((mark, j) => body(row, 3 + j, mark === null ? null : MARKS[mark]));
    const f = r.members.find((x) => x.memberId === m.memberId)!.attendance;
    [f.expected, f.present, f.late, f.excused, f.absent + f.unmarked].forEach((x, k) => body(row, 3 + n + k, x, '0'));
    body(row, 3 + n + 5, f.rate, '0.0%');
    ws.getRow(row++).commit();
  });
  const a = r.headline.attendance;
  const footRows: [string, (j: number) => number | null, string][] = [
    ['应到', (j) => sessions[j]!.expected, '0'],
    ['实到', (j) => sessions[j]!.attended, '0'],
    ['请假', (j) => sessions[j]!.excused, '0'],
    ['缺席', (j) => sessions[j]!.absent + sessions[j]!.unmarked, '0'],
    // Whole percent: “100” fits a narrow column where “100.0%” would print as ####.
    ['出勤率%', (j) => (sessions[j]!.rate === null ? null : Math.round(sessions[j]!.rate! * 100)), '0'],
  ];
  // The first footer row also carries the grand totals of the columns at the right.
  const grand = [a.expected, a.present, a.late, a.excused, a.absent + a.unmarked, a.rate];
  footRows.forEach(([label, per, fmt], i) => {
    body(row, 1, null, undefined, true);
    body(row, 2, label, undefined, true);
    for (let j = 0; j < n; j++) body(row, 3 + j, per(j), fmt, true);
    for (let k = 0; k < TOTALS.length; k++) body(row, 3 + n + k, i === 0 ? grand[k]! : null, k < 5 ? '0' : '0.0%', true);
    ws.getRow(row++).commit();
  });
  const legend = ws.getRow(row + 1);
  legend.getCell(1).value = LEGEND;
  legend.getCell(1).font = { ...BODY_FONT, size: 9, color: { argb: 'FF555555' } };
  legend.commit();
  (ws as Worksheet & { commit?: () => void }).commit?.();
  return ws;
}
