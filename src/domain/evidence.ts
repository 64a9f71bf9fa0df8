// The evidence bundle the rule engine judges: plain data, produced by the store layer (one query per
// table), consumed by src/domain/engine. Every dated item carries its table's numeric `id` so a verdict
// can cite exactly what it counted, and a `memberId` naming whose evidence it is.
//
// Conventions for the store layer:
// - Dates are calendar dates 'YYYY-MM-DD'. Intervals are [from, to) — `to` exclusive — except
//   research and training, whose `to` is the last day (inclusive), as people write them.
// - Give the engine every row of the year(s) audited (a little more is harmless: it filters by date);
//   members who left still belong in `members` — the engine judges the days they were on the roll.
// - Ids are per table: readings #3 and writings #3 are different rows; verdicts cite them by table.
import type { SessionTypeId } from './sessionTypes.js';

import type { AttendeesKind } from './attendees.js';

/** Organised session types (SPEC §2 session): the codes of the one table in sessionTypes.ts. */
export type SessionType = SessionTypeId;

/** Sign-in status: 出席, 迟到, 请假 (any kind), 缺席. */
export type AttendanceStatus = 'present' | 'late' | 'excused' | 'absent';

/** Book categories of SPEC §4; a reading may have none (the catalogue left it blank). */
export type BookCategory = '政治理论' | '业务' | '科学人文' | '党史' | '其他';
export const BOOK_CATEGORIES: readonly BookCategory[] = ['政治理论', '业务', '科学人文', '党史', '其他'];

/** Writing kinds (SPEC §2 writing). */
export type WritingKind = '心得体会' | '理论文章' | '调研报告';
export const WRITING_KINDS: readonly WritingKind[] = ['心得体会', '理论文章', '调研报告'];

/** Talks given by a member (SPEC §2 talk). */
export type TalkKind = '理论宣讲' | '业务讲座';
export const TALK_KINDS: readonly TalkKind[] = ['理论宣讲', '业务讲座'];

/** A committee post held over [from, to); a missing bound means "the on-roll bound". */
export interface LeaderInterval {
  from?: string;
  to?: string;
}

/** A person on the roll of one branch. */
export interface EvidenceMember {
  id: number;
  name: string;
  branchId: number;
  /** On the roll from this day (inclusive); absent = since before the tool's records. */
  onRollFrom?: string;
  /** First day off the roll (exclusive end); absent = still on the roll. */
  onRollLeft?: string;
  /** Committee posts; empty = not a leader. Leader rules judge only these days (∩ on the roll). */
  leaderIntervals: LeaderInterval[];
  /** Every spell on a roll, earliest first, the current one (onRollFrom…onRollLeft in branchId) last —
   * only for someone with earlier spells (left and came back, moved branch on a day). */
  rollTerms?: RollTerm[];
}

/** A spell on the roll of one branch, [from, to). */
export interface RollTerm {
  branchId: number;
  from?: string;
  to?: string;
}

/** An organised session held by a branch on one day; only its expected people are judged by it
 * (attendees absent or 'all': everyone on the roll; 'leaders': the committee that day; 'named': attendeeIds). */
export interface EvidenceSession {
  id: number;
  branchId: number;
  type: SessionType;
  date: string;
  attendees?: AttendeesKind;
  attendeeIds?: readonly number[];
}

/** One member's sign-in at one session. A member on the roll with no row for a session held by their
 * branch counts as not attending it (and as expected at it, for attendance rates). */
export interface EvidenceAttendance {
  id: number;
  sessionId: number;
  memberId: number;
  status: AttendanceStatus;
}

/** One day of self-study (自学): hours studied, and whether notes were taken. */
export interface EvidenceSelfStudy {
  id: number;
  memberId: number;
  date: string;
  hours: number;
  notes: boolean;
}

/** A lecture or special report heard outside the branch's own sessions, logged by the member. */
export interface EvidenceLecture {
  id: number;
  memberId: number;
  date: string;
}

/** A book read; only readings with a `finished` date count as books read (counted on that date). */
export interface EvidenceReading {
  id: number;
  memberId: number;
  bookId: number;
  category?: BookCategory;
  finished?: string;
}

/** A reflection, theory article or research report, with its length in characters. */
export interface EvidenceWriting {
  id: number;
  memberId: number;
  kind: WritingKind;
  date: string;
  chars: number;
}

/** Field research: `from`…`to` inclusive; `days` as recorded (counted in the period holding `from`). */
export interface EvidenceResearch {
  id: number;
  memberId: number;
  from: string;
  to: string;
  days: number;
}

/** A talk the member gave. */
export interface EvidenceTalk {
  id: number;
  memberId: number;
  kind: TalkKind;
  date: string;
}

/** A continuing-education training attended, `from`…`to` inclusive (counted in the period holding `from`). */
export interface EvidenceTraining {
  id: number;
  memberId: number;
  from: string;
  to: string;
}

/** A theory exam taken (a score may be missing when only participation was recorded). */
export interface EvidenceExam {
  id: number;
  memberId: number;
  date: string;
  score?: number;
}

/** A reading exchange the member took part in outside a branch session (logged by hand). */
export interface EvidenceExchange {
  id: number;
  memberId: number;
  date: string;
}

/** Everything the engine needs for one audit; one array per table. */
export interface Evidence {
  members: EvidenceMember[];
  sessions: EvidenceSession[];
  attendance: EvidenceAttendance[];
  selfStudy: EvidenceSelfStudy[];
  lectures: EvidenceLecture[];
  readings: EvidenceReading[];
  writings: EvidenceWriting[];
  research: EvidenceResearch[];
  talks: EvidenceTalk[];
  trainings: EvidenceTraining[];
  exams: EvidenceExam[];
  exchanges: EvidenceExchange[];
}

/** The table names a verdict cites evidence from (`sessions` for branch rules, the rest per member). */
export type EvidenceKind = Exclude<keyof Evidence, 'members'>;

/** Ids counted by a verdict, by table: `{ readings: [3, 8], exchanges: [2] }`. */
export type EvidenceIds = Partial<Record<EvidenceKind, number[]>>;

/** An empty bundle, for tests and for building one up. */
export function emptyEvidence(): Evidence {
  return {
    members: [], sessions: [], attendance: [], selfStudy: [], lectures: [], readings: [],
    writings: [], research: [], talks: [], trainings: [], exams: [], exchanges: [],
  };
}
