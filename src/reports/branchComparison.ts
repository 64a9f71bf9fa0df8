// The organ's view (SPEC §6.7): one row per branch — the roll, sessions held by type against the branch
// duties, attendance, the share of members meeting each rule, people with gaps, books and study hours
// per head, planned months held — worst first, with the organ's totals. Built from what the audit
// already read and judged (no second pass over the evidence); plain data for every renderer.
import { STATUS_CODES } from '../domain/engine/columns.js';
import { isExpectedAt } from '../domain/attendees.js';
import type { EvidenceMember, EvidenceSession, SessionType } from '../domain/evidence.js';
import { addDaysIso, toDayNumber } from '../domain/periods.js';
import type { AuditReport } from './audit.js';
import type { VerdictStatus } from '../domain/engine/types.js';
import type { PlanReport } from './planReport.js';
import { blank, finish, totals } from './branchRows.js';

/** One branch rule (四举办 …) over the audited span: its periods by status and the sessions held against it. */
export interface DutyFigures {
  rule: string;
  title: string;
  met: number;
  gap: number;
  open: number;
  na: number;
  /** Summed over the rule's periods in the span (sessions held, reflections handed in). */
  actual: number;
  required: number;
}

/** One member rule inside a branch: people at their worst status; `share` = people with no ended gap ÷ applicable. */
export interface RuleShare {
  rule: string;
  title: string;
  applicable: number;
  met: number;
  gap: number;
  open: number;
  /** (applicable − gap) ÷ applicable; null when the rule applies to no one here. */
  share: number | null;
}

/** The comparison figures of one branch (or, as `organ`, of all of them summed). */
export interface BranchFigures {
  branchId: number | null;
  branch: string;
  /** On the roll on the last day counted. */
  members: number;
  /** On the roll on some day of the span (the per-head divisor, as in the period report). */
  membersInPeriod: number;
  sessionsHeld: number;
  sessionsByType: Partial<Record<SessionType, number>>;
  duties: DutyFigures[];
  /** Branch-rule periods ended short (未达标): the first sort key. */
  dutiesUnmet: number;
  dutiesOpen: number;
  attendance: { expected: number; attended: number; rate: number | null };
  rules: RuleShare[];
  /** People with at least one ended gap. */
  peopleWithGaps: number;
  /** (membersInPeriod − peopleWithGaps) ÷ membersInPeriod; null with nobody on the roll. */
  shareAllMet: number | null;
  /** People with an ended gap in a rule for all members (五坚持), and the share of the roll without one. */
  peopleWithPersistGaps: number;
  sharePersistsMet: number | null;
  /** Branch-duty periods met ÷ judged (met + gap); null when none was judged. */
  shareDutiesMet: number | null;
  books: number;
  booksPerHead: number;
  studyHours: number;
  studyHoursPerHead: number;
  plan: { planned: number; held: number; gap: number; open: number };
}

/** The comparison: branches worst first, then the organ's totals. */
export interface BranchComparison {
  asOf: string;
  scope: { id: string; start: string; end: string; countedEnd: string };
  /** How the rows are ordered, in Chinese (printed under the table). */
  order: string;
  branches: BranchFigures[];
  organ: BranchFigures;
}

/** The ordering, as the renderers explain it. */
export const WORST_FIRST = '排序：未完成的支部职责（已结束的周期）多者在前；相同时，无未达标人员占比低者在前；再按参加率低者在前。';


