// The column kinds of the audit's organ-scale path, read straight into typed columns by member: sign-ins,
// lectures, self-study (with or without the ids to cite). Each is one grouped query off one index; they run
// here or on the second reading thread (evidenceParallel.ts, evidenceWorker.ts).
import { STATUS_CODES, type AttendanceColumns, type DayIds, type StudyColumns } from '../domain/engine/columns.js';
import { toDayNumber } from '../domain/periods.js';
import type { Db } from './db.js';
import type { LoadRange } from './evidenceLoad.js';
import { readInts } from './groupedText.js';

/** Attendance rows have no id of their own (key: session, member); this is the number verdicts cite. */
export function attendanceId(sessionId: number, memberId: number): number {
  return sessionId * 1_000_000 + memberId;
}

/** The session of an attendance id (the inverse of attendanceId). */
export function sessionOfAttendance(id: number): number {
  return Math.floor(id / 1_000_000);
}

type Raw = unknown[];

function rows(db: Db, sql: string, args: unknown[]): Raw[] {
  return db.prepare(sql).raw(true).all(...args) as Raw[];
}

/** The column kinds a second thread can read (each a plain query of its own, off one index). */
export type ColumnJob = 'attendance' | 'lectures' | 'studyIds';

/** What the column jobs return, by job. */
export interface ParallelColumns {
  attendance?: Map<number, AttendanceColumns>;
  lectures?: Map<number, DayIds>;
  studyIds?: Map<number, DayIds>;
}

/** Runs the column jobs on `db` (here, or on the second thread's own connection). */
export function readColumns(db: Db, p: LoadRange, jobs: readonly ColumnJob[]): ParallelColumns {
  const out: ParallelColumns = {};
  for (const job of jobs) {
    if (job === 'attendance') out.attendance = loadAttendance(db, p);
    else if (job === 'lectures') out.lectures = loadLectures(db, p);
    else out.studyIds = loadStudyIds(db, p);
  }
  return out;
}

/** The member-branch condition for a per-member query of `table`. */
const branchWhere = (p: LoadRange) => (p.branchId === undefined ? '' : ' AND member_id IN (SELECT id FROM members WHERE branch_id = ?)');
const args = (p: LoadRange) => (p.branchId === undefined ? [p.from, p.toExclusive] : [p.from, p.toExclusive, p.branchId]);

/**
 * Self-study, one row per member: ids, dates, hours and notes flags as comma-joined strings, read straight
 * into typed columns in (date, id) order (SQLite's index order is checked, and fixed if it is not). Ids and
 * dates are parsed from the character codes: splitting them would make 3.4 million short strings.
 */
export function loadSelfStudy(db: Db, p: LoadRange, each: (memberId: number, c: StudyColumns) => void): void {
  const grouped = rows(db,
    `SELECT member_id, count(*), group_concat(id), group_concat(date), group_concat(hours), group_concat(notes, '') FROM self_study WHERE date >= ? AND date < ?${branchWhere(p)} GROUP BY member_id`, args(p));
  const days = new DayReader();
  for (const [memberId, n, idText, dateText, hoursText, notesText] of grouped as [number, number, string, string, string, string][]) {
    const c: StudyColumns = { days: days.read(dateText, n), ids: readInts(idText, n), hours: new Float64Array(n), notes: new Uint8Array(n) };
    let sorted = true;
    for (let i = 0; i < n; i++) {
      c.notes[i] = notesText.charCodeAt(i) === 49 ? 1 : 0;
      if (i > 0 && (c.days[i - 1]! > c.days[i]! || (c.days[i - 1] === c.days[i] && c.ids[i - 1]! > c.ids[i]!))) sorted = false;
    }
    if (!readDecimals(hoursText, c.hours)) hoursText.split(',').forEach((h, i) => { c.hours[i] = Number(h); });
    each(memberId, sorted ? c : byDateThenId(c));
  }
}

/** Sign-ins as columns by member, in (session date, session id) order; statuses as STATUS_CODES indexes.
 * Read one row per session (the table's own key order: no sort in SQLite), then turned into per-member
 * columns here: sessions come in (date, id) order, so each member's columns fill already sorted. */
function loadAttendance(db: Db, p: LoadRange): Map<number, AttendanceColumns> {
  const code = `CASE a.status ${STATUS_CODES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 3 END`;
  const sessionsIn = `FROM sessions WHERE date >= ? AND date < ?${p.branchId === undefined ? '' : ' AND branch_id = ?'}`;
  const inRange = `SELECT id ${sessionsIn}`;
  const dates = new Map(rows(db, `SELECT id, date ${sessionsIn}`, args(p)) as [number, string][]);
  // The attendance rows of those sessions in key order (session, member): one seek per session.
  const bySession = (rows(db,
    `SELECT a.session_id, count(*), group_concat(a.member_id), group_concat(${code}, '') FROM attendance a WHERE a.session_id IN (${inRange}) GROUP BY a.session_id`, args(p)) as [number, number, string, string][])
    .map(([id, n, memberText, statusText]) => [id, dates.get(id)!, n, memberText, statusText] as const)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
  const dayReader = new DayReader();
  // Member ids are the table's small integers: counts and fill positions by id in plain typed arrays
  // (ids numbered sparsely beyond what arrays should hold are first renumbered densely).
  const members: Float64Array[] = [];
  let top = 0;
  for (const [, , n, memberText] of bySession) {
    const ids = readInts(memberText, n);
    members.push(ids);
    for (let i = 0; i < n; i++) if (ids[i]! > top) top = ids[i]!;
  }
  const idOf: number[] = [];
  if (top > 4_000_000) {
    const dense = new Map<number, number>();
    for (const ids of members) for (let i = 0; i < ids.length; i++) {
      let d = dense.get(ids[i]!);
      if (d === undefined) { dense.set(ids[i]!, (d = dense.size + 1)); idOf[d] = ids[i]!; }
      ids[i] = d;
    }
    top = dense.size;
  }
  const realId = (d: number) => (idOf.length ? idOf[d]! : d);
  const count = new Int32Array(top + 1);
  for (const ids of members) for (let i = 0; i < ids.length; i++) count[ids[i]!]!++;
  const columns: (AttendanceColumns | undefined)[] = new Array(top + 1);
  const out = new Map<number, AttendanceColumns>();
  for (let id = 0; id <= top; id++) {
    const n = count[id]!;
    if (n === 0) continue;
    const c: AttendanceColumns = { days: new Int32Array(n), sessions: new Float64Array(n), ids: new Float64Array(n), status: new Uint8Array(n) };
    columns[id] = c;
    out.set(realId(id), c);
  }
  const fill = new Int32Array(top + 1);
  for (let k = 0; k < bySession.length; k++) {
    const [sessionId, date, n, , statusText] = bySession[k]!;
    const day = dayReader.read(date, 1)[0]!;
    const ids = members[k]!;
    for (let i = 0; i < n; i++) {
      const d = ids[i]!;
      const c = columns[d]!;
      const at = fill[d]!++;
      c.days[at] = day;
      c.sessions[at] = sessionId;
      c.ids[at] = attendanceId(sessionId, realId(d));
      c.status[at] = statusText.charCodeAt(i) - 48;
    }
  }
  return out;
}

