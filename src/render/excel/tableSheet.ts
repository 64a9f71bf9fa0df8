// One table per sheet, the shape most ledger sheets take: a title line, a styled header row, the data,
// an optional totals row; frozen below the header (and beside the name columns), Chinese-width columns,
// numbers as numbers, dates as dates, text always as text, A4 print setup with the header repeated.
import type { Style, Workbook, Worksheet } from 'exceljs';
import {
  alignOf, BODY_FONT, rowHeight, BOX, cellValue, fitWidth, FOOTER, HEAD_FILL, HEAD_FONT, NUM_FMT, pageSetupFor, textWidth, TOTAL_FILL, writeTitle,
  type CellKind, type CellValue,
} from './ledgerStyle.js';
import { rowWriter, type RowValue } from './sheetRows.js';

/** One column: its header, how its cells are written, and an optional width (else fitted). */
export interface TableColumn {
  header: string;
  kind: CellKind;
  width?: number;
  /** Wrap long text (topics, titles) instead of widening the column. */
  wrap?: boolean;
  /** Overrides the kind's alignment (序号 is centred). */
  align?: 'left' | 'center' | 'right';
}

/** A sheet holding one table. */
export interface TableSheet {
  name: string;
  title: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** A 合计 row under the data. */
  totals?: CellValue[];
  /** Columns frozen at the left (序号 and 姓名, usually). */
  freezeColumns?: number;
  /** A line shown instead of rows when there are none. */
  emptyNote?: string;
}

/** Adds the sheet to a (streaming or ordinary) workbook and commits it. */
export function addTableSheet(wb: Workbook, t: TableSheet): Worksheet {
  // A header may wrap onto two even lines (自学/学时), so a column of short figures need only hold half of it:
  // a CJK character is 2 units, and one unit more keeps a third character from squeezing onto the first line.
  const widths = t.columns.map((c, i) => c.width ?? Math.max(fitWidth('', [...t.rows.map((r) => r[i]), t.totals?.[i]], c.kind, 4, c.wrap ? 36 : 44), Math.ceil(textWidth(c.header) / 4) * 2 + 1));
  const wraps = t.columns.some((c, i) => textWidth(c.header) + 2 > widths[i]!);
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', xSplit: t.freezeColumns ?? 0, ySplit: 2, topLeftCell: cellRef(t.freezeColumns ?? 0, 3), activeCell: 'A3' }],
    pageSetup: pageSetupFor(widths, '2:2', { titleColumns: t.freezeColumns ? `A:${cellRef(t.freezeColumns - 1, 1).replace(/\d+$/, '')}` : undefined }),
    headerFooter: FOOTER,
  });
  ws.columns = widths.map((width, i) => ({ width, style: { numFmt: NUM_FMT[t.columns[i]!.kind] } }));
  writeTitle(ws, t.columns.length, t.title);
  const head = ws.getRow(2);
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = HEAD_FONT;
    cell.fill = HEAD_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = wraps ? 34 : 22;
  head.commit();
  let r = 3;
  // One style object per column (and one for the totals row): exceljs finds a style by object identity,
  // so sharing them keeps a sheet of 100,000 cells from serialising 100,000 styles.
  const looks = (total: boolean) => t.columns.map((c): Partial<Style> => {
    const fmt = NUM_FMT[c.kind];
    return {
      font: total ? { ...BODY_FONT, bold: true } : BODY_FONT, border: BOX,
      alignment: { ...alignOf(c.kind, c.wrap), ...(c.align ? { horizontal: c.align } : {}) },
      ...(fmt ? { numFmt: fmt } : {}), ...(total ? { fill: TOTAL_FILL } : {}),
    };
  });
  const bodyLook = looks(false);
  const totalLook = looks(true);
  const kinds = t.columns.map((c) => c.kind);
  // Text grows the row, and so do wrapped figure lists (达标情况: one figure per period).
  const grows = t.columns.map((c) => c.kind === 'text' || !!c.wrap);
  // A streaming sheet takes its rows as XML straight away (sheetRows.ts); any other, cell by cell.
  const direct = rowWriter(ws);
  const cells: RowValue[] = new Array(kinds.length);
  const put = (values: CellValue[], total: boolean) => {
    const look = total ? totalLook : bodyLook;
    for (let i = 0; i < kinds.length; i++) cells[i] = cellValue(kinds[i]!, values[i]);
    const sized: CellValue[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) sized[i] = grows[i] ? values[i] : null;
    const height = rowHeight(sized, widths);
    if (direct) { direct.row(cells, look, height); r++; return; }
    const row = ws.getRow(r++);
    for (let i = 0; i < kinds.length; i++) {
      const cell = row.getCell(i + 1);
      cell.value = cells[i]!;
      cell.style = look[i]!;
    }
    row.height = height;
    row.commit();
  };
  for (const values of t.rows) put(values, false);
  if (t.totals && t.rows.length) put(t.totals, true);
  direct?.end();
  if (t.rows.length === 0 && t.emptyNote) {
    const row = ws.getRow(r);
    row.getCell(1).value = t.emptyNote;
    row.getCell(1).font = { ...BODY_FONT, color: { argb: 'FF666666' } };
    row.commit();
  }
  (ws as Worksheet & { commit?: () => void }).commit?.();
  return ws;
}

/** A1-style reference of a 0-based column count and 1-based row. */
export function cellRef(col: number, row: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}
