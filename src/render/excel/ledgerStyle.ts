// The look of the ledger workbook in one place: fonts, header fill, borders, number formats, column
// widths measured for Chinese (a CJK character counts 2), and A4 print setup with repeated titles.
import type { Alignment, Borders, Fill, Font, PageSetup, Worksheet } from 'exceljs';
import { displayWidth } from '../../shared/width.js';

/** How a column's cells are written and formatted. */
export type CellKind = 'text' | 'int' | 'num' | 'date' | 'rate' | 'mark' | 'figure';

/** A value as the renderers hand it over: text, a number, a date (YYYY-MM-DD), or nothing. */
export type CellValue = string | number | null | undefined;

const thin = { style: 'thin' as const, color: { argb: 'FF9E9E9E' } };
/** Thin grey borders on every side. */
export const BOX: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Body text: 宋体 10.5 (五号). */
export const BODY_FONT: Partial<Font> = { name: '宋体', size: 10.5 };
/** Header row text. */
export const HEAD_FONT: Partial<Font> = { name: '黑体', size: 10.5, bold: true };
/** The sheet title above the header row. */
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 14, bold: true };
/** Header fill: a light party-red tint that prints well in grey. */
export const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6E3E1' } };
/** The totals row fill. */
export const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Number formats per kind. */
export const NUM_FMT: Record<CellKind, string | undefined> = { text: '@', int: '0', num: '0.##', date: 'yyyy-mm-dd', rate: '0.0%', mark: undefined, figure: undefined };

/** Display width of a cell's text, counting CJK as 2 (Excel column units are roughly one Latin character). */
export function textWidth(v: CellValue): number {
  if (v === null || v === undefined) return 0;
  // A number's text is ASCII, one unit a character.
  if (typeof v === 'number') return String(v).length;
  // Remembered: an organ's workbook measures its names, branches and topics hundreds of thousands of times.
  let w = measured.get(v);
  if (w !== undefined) return w;
  w = v.includes('\n') ? Math.max(...v.split('\n').map((l) => displayWidth(l))) : displayWidth(v);
  if (measured.size >= WIDTHS_KEPT) measured.clear();
  measured.set(v, w);
  return w;
}

/** Widths of texts measured so far (cleared when full, so a long run's memory stays bounded). */
const measured = new Map<string, number>();
const WIDTHS_KEPT = 200_000;

/** A column width fit for its header and values, between min and max. */
export function fitWidth(header: string, values: CellValue[], kind: CellKind, min = 4, max = 44): number {
  if (kind === 'date') return 11.5;
  // A loop, not Math.max(...values): a sheet of 100,000 rows would overflow the call stack.
  let longest = textWidth(header);
  for (const v of values) longest = Math.max(longest, kind === 'rate' && typeof v === 'number' ? 6 : textWidth(v));
  return Math.min(max, Math.max(min, longest + 2));
}

/** A calendar date as the Date exceljs writes as a date serial (UTC midnight, so no time zone moves it). */
export function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** The value written for a cell of a kind: text stays a string (never a formula), dates become Dates. */
export function cellValue(kind: CellKind, v: CellValue): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return excelDate(v);
  if ((kind === 'int' || kind === 'num' || kind === 'rate') && typeof v === 'number') return v;
  // A verdict figure: a plain count becomes a number, “学时 21、笔记天数 21” or “90.0%” stays text.
  if (kind === 'figure' && /^\d+(\.\d+)?$/.test(String(v))) return Number(v);
  return String(v);
}

/** Alignment per kind. */
export function alignOf(kind: CellKind, wrap = false): Partial<Alignment> {
  const horizontal = kind === 'text' ? 'left' : 'center';
  return { horizontal: kind === 'int' || kind === 'num' ? 'right' : horizontal, vertical: 'middle', wrapText: wrap };
}

/** A4 print setup: landscape when the columns are wide, titles repeated on each page, fit to one page wide
 * when that keeps the text at 9 pt or more — else at the scale that does, across pages, names repeated. */
export function pageSetupFor(widths: number[], titleRows: string, o: { font?: number; titleColumns?: string; orientation?: 'portrait' | 'landscape' } = {}): Partial<PageSetup> {
  const total = widths.reduce((a, b) => a + b, 0);
  const orientation = o.orientation ?? (total > 95 ? 'landscape' : 'portrait');
  const common = {
    paperSize: 9, orientation, horizontalCentered: true, printTitlesRow: titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  } as const;
  const least = LEAST_PRINTED_PT / (o.font ?? BODY_FONT.size!);
  if (printScale(widths, orientation) >= least) return { ...common, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // One page wide would print the text below 9 pt: print at the least scale that keeps 9 pt, across as
  // many pages as it takes, the name columns repeated at the left of each.
  return { ...common, fitToPage: false, scale: Math.ceil(least * 100), ...(o.titleColumns ? { printTitlesColumn: o.titleColumns } : {}) };
}

/** Printed text is never smaller than this (a legible A4 page). */
export const LEAST_PRINTED_PT = 9;

/** The width A4 leaves inside 0.5-inch side margins, in points. */
const PRINTABLE_PT = { portrait: 210 / 25.4 * 72 - 72, landscape: 297 / 25.4 * 72 - 72 };

/** Column widths (Excel units: 7 px each, plus 5 px padding, at 96 dpi) in points. */
export function widthPoints(widths: number[]): number {
  return widths.reduce((a, w) => a + (w * 7 + 5) * 0.75, 0);
}

/** The scale that fits the columns to one page wide (1 when they fit as they are). */
export function printScale(widths: number[], orientation: 'portrait' | 'landscape'): number {
  return Math.min(1, PRINTABLE_PT[orientation] / widthPoints(widths));
}

/** The page footer: 第 N 页，共 M 页. */
export const FOOTER = { oddFooter: '&C&"宋体"&9第 &P 页，共 &N 页' };

/** Writes the merged title line (row 1) across `cols` columns. */
export function writeTitle(ws: Worksheet, cols: number, text: string, height = 28): void {
  // A sheet printed across pages (not fitted to one page wide) would cut a centred title at the first
  // page's edge: it is merged over the first page's columns only and left-aligned there.
  const split = ws.pageSetup?.fitToPage === false;
  if (split) cols = Math.min(cols, 8);
  // Merge first: a streaming sheet cannot touch a row once it is committed.
  if (cols > 1) ws.mergeCells(1, 1, 1, cols);
  const row = ws.getRow(1);
  row.getCell(1).value = text;
  row.getCell(1).font = TITLE_FONT;
  row.getCell(1).alignment = { horizontal: split ? 'left' : 'center', vertical: 'middle' };
  row.height = height;
  row.commit?.();
}

/** A row height (points) that shows every wrapped cell whole: lines needed × line height. Excel and
 * LibreOffice do not grow rows on opening a file, so a wrapped cell needs its height written. */
export function rowHeight(values: unknown[], widths: number[], base = 18, perLine = 14): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || typeof v === 'number' || v instanceof Date) continue;
    const room = Math.max(1, (widths[i] ?? 10) - 0.5);
    const text = String(v);
    // One line of text that fits its column (most cells) needs no splitting.
    const need = !text.includes('\n') ? Math.max(1, Math.ceil(textWidth(text) / room))
      : text.split('\n').reduce((a, l) => a + Math.max(1, Math.ceil(textWidth(l) / room)), 0);
    lines = Math.max(lines, need);
  }
  return lines === 1 ? base : perLine * lines + 4;
}
