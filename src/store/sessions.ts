// Sessions (学习活动): the organised events a branch holds. Plain functions so commands, import and the
// demo can all add and read them.
import type { AttendeesKind } from '../domain/attendees.js';
import type { Db } from './db.js';

/** One session as the rest of the program sees it (type is a SessionTypeId). */
export interface SessionRecord {
  id: number;
  branchId: number;
  branch: string;
  type: string;
  date: string;
  startTime?: string;
  endTime?: string;
  hours?: number;
  topic: string;
  place?: string;
  speaker?: string;
  recorder?: string;
  notes?: string;
  /** Who is expected: everyone on the roll that day, the committee that day, or the people in attendeeIds. */
  attendees: AttendeesKind;
  /** The people named, for attendees 'named' (else empty), in id order; their names alongside. */
  attendeeIds: number[];
  attendeeNames: string[];
}

/** What a new session needs; the id and branch name come from the database (attendees: everyone unless said). */
export type SessionInsert = Omit<SessionRecord, 'id' | 'branch' | 'attendees' | 'attendeeIds' | 'attendeeNames'> & Partial<Pick<SessionRecord, 'attendees' | 'attendeeIds'>>;

interface SessionRow {
  id: number; branch_id: number; branch: string; type: string; date: string; start_time: string | null;
  end_time: string | null; hours: number | null; topic: string; place: string | null; speaker: string | null;
  recorder: string | null; notes: string | null; attendees: AttendeesKind;
}

const FIELDS: Record<Exclude<keyof SessionInsert, 'attendeeIds'>, string> = {
  branchId: 'branch_id', type: 'type', date: 'date', startTime: 'start_time', endTime: 'end_time', hours: 'hours',
  topic: 'topic', place: 'place', speaker: 'speaker', recorder: 'recorder', notes: 'notes', attendees: 'attendees',
};

const SELECT = 'SELECT s.*, b.name AS branch FROM sessions s JOIN branches b ON b.id = s.branch_id';

function toSession(r: SessionRow): SessionRecord {
  const s: SessionRecord = { id: r.id, branchId: r.branch_id, branch: r.branch, type: r.type, date: r.date, topic: r.topic, attendees: r.attendees, attendeeIds: [], attendeeNames: [] };
  if (r.start_time !== null) s.startTime = r.start_time;
  if (r.end_time !== null) s.endTime = r.end_time;
  if (r.hours !== null) s.hours = r.hours;
  if (r.place !== null) s.place = r.place;
  if (r.speaker !== null) s.speaker = r.speaker;
  if (r.recorder !== null) s.recorder = r.recorder;
  if (r.notes !== null) s.notes = r.notes;
  return s;
}

/** Inserts a session (caller holds the batch) and returns its id. */
export function addSession(db: Db, s: SessionInsert, batchId: number): number {
  const cols = ['batch_id'];
  const vals: unknown[] = [batchId];
  for (const [field, col] of Object.entries(FIELDS)) {
    const v = (s as unknown as Record<string, unknown>)[field];
    if (v !== undefined) { cols.push(col); vals.push(v); }
  }
  const id = Number(db.prepare(`INSERT INTO sessions (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
  if (s.attendees === 'named') insertAttendees(db, id, s.attendeeIds ?? [], batchId);
  return id;
}

function insertAttendees(db: Db, sessionId: number, memberIds: number[], batchId: number): void {
  const put = db.prepare('INSERT OR IGNORE INTO session_attendees (session_id, member_id, batch_id) VALUES (?, ?, ?)');
  for (const m of memberIds) put.run(sessionId, m, batchId);
}

/** Fills attendeeIds of the 'named' sessions among `list` (one query). */
function withAttendees(db: Db, list: SessionRecord[]): SessionRecord[] {
  const named = new Map(list.filter((s) => s.attendees === 'named').map((s) => [s.id, s]));
  if (named.size === 0) return list;
  const ids = [...named.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.prepare(`SELECT a.session_id AS s, a.member_id AS m, m.name AS name FROM session_attendees a JOIN members m ON m.id = a.member_id
      WHERE a.session_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY a.member_id`).all(...chunk) as { s: number; m: number; name: string }[];
    for (const r of rows) {
      const s = named.get(r.s)!;
      s.attendeeIds.push(r.m);
      s.attendeeNames.push(r.name);
    }
  }
  return list;
}

export function getSession(db: Db, id: number): SessionRecord | undefined {
  const r = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return r && withAttendees(db, [toSession(r)])[0];
}

/** Which sessions to list: a branch, a date range [from, to), one type. */
export interface SessionFilter {
  branchId?: number;
  from?: string;
  to?: string;
  type?: string;
  date?: string;
}

/** Sessions in date order (then id), filtered. */
export function listSessions(db: Db, f: SessionFilter = {}): SessionRecord[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.branchId !== undefined) { where.push('s.branch_id = ?'); args.push(f.branchId); }
  if (f.from) { where.push('s.date >= ?'); args.push(f.from); }
  if (f.to) { where.push('s.date < ?'); args.push(f.to); }
  if (f.date) { where.push('s.date = ?'); args.push(f.date); }
  if (f.type) { where.push('s.type = ?'); args.push(f.type); }
  const sql = `${SELECT}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY s.date, s.start_time, s.id`;
  return withAttendees(db, (db.prepare(sql).all(...args) as SessionRow[]).map(toSession));
}

/** Sets the given fields (undefined = leave alone, null = clear); returns whether anything changed.
 * With `attendees`, the people named become exactly `attendeeIds` ('named') or none (another kind). */
export function updateSession(db: Db, id: number, patch: Partial<Record<keyof SessionInsert, unknown>>, batchId: number): boolean {
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const [field, v] of Object.entries(patch)) {
    const col = FIELDS[field as Exclude<keyof SessionInsert, 'attendeeIds'>];
    if (v === undefined || !col) continue;
    sets.push(`${col} = ?`);
    vals.push(v);
  }
  let changed = false;
  if (patch.attendees !== undefined) changed = replaceAttendees(db, id, patch.attendees === 'named' ? (patch.attendeeIds as number[] | undefined) ?? [] : [], batchId);
  if (sets.length === 0) return changed;
  return db.prepare(`UPDATE sessions SET ${sets.join(', ')}, batch_id = ? WHERE id = ?`).run(...vals, batchId, id).changes > 0 || changed;
}

/** Makes the session's named people exactly `memberIds`; returns whether anything changed. */
function replaceAttendees(db: Db, sessionId: number, memberIds: number[], batchId: number): boolean {
  const have = new Set((db.prepare('SELECT member_id AS m FROM session_attendees WHERE session_id = ?').all(sessionId) as { m: number }[]).map((r) => r.m));
  const want = new Set(memberIds);
  let changed = false;
  const drop = db.prepare('DELETE FROM session_attendees WHERE session_id = ? AND member_id = ?');
  for (const m of have) if (!want.has(m)) { drop.run(sessionId, m); changed = true; }
  const add = [...want].filter((m) => !have.has(m));
  if (add.length) { insertAttendees(db, sessionId, add, batchId); changed = true; }
  return changed;
}

/** Deletes a session and (by cascade) its attendance; returns how many attendance rows went with it. */
export function removeSession(db: Db, id: number): { removed: boolean; attendance: number } {
  const n = (db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(id) as { n: number }).n;
  const removed = db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
  return { removed, attendance: removed ? n : 0 };
}
