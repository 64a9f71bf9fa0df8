// The bounds every spreadsheet reader works within, and the Chinese refusal each one gives. A file past
// them is refused before it is expanded: the counts are taken while parsing, the sizes from the zip
// directory and again while inflating (a declared size can lie).

/** Cells (expanded: a row's width counts, and so does every cell a merge covers) in one sheet. */
export const MAX_CELLS = 5_000_000;
/** Uncompressed bytes of one zip part (sheet, shared strings, styles…), and of a CSV or .xls file. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** Characters in one CSV cell: Excel's own limit, so no spreadsheet program wrote a longer one. */
export const MAX_CSV_CELL = 32_767;

/** A file past a bound: the message is Chinese, complete but for the file name readGrids puts in front. */
export class TooLarge extends Error {}

/** 1234567 → "1,234,567". */
export const count = (n: number): string => n.toLocaleString('en-US');

/** Bytes as people read them: "1.3 GB", "210 MB", "35 KB". */
export function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function tooManyCells(sheet: string, cells?: number): TooLarge {
  return new TooLarge(`工作表“${sheet}”的单元格超过 ${count(MAX_CELLS)} 个${cells === undefined ? '' : `（已数到 ${count(cells)} 个）`}，超出 shuxiang 能读取的上限`);
}

export function partTooLarge(what: string, bytes: number | undefined): TooLarge {
  return new TooLarge(`${what}解压后${bytes === undefined ? '超过' : `约 ${size(bytes)}，超过`}上限 ${size(MAX_PART_BYTES)}`);
}

/** A counter of expanded cells for one sheet, refusing past MAX_CELLS. */
export class CellBudget {
  used = 0;
  constructor(readonly sheet: string) {}
  spend(n: number): void {
    this.used += n;
    if (this.used > MAX_CELLS) throw tooManyCells(this.sheet, this.used);
  }
}
