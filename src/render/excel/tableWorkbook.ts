// A workbook of plain table sheets (tableSheet.ts styling: title, frozen header, Chinese-width columns,
// A4 print setup): the printable book lists, the plan comparison and the ranking table use it.
import type { Workbook } from 'exceljs';
import { addTableSheet, type TableSheet } from './tableSheet.js';

/** Writes the sheets, in order, to `file` (exceljs is loaded only here). */
export async function writeTableWorkbook(file: string, sheets: TableSheet[], title?: string): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuxiang';
  if (title) wb.title = title;
  for (const s of sheets) addTableSheet(wb as unknown as Workbook, s);
  await wb.xlsx.writeFile(file);
}
