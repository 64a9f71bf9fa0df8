// The sign-in of one session: what is on record already, the plan of changes (entries) and its figures
// before writing, writing it in one batch (with the session itself when it is new), and the result.
import { attendanceStats, type SessionFigures } from '../../domain/attendanceStats.js';
import type { AttendanceStatus, ExcuseKind } from '../../domain/attendanceStatus.js';
import type { Member } from '../../domain/member.js';
import { attendanceForSession, recordAttendance, type AttendanceEntry, type AttendanceRecord, type RecordOutcome } from '../../store/attendance.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { addSession, getSession, type SessionInsert, type SessionRecord } from '../../store/sessions.js';
import { figuresFor } from '../sessions/roll.js';

/** The sign-ins on record for the session, by member (none for a session not yet written). */
export function signinsOnRecord(db: Db, s: Pick<SessionRecord, 'id'>): Map<number, AttendanceRecord> {
  return new Map(s.id ? attendanceForSession(db, s.id).map((a) => [a.memberId, a]) : []);
}

/** One person's mark as given (by a flag, or at the door). */
export interface SigninMark {
  status: AttendanceStatus;
  excuseKind?: ExcuseKind;
  reason?: string;
}

/** The entries to write: the marks given, and with `absentRest` everyone else expected who has no sign-in yet as absent. */
export function signinEntries(db: Db, s: SessionRecord, expected: Member[], marks: Map<number, SigninMark>, absentRest: boolean): AttendanceEntry[] {
  const all = new Map(marks);
  if (absentRest) {
    const existing = signinsOnRecord(db, s);
    for (const m of expected) if (!all.has(m.id) && !existing.has(m.id)) all.set(m.id, { status: 'absent' });
  }
  return [...all].map(([memberId, k]) => ({ memberId, status: k.status, excuseKind: k.excuseKind, reason: k.reason }));
}

/** The figures the entries would give, before anything is written. */
export function previewSignin(s: Pick<SessionRecord, 'branchId' | 'date'>, expected: Member[], entries: AttendanceEntry[]): SessionFigures {
  return attendanceStats([{ id: 0, branchId: s.branchId, date: s.date }], expected, entries.map((e) => ({ ...e, sessionId: 0 }))).sessions[0]!;
}

export interface SigninPlan {
  session: SessionRecord;
  /** Set when the session is new: it is inserted in the same batch as its sign-ins. */
  pending?: SessionInsert;
  entries: AttendanceEntry[];
}

export interface SigninResult {
  session: SessionRecord;
  outcome: RecordOutcome;
  figures: SessionFigures;
  attendance: AttendanceRecord[];
}

/** Writes the plan as one `checkin` batch and reads back the session, its figures and its sign-ins. */
export function recordSignin(db: Db, plan: SigninPlan, now: string): SigninResult {
  const { session, pending, entries } = plan;
  const result = inBatch(db, { command: 'checkin', args: session.id ? String(session.id) : 'new', at: now }, (batchId, counts) => {
    let id = session.id;
    if (pending) {
      id = addSession(db, pending, batchId);
      counts.added++;
    }
    return { id, outcome: recordAttendance(db, id, entries, batchId, counts) };
  });
  const s = getSession(db, result.id)!;
  return { session: s, outcome: result.outcome, figures: figuresFor(db, [s]).get(s.id)!, attendance: attendanceForSession(db, s.id) };
}
