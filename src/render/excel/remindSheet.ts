// The reminders as a workbook (`remind --xlsx`): one row per thing still to do — 姓名, 支部, 待完成事项,
// 截止日期 — to print or hand out. Text is written as text, dates as dates; header styled and frozen.
import type { RemindReport } from '../../reports/remind.js';

/** Writes the reminder table to `file`. */
export async function writeRemindSheet(file: string, r: RemindReport): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('待完成事项', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '支部', key: 'branch', width: 22 },
    { header: '待完成事项', key: 'todo', width: 60 },
    { header: '截止日期', key: 'due', width: 13 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.pageSetup.printTitlesRow = '1:1';
  for (const m of [...r.messages, ...r.branches]) {
    for (const it of m.items) {
      const [y, mo, d] = it.due.split('-').map(Number) as [number, number, number];
      const row = ws.addRow({ name: m.memberId === undefined ? '（支部）' : m.name, branch: m.branch, todo: `${it.when}：${it.todo}`, due: new Date(Date.UTC(y, mo - 1, d)) });
      // Names and to-dos stay text (a name like “=1+1” must never become a formula).
      for (const col of [1, 2, 3]) row.getCell(col).numFmt = '@';
      row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(4).numFmt = 'yyyy-mm-dd';
    }
  }
  ws.autoFilter = { from: 'A1', to: 'D1' };
  await wb.xlsx.writeFile(file);
}
