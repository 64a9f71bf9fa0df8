// Evidence grouped by member and sorted by date, so each period's count is a binary search, not a scan:
// an organ's year (thousands of members × weekly periods) must audit in well under a second. The three
// big kinds (sign-ins, self-study, lectures) are typed columns (columns.ts), the rest date-sorted lists.
import type {
  Evidence, EvidenceExam, EvidenceExchange, EvidenceMember, EvidenceReading,
  EvidenceResearch, EvidenceSession, EvidenceTalk, EvidenceTraining, EvidenceWriting,
} from '../evidence.js';
import { type DateRange, toDayNumber } from '../periods.js';
import {
  NO_ATTENDANCE, NO_IDS, NO_STUDY, attendanceColumnsOf, dayIdsOf, statusCode, studyColumnsOf,
  type AttendanceColumns, type DayIds, type StudyColumns,
} from './columns.js';

export { dayOf, firstOnOrAfter, idsWithin, type AttendanceColumns, type DayIds, type StudyColumns } from './columns.js';

/**
 * Items sorted by the date they count on (`finished` for readings, `from` for spans), with those dates
 * alongside in a parallel array rather than one wrapper object per item.
 */
export interface Dated<T> {
  dates: string[];
  items: T[];
}

/** One member's evidence, each list sorted by date. */
export interface MemberEvidence {
  attendance: AttendanceColumns;
  selfStudy: StudyColumns;
  lectures: DayIds;
  readings: Dated<EvidenceReading>;
  writings: Dated<EvidenceWriting>;
  research: Dated<EvidenceResearch>;
  talks: Dated<EvidenceTalk>;
  trainings: Dated<EvidenceTraining>;
  exams: Dated<EvidenceExam>;
  exchanges: Dated<EvidenceExchange>;
}

/** The indexed bundle the engine reads. */
export interface EvidenceIndex {
  members: EvidenceMember[];
  membersByBranch: Map<number, EvidenceMember[]>;
  /** Every branch that has a member or a session. */
  branchIds: number[];
  sessionsByBranch: Map<number, Dated<EvidenceSession>>;
  sessionById: Map<number, EvidenceSession>;
  byMember(memberId: number): MemberEvidence;
}

/** The big kinds already as columns by member (the audit's organ-scale path), used besides the bundle's items. */
export interface EvidenceColumns {
  study?: Map<number, StudyColumns>;
  lectures?: Map<number, DayIds>;
  attendance?: Map<number, AttendanceColumns>;
}

const none = <T>(): Dated<T> => ({ dates: [], items: [] });

/** A list with nothing in it (for a branch without sessions). */
export const NO_ITEMS: Dated<never> = Object.freeze({ dates: [], items: [] }) as unknown as Dated<never>;

const DATED = ['readings', 'writings', 'research', 'talks', 'trainings', 'exams', 'exchanges'] as const;

const emptyMember = (): MemberEvidence => ({
  attendance: NO_ATTENDANCE, selfStudy: NO_STUDY, lectures: NO_IDS, readings: none(), writings: none(), research: none(), talks: none(),
  trainings: none(), exams: none(), exchanges: none(),
});

/** Sorts a list by its dates, keeping the order of items on the same day (skipped when already sorted). */
function sortDated<T>(list: Dated<T>): void {
  const { dates, items } = list;
  let sorted = true;
  for (let i = 1; i < dates.length && sorted; i++) if (dates[i - 1]! > dates[i]!) sorted = false;
  if (sorted) return;
  const order = dates.map((_, i) => i).sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
  list.items = order.map((i) => items[i]!);
  list.dates = order.map((i) => dates[i]!);
}

const add = <T>(list: Dated<T>, date: string, item: T) => { list.dates.push(date); list.items.push(item); };

/** Gathers items by member into loose lists (starting from a member's columns, if any), then makes columns. */
function gather<L, X>(items: X[], memberOf: (x: X) => number, start: (memberId: number) => L, push: (l: L, x: X) => void, done: (memberId: number, l: L) => void): void {
  const loose = new Map<number, L>();
  for (const x of items) {
    const id = memberOf(x);
    let l = loose.get(id);
    if (!l) loose.set(id, (l = start(id)));
    push(l, x);
  }
  for (const [id, l] of loose) done(id, l);
}

