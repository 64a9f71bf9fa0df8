// The {{placeholders}} of the written summary: one list, with the Chinese name a secretary types in a
// template, an English alias, and the value read off the report model. The wording template
// (templates/report/summary.md) and a user's own .docx template are both filled from it.
import { formatRate } from '../domain/attendanceStats.js';
import { addDaysIso } from '../domain/periods.js';
import type { PeriodReport } from './periodReportTypes.js';
import { dateText, periodNoun } from './reportNames.js';
import { complianceSentence, memberRulesMet, membersSentence, practiceSentence, selfStudySentence, sessionsSentence } from './summarySentences.js';
import { planSentence, problemParagraphs, themeParagraphs } from './summaryText.js';

/** One placeholder. */
export interface SummaryField {
  name: string;
  alias: string;
  /** Further names accepted for the same value. */
  also?: string[];
  help: string;
  value: (r: PeriodReport) => string;
}

const n = (x: number) => x.toLocaleString('en');
const last = (end: string) => addDaysIso(end, -1);

/** Every placeholder, in the order help and README list them. */
export const SUMMARY_FIELDS: SummaryField[] = [
  { name: '标题', alias: 'title', help: '总结标题', value: (r) => `${r.branch}${r.period.label}学习型党组织建设工作总结` },
  { name: '机关', alias: 'organ', help: '机关名称', value: (r) => r.organ },
  { name: '支部', alias: 'branch', help: '支部名称', value: (r) => r.branch },
  { name: '期间', alias: 'period', help: '如 2026年度、2026年第一季度', value: (r) => r.period.label },
  { name: '年度', alias: 'year', help: '年份', value: (r) => String(r.period.year) },
  { name: '本期', alias: 'periodNoun', help: '本年度/本季度/本月…', value: (r) => periodNoun(r.period.kind) },
  { name: '截至', alias: 'asOf', help: '统计截止日（中文日期）', value: (r) => dateText(r.period.ended ? last(r.period.end) : r.asOf) },
  { name: '落款日期', alias: 'signDate', help: '落款日期（统计日期）', value: (r) => dateText(r.asOf) },
  { name: '规则集', alias: 'ruleSet', help: '所用规则集名称', value: (r) => r.audit.ruleSetTitle },
  { name: '在册人数', alias: 'members', help: '期末在册党员人数', value: (r) => String(r.headline.members) },
  { name: '班子人数', alias: 'leaders', help: '支委班子成员人数', value: (r) => String(r.headline.leaders) },
  { name: '预备党员人数', alias: 'probationary', help: '预备党员人数', value: (r) => String(r.headline.probationary) },
  { name: '人员变动', alias: 'moves', help: '本期转入转出情况（一句话，无变动时为空）', value: movesText },
  { name: '活动次数', alias: 'sessionsHeld', help: '组织学习活动次数', value: (r) => String(r.headline.sessionsHeld) },
  { name: '活动学时', alias: 'sessionHours', help: '学习活动学时合计', value: (r) => String(r.headline.sessionHours) },
  { name: '活动类型情况', alias: 'sessionsByType', help: '如 集中学习12次、读书交流4次', value: (r) => r.headline.sessionsByType.filter((t) => t.held).map((t) => `${t.name}${t.held}次`).join('、') || '暂无' },
  { name: '学习计划情况', alias: 'planSummary', help: '年度学习计划执行情况（一句话，没有学习计划时为空）', value: planSentence },
  { name: '出勤率', alias: 'attendanceRate', help: '学习活动出勤率', value: (r) => formatRate(r.headline.attendance.rate) },
  { name: '应到人次', alias: 'expected', help: '应到人次', value: (r) => n(r.headline.attendance.expected) },
  { name: '实到人次', alias: 'attended', help: '实到人次（含迟到）', value: (r) => n(r.headline.attendance.attended) },
  { name: '请假人次', alias: 'excused', help: '请假人次', value: (r) => n(r.headline.attendance.excused) },
  { name: '缺席人次', alias: 'absent', help: '缺席人次（含未登记）', value: (r) => n(r.headline.attendance.absent + r.headline.attendance.unmarked) },
  { name: '自学学时', alias: 'studyHours', help: '自学学时合计', value: (r) => n(r.headline.studyHours) },
  { name: '人均学时', alias: 'studyHoursPerHead', help: '人均自学学时', value: (r) => String(r.headline.studyHoursPerHead) },
  { name: '笔记天次', alias: 'noteDays', help: '做了笔记的天次', value: (r) => n(r.headline.noteDays) },
  { name: '读书数', alias: 'books', help: '读完的书（本）', value: (r) => String(r.headline.books) },
  { name: '读书类别情况', alias: 'booksByCategory', help: '如 政治理论类40本、业务类30本', value: (r) => r.headline.booksByCategory.map((b) => `${b.category}类${b.count}本`).join('、') || '暂无' },
  { name: '心得篇数', alias: 'writings', help: '心得体会和理论文章篇数（不含调研报告）', value: (r) => String(r.headline.essays) },
  { name: '心得字数', alias: 'writingChars', help: '心得体会和理论文章总字数', value: (r) => n(r.headline.essayChars) },
  { name: '调研次数', alias: 'researchTrips', help: '一线调研次数', value: (r) => String(r.headline.researchTrips) },
  { name: '调研天数', alias: 'researchDays', help: '一线调研天数', value: (r) => String(r.headline.researchDays) },
  { name: '宣讲次数', alias: 'talks', help: '宣讲和讲座次数', value: (r) => String(r.headline.talks) },
  { name: '培训人次', alias: 'trainings', help: '参加培训人次', value: (r) => String(r.headline.trainings) },
  { name: '考试人次', alias: 'exams', help: '参加考试人次', value: (r) => String(r.headline.exams) },
  { name: '考试平均分', alias: 'examAverage', help: '考试平均分', value: (r) => (r.headline.examAverage === null ? '—' : String(r.headline.examAverage)) },
  { name: '规则数', alias: 'rules', help: '检查的指标数', value: (r) => String(r.audit.rules.length) },
  { name: '达标规则数', alias: 'rulesMet', help: '全员达标、无进行中的党员个人指标数（不含支部工作要求）', value: (r) => String(memberRulesMet(r)) },
  { name: '未达标项数', alias: 'gapCount', help: '已结束周期的未达标项数', value: (r) => String(r.audit.gapCount) },
  { name: '未达标人数', alias: 'gapMembers', help: '有未达标项的人数', value: (r) => String(new Set(r.audit.verdicts.filter((v) => v.status === 'gap' && v.memberId !== undefined).map((v) => v.memberId)).size) },
  { name: '进行中项数', alias: 'openCount', help: '尚在进行中的项数', value: (r) => String(r.audit.openCount) },
  { name: '党员构成', alias: 'membersText', help: '如 支部共有党员24名，其中支部委员会成员5名、预备党员2名', value: membersSentence },
  { name: '活动出勤情况', alias: 'sessionsText', help: '活动次数、类型和出勤率（一句话，没有的数字不写）', value: sessionsSentence },
  { name: '自学情况', alias: 'selfStudyText', help: '自学、读书、心得文章（一句话，没有的数字不写）', value: selfStudySentence },
  { name: '学用情况', alias: 'practiceText', help: '调研、宣讲、培训、考试（一句话，没有的数字不写）', value: practiceSentence },
  { name: '达标概述', alias: 'complianceText', help: '对照规则集检查的结论（一句话）', value: complianceSentence },
  { name: '未达标情况', alias: 'problems', also: ['存在问题'], help: '按规则归纳的未达标情况（多段文字）', value: (r) => problemParagraphs(r).join('\n') },
  { name: '活动主题', alias: 'sessionThemes', help: '各类活动次数及主要学习主题（多段文字）', value: (r) => themeParagraphs(r).join('\n') },
];

/** The values of every placeholder, under both names. */
export function summaryFields(r: PeriodReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of SUMMARY_FIELDS) {
    const v = f.value(r);
    for (const k of [f.name, f.alias, ...(f.also ?? [])]) out[k] = v;
  }
  return out;
}

function movesText(r: PeriodReport): string {
  const { joined, left } = r.moves;
  if (!joined.length && !left.length) return '';
  const part = (xs: { name: string }[], verb: string) => (xs.length ? `${verb}${xs.map((x) => x.name).join('、')}${xs.length}名` : '');
  return `${r.period.label}内${[part(joined, '转入'), part(left, '转出')].filter(Boolean).join('，')}。`;
}
