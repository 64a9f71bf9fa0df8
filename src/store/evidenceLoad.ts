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
import { anyRollDuring, leaderTerms, rollTermsById } from '../domain/memberTerms.js';
import type { Db } from './db.js';
import { listMembers } from './members.js';
import { listSessions } from './sessions.js';
import { attendanceId, loadSelfStudy, readColumns, type ColumnJob, type ParallelColumns } from './evidenceColumns.js';

export { attendanceId, sessionOfAttendance, type ColumnJob, type ParallelColumns } from './evidenceColumns.js';
import { loadStudyMonths } from './studyMonthsLoad.js';

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
  /** The kinds the thread reads, phase by phase (each phase answered as soon as it is read). */
  phases: readonly (readonly ColumnJob[])[];
  /** Waits for the phase's kinds (default the first); each phase is taken once, in order. */
  take(phase?: number): ParallelColumns | undefined;
  cancel(): void;
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
  // A member with earlier terms (left and came back, moved branch on a day, re-appointed) is judged over
  // every one of them: each spell on a roll with its branch (whose sessions they were expected at), every post.
  let branchIds: Map<string, number> | undefined;
  const branchIdOf = (name: string) => (branchIds ??= new Map(db.prepare('SELECT name, id FROM branches').raw(true).all() as [string, number][])).get(name);
  ev.members = everyone
    .filter((m) => (p.branchId === undefined || m.branchId === p.branchId) && (m.history ? anyRollDuring(m, p.from, p.toExclusive) : onRollDuring(m, p.from, p.toExclusive)))
    .map((m): EvidenceMember => {
      const e: EvidenceMember = { id: m.id, name: m.name, branchId: m.branchId, leaderIntervals: m.history ? leaderTerms(m) : m.leader ? [{ ...(m.leaderFrom ? { from: m.leaderFrom } : {}), ...(m.leaderTo ? { to: m.leaderTo } : {}) }] : [] };
      if (m.onRollFrom) e.onRollFrom = m.onRollFrom;
      if (m.onRollLeft) e.onRollLeft = m.onRollLeft;
      const terms = m.history && rollTermsById(m, branchIdOf);
      if (terms) e.rollTerms = terms;
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
  const q = (table: string, cols: string, dateCol: string, extraWhere = '') => rows(db,
    `SELECT ${cols} FROM ${table} t${p.branchId === undefined ? '' : ' JOIN members m ON m.id = t.member_id'} WHERE ${extraWhere || `t.${dateCol} >= ? AND t.${dateCol} < ?`}${p.branchId === undefined ? '' : ' AND m.branch_id = ?'} ORDER BY t.id`,
    [p.from, p.toExclusive, ...brArgs]);
  const span = 't.date_to >= ? AND t.date_from < ?';
  if (!columns) ev.lectures = byDate(q('lectures', 't.id, t.member_id, t.date', 'date').map(([id, memberId, date]) => ({ id, memberId, date }) as Evidence['lectures'][number]), (x) => x.date);
  // The book's category by id from the catalogue (a join into each of an organ's ~28,000 readings costs
  // more than the rest of their reading).
  const categoryOf = new Map(rows(db, 'SELECT id, category FROM books', []) as [number, string | null][]);
  ev.readings = q('readings', 't.id, t.member_id, t.book_id, t.finished', 'finished',
    "(t.finished >= ? OR t.finished IS NULL) AND coalesce(t.finished, t.started, '') < ?")
    .filter(([, , bookId]) => categoryOf.has(bookId as number))
    .map(([id, memberId, bookId, finished]) => {
      const r: Evidence['readings'][number] = { id: id as number, memberId: memberId as number, bookId: bookId as number };
      const category = categoryOf.get(bookId as number);
      if (category != null) r.category = category as BookCategory;
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
  // The ids to cite come in a later phase of their own; deferred, that phase is taken only when the caller
  // asks (attachCites), so the rules that cite none are judged meanwhile.
  const citePhase = p.parallel?.phases.findIndex((ph) => ph.includes('studyIds')) ?? -1;
  const defer = citeStudy && p.deferCites === true && citePhase > 0;
  const got: ParallelColumns = { ...(p.parallel?.take(0) ?? {}), ...(citeStudy && !defer && citePhase > 0 ? p.parallel!.take(citePhase) : {}) };
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
    attach(p.parallel!.take(citePhase)?.studyIds ?? readColumns(db, p, ['studyIds']).studyIds!);
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
