// Builds .xlsx fixtures inside tests from object literals, with real exceljs.
import ExcelJS from 'exceljs';

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** Apply a number format to whole columns (1-based), e.g. { 9: '@' }. */
  numFmt?: Record<number, string>;
}

/** Writes a workbook; cell values are passed to exceljs as they are (rich text, formulas, links…). */
export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = s.numFmt?.[c + 1];
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

/** Reads every sheet back as arrays of plain cell values (for asserting on written workbooks). */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
