// Attendance (签到): one member's status at one session. Written by checkin, the sign-in sheet import and
// the demo; read by session show/list and (through attendanceStats) by audit and report.
import type { AttendanceStatus, ExcuseKind } from '../domain/attendanceStatus.js';
import type { Db } from './db.js';

/** One stored sign-in. */
export interface AttendanceRecord {
  sessionId: number;
  memberId: number;
  status: AttendanceStatus;
  excuseKind?: ExcuseKind;
  reason?: string;
}

/** One status to write for a member (session given separately). */
export type AttendanceEntry = Omit<AttendanceRecord, 'sessionId'>;

interface Row { session_id: number; member_id: number; status: AttendanceStatus; excuse_kind: ExcuseKind | null; reason: string | null }

function toRecord(r: Row): AttendanceRecord {
  const a: AttendanceRecord = { sessionId: r.session_id, memberId: r.member_id, status: r.status };
  if (r.excuse_kind !== null) a.excuseKind = r.excuse_kind;
  if (r.reason !== null) a.reason = r.reason;
  return a;
}

/** What recording did: new rows, rows whose status changed, rows already as asked. */
export interface RecordOutcome {
  added: number;
  changed: number;
  unchanged: number;
}

/** Upserts statuses for one session (re-running updates rather than duplicates); caller holds the batch. */
export function recordAttendance(
  db: Db,
  sessionId: number,
  entries: AttendanceEntry[],
  batchId: number,
  counts?: { added: number; changed: number },
): RecordOutcome {
  const get = db.prepare('SELECT * FROM attendance WHERE session_id = ? AND member_id = ?');
  const ins = db.prepare('INSERT INTO attendance (session_id, member_id, status, excuse_kind, reason, batch_id) VALUES (?, ?, ?, ?, ?, ?)');
  const upd = db.prepare('UPDATE attendance SET status = ?, excuse_kind = ?, reason = ?, batch_id = ? WHERE session_id = ? AND member_id = ?');
  const out: RecordOutcome = { added: 0, changed: 0, unchanged: 0 };
  for (const e of entries) {
    const kind = e.status === 'excused' ? e.excuseKind ?? null : null;
    const reason = e.reason?.trim() ? e.reason.trim() : null;
    const old = get.get(sessionId, e.memberId) as Row | undefined;
    if (!old) {
      ins.run(sessionId, e.memberId, e.status, kind, reason, batchId);
      out.added++;
    } else if (old.status !== e.status || old.excuse_kind !== kind || old.reason !== reason) {
      upd.run(e.status, kind, reason, batchId, sessionId, e.memberId);
      out.changed++;
    } else {
      out.unchanged++;
    }
  }
  if (counts) { counts.added += out.added; counts.changed += out.changed; }
  return out;
}

/** What recordAttendance would do, without writing (for --dry-run). */
export function previewAttendance(db: Db, sessionId: number, entries: AttendanceEntry[]): RecordOutcome {
  const get = db.prepare('SELECT * FROM attendance WHERE session_id = ? AND member_id = ?');
  const out: RecordOutcome = { added: 0, changed: 0, unchanged: 0 };
  for (const e of entries) {
    const old = get.get(sessionId, e.memberId) as Row | undefined;
    if (!old) out.added++;
    else if (old.status !== e.status || old.excuse_kind !== (e.status === 'excused' ? e.excuseKind ?? null : null) || old.reason !== (e.reason?.trim() || null)) out.changed++;
    else out.unchanged++;
  }
  return out;
}

/** The sign-ins of one session, by member id. */
export function attendanceForSession(db: Db, sessionId: number): AttendanceRecord[] {
  return (db.prepare('SELECT * FROM attendance WHERE session_id = ? ORDER BY member_id').all(sessionId) as Row[]).map(toRecord);
}

/** The sign-ins of many sessions (for the figures of a period). */
export function attendanceForSessions(db: Db, sessionIds: number[]): AttendanceRecord[] {
  if (sessionIds.length === 0) return [];
  const out: AttendanceRecord[] = [];
  const CHUNK = 500;
  for (let i = 0; i < sessionIds.length; i += CHUNK) {
    const ids = sessionIds.slice(i, i + CHUNK);
    const rows = db.prepare(`SELECT * FROM attendance WHERE session_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[];
    for (const r of rows) out.push(toRecord(r));
  }
  return out;
}

/** The sign-ins of a branch's sessions in [from, to) — one query for audit and report. */
export function attendanceInRange(db: Db, f: { branchId?: number; from?: string; to?: string } = {}): AttendanceRecord[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.branchId !== undefined) { where.push('s.branch_id = ?'); args.push(f.branchId); }
  if (f.from) { where.push('s.date >= ?'); args.push(f.from); }
  if (f.to) { where.push('s.date < ?'); args.push(f.to); }
  const sql = `SELECT a.* FROM attendance a JOIN sessions s ON s.id = a.session_id${where.length ? ' WHERE ' + where.join(' AND ') : ''}`;
  return (db.prepare(sql).all(...args) as Row[]).map(toRecord);
}
