// `session add`: records one session in its own batch, and says which sessions of the same day, type and
// topic were there already (still added: a second session of the same topic is allowed, but worth a warning).
import type { Member } from '../../domain/member.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { addSession as insertSession, getSession, listSessions, type SessionInsert, type SessionRecord } from '../../store/sessions.js';
import { expectedMembers } from './roll.js';

export interface AddedSession {
  session: SessionRecord;
  /** Ids of sessions with the same day, type and topic recorded before this one. */
  same: number[];
  /** The people expected, when the session is not for everyone on the roll. */
  expected?: Member[];
}

export async function addSession(db: Db, fields: SessionInsert, now: string): Promise<AddedSession> {
  const same = listSessions(db, { branchId: fields.branchId, date: fields.date, type: fields.type }).filter((s) => s.topic === fields.topic).map((s) => s.id);
  const id = inBatch(db, { command: 'session add', args: fields.topic, at: now }, (batchId, counts) => {
    counts.added++;
    return insertSession(db, fields, batchId);
  });
  const session = getSession(db, id)!;
  return { session, same, expected: session.attendees === 'all' ? undefined : await expectedMembers(db, session) };
}