/** Self-study ids by member as day/id columns in (date, id) order, read off the covering (member, date) index. */
function loadStudyIds(db: Db, p: LoadRange): Map<number, DayIds> {
  return dayIdColumns(rows(db, `SELECT member_id, count(*), group_concat(id), group_concat(date) FROM self_study WHERE date >= ? AND date < ?${branchWhere(p)} GROUP BY member_id`, args(p)) as [number, number, string, string][]);
}

/** Lectures logged, as day/id columns by member in (date, id) order. */
function loadLectures(db: Db, p: LoadRange): Map<number, DayIds> {
  return dayIdColumns(rows(db, `SELECT member_id, count(*), group_concat(id), group_concat(date) FROM lectures WHERE date >= ? AND date < ?${branchWhere(p)} GROUP BY member_id`, args(p)) as [number, number, string, string][]);
}

/** Rows of (member, count, ids, dates) joined by commas, as day/id columns by member in (date, id) order. */
function dayIdColumns(grouped: [number, number, string, string][]): Map<number, DayIds> {
  const days = new DayReader();
  const out = new Map<number, DayIds>();
  for (const [memberId, n, idText, dateText] of grouped) {
    const c: DayIds = { days: days.read(dateText, n), ids: readInts(idText, n) };
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (c.days[i - 1]! > c.days[i]! || (c.days[i - 1] === c.days[i] && c.ids[i - 1]! > c.ids[i]!)) sorted = false;
    if (sorted) { out.set(memberId, c); continue; }
    const order = Array.from(c.ids, (_, i) => i).sort((a, b) => c.days[a]! - c.days[b]! || c.ids[a]! - c.ids[b]!);
    out.set(memberId, { days: Int32Array.from(order, (i) => c.days[i]!), ids: Float64Array.from(order, (i) => c.ids[i]!) });
  }
  return out;
}

/** Reads comma-joined ISO days into day numbers, remembering each distinct day (a year has ~380). */
class DayReader {
  private readonly seen = new Map<number, number>();

  /** n days; ISO days are 10 characters and a comma each (anything else is read the slow way). */
  read(text: string, n: number): Int32Array {
    const out = new Int32Array(n);
    if (text.length !== n * 11 - 1) {
      text.split(',').forEach((d, i) => { out[i] = toDayNumber(d); });
      return out;
    }
    for (let i = 0; i < n; i++) {
      const o = i * 11;
      let key = 0;
      for (let k = 0; k < 10; k++) if (k !== 4 && k !== 7) key = key * 10 + (text.charCodeAt(o + k) - 48);
      let day = this.seen.get(key);
      if (day === undefined) this.seen.set(key, (day = toDayNumber(text.slice(o, o + 10))));
      out[i] = day;
    }
    return out;
  }
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Reads comma-joined plain decimals ("1.5,2.0,0.25") into `out`; false on anything else (exponents, signs,
 * too many digits), for Number() to read instead. digits / 10^k is the correctly rounded double, as Number gives. */
function readDecimals(text: string, out: Float64Array): boolean {
  let at = 0;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = i === text.length ? 44 : text.charCodeAt(i);
    if (ch === 44) {
      if (digits === 0 || digits > 15 || at >= out.length) return false;
      out[at++] = frac > 0 ? m / POW10[frac]! : m;
      m = 0; digits = 0; frac = -1;
    } else if (ch === 46 && frac < 0) frac = 0;
    else if (ch >= 48 && ch <= 57) { m = m * 10 + (ch - 48); digits++; if (frac >= 0) frac++; }
    else return false;
  }
  return at === out.length;
}

/** The columns in (date, id) order. */
function byDateThenId(c: StudyColumns): StudyColumns {
  const order = Array.from(c.ids, (_, i) => i).sort((a, b) => c.days[a]! - c.days[b]! || c.ids[a]! - c.ids[b]!);
  const n = order.length;
  const out: StudyColumns = { days: new Int32Array(n), ids: new Float64Array(n), hours: new Float64Array(n), notes: new Uint8Array(n) };
  order.forEach((k, i) => { out.days[i] = c.days[k]!; out.ids[i] = c.ids[k]!; out.hours[i] = c.hours[k]!; out.notes[i] = c.notes[k]!; });
  return out;
}
