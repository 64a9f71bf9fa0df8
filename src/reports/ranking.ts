// The year-end ranking model (年终评比): the year's evidence from the store, the figures per member, the
// rule set's weights and caps, everyone ranked with each component, and the awardees. Plain data for
// the terminal table, JSON, the .xlsx table and the .docx award list and certificates.
import { rankMembers, type RankedMember } from '../domain/ranking.js';
import type { SessionMarks } from '../domain/attendanceStats.js';
import { DEFAULT_MINIMUMS, minimumsConditions, pickAwardees, type GapsByRule } from '../domain/rankingEligibility.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { buildAudit, type AuditReport } from './audit.js';
import { memberYearFigures } from '../domain/rankingFigures.js';
import { DEFAULT_RANKING, type Ranking, type Rule, type RuleSet } from '../domain/ruleSet.js';
import type { Evidence } from '../domain/evidence.js';
import { onRollDuring } from '../domain/member.js';
import { listBranches } from '../store/branches.js';
import type { Db } from '../store/db.js';
import { loadEvidence } from '../store/evidence.js';
import { readSettings } from '../store/settings.js';
import { addDaysIso, parsePeriodId } from '../domain/periods.js';
import { STATUS_CODES } from '../domain/engine/columns.js';

/** Everything the renderers show. */
export interface RankingReport {
  year: number;
  asOf: string;
  organ: string;
  branch: string;
  ruleSetTitle: string;
  ranking: Ranking;
  top: number;
  ranked: RankedMember[];
  /** The top N of those meeting the minimums, each with the reason it was chosen. */
  awardees: (RankedMember & { reason: string })[];
  /** Ranked people who do not meet the minimums, with why. */
  leftOut: { name: string; rank: number; why: string[] }[];
  /** What an awardee had to meet, in words — only what the minimums applied (the rule set's, or the
   * defaults) really set: 各项学习要求全年达标, 读书和撰写心得文章均有成果…; empty when they set nothing. */
  conditions: string[];
}

/** Ranks the members on the roll at the as-of date on their year so far, optionally of one branch. */
export function buildRanking(db: Db, p: { year: number; asOf: string; ruleSet: RuleSet; calendar: WorkCalendar; top?: number; branchId?: number }): RankingReport {
  const from = `${p.year}-01-01`;
  const yearEnd = `${p.year + 1}-01-01`;
  const dayAfter = p.asOf >= yearEnd ? yearEnd : addDaysIso(p.asOf, 1);
  const ranking = p.ruleSet.ranking ?? DEFAULT_RANKING;
  const min = ranking.minimums ?? DEFAULT_MINIMUMS;
  // The minimums' audit reads the year (± a week) already: its evidence serves the figures too, rather
  // than a second read of the same rows (an organ's year: a quarter million sign-ins, 1.7 million days).
  const gapAudit = yearGapAudit(db, p, min.noGapIn);
  const ev = gapAudit && studyByMonths(p.ruleSet) ? yearEvidence(gapAudit.audit, from, dayAfter)
    // Self-study as monthly totals and sign-ins as columns: an organ's year is 1.7 million days of self-study.
    : loadEvidence(db, { from, toExclusive: dayAfter, branchId: p.branchId, studyMonths: { asOf: addDaysIso(dayAfter, -1), scope: { start: from, end: yearEnd } } }, true);
  // Sign-ins by session, then member, straight from the columns (no object per sign-in).
  const marks: SessionMarks = new Map();
  for (const [memberId, c] of ev.signIns) {
    for (let i = 0; i < c.sessions.length; i++) {
      const sessionId = c.sessions[i]!;
      let bySession = marks.get(sessionId);
      if (!bySession) marks.set(sessionId, (bySession = new Map()));
      bySession.set(memberId, STATUS_CODES[c.status[i]!]!);
    }
  }
  // Only people still on the roll at the as-of date are ranked (someone who has left is not awarded).
  const current = new Set(ev.members.filter((m) => !m.onRollLeft || m.onRollLeft > p.asOf).map((m) => m.id));
  const figures = memberYearFigures(ev, { from, toExclusive: dayAfter }, p.ruleSet.settings.excusedCountsAsAttended, ev.study, marks).filter((f) => current.has(f.memberId));
  const branches = listBranches(db);
  const names = new Map(branches.map((b) => [b.id, b.name]));
  const people = new Map(ev.members.map((m) => [m.id, { name: m.name, branch: names.get(m.branchId) ?? '' }]));
  const ranked = rankMembers(figures, people, ranking);
  const top = p.top ?? ranking.top;
  const ruleTitles = new Map(p.ruleSet.rules.map((x) => [x.id, x.title]));
  const chosen = pickAwardees(ranked, top, gapAudit ? yearGaps(gapAudit) : new Map(), min, ruleTitles);
  const organ = readSettings(db).organ ?? '';
  const shown = branches.filter((b) => p.branchId === undefined || b.id === p.branchId);
  return {
    year: p.year, asOf: p.asOf, organ, branch: shown.length === 1 ? shown[0]!.name : organ || '本机关', ruleSetTitle: p.ruleSet.title,
    ranking, top, ranked, awardees: chosen.awardees, leftOut: chosen.leftOut, conditions: minimumsConditions(min, ruleTitles),
  };
}

