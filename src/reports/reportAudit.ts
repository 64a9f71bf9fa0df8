// The audit as the period report shows it: compliance per rule, the verdicts not met (gaps, then open
// items) with their figures in words, ended gaps per member, and what the branch rules require of each
// session type. Reads the audit model of src/reports/audit.ts; plain data out.
import type { Figure } from '../domain/engine/types.js';
import { parsePeriodId, type DateRange } from '../domain/periods.js';
import type { Rule } from '../domain/ruleSet.js';
import { branchOf, nameOf, type AuditReport } from './audit.js';
import type { ReportAudit, RuleRow, SessionTypeCount, VerdictRow } from './periodReportTypes.js';

const EVERY: Record<string, string> = { day: '每天', week: '每周', month: '每月', quarter: '每季度', half: '每半年', year: '每年' };
const PART_LABELS: Record<string, string> = {
  hours: '学时', noteDays: '笔记天数', hoursPerWorkingDay: '每工作日学时', noteDaysPerWorkingDay: '每工作日笔记',
  books: '读书', exchanges: '读书交流', trainings: '培训', exams: '考试',
};

const trim = (n: number) => String(Math.round(n * 100) / 100);

/** A verdict figure in words: 2, 90.0%, 政治理论 1、业务 0. */
export function figureText(rule: Pick<Rule, 'metric'>, f: Figure): string {
  if (typeof f === 'number') return rule.metric === 'attendance-rate' ? `${(Math.round(f * 1000) / 10).toFixed(1)}%` : trim(f);
  return Object.entries(f).map(([k, v]) => `${PART_LABELS[k] ?? k} ${trim(v)}`).join('、');
}

/** A rule's quota in words: “每月 ≥ 1”, “每年 ≥ 政治理论 1、业务 1、科学人文 1”. */
export function quotaText(rule: Rule): string {
  return `${EVERY[rule.period] ?? rule.period} ≥ ${figureText(rule, rule.threshold)}`;
}

/** What the report takes from the audit. */
export interface ReportAuditParts {
  audit: ReportAudit;
  gapsByMember: Map<number, number>;
}

/** Shapes the audit for the report; `order` ranks members (roster order) for sorting. */
export function reportAudit(a: AuditReport, order: Map<number, number>): ReportAuditParts {
  const rules: RuleRow[] = a.rules.map((s) => ({
    id: s.rule.id, title: s.rule.title, appliesTo: s.rule.appliesTo, period: s.rule.period, quota: quotaText(s.rule),
    applicable: s.applicable, met: s.met, gap: s.gap, open: s.open, na: s.na,
  }));
  const ruleOf = new Map(a.ruleSet.rules.map((r) => [r.id, r]));
  const ruleRank = new Map(a.ruleSet.rules.map((r, i) => [r.id, i]));
  const gapsByMember = new Map<number, number>();
  const verdicts: VerdictRow[] = [];
  for (const v of a.verdicts) {
    if (v.status !== 'gap' && v.status !== 'open') continue;
    const r = ruleOf.get(v.rule)!;
    if (v.status === 'gap' && v.memberId !== undefined) gapsByMember.set(v.memberId, (gapsByMember.get(v.memberId) ?? 0) + 1);
    verdicts.push({
      rule: v.rule, ruleTitle: r.title, appliesTo: r.appliesTo, ...(v.memberId !== undefined ? { memberId: v.memberId } : {}),
      subject: nameOf(a, v) ?? branchOf(a, v), branch: branchOf(a, v), period: v.period, status: v.status,
      required: figureText(r, v.required), actual: figureText(r, v.actual), short: figureText(r, v.gap), need: v.need ?? '',
    });
  }
  const rank = (v: VerdictRow) => (v.memberId === undefined ? -1 : order.get(v.memberId) ?? 1e9);
  verdicts.sort((x, y) =>
    (x.status === y.status ? 0 : x.status === 'gap' ? -1 : 1) || ruleRank.get(x.rule)! - ruleRank.get(y.rule)! ||
    rank(x) - rank(y) || x.branch.localeCompare(y.branch) || (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
  return {
    audit: {
      ruleSetTitle: a.ruleSet.title, rules, verdicts,
      gapCount: verdicts.filter((v) => v.status === 'gap').length,
      openCount: verdicts.filter((v) => v.status === 'open').length,
      ...(a.calendarNote ? { calendarNote: a.calendarNote } : {}),
    },
    gapsByMember,
  };
}

/** Fills in what the branch rules (sessions-held) require of each session type within the report period. */
export function addSessionRequirements(types: SessionTypeCount[], a: AuditReport, range: DateRange): void {
  for (const rule of a.ruleSet.rules) {
    if (rule.appliesTo !== 'branch' || rule.metric !== 'sessions-held' || !a.rules.some((s) => s.rule.id === rule.id)) continue;
    const wanted = rule.options.sessionTypes ?? ['collective-study'];
    const row = types.find((t) => t.type === wanted[0]);
    if (!row) continue;
    let inside = 0;
    let longer = false;
    const rank = { met: 1, open: 2, gap: 3 } as const;
    for (const v of a.verdicts) {
      if (v.rule !== rule.id) continue;
      const st = v.status === 'gap' ? 'gap' : v.status === 'open' && (typeof v.gap !== 'number' || v.gap > 0) ? 'open' : v.status === 'na' ? null : 'met';
      if (st && (!row.status || rank[st] > rank[row.status])) row.status = st;
      const p = parsePeriodId(v.period);
      if (p && p.start >= range.start && p.end <= range.end) inside += typeof v.required === 'number' ? v.required : 0;
      else longer = true;
    }
    const text = `${EVERY[rule.period]}至少 ${trim(rule.threshold as number)} 次`;
    row.requiredText = row.requiredText ? `${row.requiredText}；${text}` : text;
    if (!longer) row.required = Math.max(row.required ?? 0, inside);
  }
}
