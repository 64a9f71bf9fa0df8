// The ledger workbook's reading-room and study-plan sheets: 图书借阅 (every loan active in the period,
// with days late) and 学习计划 (each planned month, its status and the sessions that carried it out).
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import type { TableSheet } from './tableSheet.js';
import { bookTitle } from '../../domain/text.js';

/** The two sheets, in workbook order. */
export function readingSheets(r: PeriodReport): TableSheet[] {
  const loans = r.loans ?? [];
  const plan = r.plan?.rows ?? [];
  return [
    {
      name: '图书借阅', title: `${r.branch} ${r.period.label}图书借阅登记`, freezeColumns: 2,
      columns: [
        { header: '序号', kind: 'int', width: 6, align: 'center' }, { header: '姓名', kind: 'text', width: 10 }, { header: '书名', kind: 'text', width: 30, wrap: true },
        { header: '借出日期', kind: 'date' }, { header: '应还日期', kind: 'date' }, { header: '归还日期', kind: 'date' }, { header: '逾期天数', kind: 'int' }, { header: '备注', kind: 'text', width: 12 },
      ],
      rows: loans.map((l, i) => [i + 1, l.name, `${bookTitle(l.title)}`, l.lentOn, l.dueOn, l.returnedOn, l.daysLate || null, l.returnedOn ? (l.daysLate ? '逾期归还' : '') : l.daysLate ? '逾期未还' : '借阅中']),
      emptyNote: '本期没有借阅记录（借书：shuxiang lend 书名 姓名；还书：shuxiang return 书名）。',
    },
    {
      name: '学习计划', title: `${r.branch} ${r.period.label}学习计划执行情况`, freezeColumns: 1,
      columns: [
        { header: '月份', kind: 'text', width: 9, align: 'center' }, { header: '学习主题', kind: 'text', width: 30, wrap: true }, { header: '形式', kind: 'text', width: 9 },
        { header: '必学书目', kind: 'text', width: 22, wrap: true }, { header: '承办单位', kind: 'text', width: 12 }, { header: '主讲人', kind: 'text', width: 9 },
        { header: '执行情况', kind: 'text', width: 9 }, { header: '开展的活动', kind: 'text', width: 30, wrap: true },
      ],
      rows: plan.map((p) => [p.month, p.theme, p.form, p.books, p.cohost, p.speaker, p.statusName, p.sessions.map((s) => `${s.date} ${s.type}：${s.topic}`).join('\n')]),
      emptyNote: '没有本期的学习计划（shuxiang plan init --year 年份 生成计划表，填好后 shuxiang import --kind plan 导入）。',
    },
  ];
}
