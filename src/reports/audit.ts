// The audit report model (SPEC §6 item 7): the evidence of the audited year from the store, the engine's
// verdicts, and what every renderer needs — counts per rule, each person's gaps worst first, the branch
// duties. Plain data; the terminal renderer is src/render/terminal/auditText.ts, the JSON document auditJson.ts.
import { memberAsOf } from '../domain/memberAsOf.js';
import type { Evidence, EvidenceIds } from '../domain/evidence.js';
import { EVIDENCE_KINDS } from '../domain/evidenceKinds.js';
import type { AttendanceColumns, StudyColumns } from '../domain/engine/evidenceIndex.js';
import { judgedIntervals, segmentsIn, totalDays } from '../domain/engine/intervals.js';
import { judge } from '../domain/engine/judge.js';
import type { MetParts, Verdict, VerdictStatus } from '../domain/engine/types.js';
import { addDaysIso, type Period } from '../domain/periods.js';
import type { Member } from '../domain/member.js';
import type { Rule, RuleSet } from '../domain/ruleSet.js';
import type { WorkCalendar } from '../domain/workdays.js';
import { listBranches } from '../store/branches.js';
import type { Db } from '../store/db.js';
import { loadEvidence, startParallelColumns, type ParallelLoad } from '../store/evidence.js';
import { sessionOfAttendance } from '../store/evidenceLoad.js';
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
  /** false: self-study verdicts list no evidence ids (the period report never shows them). */
  citeSelfStudy?: boolean;
  /** false: members' 'met' verdicts are counted in the summaries but not kept (the period report lists
   * gaps and open items only; an organ's year is ~320,000 of them). */
  keepMet?: boolean;
  /** The whole roster (listMembers), when the caller has read it already. */
  roster?: Member[];
  /** At organ scale, read the big column kinds on a second thread (store/evidenceParallel.ts): true to
   * start it here, or one the caller started earlier (so it is ready by the time it is needed). */
  parallel?: boolean | ParallelLoad;
  /** Every verdict as it is made, in rule order within each rule (rules may come out of order), with the
   * names to show it by — for a renderer that writes them as they come (verdictStream.ts VerdictStream). The
   * report then keeps no member's 'met' verdict (as with keepMet false), but every verdict is made. */
  emit?: (v: AuditVerdict, names: VerdictNames) => void;
  /** With `emit`: a member's 'met' verdict of a count rule in parts instead (JudgeOptions.onMetCited), for
   * the renderer to write as it would the verdict. */
  emitMet?: (m: MetParts, names: VerdictNames) => void;
}

/** A verdict of the audit: the engine's own object, untouched (an organ's year is ~350,000 of them, so
 * names and user-facing evidence keys are looked up when shown: nameOf, branchOf, citesOf). */
export type AuditVerdict = Verdict;

/** Names by member id and branch id, for showing verdicts (see nameOf, branchOf). */
export type VerdictNames = Pick<AuditReport, 'memberNames' | 'branchNames'>;

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
  /** The rows the audit read (its year ± a week), for the period report and the branch comparison to
   * reuse rather than read again. */
  sources: { attendance: Map<number, AttendanceColumns>; study: Map<number, StudyColumns>; evidence: Evidence };
  /** People with at least one verdict (kept or not): the renderers' “the rest met everything” count. */
  judgedMembers: number;
  /** Per rule: each subject's worst status over the rule's periods (people by id, branches by −1 − id). */
  worst: Map<string, Map<number, VerdictStatus>>;
  /** Per rule, for people moved on a day: their worst status in each branch, over the periods that are its. */
  moverWorst?: Map<string, Map<number, Map<number, VerdictStatus>>>;
  /** Names by member id and branch id, for the verdicts (see nameOf, branchOf). */
  memberNames: Map<number, string>;
  branchNames: Map<number, string>;
}

