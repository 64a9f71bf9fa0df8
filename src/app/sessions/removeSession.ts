// `session remove`, in two steps because a terminal may be asked first: signinCount says how many
// sign-ins would go with the session, removeSession deletes both in one batch.
import { attendanceForSession } from '../../store/attendance.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { removeSession as deleteSession, type SessionRecord } from '../../store/sessions.js';

/** How many sign-ins the session holds. */
export function signinCount(db: Db, s: SessionRecord): number {
  return attendanceForSession(db, s.id).length;
}

export function removeSession(db: Db, s: SessionRecord, now: string): { removed: boolean; attendance: number } {
  return inBatch(db, { command: 'session remove', args: String(s.id), at: now }, (_batchId, counts) => {
    const out = deleteSession(db, s.id);
    counts.removed += (out.removed ? 1 : 0) + out.attendance;
    return out;
  });
}
