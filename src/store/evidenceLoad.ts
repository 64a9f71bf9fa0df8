// Loading the Evidence bundle the rule engine judges, lean enough for an organ's year (5,000 members,
// ~1.8 million self-study rows): only the columns the engine reads, rows as arrays, no join with members
// unless one branch is asked for, and self-study fetched as one row per member (group_concat) — SQLite
// walks its (member, date) index once and JavaScript splits a few thousand strings instead of
// materialising a million row arrays.
import {
  emptyEvidence, type AttendanceStatus, type BookCategory, type Evidence, type EvidenceMember,
  type SessionType, type TalkKind, type WritingKind,
} from '../domain/evidence.js';
import { STATUS_CODES, type AttendanceColumns, type DayIds, type StudyColumns } from '../domain/engine/columns.js';
import { fromDayNumber, toDayNumber } from '../domain/periods.js';
import { SESSION_TYPE_IDS } from '../domain/sessionTypes.js';
import { onRollDuring, type Member } from '../domain/member.js';
import type { Db } from './db.js';
import { listMembers } from './members.js';
import { listSessions } from './sessions.js';
import { readInts } from './groupedText.js';
import { loadStudyMonths } from './studyMonthsLoad.js';

/** Attendance rows have no id of their own (key: session, member); this is the number verdicts cite. */
export function attendanceId(sessionId: number, memberId: number): number {
  return sessionId * 1_000_000 + memberId;
}

/** The session of an attendance id (the inverse of attendanceId). */
export function sessionOfAttendance(id: number): number {
  return Math.floor(id / 1_000_000);
}

type Raw = unknown[];

/** What to load: [from, toExclusive), optionally one branch; `roster` is listMembers(db) when the caller has it. */
export interface LoadRange {
  from: string;
  toExclusive: string;
  branchId?: number;
  roster?: Member[];
  /** With `columns`: self-study as monthly totals where no period can cut a month (studyMonthsLoad.ts):
   * for audits that cite no self-study ids and whose self-study rules are month-aligned. */
  studyMonths?: { asOf: string; scope: { start: string; end: string }; cite?: boolean };
  /** With `columns`: kinds already being read by a second thread (evidenceParallel.ts), taken from it. */
  parallel?: ParallelLoad;
  /** With `studyMonths.cite` and a second thread reading only the ids to cite: leave them to the returned
   * `attachCites`, so the caller can judge the rules that cite none while the thread is still reading. */
  deferCites?: boolean;
}

