// A sheet as plain data: what every importer reads, whatever the file format it came from.

/** One cell's value after normalising what exceljs / CSV give: text, number, date, boolean, or a problem. */
export type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | { error: string }
  | { formula: string; noResult: true };

export interface Grid {
  /** Sheet name ("" for CSV). */
  name: string;
  /** rows[r][c], 0-based; Excel row r+1, column c+1. */
  rows: Cell[][];
  /** Merged ranges as 0-based inclusive boxes, to read two-row headers. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** The sheet is hidden in the workbook (Excel's 隐藏): not what the user sees. */
  hidden?: boolean;
}

/** The sheets an import reads when no --sheet is given: the visible ones — a hidden sheet (an old list, a
 * lookup table) is not what the user sees and checks — and the names of those skipped. Named with
 * --sheet, a hidden sheet is read like any other. */
export function sheetsShown(grids: Grid[], wanted?: string): { grids: Grid[]; skipped: string[] } {
  if (wanted !== undefined || !grids.some((g) => g.hidden) || grids.every((g) => g.hidden)) return { grids, skipped: [] };
  return { grids: grids.filter((g) => !g.hidden), skipped: grids.filter((g) => g.hidden).map((g) => g.name) };
}

/** The sheets an import reads: the one --sheet names (hidden or not), else the visible ones (sheetsShown);
 * an unknown --sheet name is an error listing the sheets there are. */
export function sheetsToRead(grids: Grid[], wanted?: string): { grids: Grid[]; skipped: string[] } | { error: string } {
  if (wanted === undefined) return sheetsShown(grids);
  const named = grids.filter((g) => g.name === wanted);
  if (named.length === 0) return { error: `没有名为“${wanted}”的工作表。本文件的工作表有：${grids.map((g) => `“${g.name || 'CSV'}”`).join('、')}。` };
  return { grids: named, skipped: [] };
}

/** The note that hidden sheets were not read. */
export function skippedSheetsNote(file: string, skipped: string[]): string {
  return `${file}：隐藏的工作表${skipped.map((n) => `“${n}”`).join('、')}没有读取（只读可见的工作表）；如要导入隐藏的工作表，请用 --sheet 指定。`;
}

/** Excel column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "K15"-style reference for a 0-based row and column. */
export function cellRef(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** A cell as display text (for headers, notes, rejects). */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('error' in v) return v.error;
  return `=${v.formula}`;
}

export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
