// The one query layer over a member's study evidence: the Evidence bundle the audit judges (one query
// per table), and per-member / per-kind / per-period listings with ids for `log list`, so every verdict
// can cite what it counted.
import {
  SESSION_TYPES, emptyEvidence, type BookCategory, type Evidence, type EvidenceMember, type SessionType, type TalkKind, type WritingKind,
} from '../domain/evidence.js';
import { EVIDENCE_KINDS, kindSpec, type EvidenceKindId, type EvidenceKindSpec } from '../domain/evidenceKinds.js';
import type { ItemValues } from '../domain/evidenceValues.js';
import { attendanceInRange } from './attendance.js';
import type { Db } from './db.js';
import { column, rowValues, selectSql, TABLE } from './evidenceTables.js';
import { listMembers } from './members.js';
import { listSessions } from './sessions.js';

/** One stored item, as `log list` shows it and `log remove` addresses it (`self-study:12`). */
export interface EvidenceItem {
  kind: EvidenceKindId;
  id: number;
  /** The address a user types: `<kind>:<id>`. */
  ref: string;
  memberId: number;
  member: string;
  /** The day it counts on (kind.dateKey). */
  date: string | null;
  values: ItemValues;
  /** Readings only: the catalogue id of the book. */
  bookId?: number;
}

/** Which items: a member, a branch, kinds, and a period [from, toExclusive) on the item's date. */
export interface EvidenceFilter {
  memberId?: number;
  branchId?: number;
  kinds?: EvidenceKindId[];
  from?: string;
  toExclusive?: string;
}

/** The `<kind>:<id>` address of a stored item (ids are per table). */
export function evidenceRef(kind: EvidenceKindId, id: number): string {
  return `${kind}:${id}`;
}

/** Attendance rows have no id of their own (key: session, member); this is the number verdicts cite. */
export function attendanceId(sessionId: number, memberId: number): number {
  return sessionId * 1_000_000 + memberId;
}

function where(kind: EvidenceKindSpec, f: EvidenceFilter): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  const d = `t.${column(kind.dateKey)}`;
  if (f.memberId !== undefined) { w.push('t.member_id = ?'); args.push(f.memberId); }
  if (f.branchId !== undefined) { w.push('m.branch_id = ?'); args.push(f.branchId); }
  // Spans count from their first day but are given whole when they overlap the period.
  const end = kind.fields.some((x) => x.key === 'to') ? 't.date_to' : d;
  if (f.from) { w.push(kind.id === 'book' ? `(${d} >= ? OR ${d} IS NULL)` : `${end} >= ?`); args.push(f.from); }
  if (f.toExclusive) {
    w.push(kind.id === 'book' ? `coalesce(${d}, t.started, '') < ?` : `${kind.fields.some((x) => x.key === 'from') ? 't.date_from' : d} < ?`);
    args.push(f.toExclusive);
  }
  return { sql: w.length ? ` WHERE ${w.join(' AND ')}` : '', args };
}

function rawRows(db: Db, kind: EvidenceKindSpec, f: EvidenceFilter): Record<string, unknown>[] {
  const { sql, args } = where(kind, f);
  return db.prepare(`${selectSql(kind)}${sql} ORDER BY t.${column(kind.dateKey)}, t.id`).all(...args) as Record<string, unknown>[];
}

function toItem(kind: EvidenceKindSpec, r: Record<string, unknown>): EvidenceItem {
  const values = rowValues(kind, r);
  const item: EvidenceItem = {
    kind: kind.id, id: r.id as number, ref: evidenceRef(kind.id, r.id as number), memberId: r.member_id as number,
    member: r.member_name as string, date: (values[kind.dateKey] as string | null) ?? null, values,
  };
  if (kind.id === 'book') item.bookId = r.book_id as number;
  return item;
}

/** Stored items, by kind in spec order, then by date. */
export function listEvidence(db: Db, f: EvidenceFilter = {}): EvidenceItem[] {
  const kinds = EVIDENCE_KINDS.filter((k) => !f.kinds || f.kinds.includes(k.id));
  return kinds.flatMap((k) => rawRows(db, k, f).map((r) => toItem(k, r)));
}

/** One item by kind and id. */
export function getEvidenceItem(db: Db, kind: EvidenceKindId, id: number): EvidenceItem | undefined {
  const spec = kindSpec(kind);
  const r = db.prepare(`${selectSql(spec)} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r && toItem(spec, r);
}

/** Deletes one item (caller holds the batch); returns whether it existed. */
export function removeEvidenceItem(db: Db, kind: EvidenceKindId, id: number): boolean {
  return db.prepare(`DELETE FROM ${TABLE[kind]} WHERE id = ?`).run(id).changes > 0;
}

const num = (v: unknown) => v as number;
const str = (v: unknown) => v as string;
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));

/** The Evidence bundle the rule engine judges, for [from, toExclusive) and optionally one branch. */
export function loadEvidence(db: Db, p: { from: string; toExclusive: string; branchId?: number }): Evidence {
  const ev = emptyEvidence();
  const f: EvidenceFilter = { from: p.from, toExclusive: p.toExclusive, branchId: p.branchId };
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
  ev.attendance = attendanceInRange(db, { branchId: p.branchId, from: p.from, to: p.toExclusive }).map((a) => ({
    id: attendanceId(a.sessionId, a.memberId), sessionId: a.sessionId, memberId: a.memberId, status: a.status,
  }));
  const rows = (id: EvidenceKindId) => rawRows(db, kindSpec(id), f);
  ev.selfStudy = rows('self-study').map((r) => ({ id: num(r.id), memberId: num(r.member_id), date: str(r.date), hours: num(r.hours), notes: r.notes === 1 }));
  ev.lectures = rows('lecture').map((r) => ({ id: num(r.id), memberId: num(r.member_id), date: str(r.date) }));
  ev.readings = rows('book').map((r) => ({
    id: num(r.id), memberId: num(r.member_id), bookId: num(r.book_id), category: opt<BookCategory>(r.category), finished: opt<string>(r.finished),
  }));
  ev.writings = rows('writing').map((r) => ({ id: num(r.id), memberId: num(r.member_id), kind: r.kind as WritingKind, date: str(r.date), chars: num(r.chars) }));
  ev.research = rows('research').map((r) => ({ id: num(r.id), memberId: num(r.member_id), from: str(r.date_from), to: str(r.date_to), days: num(r.days) }));
  ev.talks = rows('talk').map((r) => ({ id: num(r.id), memberId: num(r.member_id), kind: r.kind as TalkKind, date: str(r.date) }));
  ev.trainings = rows('training').map((r) => ({ id: num(r.id), memberId: num(r.member_id), from: str(r.date_from), to: str(r.date_to) }));
  ev.exams = rows('exam').map((r) => ({ id: num(r.id), memberId: num(r.member_id), date: str(r.date), score: opt<number>(r.score) }));
  ev.exchanges = rows('exchange').map((r) => ({ id: num(r.id), memberId: num(r.member_id), date: str(r.date) }));
  // Optional properties are left out rather than set to undefined (the engine's tests compare shapes).
  for (const r of ev.readings) for (const k of ['category', 'finished'] as const) if (r[k] === undefined) delete r[k];
  for (const e of ev.exams) if (e.score === undefined) delete e.score;
  return ev;
}
