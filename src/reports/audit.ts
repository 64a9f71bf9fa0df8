// The audit report model (SPEC §6 item 7): the evidence of the audited year from the store, the engine's
// verdicts, and what every renderer needs — counts per rule, each person's gaps worst first, the branch
// duties. Plain data; the terminal and JSON renderers live in src/cli/commands/audit*.ts.
import type { Evidence, EvidenceIds } from '../domain/evidence.js';
import { EVIDENCE_KINDS } from '../domain/evidenceKinds.js';
import type { StudyColumns } from '../domain/engine/evidenceIndex.js';
import { judgedIntervals, segmentsIn, totalDays } from '../domain/engine/intervals.js';
import { judge } from '../domain/engine/judge.js';
import type { Verdict, VerdictStatus } from '../domain/engine/types.js';
import { addDaysIso, type Period } from '../domain/periods.js';
import type { Rule, RuleSet } from '../domain/ruleSet.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { listBranches } from '../store/branches.js';
import type { Db } from '../store/db.js';
import { loadEvidence } from '../store/evidence.js';
import { listMembers } from '../store/members.js';

/** What to audit; the CLI has checked every value. */
export interface AuditInput {
  ruleSet: RuleSet;
  calendar: WorkCalendar;
  asOf: string;
  scope: Period;
  branchId?: number;
  memberIds?: number[];
  /** Only people who held a committee post in the scope (四带头 and their 五坚持), no branch duties. */
  leadersOnly?: boolean;
  ruleIds?: string[];
}

/** A verdict with names, and its evidence keyed the way users address it (`sessions`, `self-study`, `book`…). */
export interface AuditVerdict extends Verdict {
  memberName?: string;
  branchName: string;
  cites: Record<string, number[]>;
}

/** One line of the summary table; counts are of people (or branches), each at their worst status. */
export interface RuleSummary {
  rule: Rule;
  applicable: number;
  met: number;
  gap: number;
  open: number;
  na: number;
}

/** One person's verdicts, split for the “who is short of what” section. */
export interface PersonAudit {
  memberId: number;
  name: string;
  branch: string;
  post?: string;
  gaps: AuditVerdict[];
  /** Open periods with something still to do (a rate already above its threshold is left out). */
  open: AuditVerdict[];
  all: AuditVerdict[];
  /** How far short, summed over ended gaps (each gap as a share of its quota): sorts ties in gap count. */
  shortfall: number;
}

/** One branch's duties (rules that apply to the branch itself). */
export interface BranchAudit {
  branchId: number;
  name: string;
  verdicts: AuditVerdict[];
}

/** Everything the renderers show. */
export interface AuditReport {
  asOf: string;
  scope: Period;
  ruleSet: RuleSet;
  rules: RuleSummary[];
  verdicts: AuditVerdict[];
  /** Worst first: most ended gaps, then largest shortfall, then most open items. */
  people: PersonAudit[];
  branches: BranchAudit[];
  calendarNote?: string;
  /** Verdicts of ended periods that are short: the exit code is 1 when this is above 0. */
  endedGaps: number;
  /** The rows the audit read (its year ± a week), for the period report to reuse rather than read again. */
  sources: { attendance: Evidence['attendance']; study: Map<number, StudyColumns> };
}

/** Runs the engine over the database and shapes the result. */
export function buildAudit(db: Db, input: AuditInput): AuditReport {
  const { scope, asOf } = input;
  // Weeks reach up to 3 days into the next and previous year, and a yearly rule shows its whole year.
  const from = addDaysIso(`${scope.start.slice(0, 4)}-01-01`, -7);
  const toExclusive = addDaysIso(`${Number(scope.end.slice(0, 4)) + (scope.end.endsWith('-01-01') ? 0 : 1)}-01-01`, 7);
  const evidence = loadEvidence(db, { from, toExclusive, branchId: input.branchId }, true);
  const personal = !!input.memberIds || !!input.leadersOnly;
  const memberIds = input.leadersOnly ? leadersIn(evidence, scope).filter((id) => !input.memberIds || input.memberIds.includes(id)) : input.memberIds;
  const rules = input.ruleSet.rules.filter((r) => (!input.ruleIds || input.ruleIds.includes(r.id)) && !(personal && r.appliesTo === 'branch'));
  const raw = judge(input.ruleSet, evidence, {
    asOf, scope: scope.id, calendar: input.calendar, ruleIds: rules.map((r) => r.id), memberIds, selfStudy: evidence.study,
  });

  const members = new Map(listMembers(db).map((m) => [m.id, m]));
  const branchNames = new Map(listBranches(db).map((b) => [b.id, b.name]));
  const sessionOf = new Map(evidence.attendance.map((a) => [a.id, a.sessionId]));
  // The engine's verdicts gain their names in place: an organ's year is ~350,000 of them, and copying
  // each (with a spread) cost more than judging it.
  const verdicts = raw as AuditVerdict[];
  for (const v of verdicts) {
    v.memberName = v.memberId === undefined ? undefined : members.get(v.memberId)?.name;
    v.branchName = branchNames.get(v.branchId) ?? `#${v.branchId}`;
    v.cites = citesOf(v.evidence, sessionOf);
  }

  const ruleOf = new Map(rules.map((r) => [r.id, r]));
  const people = new Map<number, PersonAudit>();
  const branches = new Map<number, BranchAudit>();
  for (const v of verdicts) {
    if (v.memberId === undefined) {
      let b = branches.get(v.branchId);
      if (!b) branches.set(v.branchId, (b = { branchId: v.branchId, name: v.branchName, verdicts: [] }));
      b.verdicts.push(v);
      continue;
    }
    let p = people.get(v.memberId);
    if (!p) {
      const m = members.get(v.memberId);
      people.set(v.memberId, (p = { memberId: v.memberId, name: v.memberName ?? `#${v.memberId}`, branch: v.branchName, post: m?.partyPost, gaps: [], open: [], all: [], shortfall: 0 }));
    }
    p.all.push(v);
    if (v.status === 'gap') { p.gaps.push(v); p.shortfall += shareShort(v); }
    // An attendance rate stays open all year; it is a to-do only while below its threshold.
    if (v.status === 'open' && !(ruleOf.get(v.rule)?.metric === 'attendance-rate' && (v.actual as number) >= (v.required as number))) p.open.push(v);
  }
  const byRule = new Map<string, AuditVerdict[]>();
  for (const v of verdicts) {
    const list = byRule.get(v.rule);
    if (list) list.push(v); else byRule.set(v.rule, [v]);
  }
  const order = [...people.values()].sort((a, b) =>
    b.gaps.length - a.gaps.length || b.shortfall - a.shortfall || b.open.length - a.open.length || a.memberId - b.memberId);

  return {
    asOf, scope, ruleSet: input.ruleSet,
    rules: rules.map((r) => summarise(r, byRule.get(r.id) ?? [])),
    verdicts, people: order, branches: [...branches.values()],
    calendarNote: input.calendar.calendarNote(scope),
    endedGaps: verdicts.reduce((n, v) => n + (v.status === 'gap' ? 1 : 0), 0),
    sources: { attendance: evidence.attendance, study: evidence.study },
  };
}

