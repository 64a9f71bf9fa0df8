// Finishing a sheet the same way whichever reader parsed it: holes become null, trailing blanks go, and
// every cell a merge covers shows the merge's top-left value (as Excel shows it). Covered cells take
// the top-left cell's value as parsed, so overlapping or unordered merges give one answer; merges are
// clipped to the sheet's data and their cells count against the sheet's cell budget. O(cells + merges).
import type { Cell, Grid } from '../../domain/grid.js';
import { CellBudget } from './limits.js';

export type Box = Grid['merges'][number];

/** rows as parsed (sparse: missing rows and cells are undefined) → a finished Grid. */
export function finishGrid(name: string, rows: (Cell | undefined)[][], merges: Box[], budget: CellBudget): Grid {
  trim(rows);
  const height = rows.length;
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  // The masters' values first, so a covered cell never takes a value a merge put there.
  const masters = merges.map((m) => rows[m.top]?.[m.left] ?? null);
  merges.forEach((m, i) => {
    const bottom = Math.min(m.bottom, height - 1);
    const right = Math.min(m.right, width - 1);
    if (bottom < m.top || right < m.left) return;
    budget.spend((bottom - m.top + 1) * (right - m.left + 1) - 1);
    const master = masters[i]!;
    if (master === null) return;
    for (let r = m.top; r <= bottom; r++) {
      const row = (rows[r] ??= []);
      for (let c = m.left; c <= right; c++) if (r > m.top || c > m.left) row[c] = master;
    }
  });
  const out: Cell[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    if (!row) { out[r] = []; continue; }
    let end = row.length;
    while (end > 0 && (row[end - 1] === undefined || row[end - 1] === null)) end--;
    row.length = end;
    for (let c = 0; c < end; c++) if (row[c] === undefined) row[c] = null;
    out[r] = row as Cell[];
  }
  trim(out);
  return { name, rows: out, merges };
}

function trim(rows: (Cell | undefined)[][]): void {
  let end = rows.length;
  while (end > 0 && !rows[end - 1]?.some((v) => v !== undefined && v !== null)) end--;
  rows.length = end;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel date serial as the date and time it shows, in UTC (no time zone is involved): 1900 system
 * with Excel's phantom 1900-02-29 (serials below 61 are a day later than the plain count), or 1904.
 */
export function serialToDate(v: number, date1904: boolean): Date {
  if (date1904) return new Date(EPOCH_1904 + Math.round(v * 86400000));
  return new Date(EPOCH_1900 + Math.round((v < 61 && v >= 1 ? v + 1 : v) * 86400000));
}
