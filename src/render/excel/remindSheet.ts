// The reminders as a workbook (`remind --xlsx`): one row per thing still to do — 姓名, 支部, 待完成事项,
// 截止日期 — to print or hand out: a title, borders, columns as wide as the names (古丽娜尔·艾买提 whole),
// the header repeated on each printed page (tableSheet.ts). Text is written as text, dates as dates.
import type { RemindReport } from '../../reports/remind.js';
import { dateText } from '../../reports/reportNames.js';
import type { TableSheet } from './tableSheet.js';
import { writeTableWorkbook } from './tableWorkbook.js';

/** The reminder table as a sheet. */
export function remindTable(r: RemindReport): TableSheet {
  const rows = [...r.messages, ...r.branches].flatMap((m) => m.items.map((it) => [m.memberId === undefined ? '（支部）' : m.name, m.branch, `${it.when}：${it.todo}`, it.due]));
  return {
    name: '待完成事项', title: `待完成事项提醒（截至${dateText(r.asOf)}）`, freezeColumns: 1,
    columns: [{ header: '姓名', kind: 'text' }, { header: '支部', kind: 'text' }, { header: '待完成事项', kind: 'text', wrap: true, width: 50 }, { header: '截止日期', kind: 'date' }],
    rows,
    emptyNote: '目前没有待完成的事项。',
  };
}

/** Writes the reminder table to `file`. */
export async function writeRemindSheet(file: string, r: RemindReport): Promise<void> {
  await writeTableWorkbook(file, [remindTable(r)], '待完成事项提醒');
}
