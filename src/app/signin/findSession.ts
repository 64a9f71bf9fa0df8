// Which session a sign-in is for: the branch's sessions of the day, or a new one drafted at the door
// (written only with the sign-ins, in the same batch — see recordSignin.ts).
import type { Branch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { listSessions, type SessionInsert, type SessionRecord } from '../../store/sessions.js';

/** The branch's sessions held on `day`. */
export function sessionsOn(db: Db, branchId: number, day: string): SessionRecord[] {
  return listSessions(db, { branchId, date: day });
}

/** A session of `day` not yet in the database (id 0), for everyone on the roll, and what inserting it takes. */
export function draftSession(branch: Branch, f: { type: string; topic: string; hours?: number }, day: string): { pending: SessionInsert; session: SessionRecord } {
  const pending: SessionInsert = { branchId: branch.id, type: f.type, date: day, topic: f.topic, hours: f.hours };
  return { pending, session: { ...pending, id: 0, branch: branch.name, attendees: 'all', attendeeIds: [], attendeeNames: [] } };
}