/** The member's name of a verdict (undefined for branch rules). */
export function nameOf(r: Pick<AuditReport, 'memberNames'>, v: Verdict): string | undefined {
  return v.memberId === undefined ? undefined : r.memberNames.get(v.memberId);
}

/** The branch's name of a verdict. */
export function branchOf(r: Pick<AuditReport, 'branchNames'>, v: Verdict): string {
  return r.branchNames.get(v.branchId) ?? `#${v.branchId}`;
}

/** The rows an audit of `scope` reads: its years ± a week (weeks reach up to 3 days into the next and
 * previous year, and a yearly rule shows its whole year). */
export function auditSpan(scope: Period): { from: string; toExclusive: string } {
  return {
    from: addDaysIso(`${scope.start.slice(0, 4)}-01-01`, -7),
    toExclusive: addDaysIso(`${Number(scope.end.slice(0, 4)) + (scope.end.endsWith('-01-01') ? 0 : 1)}-01-01`, 7),
  };
}

/** Whether the rule set's self-study rules are all month-aligned (whole months then come as totals). */
const monthAligned = (ruleSet: RuleSet) => ruleSet.rules.every((r) => r.metric !== 'self-study' || MONTH_ALIGNED.has(r.period));

/** Starts the second reading thread for an audit of `input` ahead of time (undefined when it does not pay). */
export function startAuditReading(db: Db, input: Pick<AuditInput, 'ruleSet' | 'scope' | 'branchId' | 'citeSelfStudy'>): ParallelLoad | undefined {
  return startParallelColumns(db, { ...auditSpan(input.scope), branchId: input.branchId }, monthAligned(input.ruleSet) && input.citeSelfStudy !== false);
}

