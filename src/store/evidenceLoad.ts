// Loading the Evidence bundle the rule engine judges, lean enough for an organ's year (5,000 members,
// ~1.8 million self-study rows): only the columns the engine reads, rows as arrays, no join with members
// unless one branch is asked for, and self-study fetched as one row per member (group_concat) — SQLite
// walks its (member, date) index once and JavaScript splits a few thousand strings instead of
// materialising a million row arrays.
import {
  SESSION_TYPES, emptyEvidence, type AttendanceStatus, type BookCategory, type Evidence, type EvidenceMember,
  type SessionType, type TalkKind, type WritingKind,
} from '../domain/evidence.js';
import type { StudyColumns } from '../domain/engine/evidenceIndex.js';
import type { Db } from './db.js';
import { listMembers } from './members.js';
import { listSessions } from './sessions.js';

/** Attendance rows have no id of their own (key: session, member); this is the number verdicts cite. */
export function attendanceId(sessionId: number, memberId: number): number {
  return sessionId * 1_000_000 + memberId;
}

type Raw = unknown[];

/** The Evidence bundle for [from, toExclusive) and optionally one branch (self-study by member, then
 * date and id; the other lists by date, then id). With `studyColumns`, self-study is left out of the
 * bundle and returned as columns by member instead (the audit's organ-scale path). */
export function loadEvidence(db: Db, p: { from: string; toExclusive: string; branchId?: number }): Evidence;
export function loadEvidence(db: Db, p: { from: string; toExclusive: string; branchId?: number }, studyColumns: true): Evidence & { study: Map<number, StudyColumns> };
export function loadEvidence(db: Db, p: { from: string; toExclusive: string; branchId?: number }, studyColumns = false): Evidence & { study?: Map<number, StudyColumns> } {
  const ev = emptyEvidence();
  ev.members = listMembers(db)
    .filter((m) => (p.branchId === undefined || m.branchId === p.branchId) && (!m.onRollFrom || m.onRollFrom < p.toExclusive) && (!m.onRollLeft || m.onRollLeft > p.from))
    .map((m): EvidenceMember => {
      const e: EvidenceMember = { id: m.id, name: m.name, branchId: m.branchId, leaderIntervals: m.leader ? [{ ...(m.leaderFrom ? { from: m.leaderFrom } : {}), ...(m.leaderTo ? { to: m.leaderTo } : {}) }] : [] };
      if (m.onRollFrom) e.onRollFrom = m.onRollFrom;
      if (m.onRollLeft) e.onRollLeft = m.onRollLeft;
      return e;
    });
  const known = new Set<string>(SESSION_TYPES);
  ev.sessions = listSessions(db, { branchId: p.branchId, from: p.from, to: p.toExclusive }).map((s) => ({
    id: s.id, branchId: s.branchId, date: s.date, type: (known.has(s.type) ? s.type : 'other') as SessionType,
  }));
  const br = p.branchId === undefined ? '' : ' AND s.branch_id = ?';
  const brArgs = p.branchId === undefined ? [] : [p.branchId];
  for (const [sessionId, memberId, status] of rows(db, `SELECT a.session_id, a.member_id, a.status FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.date >= ? AND s.date < ?${br}`, [p.from, p.toExclusive, ...brArgs])) {
    ev.attendance.push({ id: attendanceId(sessionId as number, memberId as number), sessionId: sessionId as number, memberId: memberId as number, status: status as AttendanceStatus });
  }
  const study = new Map<number, StudyColumns>();
  loadSelfStudy(db, p, (memberId, c) => {
    if (studyColumns) { study.set(memberId, c); return; }
    for (let i = 0; i < c.ids.length; i++) ev.selfStudy.push({ id: c.ids[i]!, memberId, date: c.dates[i]!, hours: c.hours[i]!, notes: c.notes[i]! });
  });

  // The other kinds are thousands of rows (lectures: a quarter million), one plain query each, read in
  // id order — the table's own order, so SQLite sorts nothing — then sorted by date here (stable).
  const q = (table: string, cols: string, dateCol: string, extraWhere = '', join = '') => rows(db,
    `SELECT ${cols} FROM ${table} t${join}${p.branchId === undefined ? '' : ' JOIN members m ON m.id = t.member_id'} WHERE ${extraWhere || `t.${dateCol} >= ? AND t.${dateCol} < ?`}${p.branchId === undefined ? '' : ' AND m.branch_id = ?'} ORDER BY t.id`,
    [p.from, p.toExclusive, ...brArgs]);
  const span = 't.date_to >= ? AND t.date_from < ?';
  ev.lectures = byDate(q('lectures', 't.id, t.member_id, t.date', 'date').map(([id, memberId, date]) => ({ id, memberId, date }) as Evidence['lectures'][number]), (x) => x.date);
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
  return studyColumns ? { ...ev, study } : ev;
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

/**
 * Self-study, one row per member: ids, dates, hours and notes flags as comma-joined strings, handed on as
 * columns in (date, id) order (SQLite's index order is checked, and fixed if it is not).
 */
function loadSelfStudy(db: Db, p: { from: string; toExclusive: string; branchId?: number }, each: (memberId: number, c: StudyColumns) => void): void {
  const br = p.branchId === undefined ? '' : ' AND member_id IN (SELECT id FROM members WHERE branch_id = ?)';
  const grouped = rows(db,
    `SELECT member_id, group_concat(id), group_concat(date), group_concat(hours), group_concat(notes, '') FROM self_study WHERE date >= ? AND date < ?${br} GROUP BY member_id`,
    p.branchId === undefined ? [p.from, p.toExclusive] : [p.from, p.toExclusive, p.branchId]);
  // A year has ~380 distinct dates: each row shares one string per date instead of keeping its own copy.
  const same = new Map<string, string>();
  for (const [memberId, idText, dateText, hoursText, notesText] of grouped as [number, string, string, string, string][]) {
    const idParts = idText.split(',');
    const dateParts = dateText.split(',');
    const hourParts = hoursText.split(',');
    const c: StudyColumns = { dates: new Array<string>(idParts.length), ids: new Array<number>(idParts.length), hours: new Array<number>(idParts.length), notes: new Array<boolean>(idParts.length) };
    let sorted = true;
    for (let i = 0; i < idParts.length; i++) {
      let date = same.get(dateParts[i]!);
      if (date === undefined) same.set(dateParts[i]!, (date = dateParts[i]!));
      c.dates[i] = date;
      c.ids[i] = Number(idParts[i]);
      c.hours[i] = Number(hourParts[i]);
      c.notes[i] = notesText.charCodeAt(i) === 49;
      if (i > 0 && (c.dates[i - 1]! > date || (c.dates[i - 1] === date && c.ids[i - 1]! > c.ids[i]!))) sorted = false;
    }
    each(memberId, sorted ? c : byDateThenId(c));
  }
}

/** The columns in (date, id) order. */
function byDateThenId(c: StudyColumns): StudyColumns {
  const order = c.ids.map((_, i) => i).sort((a, b) => (c.dates[a]! < c.dates[b]! ? -1 : c.dates[a]! > c.dates[b]! ? 1 : c.ids[a]! - c.ids[b]!));
  return { dates: order.map((i) => c.dates[i]!), ids: order.map((i) => c.ids[i]!), hours: order.map((i) => c.hours[i]!), notes: order.map((i) => c.notes[i]!) };
}
