// `rules list|show|calendar` as text: the quotas of a rule set in one table, a rule set's overview, one
// rule with its source and options, and the working-day calendar's coverage.
import type { Rule, RuleSet } from '../../domain/ruleSet.js';
import { metricLabel, ruleOptionsText } from '../../domain/ruleText.js';
import type { CalendarOverrides } from '../../domain/workdays.js';
import { PERIOD_EVERY } from './auditFormat.js';
import { formatTable } from './table.js';

const APPLIES: Record<Rule['appliesTo'], string> = { all: '全体人员', leaders: '班子成员', branch: '支部' };
const PART: Record<string, string> = { hoursPerWorkingDay: '每工作日自学小时', noteDaysPerWorkingDay: '每工作日笔记', books: '读书', exchanges: '读书交流', trainings: '培训', exams: '考试' };

/** A threshold as the secretary reads it: “≥ 1”, “≥ 90%”, “政治理论 ≥ 1、业务 ≥ 1”. */
export function thresholdText(r: Rule, t = r.threshold): string {
  if (typeof t === 'number') return r.metric === 'attendance-rate' || r.metric === 'reflections-per-headcount' ? `≥ ${Math.round(t * 1000) / 10}%` : `≥ ${t}`;
  return Object.entries(t).map(([k, v]) => `${PART[k] ?? k} ≥ ${v}`).join('、');
}

/** `rules list`: id, title, who, how often, what is required. */
export function rulesTable(rules: Rule[]): string {
  return formatTable<Rule>([
    { header: '编号', value: (r) => r.id },
    { header: '名称', value: (r) => r.title },
    { header: '对象', value: (r) => APPLIES[r.appliesTo] },
    { header: '周期', value: (r) => PERIOD_EVERY[r.period] },
    { header: '要求', value: (r) => thresholdText(r) },
  ], rules);
}

/** `rules show`: the rule set's file, description, counts and settings. */
export function ruleSetOverview(set: RuleSet, label: string, file: string): string {
  const count = (a: Rule['appliesTo']) => set.rules.filter((r) => r.appliesTo === a).length;
  return [
    `规则集：${label}`, `文件：${file}`, ...(set.description ? [`说明：${set.description}`] : []),
    `指标：共 ${set.rules.length} 项（班子成员 ${count('leaders')} 项，全体人员 ${count('all')} 项，支部 ${count('branch')} 项）`,
    `请假是否算参加：${set.settings.excusedCountsAsAttended ? '算' : '不算'}（settings.excusedCountsAsAttended）`,
    `没有一个工作日的周、月（如春节所在周）：${set.settings.skipPeriodsWithoutWorkdays === false ? '照常考核' : '计活动、听课的指标不考核'}（settings.skipPeriodsWithoutWorkdays）`,
  ].join('\n');
}

/** `rules show ID`: one rule with its source and options. */
export function ruleDetail(rule: Rule, label: string): string {
  const opts = ruleOptionsText(rule.options);
  const note = (rule as Rule & { note?: string }).note;
  return [
    `编号：${rule.id}`, `名称：${rule.title}`, `对象：${APPLIES[rule.appliesTo]}`, `周期：${PERIOD_EVERY[rule.period]}`,
    `要求：${thresholdText(rule)}${rule.recommended !== undefined ? `（建议 ${thresholdText(rule, rule.recommended)}）` : ''}`,
    `指标：${metricLabel(rule.metric)}`, `出处：“${rule.source}”`,
    ...(opts.length ? [`设置：${opts.join('；')}`] : []), ...(note ? [`说明：${note}`] : []),
    `所属规则集：${label}`,
  ].join('\n');
}

/** `rules calendar`: the overrides file in use and which years the official holidays cover. */
export function calendarText(c: { file?: string; overrides: CalendarOverrides; covered: number[]; uncovered: number[] }): string {
  const lines = [
    c.file ? `工作日调整文件：${c.file}（放假 ${c.overrides.holidays?.length ?? 0} 天，调休上班 ${c.overrides.workdays?.length ?? 0} 天）` : '工作日调整文件：未使用',
    `已收录法定节假日安排的年份：${c.covered.length ? c.covered.join('、') : '（无）'}`,
  ];
  if (c.overrides.说明) lines.push(`调整文件的说明：${c.overrides.说明}`);
  if (c.uncovered.length) lines.push(`尚未收录：${c.uncovered.join('、')}（这些年份按周一至周五计算工作日；可用调整文件补充）`);
  return lines.join('\n');
}
