// `session list` and `session show`: the branch's sessions with their figures, and one session with who
// was expected and every sign-in recorded (also of people not expected, listed after them).
import type { SessionFigures } from '../../domain/attendanceStats.js';
import type { Member } from '../../domain/member.js';
import { attendanceForSession, type AttendanceRecord } from '../../store/attendance.js';
import type { Db } from '../../store/db.js';
import { getMember } from '../../store/members.js';
import { listSessions, type SessionRecord } from '../../store/sessions.js';
import { expectedMembers, figuresFor } from './roll.js';

export interface SessionQuery {
  branchId: number;
  from?: string;
  to?: string;
  type?: string;
}

export function sessionsWithFigures(db: Db, q: SessionQuery): { s: SessionRecord; f: SessionFigures }[] {
  const sessions = listSessions(db, q);
  const figs = figuresFor(db, sessions);
  return sessions.map((s) => ({ s, f: figs.get(s.id)! }));
}

export interface SessionDetail {
  expected: Member[];
  /** The expected, then anyone else with a sign-in recorded. */
  listed: Member[];
  rows: AttendanceRecord[];
  figures: SessionFigures;
}

export async function sessionDetail(db: Db, s: SessionRecord): Promise<SessionDetail> {
  const rows = attendanceForSession(db, s.id);
  const expected = await expectedMembers(db, s);
  const known = new Set(expected.map((m) => m.id));
  const others = rows.filter((r) => !known.has(r.memberId)).map((r) => getMember(db, r.memberId)!).filter(Boolean);
  return { expected, listed: [...expected, ...others], rows, figures: figuresFor(db, [s]).get(s.id)! };
}
