// Evidence grouped by member and sorted by date, so each period's count is a binary search, not a scan:
// an organ's year (thousands of members × weekly periods) must audit in well under a second.
import type {
  Evidence, EvidenceAttendance, EvidenceExam, EvidenceExchange, EvidenceLecture, EvidenceMember, EvidenceReading,
  EvidenceResearch, EvidenceSession, EvidenceTalk, EvidenceTraining, EvidenceWriting,
} from '../evidence.js';
import type { DateRange } from '../periods.js';

/**
 * Items sorted by the date they count on (a session's date for attendance, `finished` for readings, `from`
 * for spans), with those dates alongside: a year of an organ's self-study is ~1.8 million items, so the
 * dates are kept in a parallel array rather than one wrapper object per item.
 */
export interface Dated<T> {
  dates: string[];
  items: T[];
}

/**
 * One member's self-study, column by column, in date order (then id): an organ's year is ~1.8 million
 * days of self-study, and columns of numbers cost the garbage collector nothing, where objects do.
 */
export interface StudyColumns {
  dates: string[];
  ids: number[];
  hours: number[];
  notes: boolean[];
}

/** An attendance row joined to its session. */
export interface AttendanceRow {
  row: EvidenceAttendance;
  session: EvidenceSession;
}

/** One member's evidence, each list sorted by date. */
export interface MemberEvidence {
  attendance: Dated<AttendanceRow>;
  selfStudy: StudyColumns;
  lectures: Dated<EvidenceLecture>;
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
  byMember(memberId: number): MemberEvidence;
}

const none = <T>(): Dated<T> => ({ dates: [], items: [] });

/** A list with nothing in it (for a branch without sessions). */
export const NO_ITEMS: Dated<never> = Object.freeze({ dates: [], items: [] }) as unknown as Dated<never>;

const emptyMember = (): MemberEvidence => ({
  attendance: none(), selfStudy: { dates: [], ids: [], hours: [], notes: [] }, lectures: none(), readings: none(), writings: none(), research: none(), talks: none(),
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

/** Sorts a member's self-study columns by date, keeping id order within a day (skipped when sorted). */
function sortColumns(c: StudyColumns): StudyColumns {
  const { dates } = c;
  let sorted = true;
  for (let i = 1; i < dates.length && sorted; i++) if (dates[i - 1]! > dates[i]!) sorted = false;
  if (sorted) return c;
  const order = dates.map((_, i) => i).sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
  return { dates: order.map((i) => dates[i]!), ids: order.map((i) => c.ids[i]!), hours: order.map((i) => c.hours[i]!), notes: order.map((i) => c.notes[i]!) };
}

/** Builds the index once per audit; self-study comes from `study` (columns by member) when given, else
 * from the bundle's `selfStudy` items. */
export function indexEvidence(ev: Evidence, study?: Map<number, StudyColumns>): EvidenceIndex {
  const per = new Map<number, MemberEvidence>();
  const of = (id: number) => {
    let m = per.get(id);
    if (!m) per.set(id, (m = emptyMember()));
    return m;
  };
  const sessionById = new Map(ev.sessions.map((s) => [s.id, s]));
  for (const row of ev.attendance) {
    const session = sessionById.get(row.sessionId);
    if (session) add(of(row.memberId).attendance, session.date, { row, session });
  }
  if (study) for (const [id, columns] of study) of(id).selfStudy = columns;
  for (const x of ev.selfStudy) {
    const c = of(x.memberId).selfStudy;
    c.dates.push(x.date); c.ids.push(x.id); c.hours.push(x.hours); c.notes.push(x.notes);
  }
  for (const x of ev.lectures) add(of(x.memberId).lectures, x.date, x);
  for (const x of ev.readings) if (x.finished) add(of(x.memberId).readings, x.finished, x);
  for (const x of ev.writings) add(of(x.memberId).writings, x.date, x);
  for (const x of ev.research) add(of(x.memberId).research, x.from, x);
  for (const x of ev.talks) add(of(x.memberId).talks, x.date, x);
  for (const x of ev.trainings) add(of(x.memberId).trainings, x.from, x);
  for (const x of ev.exams) add(of(x.memberId).exams, x.date, x);
  for (const x of ev.exchanges) add(of(x.memberId).exchanges, x.date, x);
  for (const m of per.values()) {
    for (const [k, list] of Object.entries(m)) if (k !== 'selfStudy') sortDated(list as Dated<unknown>);
    m.selfStudy = sortColumns(m.selfStudy);
  }

  const sessionsByBranch = new Map<number, Dated<EvidenceSession>>();
  for (const s of ev.sessions) {
    let list = sessionsByBranch.get(s.branchId);
    if (!list) sessionsByBranch.set(s.branchId, (list = none()));
    add(list, s.date, s);
  }
  for (const list of sessionsByBranch.values()) sortDated(list);
  const membersByBranch = new Map<number, EvidenceMember[]>();
  for (const m of ev.members) {
    const list = membersByBranch.get(m.branchId);
    if (list) list.push(m); else membersByBranch.set(m.branchId, [m]);
  }
  const branchIds = [...new Set([...membersByBranch.keys(), ...sessionsByBranch.keys()])].sort((a, b) => a - b);
  const nothing = emptyMember();
  return { members: ev.members, membersByBranch, branchIds, sessionsByBranch, byMember: (id) => per.get(id) ?? nothing };
}

/** The first index of a sorted date list at or after `date`. */
export function firstOnOrAfter(dates: string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
