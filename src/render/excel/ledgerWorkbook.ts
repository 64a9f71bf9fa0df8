// The ledger workbook (学习台账) of a period report: 概况, 花名册, 学习活动, 签到明细, 个人学习统计, 读书,
// 心得文章, 调研, 宣讲, 培训考试, 达标情况, 未达标明细, 图书借阅 and 学习计划 (ledgerReading.ts).
// Written with exceljs's streaming WorkbookWriter so a whole organ's year stays light on memory.
import type { Workbook } from 'exceljs';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import { addAttendanceGrid } from './ledgerGrid.js';
import { addOverview } from './ledgerOverview.js';
import { tableSheets } from './ledgerSheets.js';
import { readingSheets } from './ledgerReading.js';
import { addTableSheet } from './tableSheet.js';
import { branchComparisonSheet } from './branchComparisonSheet.js';

/** Sheet names in workbook order (tests and the README list them from here). */
export const LEDGER_SHEETS = ['概况', '花名册', '学习活动', '签到明细', '个人学习统计', '读书', '心得文章', '调研', '宣讲', '培训考试', '达标情况', '未达标明细', '图书借阅', '学习计划'] as const;

/** Writes the workbook to `file` (exceljs is loaded only here). */
export async function writeLedgerWorkbook(file: string, r: PeriodReport): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const stream = createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  try {
    await fill(wb as unknown as Workbook, r);
    await wb.commit();
  } catch (e) {
    // Close our stream before the caller removes the half-written file.
    stream.destroy();
    if (!stream.closed) await once(stream, 'close');
    throw e;
  }
}

async function fill(book: Workbook, r: PeriodReport): Promise<void> {
  book.creator = 'shuxiang';
  book.title = `${r.branch} ${r.period.label}学习台账`;
  const sheets = tableSheets(r);
  addOverview(book, r);
  addTableSheet(book, sheets.roster);
  addTableSheet(book, sheets.sessions);
  addAttendanceGrid(book, r);
  for (const t of sheets.rest) addTableSheet(book, t);
  if (r.byBranch) addTableSheet(book, branchComparisonSheet(r.byBranch, `${r.branch} ${r.period.label}各支部对比`));
  for (const t of readingSheets(r)) addTableSheet(book, t);
}