/** Builds the comparison from the audit (and the plan report of the same span, when there is a plan). */
export function buildBranchComparison(a: AuditReport, plan?: PlanReport): BranchComparison {
  const dayAfter = addDaysIso(a.asOf, 1);
  const countedEnd = a.scope.end < dayAfter ? a.scope.end : dayAfter;
  const rollDay = addDaysIso(countedEnd, -1);
  const from = a.scope.start;
  const ev = a.sources.evidence;
  const excusedCounts = a.ruleSet.settings.excusedCountsAsAttended;
  const inSpan = (d: string) => d >= from && d < countedEnd;
  const onRoll = (m: { onRollFrom?: string; onRollLeft?: string }, day: string) => (!m.onRollFrom || m.onRollFrom <= day) && (!m.onRollLeft || day < m.onRollLeft);

  const rows = new Map<number, BranchFigures>();
  for (const [id, name] of a.branchNames) rows.set(id, blank(id, name));
  const row = (id: number) => rows.get(id) ?? rows.set(id, blank(id, a.branchNames.get(id) ?? `#${id}`)).get(id)!;

  // The roll, and each member's branch.
  const branchOf = new Map<number, number>();
  const memberOf = new Map(ev.members.map((m) => [m.id, m]));
  // Who is counted on which branch's roll in the span: only they can count among its people with gaps.
  const countedIn = new Map<number, Set<number>>();
  const count = (memberId: number, b: number) => {
    row(b).membersInPeriod++;
    (countedIn.get(memberId) ?? countedIn.set(memberId, new Set()).get(memberId)!).add(b);
  };
  for (const m of ev.members) {
    branchOf.set(m.id, m.branchId);
    if (m.rollTerms) {
      // Moved on a day: on the roll of each branch of a spell that meets the span; on rollDay's branch then.
      for (const b of new Set(m.rollTerms.filter((t) => (!t.from || t.from < countedEnd) && (!t.to || t.to > from)).map((t) => t.branchId))) count(m.id, b);
      const now = m.rollTerms.find((t) => onRoll({ onRollFrom: t.from, onRollLeft: t.to }, rollDay));
      if (now) row(now.branchId).members++;
      continue;
    }
    const inPeriod = (!m.onRollFrom || m.onRollFrom < countedEnd) && (!m.onRollLeft || m.onRollLeft > from);
    if (!inPeriod) continue;
    count(m.id, m.branchId);
    if (onRoll(m, rollDay)) row(m.branchId).members++;
  }
  // A mover's branch on a day (as a day number): the spell's, else the current one.
  const branchAt = (m: EvidenceMember, day: number) => m.rollTerms!.find((t) => (!t.from || toDayNumber(t.from) <= day) && (!t.to || day < toDayNumber(t.to)))?.branchId ?? m.branchId;
  // Each member's days on the roll as day numbers [from, left): the checks below run ~10⁵ times.
  const rollFrom = (m: { onRollFrom?: string }) => (m.onRollFrom ? toDayNumber(m.onRollFrom) : -Infinity);
  const rollLeft = (m: { onRollLeft?: string }) => (m.onRollLeft ? toDayNumber(m.onRollLeft) : Infinity);
  // By branch: how many are on the roll throughout, and the others' spans.
  const byBranch = new Map<number, { always: number; spans: [number, number][] }>();
  const spansOf = (id: number) => byBranch.get(id) ?? byBranch.set(id, { always: 0, spans: [] }).get(id)!;
  for (const m of ev.members) {
    // Someone moved on a day is expected at each branch's sessions during their spell on its roll.
    if (m.rollTerms) for (const t of m.rollTerms) spansOf(t.branchId).spans.push([rollFrom({ onRollFrom: t.from }), rollLeft({ onRollLeft: t.to })]);
    else if (!m.onRollFrom && !m.onRollLeft) spansOf(m.branchId).always++;
    else spansOf(m.branchId).spans.push([rollFrom(m), rollLeft(m)]);
  }

  // Sessions held, and who was expected at them (domain/attendees.ts: everyone on the branch's roll that
  // day, or for a committee or named-people session only those).
  const sessions = new Map<number, { branchId: number; date: string }>();
  const restricted = new Map<number, EvidenceSession>();
  const membersOfBranch = new Map<number, EvidenceMember[]>();
  for (const m of ev.members) {
    for (const b of m.rollTerms ? new Set(m.rollTerms.map((t) => t.branchId)) : [m.branchId]) (membersOfBranch.get(b) ?? membersOfBranch.set(b, []).get(b)!).push(m);
  }
  for (const s of ev.sessions) {
    if (!inSpan(s.date)) continue;
    sessions.set(s.id, s);
    const r = row(s.branchId);
    r.sessionsHeld++;
    r.sessionsByType[s.type] = (r.sessionsByType[s.type] ?? 0) + 1;
    if (s.attendees !== undefined && s.attendees !== 'all') {
      restricted.set(s.id, s);
      r.attendance.expected += (membersOfBranch.get(s.branchId) ?? []).filter((m) => isExpectedAt(s, m)).length;
      continue;
    }
    const b = byBranch.get(s.branchId);
    if (!b) continue;
    const day = toDayNumber(s.date);
    let n = b.always;
    for (const [lo, hi] of b.spans) if (lo <= day && day < hi) n++;
    r.attendance.expected += n;
  }
  // Who came: present and late (and excused, when the rule set says so), at their own branch's sessions.
  const counts = new Set(['present', 'late', ...(excusedCounts ? ['excused'] : [])]);
  // By status code, looked at first: an absence needs no session looked up (an organ's year: ~430,000 sign-ins).
  const counted = STATUS_CODES.map((code) => counts.has(code));
  // Each counted session's branch by session id, in a plain array when the ids are the table's small
  // integers (one Map lookup per sign-in was most of this function's time).
  let top = 0;
  for (const id of sessions.keys()) if (id > top) top = id;
  const dense = top <= 4_000_000 ? new Int32Array(top + 1).fill(-1) : undefined;
  if (dense) for (const [id, s] of sessions) dense[id] = s.branchId;
  const branchOfSession = dense ? (id: number) => (id <= top ? dense[id]! : -1) : (id: number) => sessions.get(id)?.branchId ?? -1;
  for (const [memberId, c] of a.sources.attendance) {
    const m = memberOf.get(memberId);
    if (!m) continue;
    if (m.rollTerms) {
      // Several spells: a sign-in counts for the branch whose roll they were on that day, at its sessions.
      const terms = m.rollTerms.map((t) => ({ b: t.branchId, lo: rollFrom({ onRollFrom: t.from }), hi: rollLeft({ onRollLeft: t.to }) }));
      for (let i = 0; i < c.sessions.length; i++) {
        if (!counted[c.status[i]!]) continue;
        const t = terms.find((x) => x.lo <= c.days[i]! && c.days[i]! < x.hi && branchOfSession(c.sessions[i]!) === x.b);
        if (!t) continue;
        const only = restricted.get(c.sessions[i]!);
        if (only && !isExpectedAt(only, m)) continue;
        row(t.b).attendance.attended++;
      }
      continue;
    }
    const b = m.branchId;
    const lo = rollFrom(m);
    const hi = rollLeft(m);
    let n = 0;
    // (A sign-in's day is its session's date.)
    for (let i = 0; i < c.sessions.length; i++) {
      if (!counted[c.status[i]!] || c.days[i]! < lo || c.days[i]! >= hi) continue;
      if (branchOfSession(c.sessions[i]!) !== b) continue;
      // Someone who came to a session they were not expected at does not raise the rate (as in the rules).
      const only = restricted.size ? restricted.get(c.sessions[i]!) : undefined;
      if (only && !isExpectedAt(only, m)) continue;
      n++;
    }
    if (n) row(b).attendance.attended += n;
  }

  // Self-study hours and books finished in the span.
  const start = toDayNumber(from);
  const end = toDayNumber(countedEnd);
  for (const [memberId, c] of a.sources.study) {
    const b = branchOf.get(memberId);
    if (b === undefined) continue;
    const mover = memberOf.get(memberId)!;
    if (mover.rollTerms) {
      for (let i = 0; i < c.days.length; i++) if (c.days[i]! >= start && c.days[i]! < end) row(branchAt(mover, c.days[i]!)).studyHours += c.hours[i]!;
      continue;
    }
    let h = 0;
    for (let i = 0; i < c.days.length; i++) if (c.days[i]! >= start && c.days[i]! < end) h += c.hours[i]!;
    row(b).studyHours += h;
  }
  for (const r of ev.readings) {
    const b = branchOf.get(r.memberId);
    if (b === undefined || !r.finished || !inSpan(r.finished)) continue;
    const m = memberOf.get(r.memberId)!;
    row(m.rollTerms ? branchAt(m, toDayNumber(r.finished)) : b).books++;
  }

  // The organ's own counts of people (each once; summing the branches would count a mover twice).
  const organ = { rules: [] as RuleShare[], gaps: new Set<number>(), persistGaps: new Set<number>() };

  // The rules: branch duties by period, member rules by each person's worst status.
  const rules = a.ruleSet.rules.filter((r) => a.worst.has(r.id));
  for (const r of rules.filter((x) => x.appliesTo === 'branch')) for (const b of rows.values()) b.duties.push({ rule: r.id, title: r.title, met: 0, gap: 0, open: 0, na: 0, actual: 0, required: 0 });
  for (const b of a.branches) {
    const r = row(b.branchId);
    for (const v of b.verdicts) {
      const d = r.duties.find((x) => x.rule === v.rule);
      if (!d) continue;
      d[v.status]++;
      if (v.status !== 'na') { d.actual += typeof v.actual === 'number' ? v.actual : 0; d.required += typeof v.required === 'number' ? v.required : 0; }
    }
  }
  for (const r of rules.filter((x) => x.appliesTo !== 'branch')) {
    const per = new Map<number, RuleShare>();
    for (const id of rows.keys()) per.set(id, { rule: r.id, title: r.title, applicable: 0, met: 0, gap: 0, open: 0, share: null });
    const tally = (b: number, status: VerdictStatus) => {
      if (status === 'na') return;
      const st: 'met' | 'gap' | 'open' = status;
      const s = per.get(b) ?? per.set(b, { rule: r.id, title: r.title, applicable: 0, met: 0, gap: 0, open: 0, share: null }).get(b)!;
      s.applicable++;
      s[st]++;
    };
    const byBranchOf = a.moverWorst?.get(r.id);
    const whole: RuleShare = { rule: r.id, title: r.title, applicable: 0, met: 0, gap: 0, open: 0, share: null };
    organ.rules.push(whole);
    for (const [memberId, status] of a.worst.get(r.id)!) {
      const b = branchOf.get(memberId);
      if (b === undefined) continue;
      // The organ counts each person once, at their worst over the year (a mover is in two branches' rows).
      if (countedIn.get(memberId)?.size && status !== 'na') { whole.applicable++; whole[status]++; }
      // Moved on a day: their worst in each branch, over the periods that are that branch's.
      const split = byBranchOf?.get(memberId);
      // (Only on a roll they were counted on in the span, as for the people with gaps.)
      const on = countedIn.get(memberId);
      if (split) { for (const [mb, st] of split) if (on?.has(mb)) tally(mb, st); }
      else if (on?.has(b)) tally(b, status);
    }
    for (const [id, s] of per) row(id).rules.push(s);
  }
  const forAll = new Set(a.ruleSet.rules.filter((r) => r.appliesTo === 'all').map((r) => r.id));
  for (const p of a.people) {
    const b = branchOf.get(p.memberId);
    if (b === undefined || !p.gaps.length) continue;
    if (countedIn.get(p.memberId)?.size) {
      organ.gaps.add(p.memberId);
      if (p.gaps.some((v) => forAll.has(v.rule))) organ.persistGaps.add(p.memberId);
    }
    // Moved on a day: counted in each branch whose periods they fell short in.
    const mover = !!memberOf.get(p.memberId)!.rollTerms;
    for (const gb of mover ? new Set(p.gaps.map((v) => v.branchId)) : [b]) {
      // (A gap in a period reaching outside the span — a week, the year — of someone not on this roll in it.)
      if (!countedIn.get(p.memberId)?.has(gb)) continue;
      row(gb).peopleWithGaps++;
      if (p.gaps.some((v) => (!mover || v.branchId === gb) && forAll.has(v.rule))) row(gb).peopleWithPersistGaps++;
    }
  }

  const idByName = new Map([...rows.values()].map((r) => [r.branch, r.branchId!]));
  for (const p of plan?.rows ?? []) {
    const id = idByName.get(p.branch);
    if (id === undefined) continue;
    const pl = row(id).plan;
    if (p.status === 'future') continue;
    pl.planned++;
    if (p.status === 'held') pl.held++;
    else if (p.status === 'gap') pl.gap++;
    else pl.open++;
  }

  const branches = [...rows.values()].filter((r) => r.membersInPeriod > 0 || r.sessionsHeld > 0);
  for (const r of branches) finish(r);
  branches.sort((x, y) => y.dutiesUnmet - x.dutiesUnmet || (x.shareAllMet ?? 1) - (y.shareAllMet ?? 1) ||
    (x.attendance.rate ?? 1) - (y.attendance.rate ?? 1) || x.branch.localeCompare(y.branch, 'zh'));
  return { asOf: a.asOf, scope: { id: a.scope.id, start: from, end: a.scope.end, countedEnd }, order: WORST_FIRST, branches, organ: totals(branches, { membersInPeriod: countedIn.size, peopleWithGaps: organ.gaps.size, peopleWithPersistGaps: organ.persistGaps.size, rules: organ.rules }) };
}

/** A branch's row as the branch award (rank --branches) scores it. */
export function branchYearFigures(r: BranchFigures): import('../domain/branchRanking.js').BranchYearFigures {
  return { branchId: r.branchId!, branch: r.branch, members: r.members, dutiesMet: r.shareDutiesMet, persistsMet: r.sharePersistsMet, attendanceRate: r.attendance.rate, booksPerHead: r.booksPerHead, books: r.books, membersInPeriod: r.membersInPeriod };
}
