// The table sheets of the ledger workbook, as column lists and rows read off the report model:
// 花名册, 学习活动, 个人学习统计, 读书, 心得文章, 调研, 宣讲, 培训考试, 达标情况.
import { BOOK_CATEGORIES } from '../../domain/evidence.js';
import type { ItemRow, PeriodReport } from '../../reports/periodReportTypes.js';
import { auditDetailSheet, auditSheet } from './ledgerAudit.js';
import type { CellValue } from './ledgerStyle.js';
import type { TableColumn, TableSheet } from './tableSheet.js';

const col = (header: string, kind: TableColumn['kind'] = 'text', extra: Partial<TableColumn> = {}): TableColumn => ({ header, kind, ...extra });
const SEQ = col('序号', 'int', { width: 6, align: 'center' });
const NAME = col('姓名', 'text');
const v = (row: ItemRow, key: string): CellValue => {
  const x = row.values[key];
  return typeof x === 'boolean' ? (x ? '是' : '否') : x ?? null;
};
const sum = (rows: CellValue[][], i: number) => rows.reduce((a, r) => a + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);

/** Every table sheet, in workbook order (概况 and 签到明细 are written by their own modules). */
export function tableSheets(r: PeriodReport): { roster: TableSheet; sessions: TableSheet; rest: TableSheet[] } {
  const t = (name: string) => `${r.branch} ${r.period.label}${name}`;
  const multi = r.branches.length > 1;

  const roster: TableSheet = {
    name: '花名册', title: t('党员花名册'), freezeColumns: 2,
    columns: [SEQ, NAME, col('性别'), col('出生年月', 'date'), col('民族'), col('学历'), col('人员类别'), col('入党时间', 'date'), col('职务'),
      col('党内职务'), col('班子成员'), ...(multi ? [col('所在支部')] : []), col('联系电话'), col('身份证号'), col('转入日期', 'date'), col('转出日期', 'date')],
    rows: r.roster.map((m, i) => [i + 1, m.name, m.gender, m.birthDate, m.ethnicity, m.education, m.category, m.joinPartyDate, m.jobTitle,
      m.partyPost, m.leader ? '是' : '', ...(multi ? [m.branch] : []), m.phone, m.idCard, m.onRollFrom, m.onRollLeft]),
  };

  const sRows = r.sessions.map((s, i) => [i + 1, s.date, s.typeName, s.topic, s.hours ?? null, s.place, s.speaker, ...(multi ? [s.branch] : []),
    s.expected, s.attended, s.late, s.excused, s.absent + s.unmarked, s.rate] as CellValue[]);
  const a = r.headline.attendance;
  const sessions: TableSheet = {
    name: '学习活动', title: t('学习活动登记'), freezeColumns: 2,
    columns: [SEQ, col('日期', 'date'), col('类型'), col('学习主题', 'text', { wrap: true }), col('学时', 'num'), col('地点'), col('主讲/主持'),
      ...(multi ? [col('支部')] : []), col('应到', 'int'), col('实到', 'int'), col('其中迟到', 'int'), col('请假', 'int'), col('缺席', 'int'), col('出勤率', 'rate')],
    rows: sRows,
    totals: ['合计', `${r.sessions.length} 次`, null, null, sum(sRows, 4), null, null, ...(multi ? [null] : []),
      a.expected, a.attended, a.late, a.excused, a.absent + a.unmarked, a.rate],
    emptyNote: '本期没有登记学习活动。',
  };

  const cats = [...BOOK_CATEGORIES];
  const mRows = r.members.map((m, i) => [i + 1, m.name, m.leader ? '是' : '', m.studyHours, m.studyDays, m.noteDays, m.books,
    ...cats.map((c) => m.booksByCategory[c] ?? 0), m.writings, m.writingChars, m.researchDays, m.talks, m.trainings, m.exams, m.examAverage,
    m.attendance.expected, m.attendance.attended, m.attendance.excused, m.attendance.absent + m.attendance.unmarked, m.attendance.rate, m.gaps] as CellValue[]);
  const numeric = mRows[0]?.map((_, i) => i >= 3) ?? [];
  const stats: TableSheet = {
    name: '个人学习统计', title: t('个人学习情况统计'), freezeColumns: 2,
    columns: [SEQ, NAME, col('班子成员'), col('自学学时', 'num'), col('自学天数', 'int'), col('笔记天数', 'int'), col('读书', 'int'),
      ...cats.map((c) => col(c, 'int')), col('心得文章', 'int'), col('字数', 'int'), col('调研天数', 'int'), col('宣讲', 'int'), col('培训', 'int'),
      col('考试', 'int'), col('平均分', 'num'), col('应参加', 'int'), col('参加', 'int'), col('请假', 'int'), col('缺席', 'int'), col('出勤率', 'rate'), col('未达标项', 'int')],
    rows: mRows,
    totals: mRows[0]?.map((_, i) => (i === 0 ? '合计' : i === 1 ? `${mRows.length} 人` : !numeric[i] ? null
      : i === 7 + cats.length + 6 ? r.headline.examAverage : i === 7 + cats.length + 11 ? a.rate : sum(mRows, i))),
  };

  const list = (name: string, title: string, columns: TableColumn[], rows: ItemRow[], cells: (x: ItemRow) => CellValue[], empty: string): TableSheet => ({
    name, title: t(title), freezeColumns: 2, columns: [SEQ, NAME, ...columns], rows: rows.map((x, i) => [i + 1, x.name, ...cells(x)]), emptyNote: empty,
  });
  const trainingExam: ItemRow[] = [
    ...r.items.trainings.map((x) => ({ ...x, values: { ...x.values, _kind: '培训' } })),
    ...r.items.exams.map((x) => ({ ...x, values: { ...x.values, _kind: '考试' } })),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const rest: TableSheet[] = [
    stats,
    list('读书', '读书登记', [col('书名', 'text', { wrap: true }), col('作者'), col('类别'), col('开始阅读', 'date'), col('读完日期', 'date')], r.items.books,
      (x) => [v(x, 'title'), v(x, 'author'), v(x, 'category'), v(x, 'started'), v(x, 'finished')], '本期没有读完的书。'),
    list('心得文章', '心得文章登记', [col('类型'), col('题目', 'text', { wrap: true }), col('完成日期', 'date'), col('字数', 'int')], r.items.writings,
      (x) => [v(x, 'kind'), v(x, 'title'), v(x, 'date'), v(x, 'chars')], '本期没有登记心得文章。'),
    list('调研', '一线调研登记', [col('开始日期', 'date'), col('结束日期', 'date'), col('天数', 'int'), col('地点'), col('调研主题', 'text', { wrap: true })], r.items.research,
      (x) => [v(x, 'from'), v(x, 'to'), v(x, 'days'), v(x, 'place'), v(x, 'topic')], '本期没有登记调研。'),
    list('宣讲', '宣讲讲座登记', [col('类型'), col('日期', 'date'), col('主题', 'text', { wrap: true }), col('听众人数', 'int')], r.items.talks,
      (x) => [v(x, 'kind'), v(x, 'date'), v(x, 'topic'), v(x, 'audience')], '本期没有登记宣讲或讲座。'),
    list('培训考试', '培训与考试登记', [col('类别'), col('名称', 'text', { wrap: true }), col('日期', 'date'), col('结束日期', 'date'), col('学时', 'num'), col('成绩', 'num'), col('是否合格')],
      trainingExam, (x) => [v(x, '_kind'), v(x, 'name'), x.values._kind === '培训' ? v(x, 'from') : v(x, 'date'), v(x, 'to'), v(x, 'hours'), v(x, 'score'), v(x, 'passed')],
      '本期没有登记培训或考试。'),
    auditSheet(r, t('达标情况（未达标与进行中，逐人逐项）'), multi),
    auditDetailSheet(r, t('未达标与进行中明细（逐期）'), multi),
  ];
  return { roster, sessions, rest };
}
