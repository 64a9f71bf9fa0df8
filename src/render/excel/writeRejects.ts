// The rejects workbook written beside an input by --skip-invalid: each rejected row, where it was,
// why, and its original cells, so the user can fix them and import that file again.
import { cellText, type Grid } from '../../domain/grid.js';
import { maskPersonalData } from '../../domain/pii.js';

export interface RejectRow {
  row: number;
  reasons: string[];
}

/** One sheet of rejects: the source sheet's grid and header row, and its rejected rows. */
export interface RejectsPart {
  sheet: string;
  grid: Grid;
  headerEnd: number;
  rejects: RejectRow[];
}

/** Writes `<input>.rejects.xlsx` with the original header labels plus 原行号 and 原因. */
export async function writeRejects(file: string, grid: Grid, headerEnd: number, rejects: RejectRow[]): Promise<void> {
  await writeRejectsSheets(file, [{ sheet: '未导入的行', grid, headerEnd, rejects }]);
}

/** The same, one sheet per source sheet (a ledger's rejects keep their sheet names). */
export async function writeRejectsSheets(file: string, parts: RejectsPart[]): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  for (const { sheet, grid, headerEnd, rejects } of parts) {
    const ws = wb.addWorksheet(sheet);
    const header = grid.rows[headerEnd] ?? [];
    const width = Math.max(header.length, ...rejects.map((r) => grid.rows[r.row]?.length ?? 0));
    const labels = Array.from({ length: width }, (_, c) => cellText(header[c]) || cellText(grid.rows[headerEnd - 1]?.[c]) || `第${c + 1}列`);
    ws.addRow(['原行号', '原因', ...labels]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rejects) {
      const cells = Array.from({ length: width }, (_, c) => cellText(grid.rows[r.row]?.[c]));
      // The row's own cells stay as typed (to be fixed and imported again); the reason, a message, is masked.
      const row = ws.addRow([r.row + 1, maskPersonalData(r.reasons.join('；')), ...cells]);
      // Text stays text: no value is ever written as a formula.
      row.eachCell((cell, col) => {
        if (col > 2) cell.numFmt = '@';
      });
    }
    ws.getColumn(1).width = 8;
    ws.getColumn(2).width = 60;
    for (let c = 3; c <= width + 2; c++) ws.getColumn(c).width = 16;
  }
  await wb.xlsx.writeFile(file);
}
