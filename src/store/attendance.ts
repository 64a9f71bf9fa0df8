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

/** One status to write for a member (session given separately); `onlyIfNew` (a blank line of a sign-in
 * sheet read as 缺席) never replaces a status already known. */
export type AttendanceEntry = Omit<AttendanceRecord, 'sessionId'> & { onlyIfNew?: boolean };

interface Row { session_id: number; member_id: number; status: AttendanceStatus; excuse_kind: ExcuseKind | null; reason: string | null }

function toRecord(r: Row): AttendanceRecord {
  const a: AttendanceRecord = { sessionId: r.session_id, memberId: r.member_id, status: r.status };
  if (r.excuse_kind !== null) a.excuseKind = r.excuse_kind;
  if (r.reason !== null) a.reason = r.reason;
  return a;
}

/** One status that replaces another (for the list of changes an import shows, --dry-run included). */
export interface StatusChange {
  memberId: number;
  from: AttendanceStatus;
  fromKind?: ExcuseKind;
  to: AttendanceStatus;
  toKind?: ExcuseKind;
}

/** What recording did: new rows, rows whose status changed (and how, in member order), rows left as they
 * were (`unchanged`), of which `kept` were blank lines that left a known status alone. */
export interface RecordOutcome {
  added: number;
  changed: number;
  unchanged: number;
  kept: number;
  changes: StatusChange[];
}

type Step = { op: 'insert' | 'update'; e: AttendanceEntry; kind: ExcuseKind | null; reason: string | null } | { op: 'none' };

/** What writing the entries would do, entry by entry (shared by recording and its preview). */
function planAttendance(db: Db, sessionId: number, entries: AttendanceEntry[]): { steps: Step[]; outcome: RecordOutcome } {
  const get = db.prepare('SELECT * FROM attendance WHERE session_id = ? AND member_id = ?');
  const outcome: RecordOutcome = { added: 0, changed: 0, unchanged: 0, kept: 0, changes: [] };
  const steps: Step[] = entries.map((e) => {
    const kind = e.status === 'excused' ? e.excuseKind ?? null : null;
    const reason = e.reason?.trim() ? e.reason.trim() : null;
    const old = get.get(sessionId, e.memberId) as Row | undefined;
    if (!old) {
      outcome.added++;
      return { op: 'insert', e, kind, reason };
    }
    if (e.onlyIfNew) {
      outcome.kept++;
      outcome.unchanged++;
      return { op: 'none' };
    }
    if (old.status === e.status && old.excuse_kind === kind && old.reason === reason) {
      outcome.unchanged++;
      return { op: 'none' };
    }
    outcome.changed++;
    if (old.status !== e.status || old.excuse_kind !== kind) {
      outcome.changes.push({ memberId: e.memberId, from: old.status, ...(old.excuse_kind ? { fromKind: old.excuse_kind } : {}), to: e.status, ...(kind ? { toKind: kind } : {}) });
    }
    return { op: 'update', e, kind, reason };
  });
  outcome.changes.sort((a, b) => a.memberId - b.memberId);
  return { steps, outcome };
}

/** Upserts statuses for one session (re-running updates rather than duplicates); caller holds the batch. */
export function recordAttendance(
  db: Db,
  sessionId: number,
  entries: AttendanceEntry[],
  batchId: number,
  counts?: { added: number; changed: number },
): RecordOutcome {
  const ins = db.prepare('INSERT INTO attendance (session_id, member_id, status, excuse_kind, reason, batch_id) VALUES (?, ?, ?, ?, ?, ?)');
  const upd = db.prepare('UPDATE attendance SET status = ?, excuse_kind = ?, reason = ?, batch_id = ? WHERE session_id = ? AND member_id = ?');
  const { steps, outcome } = planAttendance(db, sessionId, entries);
  for (const s of steps) {
    if (s.op === 'insert') ins.run(sessionId, s.e.memberId, s.e.status, s.kind, s.reason, batchId);
    else if (s.op === 'update') upd.run(s.e.status, s.kind, s.reason, batchId, sessionId, s.e.memberId);
  }
  if (counts) { counts.added += outcome.added; counts.changed += outcome.changed; }
  return outcome;
}

/** What recordAttendance would do, without writing (for --dry-run). */
export function previewAttendance(db: Db, sessionId: number, entries: AttendanceEntry[]): RecordOutcome {
  return planAttendance(db, sessionId, entries).outcome;
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
