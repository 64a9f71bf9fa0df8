// Evidence grouped by member and sorted by date, so each period's count is a binary search, not a scan:
// an organ's year (thousands of members × weekly periods) must audit in well under a second.
import type {
  Evidence, EvidenceAttendance, EvidenceExam, EvidenceExchange, EvidenceLecture, EvidenceMember, EvidenceReading,
  EvidenceResearch, EvidenceSelfStudy, EvidenceSession, EvidenceTalk, EvidenceTraining, EvidenceWriting,
} from '../evidence.js';
import type { DateRange } from '../periods.js';

/** An item with the date it counts on (a session's date for attendance, `finished` for readings, `from` for spans). */
export interface Dated<T> {
  date: string;
  item: T;
}

/** An attendance row joined to its session. */
export interface AttendanceRow {
  row: EvidenceAttendance;
  session: EvidenceSession;
}

/** One member's evidence, each list sorted by date. */
export interface MemberEvidence {
  attendance: Dated<AttendanceRow>[];
  selfStudy: Dated<EvidenceSelfStudy>[];
  lectures: Dated<EvidenceLecture>[];
  readings: Dated<EvidenceReading>[];
  writings: Dated<EvidenceWriting>[];
  research: Dated<EvidenceResearch>[];
  talks: Dated<EvidenceTalk>[];
  trainings: Dated<EvidenceTraining>[];
  exams: Dated<EvidenceExam>[];
  exchanges: Dated<EvidenceExchange>[];
}

/** The indexed bundle the engine reads. */
export interface EvidenceIndex {
  members: EvidenceMember[];
  membersByBranch: Map<number, EvidenceMember[]>;
  /** Every branch that has a member or a session. */
  branchIds: number[];
  sessionsByBranch: Map<number, Dated<EvidenceSession>[]>;
  byMember(memberId: number): MemberEvidence;
}

const emptyMember = (): MemberEvidence => ({
  attendance: [], selfStudy: [], lectures: [], readings: [], writings: [], research: [], talks: [], trainings: [], exams: [], exchanges: [],
});

const byDate = <T>(a: Dated<T>, b: Dated<T>) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Builds the index once per audit. */
export function indexEvidence(ev: Evidence): EvidenceIndex {
  const per = new Map<number, MemberEvidence>();
  const of = (id: number) => {
    let m = per.get(id);
    if (!m) per.set(id, (m = emptyMember()));
    return m;
  };
  const sessionById = new Map(ev.sessions.map((s) => [s.id, s]));
  for (const row of ev.attendance) {
    const session = sessionById.get(row.sessionId);
    if (session) of(row.memberId).attendance.push({ date: session.date, item: { row, session } });
  }
  for (const x of ev.selfStudy) of(x.memberId).selfStudy.push({ date: x.date, item: x });
  for (const x of ev.lectures) of(x.memberId).lectures.push({ date: x.date, item: x });
  for (const x of ev.readings) if (x.finished) of(x.memberId).readings.push({ date: x.finished, item: x });
  for (const x of ev.writings) of(x.memberId).writings.push({ date: x.date, item: x });
  for (const x of ev.research) of(x.memberId).research.push({ date: x.from, item: x });
  for (const x of ev.talks) of(x.memberId).talks.push({ date: x.date, item: x });
  for (const x of ev.trainings) of(x.memberId).trainings.push({ date: x.from, item: x });
  for (const x of ev.exams) of(x.memberId).exams.push({ date: x.date, item: x });
  for (const x of ev.exchanges) of(x.memberId).exchanges.push({ date: x.date, item: x });
  for (const m of per.values()) for (const list of Object.values(m) as Dated<unknown>[][]) list.sort(byDate);

  const sessionsByBranch = new Map<number, Dated<EvidenceSession>[]>();
  for (const s of ev.sessions) {
    const list = sessionsByBranch.get(s.branchId) ?? [];
    list.push({ date: s.date, item: s });
    sessionsByBranch.set(s.branchId, list);
  }
  for (const list of sessionsByBranch.values()) list.sort(byDate);
  const membersByBranch = new Map<number, EvidenceMember[]>();
  for (const m of ev.members) membersByBranch.set(m.branchId, [...(membersByBranch.get(m.branchId) ?? []), m]);
  const branchIds = [...new Set([...membersByBranch.keys(), ...sessionsByBranch.keys()])].sort((a, b) => a - b);
  const none = emptyMember();
  return { members: ev.members, membersByBranch, branchIds, sessionsByBranch, byMember: (id) => per.get(id) ?? none };
}

/** The items of a date-sorted list that fall inside any of the ranges (ranges sorted, not overlapping). */
export function within<T>(list: Dated<T>[], ranges: DateRange[]): T[] {
  const out: T[] = [];
  for (const r of ranges) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.date < r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.date < r.end; i++) out.push(list[i]!.item);
  }
  return out;
}