/** Members who held a committee post on some day of the scope. */
function leadersIn(ev: Evidence, scope: Period): number[] {
  return ev.members.filter((m) => totalDays(segmentsIn(judgedIntervals(m, 'leaders'), scope)) > 0).map((m) => m.id);
}

const RANK: Record<VerdictStatus, number> = { na: 0, met: 1, open: 2, gap: 3 };

/** Counts subjects (people, or branches) by their worst status over the periods of one rule. */
function summarise(rule: Rule, verdicts: AuditVerdict[]): RuleSummary {
  const worst = new Map<string, VerdictStatus>();
  for (const v of verdicts) {
    const key = v.memberId === undefined ? `b${v.branchId}` : `m${v.memberId}`;
    const was = worst.get(key);
    if (!was || RANK[v.status] > RANK[was]) worst.set(key, v.status);
  }
  const s: RuleSummary = { rule, applicable: 0, met: 0, gap: 0, open: 0, na: 0 };
  for (const status of worst.values()) s[status]++;
  s.applicable = s.met + s.gap + s.open;
  return s;
}

const sum = (f: Verdict['gap']) => (typeof f === 'number' ? f : Object.values(f).reduce((a, b) => a + b, 0));

/** A gap as a share of its quota (1 = nothing done). */
function shareShort(v: Verdict): number {
  const req = sum(v.required);
  return req > 0 ? Math.min(1, sum(v.gap) / req) : 0;
}

const KIND_OF_TABLE = new Map<string, string>(EVIDENCE_KINDS.map((k) => [k.evidence, k.id]));

/** Evidence ids under the names users type: sign-ins become the sessions attended (`session show 12`),
 * the rest the `log` kinds (`log remove self-study:12`). */
function citesOf(ev: EvidenceIds, sessionOf: Map<number, number>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const table in ev) {
    const ids = ev[table as keyof EvidenceIds]!;
    if (table === 'attendance') (out.sessions ??= []).push(...ids.map((id) => sessionOf.get(id) ?? id));
    else if (table === 'sessions') (out.sessions ??= []).push(...ids);
    else out[KIND_OF_TABLE.get(table) ?? table] = ids;
  }
  return out;
}

/** The `audit --json` document: `{asOf, rules, verdicts}` (and `calendarNote` when a year is not covered). */
export function auditJson(r: AuditReport): Record<string, unknown> {
  return {
    asOf: r.asOf,
    rules: r.rules.map((s) => ({
      id: s.rule.id, title: s.rule.title, appliesTo: s.rule.appliesTo, period: s.rule.period, threshold: s.rule.threshold,
      ...(s.rule.recommended !== undefined ? { recommended: s.rule.recommended } : {}),
      applicable: s.applicable, met: s.met, gap: s.gap, open: s.open, na: s.na,
    })),
    // One object shape for every verdict; keys left undefined are dropped by JSON.
    verdicts: r.verdicts.map((v) => ({
      rule: v.rule, member: v.memberName, branch: v.branchName, period: v.period, status: v.status,
      required: v.required, actual: v.actual, gap: v.gap, evidence: v.cites,
      need: v.need || undefined, daysLeft: v.daysLeft, note: v.note || undefined,
    })),
    ...(r.calendarNote ? { calendarNote: r.calendarNote } : {}),
  };
}
