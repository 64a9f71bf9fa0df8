// The reference for the year report's workbook (issue 7): exceljs's streaming writer alone writing
// ROWS × COLS styled cells (Chinese text and numbers, borders, a header row). Usage: node bench/xlsxFloor.js FILE ROWS COLS
import ExcelJS from 'exceljs';

const [file, rows = '5000', cols = '20'] = process.argv.slice(2);
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
const ws = wb.addWorksheet('个人学习统计');
const thin = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const head = ws.getRow(1);
for (let c = 1; c <= Number(cols); c++) {
  head.getCell(c).value = `第${c}列`;
  head.getCell(c).font = { name: '黑体', bold: true };
  head.getCell(c).border = border;
}
head.commit();
for (let r = 0; r < Number(rows); r++) {
  const row = ws.getRow(r + 2);
  for (let c = 1; c <= Number(cols); c++) {
    const cell = row.getCell(c);
    cell.value = c === 2 ? `党员${r}` : r * c;
    cell.font = { name: '宋体', size: 10.5 };
    cell.border = border;
  }
  row.commit();
}
ws.commit();
await wb.commit();
