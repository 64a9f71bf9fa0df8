// All sheets of an .xlsx as exceljs reads them, in the shape readGrids gives (holes null, trailing blanks
// trimmed, covered cells showing their merge's value): a second, independent reader for files exceljs
// writes. Known exceljs misreads (a cached 0 formula result, CDATA, date1904="true", t="d") are why it
// is no longer the production fallback; test/io/readers.test.ts holds the hand-written oracle for those.
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../src/domain/grid.js';

/** Whatever exceljs returns for a cell as a plain Cell: rich text joined, a formula's result, a link's text. */
function normaliseCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v === '' ? null : v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('error' in o) return { error: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) return { formula: String(o.formula ?? o.sharedFormula), noResult: true };
      return normaliseCell(o.result);
    }
    if ('hyperlink' in o || 'text' in o) return normaliseCell(o.text);
  }
  return String(v);
}

export async function readGridsWithExceljs(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = normaliseCell(cell.value);
      });
      rows[rowNumber - 1] = cells;
    });
    const rawMerges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
    const merges = Object.values(rawMerges).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
    for (let r = 0; r < rows.length; r++) {
      const row = (rows[r] ??= []);
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      while (row.length && row[row.length - 1] === null) row.pop();
    }
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    grids.push({ name: ws.name, rows, merges });
  });
  return grids;
}
