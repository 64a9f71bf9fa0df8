// The terminal form of the period report: the headline figures in a few sentences, sessions by type
// against the rules, compliance per rule, and who is short of what — compact, CJK-aligned.
import { formatRate } from '../../domain/attendanceStats.js';
import { gapDigest, subjectsText } from '../../reports/gapDigest.js';
import type { PeriodReport, RuleRow, SessionTypeCount } from '../../reports/periodReportTypes.js';
import type { Paint } from '../../shared/colour.js';
import { formatTable } from './table.js';
import { renderReportBars } from './reportBars.js';
import { renderReadingText } from './reportReadingText.js';
import { branchComparisonLines } from './branchComparisonText.js';

const n = (x: number) => x.toLocaleString('en');
const APPLIES: Record<string, string> = { all: '全体', leaders: '班子', branch: '支部' };

/** The whole terminal report. */
export function renderReportText(paint: Paint, r: PeriodReport): string {
  return [renderReportHeadline(paint, r), ...branchLines(paint, r), ...renderReportBars(paint, r), renderReportCompliance(paint, r), ...renderReadingText(paint, r)].join('\n');
}

/** Over several branches: the comparison, worst first (SPEC §6.7). */
export function branchLines(paint: Paint, r: PeriodReport): string[] {
  return r.byBranch ? ['', paint('bold', `各支部对比（${r.byBranch.branches.length} 个支部，差的在前）`), ...branchComparisonLines(r.byBranch)] : [];
}

/** The first half: who and when, the figures in sentences, sessions by type against the rules. */
export function renderReportHeadline(paint: Paint, r: PeriodReport): string {
  const h = r.headline;
  const out: string[] = [];
  out.push(paint('bold', `学习情况：${r.branch} · ${r.period.label}（截至 ${r.asOf}${r.period.ended ? '' : '，本期尚未结束'}）`), '');
  const moves = [
    ...r.moves.joined.map((m) => `${m.name} ${m.date} 转入`),
    ...r.moves.left.map((m) => `${m.name} ${m.date} 转出`),
  ];
  out.push(`在册 ${h.members} 人（班子成员 ${h.leaders} 人，预备党员 ${h.probationary} 人）${moves.length ? `；本期${moves.join('，')}` : ''}。`);
  const a = h.attendance;
  out.push(`组织学习活动 ${h.sessionsHeld} 次${h.sessionHours ? `、${h.sessionHours} 学时` : ''}；出勤率 ${formatRate(a.rate)}（应到 ${n(a.expected)} 人次，实到 ${n(a.attended)}，请假 ${n(a.excused)}，缺席 ${n(a.absent + a.unmarked)}）。`);
  out.push(`自学 ${n(h.studyHours)} 学时，人均 ${h.studyHoursPerHead} 学时；读书 ${h.books} 本${h.booksByCategory.length ? `（${h.booksByCategory.map((b) => `${b.category} ${b.count}`).join('、')}）` : ''}；心得文章 ${h.writings} 篇。`);
  out.push(`一线调研 ${h.researchTrips} 次 ${h.researchDays} 天；宣讲 ${h.talks} 次；培训 ${h.trainings} 人次；考试 ${h.exams} 人次${h.examAverage !== null ? `，平均 ${h.examAverage} 分` : ''}。`);

  const types = h.sessionsByType.filter((t) => t.held > 0 || t.requiredText);
  if (types.length) {
    out.push('', paint('bold', '学习活动'), formatTable<SessionTypeCount>([
      { header: '类型', value: (t) => t.name },
      { header: '举办', value: (t) => t.held, align: 'right' },
      { header: '规则要求', value: (t) => (t.required ? `${t.required} 次（${t.requiredText}）` : t.requiredText || '—') },
      { header: '情况', value: (t) => (t.status === 'gap' ? paint('red', '未达标') : t.status === 'open' ? '进行中' : t.status === 'met' ? '达标' : '') },
    ], types));
  }
  return out.join('\n');
}

/** The second half: compliance per rule and who is short of what. */
export function renderReportCompliance(paint: Paint, r: PeriodReport): string {
  const out: string[] = [];
  out.push('', paint('bold', `达标情况（${r.audit.ruleSetTitle}，按人数计）`), formatTable<RuleRow>([
    { header: '规则', value: (x) => x.id },
    { header: '名称', value: (x) => x.title },
    { header: '对象', value: (x) => APPLIES[x.appliesTo] },
    { header: '达标', value: (x) => x.met, align: 'right' },
    { header: '未达标', value: (x) => (x.gap ? paint('red', String(x.gap)) : '0'), align: 'right' },
    { header: '进行中', value: (x) => x.open, align: 'right' },
  ], r.audit.rules));
  if (r.audit.calendarNote) out.push(paint('yellow', r.audit.calendarNote));

  const digest = gapDigest(r.audit);
  out.push('');
  if (digest.length === 0) out.push(paint('green', '已结束的周期全部达标。'));
  else {
    out.push(paint('bold', `未达标 ${r.audit.gapCount} 项（已结束的周期）：`));
    for (const g of digest) out.push(`  ${g.rule} ${g.title}：${subjectsText(g, g.subjects.some((s) => s.periods.length > 1) || g.appliesTo === 'branch', 12)}`);
  }
  if (r.audit.openCount) out.push(`进行中 ${r.audit.openCount} 项，明细见 shuxiang audit 或 --xlsx 台账的“达标情况”表。`);
  return out.join('\n');
}