/** The year's evidence as the ranking reads it, from what the minimums' audit loaded for [year − 7 days,
 * year + 7 days): the members on the roll during [from, toExclusive) — as loadEvidence(from, toExclusive)
 * gives them — and a list of sign-ins of its own (the figures add to it); every other list is cut to
 * [from, toExclusive) by memberYearFigures itself, and the self-study months are loaded alike (the same
 * cut months inside the year). */
function yearEvidence(a: AuditReport, from: string, toExclusive: string): Evidence & { signIns: AuditReport['sources']['attendance']; study: AuditReport['sources']['study'] } {
  const ev = a.sources.evidence;
  return { ...ev, members: ev.members.filter((m) => onRollDuring(m, from, toExclusive)), attendance: [], selfStudy: [], signIns: a.sources.attendance, study: a.sources.study };
}

/** Whether the audit reads self-study as monthly totals, as the ranking's own load does (buildAudit: no
 * ids cited and every self-study rule month-aligned) — else its daily rows could sum in another order. */
function studyByMonths(ruleSet: RuleSet): boolean {
  return ruleSet.rules.every((r) => r.metric !== 'self-study' || ['month', 'quarter', 'half', 'year'].includes(r.period));
}

/** The audit of the rules the minimums name (undefined when they name none). */
function yearGapAudit(db: Db, p: { year: number; asOf: string; ruleSet: RuleSet; calendar: WorkCalendar; branchId?: number }, which: 'members' | 'none' | string[]): { audit: AuditReport; rules: Rule[] } | undefined {
  if (which === 'none') return undefined;
  const rules = p.ruleSet.rules.filter((r) => r.appliesTo !== 'branch' && (which === 'members' ? r.appliesTo === 'all' : which.includes(r.id)));
  if (!rules.length) return undefined;
  const scope = parsePeriodId(String(p.year))!;
  return { audit: buildAudit(db, { ruleSet: p.ruleSet, calendar: p.calendar, asOf: p.asOf, scope, branchId: p.branchId, ruleIds: rules.map((r) => r.id), citeSelfStudy: false, keepMet: false }), rules };
}

/** Each member's ended gaps of the year in the rules the minimums name: member → rule title → periods. */
function yearGaps({ audit: a, rules }: { audit: AuditReport; rules: Rule[] }): GapsByRule {
  const out: GapsByRule = new Map();
  const title = new Map(rules.map((r) => [r.id, r.title]));
  for (const v of a.verdicts) {
    if (v.status !== 'gap' || v.memberId === undefined) continue;
    const m = out.get(v.memberId) ?? new Map<string, number>();
    const t = title.get(v.rule) ?? v.rule;
    m.set(t, (m.get(t) ?? 0) + 1);
    out.set(v.memberId, m);
  }
  return out;
}
