// A fill-in form sheet (the book catalogue template, the annual plan workbook): a title, a note line, a
// styled header (required columns in red), an optional example row marked 示例 in the 序号 column
// (skipped on import), blank or pre-filled rows with borders, drop-down lists, frozen header, A4 print
// setup; plus a 填表说明 sheet.
import type { Borders, DataValidation, Fill, Workbook, Worksheet } from 'exceljs';

/** One column of the form. */
export interface FormColumn {
  header: string;
  width: number;
  required?: boolean;
  /** Drop-down choices. */
  list?: readonly string[];
  /** Written as text (numFmt '@'), e.g. ISBN. */
  text?: boolean;
}

/** A whole form sheet. */
export interface FormSheet {
  name: string;
  title: string;
  note: string;
  columns: FormColumn[];
  /** The example row (without 序号), or none. */
  example?: (string | number)[];
  /** Rows already filled in (without 序号). */
  rows: (string | number | undefined)[][];
  /** Blank rows to add after them. */
  blank: number;
  notes: string[];
}

const FONT = '宋体';
const THIN: Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as Borders;
const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const EXAMPLE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
type WithValidations = Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } };

/** Writes the form and its notes sheet to `file`. */
export async function writeFormWorkbook(file: string, form: FormSheet): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuxiang';
  fillForm(wb as unknown as Workbook, form);
  const notes = wb.addWorksheet('填表说明');
  notes.getColumn(1).width = 100;
  form.notes.forEach((t, i) => {
    const c = notes.getCell(i + 1, 1);
    c.value = t;
    c.font = { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 };
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  await wb.xlsx.writeFile(file);
}

function fillForm(wb: Workbook, f: FormSheet): void {
  const cols: FormColumn[] = [{ header: '序号', width: 6 }, ...f.columns];
  const last = cols.length;
  const ws = wb.addWorksheet(f.name) as WithValidations;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.font = { name: FONT, size: 11 };
    col.alignment = { vertical: 'middle', wrapText: true, horizontal: i === 0 || c.list ? 'center' : 'left' };
    if (c.text) col.numFmt = '@';
  });
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = f.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, last);
  const note = ws.getCell(2, 1);
  note.value = f.note;
  note.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(2).height = 30;
  const head = ws.getRow(3);
  head.height = 24;
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEAD_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const body: { values: (string | number | undefined)[]; example: boolean }[] = [
    ...(f.example ? [{ values: ['示例', ...f.example], example: true }] : []),
    ...f.rows.map((r, i) => ({ values: [i + 1, ...r], example: false })),
    ...Array.from({ length: f.blank }, (_, i) => ({ values: [f.rows.length + i + 1], example: false })),
  ];
  body.forEach((b, i) => {
    const row = ws.getRow(4 + i);
    row.height = 22;
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      const v = b.values[c - 1];
      if (v !== undefined && v !== '') cell.value = v;
      cell.border = THIN;
      if (b.example) {
        cell.fill = EXAMPLE_FILL;
        cell.font = { name: FONT, size: 11, italic: true, color: { argb: 'FF7F7F7F' } };
      }
    }
  });
  const end = 4 + Math.max(body.length, 1) + 100;
  cols.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    ws.dataValidations.add(`${letter}4:${letter}${end}`, {
      type: 'list', allowBlank: true, formulae: [`"${c.list.join(',')}"`], showErrorMessage: true, errorStyle: 'stop',
      errorTitle: `${c.header}填写有误`, error: `请从下拉列表中选择：${c.list.join('、')}`,
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 3, topLeftCell: 'B4', activeCell: 'B4' }];
  ws.pageSetup = {
    ...ws.pageSetup, paperSize: 9, orientation: last > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, printTitlesRow: '3:3', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}