/** Runs the engine over the database and shapes the result. */
export function buildAudit(db: Db, input: AuditInput): AuditReport {
  const { scope, asOf } = input;
  const { from, toExclusive } = auditSpan(scope);
  // With month-aligned self-study rules, whole months come as totals (and the ids to cite, if any, apart).
  const monthly = monthAligned(input.ruleSet);
  const studyMonths = { asOf, scope: { start: addDaysIso(from, 7), end: addDaysIso(toExclusive, -7) }, cite: input.citeSelfStudy !== false };
  // At organ scale a second thread reads the big column kinds meanwhile (started first, so it is ready in time).
  const roster = input.roster ?? listMembers(db);
  // Someone moved on a day into or out of the branch is judged as everywhere else — their rate over each
  // branch's sessions — so the evidence is read for every branch, then cut to this one: the people on its
  // roll at some time, and the verdicts that are its (a period is the branch's whose roll they were on on
  // its last day judged).
  const branchList = listBranches(db);
  const branchName = input.branchId === undefined ? undefined : branchList.find((b) => b.id === input.branchId)?.name;
  const across = input.branchId !== undefined && roster.some((m) => m.history?.some((t) => t.kind === 'roll' && t.branch !== m.branch && (m.branchId === input.branchId || t.branch === branchName)));
  if (across && input.parallel && input.parallel !== true) input.parallel.cancel();
  const parallel = across ? undefined : input.parallel === true ? startAuditReading(db, input) : input.parallel || undefined;
  const evidence = loadEvidence(db, { from, toExclusive, branchId: across ? undefined : input.branchId, roster, parallel, deferCites: true, ...(monthly ? { studyMonths } : {}) }, true);
  if (across) evidence.members = evidence.members.filter((m) => m.branchId === input.branchId || m.rollTerms?.some((t) => t.branchId === input.branchId));
  const personal = !!input.memberIds || !!input.leadersOnly;
  const memberIds = input.leadersOnly ? leadersIn(evidence, scope).filter((id) => !input.memberIds || input.memberIds.includes(id)) : input.memberIds;
  const rules = input.ruleSet.rules.filter((r) => (!input.ruleIds || input.ruleIds.includes(r.id)) && !(personal && r.appliesTo === 'branch'));
  // Verdicts stream through: counted for the rule summaries, kept unless a member's 'met' is not wanted
  // (or is handed on as made).
  const { emit } = input;
  const keepMet = input.keepMet !== false && !emit;
  const members = new Map(roster.map((m) => [m.id, m]));
  const branchNames = new Map(branchList.map((b) => [b.id, b.name]));
  const memberNames = new Map<number, string>();
  for (const m of members.values()) memberNames.set(m.id, m.name);
  const names: VerdictNames = { memberNames, branchNames };
  const verdicts: AuditVerdict[] = [];
  const worst = new Map<string, Map<number, VerdictStatus>>(rules.map((r) => [r.id, new Map()]));
  const judged = new Set<number>();
  const movers = new Set(evidence.members.filter((m) => m.rollTerms).map((m) => m.id));
  const moverWorst = movers.size ? new Map<string, Map<number, Map<number, VerdictStatus>>>() : undefined;
  const byBranch = (rule: string, memberId: number, branchId: number, status: VerdictStatus) => {
    const perMember = moverWorst!.get(rule) ?? moverWorst!.set(rule, new Map()).get(rule)!;
    const per = perMember.get(memberId) ?? perMember.set(memberId, new Map()).get(memberId)!;
    const was = per.get(branchId);
    if (was === undefined || RANK[status] > RANK[was]) per.set(branchId, status);
  };
  /** A member's 'met' counted for the summaries; false when it is not this audit's (another branch's period). */
  const countMet = (rule: string, memberId: number, branchId: number): boolean => {
    if (across && branchId !== input.branchId) return false;
    if (moverWorst && movers.has(memberId)) byBranch(rule, memberId, branchId, 'met');
    const subjects = worst.get(rule)!;
    if (subjects.get(memberId) === undefined || subjects.get(memberId) === 'na') subjects.set(memberId, 'met');
    judged.add(memberId);
    return true;
  };
  const judgeRules = (ruleIds: string[], verdicts: AuditVerdict[]) => judge(input.ruleSet, evidence, {
    asOf, scope: scope.id, calendar: input.calendar, ruleIds, memberIds, selfStudy: evidence.study, lectures: evidence.lectureIds, attendance: evidence.signIns,
    citeSelfStudy: input.citeSelfStudy,
    // Without met verdicts to keep (or hand on), a member's 'met' is only counted (no object made); handed
    // on, a count rule's is handed on in parts.
    ...(keepMet || emit ? {} : { onMet: countMet }),
    ...(emit && input.emitMet ? { onMetCited: (m: MetParts) => { if (countMet(m.rule, m.memberId, m.branchId)) input.emitMet!(m, names); } } : {}),
    sink: (v) => {
      // (Read across branches for one branch: the other branches' duties are not this audit's.)
      if (across && v.branchId !== input.branchId) return;
      if (moverWorst && v.memberId !== undefined && movers.has(v.memberId)) byBranch(v.rule, v.memberId, v.branchId, v.status);
      // People by id, branches by −1 − id: a subject's worst status over the rule's periods.
      const subjects = worst.get(v.rule)!;
      const key = v.memberId === undefined ? -1 - v.branchId : v.memberId;
      const was = subjects.get(key);
      if (was === undefined || RANK[v.status] > RANK[was]) subjects.set(key, v.status);
      if (v.memberId !== undefined) judged.add(v.memberId);
      emit?.(v, names);
      if (keepMet || v.status !== 'met' || v.memberId === undefined) verdicts.push(v);
    },
  });
  if (!evidence.attachCites) judgeRules(rules.map((r) => r.id), verdicts);
  else {
    // The self-study ids to cite are still being read on the second thread: the rules that cite none are
    // judged meanwhile, then the self-study rules, and the two lists merged back into rule order.
    const citing = (r: Rule) => r.metric === 'self-study';
    const first: AuditVerdict[] = [];
    const then: AuditVerdict[] = [];
    judgeRules(rules.filter((r) => !citing(r)).map((r) => r.id), first);
    evidence.attachCites();
    judgeRules(rules.filter(citing).map((r) => r.id), then);
    const at = new Map(input.ruleSet.rules.map((r, i) => [r.id, i]));
    for (let i = 0, j = 0; i < first.length || j < then.length;) {
      if (j >= then.length || (i < first.length && at.get(first[i]!.rule)! <= at.get(then[j]!.rule)!)) verdicts.push(first[i++]!);
      else verdicts.push(then[j++]!);
    }
  }

  const ruleOf = new Map(rules.map((r) => [r.id, r]));
  const people = new Map<number, PersonAudit>();
  const branches = new Map<number, BranchAudit>();
  // Posts as they stood on the audit's last day (a post taken up later is not shown).
  const postDay = asOf < scope.end ? asOf : addDaysIso(scope.end, -1);
  for (const v of verdicts) {
    if (v.memberId === undefined) {
      let b = branches.get(v.branchId);
      if (!b) branches.set(v.branchId, (b = { branchId: v.branchId, name: branchNames.get(v.branchId) ?? `#${v.branchId}`, verdicts: [] }));
      b.verdicts.push(v);
      continue;
    }
    let p = people.get(v.memberId);
    if (!p) {
      const m = members.get(v.memberId);
      people.set(v.memberId, (p = { memberId: v.memberId, name: m?.name ?? `#${v.memberId}`, branch: branchNames.get(m?.branchId ?? v.branchId) ?? `#${v.branchId}`, post: m && memberAsOf(m, postDay).partyPost, gaps: [], open: [], all: [], shortfall: 0 }));
    }
    p.all.push(v);
    if (v.status === 'gap') { p.gaps.push(v); p.shortfall += shareShort(v); }
    // An attendance rate stays open all year; it is a to-do only while below its threshold.
    if (v.status === 'open' && !(ruleOf.get(v.rule)?.metric === 'attendance-rate' && (v.actual as number) >= (v.required as number))) p.open.push(v);
  }
  const order = [...people.values()].sort((a, b) =>
    b.gaps.length - a.gaps.length || b.shortfall - a.shortfall || b.open.length - a.open.length || a.memberId - b.memberId);

  return {
    asOf, scope, ruleSet: input.ruleSet,
    rules: rules.map((r) => summarise(r, worst.get(r.id)!)),
    verdicts, people: order, branches: [...branches.values()],
    calendarNote: input.calendar.calendarNote(scope),
    endedGaps: verdicts.reduce((n, v) => n + (v.status === 'gap' ? 1 : 0), 0),
    sources: { attendance: evidence.signIns, study: evidence.study, evidence },
    worst, ...(moverWorst ? { moverWorst } : {}), memberNames, branchNames, judgedMembers: judged.size,
  };
}

/** Members who held a committee post on some day of the scope. */
function leadersIn(ev: Evidence, scope: Period): number[] {
  return ev.members.filter((m) => totalDays(segmentsIn(judgedIntervals(m, 'leaders'), scope)) > 0).map((m) => m.id);
}

const MONTH_ALIGNED = new Set(['month', 'quarter', 'half', 'year']);

const RANK: Record<VerdictStatus, number> = { na: 0, met: 1, open: 2, gap: 3 };

/** Counts subjects (people, or branches) by their worst status over the periods of one rule. */
function summarise(rule: Rule, worst: Map<number, VerdictStatus>): RuleSummary {
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
export function citesOf(ev: EvidenceIds): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const table in ev) {
    const ids = ev[table as keyof EvidenceIds]!;
    if (table === 'attendance') (out.sessions ??= []).push(...ids.map(sessionOfAttendance));
    else if (table === 'sessions') (out.sessions ??= []).push(...ids);
    else out[KIND_OF_TABLE.get(table) ?? table] = ids;
  }
  return out;
}
