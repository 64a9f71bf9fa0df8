// “Who is short of what”, grouped by rule: the shape the terminal summary and the 存在问题 section of the
// written summary both print (the full list of verdicts goes to the workbook's 达标情况 sheet).
import type { ReportAudit, VerdictRow } from './periodReportTypes.js';

/** One subject (member or branch) short of one rule, over one or more ended periods. */
export interface GapSubject {
  name: string;
  memberId?: number;
  periods: string[];
  /** The need sentence of the latest period. */
  lastNeed: string;
}

/** One rule with the subjects short of it. */
export interface RuleGaps {
  rule: string;
  title: string;
  appliesTo: VerdictRow['appliesTo'];
  subjects: GapSubject[];
  /** Ended periods short, summed over subjects. */
  count: number;
}

/** Groups the ended gaps by rule (rule-set order), subjects in the report's order. */
export function gapDigest(audit: ReportAudit): RuleGaps[] {
  const byRule = new Map<string, RuleGaps>();
  // Subjects by rule and key: an organ's year has ~30,000 gaps, so each one's subject is found by key, not by a scan.
  const subjectOf = new Map<string, GapSubject>();
  for (const v of audit.verdicts) {
    if (v.status !== 'gap') continue;
    let g = byRule.get(v.rule);
    if (!g) byRule.set(v.rule, (g = { rule: v.rule, title: v.ruleTitle, appliesTo: v.appliesTo, subjects: [], count: 0 }));
    // A branch subject is keyed by its name (its name is what v.subject holds), a member by id.
    const key = `${v.rule}\u0000${v.memberId === undefined ? `b:${v.subject}` : `m:${v.memberId}`}`;
    let s = subjectOf.get(key);
    if (!s) {
      g.subjects.push((s = { name: v.subject, ...(v.memberId !== undefined ? { memberId: v.memberId } : {}), periods: [], lastNeed: '' }));
      subjectOf.set(key, s);
    }
    s.periods.push(v.period);
    s.lastNeed = v.need;
    g.count++;
  }
  return [...byRule.values()];
}

/** “张三（2026-03、2026-05）、李四” — a subject list in one line, periods shown when the rule repeats within the report. */
export function subjectsText(g: RuleGaps, showPeriods: boolean, max = Infinity, name: (id: string) => string = (id) => id): string {
  const shown = g.subjects.slice(0, max).map((s) => (showPeriods ? `${s.name}（${shortPeriods(s.periods.map(name))}）` : s.name));
  const more = g.subjects.length > max ? `等 ${g.subjects.length} ${g.appliesTo === 'branch' ? '个支部' : '人'}` : '';
  return shown.join('、') + more;
}

/** Periods in short: up to 4 listed, then “等N期”. */
function shortPeriods(ps: string[]): string {
  return ps.length <= 4 ? ps.join('、') : `${ps.slice(0, 3).join('、')}等${ps.length}期`;
}
