// Sessions (学习活动): the organised events a branch holds. Plain functions so commands, import and the
// demo can all add and read them.
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
}

/** What a new session needs; the id and branch name come from the database. */
export type SessionInsert = Omit<SessionRecord, 'id' | 'branch'>;

interface SessionRow {
  id: number; branch_id: number; branch: string; type: string; date: string; start_time: string | null;
  end_time: string | null; hours: number | null; topic: string; place: string | null; speaker: string | null;
  recorder: string | null; notes: string | null;
}

const FIELDS: Record<Exclude<keyof SessionInsert, never>, string> = {
  branchId: 'branch_id', type: 'type', date: 'date', startTime: 'start_time', endTime: 'end_time', hours: 'hours',
  topic: 'topic', place: 'place', speaker: 'speaker', recorder: 'recorder', notes: 'notes',
};

const SELECT = 'SELECT s.*, b.name AS branch FROM sessions s JOIN branches b ON b.id = s.branch_id';

function toSession(r: SessionRow): SessionRecord {
  const s: SessionRecord = { id: r.id, branchId: r.branch_id, branch: r.branch, type: r.type, date: r.date, topic: r.topic };
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
  return Number(db.prepare(`INSERT INTO sessions (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
}

export function getSession(db: Db, id: number): SessionRecord | undefined {
  const r = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return r && toSession(r);
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
  return (db.prepare(sql).all(...args) as SessionRow[]).map(toSession);
}

/** Sets the given fields (undefined = leave alone, null = clear); returns whether anything changed. */
export function updateSession(db: Db, id: number, patch: Partial<Record<keyof SessionInsert, unknown>>, batchId: number): boolean {
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const [field, v] of Object.entries(patch)) {
    const col = FIELDS[field as keyof SessionInsert];
    if (v === undefined || !col) continue;
    sets.push(`${col} = ?`);
    vals.push(v);
  }
  if (sets.length === 0) return false;
  return db.prepare(`UPDATE sessions SET ${sets.join(', ')}, batch_id = ? WHERE id = ?`).run(...vals, batchId, id).changes > 0;
}

/** Deletes a session and (by cascade) its attendance; returns how many attendance rows went with it. */
export function removeSession(db: Db, id: number): { removed: boolean; attendance: number } {
  const n = (db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(id) as { n: number }).n;
  const removed = db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
  return { removed, attendance: removed ? n : 0 };
}