/** Builds the index once per audit; the big kinds come from `columns` when given, and from the bundle's items. */
export function indexEvidence(ev: Evidence, columns: EvidenceColumns = {}): EvidenceIndex {
  const per = new Map<number, MemberEvidence>();
  const of = (id: number) => {
    let m = per.get(id);
    if (!m) per.set(id, (m = emptyMember()));
    return m;
  };
  const sessionById = new Map(ev.sessions.map((s) => [s.id, s]));
  for (const [id, c] of columns.attendance ?? []) of(id).attendance = c;
  for (const [id, c] of columns.study ?? []) of(id).selfStudy = c;
  for (const [id, c] of columns.lectures ?? []) of(id).lectures = c;
  // Items (the other callers of the engine) are added after any columns; sign-ins count on their session's day.
  gather(ev.attendance.filter((a) => sessionById.has(a.sessionId)), (a) => a.memberId,
    (id) => { const c = of(id).attendance; return { days: Array.from(c.days), sessions: Array.from(c.sessions), ids: Array.from(c.ids), status: Array.from(c.status) }; },
    (l, a) => { l.days.push(toDayNumber(sessionById.get(a.sessionId)!.date)); l.sessions.push(a.sessionId); l.ids.push(a.id); l.status.push(statusCode(a.status)); },
    (id, l) => { of(id).attendance = attendanceColumnsOf(l); });
  gather(ev.selfStudy, (x) => x.memberId,
    (id) => { const c = of(id).selfStudy; return { days: Array.from(c.days), ids: Array.from(c.ids), hours: Array.from(c.hours), notes: Array.from(c.notes) }; },
    (l, x) => { l.days.push(toDayNumber(x.date)); l.ids.push(x.id); l.hours.push(x.hours); l.notes.push(x.notes ? 1 : 0); },
    (id, l) => { of(id).selfStudy = studyColumnsOf(l); });
  gather(ev.lectures, (x) => x.memberId,
    (id) => { const c = of(id).lectures; return { days: Array.from(c.days), ids: Array.from(c.ids) }; },
    (l, x) => { l.days.push(toDayNumber(x.date)); l.ids.push(x.id); },
    (id, l) => { of(id).lectures = dayIdsOf(l); });
  for (const x of ev.readings) if (x.finished) add(of(x.memberId).readings, x.finished, x);
  for (const x of ev.writings) add(of(x.memberId).writings, x.date, x);
  for (const x of ev.research) add(of(x.memberId).research, x.from, x);
  for (const x of ev.talks) add(of(x.memberId).talks, x.date, x);
  for (const x of ev.trainings) add(of(x.memberId).trainings, x.from, x);
  for (const x of ev.exams) add(of(x.memberId).exams, x.date, x);
  for (const x of ev.exchanges) add(of(x.memberId).exchanges, x.date, x);
  for (const m of per.values()) for (const k of DATED) sortDated(m[k] as Dated<unknown>);

  const sessionsByBranch = new Map<number, Dated<EvidenceSession>>();
  for (const s of ev.sessions) {
    let list = sessionsByBranch.get(s.branchId);
    if (!list) sessionsByBranch.set(s.branchId, (list = none()));
    add(list, s.date, s);
  }
  for (const list of sessionsByBranch.values()) sortDated(list);
  const membersByBranch = new Map<number, EvidenceMember[]>();
  for (const m of ev.members) {
    // Someone moved on a day belongs to each branch whose roll they were on (for its duties' headcounts).
    for (const b of m.rollTerms ? new Set(m.rollTerms.map((t) => t.branchId)) : [m.branchId]) {
      const list = membersByBranch.get(b);
      if (list) list.push(m); else membersByBranch.set(b, [m]);
    }
  }
  const branchIds = [...new Set([...membersByBranch.keys(), ...sessionsByBranch.keys()])].sort((a, b) => a - b);
  const nothing = emptyMember();
  return { members: ev.members, membersByBranch, branchIds, sessionsByBranch, sessionById, byMember: (id) => per.get(id) ?? nothing };
}

/** The spans (sorted by first day, `to` inclusive) of a list that share a day with any of the ranges, each once. */
export function overlapping<T extends { to: string }>(list: Dated<T>, ranges: DateRange[]): T[] {
  if (ranges.length === 0) return [];
  const last = ranges[ranges.length - 1]!.end;
  const out: T[] = [];
  for (let i = 0; i < list.dates.length && list.dates[i]! < last; i++) {
    const x = list.items[i]!;
    if (ranges.some((r) => list.dates[i]! < r.end && x.to >= r.start)) out.push(x);
  }
  return out;
}

/** The items of a date-sorted list that fall inside any of the ranges (ranges sorted, not overlapping). */
export function within<T>(list: Dated<T>, ranges: DateRange[]): T[] {
  const { dates, items } = list;
  const out: T[] = [];
  for (const r of ranges) {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]! < r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < dates.length && dates[i]! < r.end; i++) out.push(items[i]!);
  }
  return out;
}