/** Column kinds being read by a second thread: `take` waits for them (undefined: read them here after all). */
export interface ParallelLoad {
  /** The kinds the thread reads. */
  jobs: readonly ColumnJob[];
  take(): ParallelColumns | undefined;
  cancel(): void;
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

/** The two big kinds as typed columns by member (the audit's organ-scale path): ~1.8 million days of
 * self-study and a quarter million lectures in a year of an organ. */
export interface OrganColumns {
  study: Map<number, StudyColumns>;
  lectureIds: Map<number, DayIds>;
  signIns: Map<number, AttendanceColumns>;
  /** With `deferCites` (when it could be honoured): attaches the self-study ids to cite to `study`, once,
   * before any self-study rule is judged. */
  attachCites?: () => void;
}

/** The Evidence bundle for [from, toExclusive) and optionally one branch (self-study by member, then
 * date and id; the other lists by date, then id). With `columns`, self-study and lectures are left out
 * of the bundle and returned as columns by member instead (OrganColumns). */
export function loadEvidence(db: Db, p: LoadRange): Evidence;
export function loadEvidence(db: Db, p: LoadRange, columns: true): Evidence & OrganColumns;
export function loadEvidence(db: Db, p: LoadRange, columns = false): Evidence & Partial<OrganColumns> {
  const ev = emptyEvidence();
  const everyone = p.roster ?? listMembers(db);
  ev.members = everyone
    .filter((m) => (p.branchId === undefined || m.branchId === p.branchId) && onRollDuring(m, p.from, p.toExclusive))
    .map((m): EvidenceMember => {
      const e: EvidenceMember = { id: m.id, name: m.name, branchId: m.branchId, leaderIntervals: m.leader ? [{ ...(m.leaderFrom ? { from: m.leaderFrom } : {}), ...(m.leaderTo ? { to: m.leaderTo } : {}) }] : [] };
      if (m.onRollFrom) e.onRollFrom = m.onRollFrom;
      if (m.onRollLeft) e.onRollLeft = m.onRollLeft;
      return e;
    });
  const known = new Set<string>(SESSION_TYPE_IDS);
  ev.sessions = listSessions(db, { branchId: p.branchId, from: p.from, to: p.toExclusive }).map((s) => ({
    id: s.id, branchId: s.branchId, date: s.date, type: (known.has(s.type) ? s.type : 'other') as SessionType,
    ...(s.attendees === 'all' ? {} : { attendees: s.attendees, attendeeIds: s.attendeeIds }),
  }));
  // No one on the roster at all (a new database): every other kind belongs to a member, so there is nothing more to read.
  if (everyone.length === 0) {
    p.parallel?.cancel();
    return columns ? { ...ev, study: new Map(), lectureIds: new Map(), signIns: new Map() } : ev;
  }
  const br = p.branchId === undefined ? '' : ' AND s.branch_id = ?';
  const brArgs = p.branchId === undefined ? [] : [p.branchId];
  // The column kinds (sign-ins, lectures, the self-study ids to cite) are read last, below: a second thread
  // may be reading them meanwhile, and is waited for only once this thread's own reads are done.
  if (!columns) for (const [sessionId, memberId, status] of rows(db, `SELECT a.session_id, a.member_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.date >= ? AND s.date < ?${br}`, [p.from, p.toExclusive, ...brArgs])) {
    ev.attendance.push({ id: attendanceId(sessionId as number, memberId as number), sessionId: sessionId as number, memberId: memberId as number, status: status as AttendanceStatus });
  }
  let study = new Map<number, StudyColumns>();
  let citeStudy = false;
  if (columns && p.studyMonths) {
    const roster = everyone.filter((m) => p.branchId === undefined || m.branchId === p.branchId);
    study = loadStudyMonths(db, { ...p, ...p.studyMonths, members: roster });
    // The ids to cite, off the (member, date) index alone: no read of the table's rows.
    citeStudy = p.studyMonths.cite === true;
  } else loadSelfStudy(db, p, (memberId, c) => {
    if (columns) { study.set(memberId, c); return; }
    for (let i = 0; i < c.ids.length; i++) ev.selfStudy.push({ id: c.ids[i]!, memberId, date: fromDayNumber(c.days[i]!), hours: c.hours[i]!, notes: c.notes[i] === 1 });
  });

  // The other kinds are thousands of rows (lectures: a quarter million), one plain query each, read in
  // id order — the table's own order, so SQLite sorts nothing — then sorted by date here (stable).
  const q = (table: string, cols: string, dateCol: string, extraWhere = '', join = '') => rows(db,
    `SELECT ${cols} FROM ${table} t${join}${p.branchId === undefined ? '' : ' JOIN members m ON m.id = t.member_id'} WHERE ${extraWhere || `t.${dateCol} >= ? AND t.${dateCol} < ?`}${p.branchId === undefined ? '' : ' AND m.branch_id = ?'} ORDER BY t.id`,
    [p.from, p.toExclusive, ...brArgs]);
  const span = 't.date_to >= ? AND t.date_from < ?';
  if (!columns) ev.lectures = byDate(q('lectures', 't.id, t.member_id, t.date', 'date').map(([id, memberId, date]) => ({ id, memberId, date }) as Evidence['lectures'][number]), (x) => x.date);
  ev.readings = q('readings', 't.id, t.member_id, t.book_id, b.category, t.finished', 'finished',
    "(t.finished >= ? OR t.finished IS NULL) AND coalesce(t.finished, t.started, '') < ?", ' JOIN books b ON b.id = t.book_id')
    .map(([id, memberId, bookId, category, finished]) => {
      const r: Evidence['readings'][number] = { id: id as number, memberId: memberId as number, bookId: bookId as number };
      if (category !== null) r.category = category as BookCategory;
      if (finished !== null) r.finished = finished as string;
      return r;
    });
  ev.readings = byDate(ev.readings, (x) => x.finished ?? '');
  ev.writings = byDate(q('writings', 't.id, t.member_id, t.kind, t.date, t.chars', 'date').map(([id, memberId, kind, date, chars]) => ({ id, memberId, kind: kind as WritingKind, date, chars }) as Evidence['writings'][number]), (x) => x.date);
  ev.research = byDate(q('research', 't.id, t.member_id, t.date_from, t.date_to, t.days', 'date_from', span).map(([id, memberId, from, to, days]) => ({ id, memberId, from, to, days }) as Evidence['research'][number]), (x) => x.from);
  ev.talks = byDate(q('talks', 't.id, t.member_id, t.kind, t.date', 'date').map(([id, memberId, kind, date]) => ({ id, memberId, kind: kind as TalkKind, date }) as Evidence['talks'][number]), (x) => x.date);
  ev.trainings = byDate(q('trainings', 't.id, t.member_id, t.date_from, t.date_to', 'date_from', span).map(([id, memberId, from, to]) => ({ id, memberId, from, to }) as Evidence['trainings'][number]), (x) => x.from);
  ev.exams = q('exams', 't.id, t.member_id, t.date, t.score', 'date').map(([id, memberId, date, score]) => {
    const e = { id, memberId, date } as Evidence['exams'][number];
    if (score !== null) e.score = score as number;
    return e;
  });
  ev.exams = byDate(ev.exams, (x) => x.date);
  ev.exchanges = byDate(q('exchanges', 't.id, t.member_id, t.date', 'date').map(([id, memberId, date]) => ({ id, memberId, date }) as Evidence['exchanges'][number]), (x) => x.date);
  if (!columns) return ev;
  // The column kinds: from the second thread when one was reading them, else here (a kind it did not do, too).
  // Deferred, the ids to cite are taken when the caller asks (the thread reads nothing else, so nothing
  // else waits for it).
  const defer = citeStudy && p.deferCites === true && !!p.parallel && p.parallel.jobs.every((j) => j === 'studyIds');
  const got = defer ? {} : (p.parallel?.take() ?? {});
  const need: ColumnJob[] = [];
  if (!got.attendance) need.push('attendance');
  if (!got.lectures) need.push('lectures');
  if (citeStudy && !defer && !got.studyIds) need.push('studyIds');
  const here = readColumns(db, p, need);
  const signIns = got.attendance ?? here.attendance!;
  const lectures = got.lectures ?? here.lectures!;
  const attach = (ids: Map<number, DayIds>) => {
    for (const [memberId, cite] of ids) {
      const c = study.get(memberId);
      if (c) c.cite = cite;
    }
  };
  if (citeStudy && !defer) attach(got.studyIds ?? here.studyIds!);
  let attached = false;
  const attachCites = () => {
    if (attached) return;
    attached = true;
    attach(p.parallel!.take()?.studyIds ?? readColumns(db, p, ['studyIds']).studyIds!);
  };
  return { ...ev, study, lectureIds: lectures, signIns, ...(defer ? { attachCites } : {}) };
}

/** The list in date order, items of one day in their (id) order; already sorted lists are left as they are. */
function byDate<T>(list: T[], dateOf: (x: T) => string): T[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) if (dateOf(list[i - 1]!) > dateOf(list[i]!)) sorted = false;
  return sorted ? list : list.sort((a, b) => { const x = dateOf(a), y = dateOf(b); return x < y ? -1 : x > y ? 1 : 0; });
}

function rows(db: Db, sql: string, args: unknown[]): Raw[] {
  return db.prepare(sql).raw(true).all(...args) as Raw[];
}

/** The member-branch condition for a per-member query of `table`. */
const branchWhere = (p: LoadRange) => (p.branchId === undefined ? '' : ' AND member_id IN (SELECT id FROM members WHERE branch_id = ?)');
const args = (p: LoadRange) => (p.branchId === undefined ? [p.from, p.toExclusive] : [p.from, p.toExclusive, p.branchId]);

/**
 * Self-study, one row per member: ids, dates, hours and notes flags as comma-joined strings, read straight
 * into typed columns in (date, id) order (SQLite's index order is checked, and fixed if it is not). Ids and
 * dates are parsed from the character codes: splitting them would make 3.4 million short strings.
 */
function loadSelfStudy(db: Db, p: LoadRange, each: (memberId: number, c: StudyColumns) => void): void {
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
