// The one query layer over a member's study evidence: the Evidence bundle the audit judges (one query
// per table), and per-member / per-kind / per-period listings with ids for `log list`, so every verdict
// can cite what it counted.
import { EVIDENCE_KINDS, kindSpec, type EvidenceKindId, type EvidenceKindSpec } from '../domain/evidenceKinds.js';
import type { ItemValues } from '../domain/evidenceValues.js';
import type { Db } from './db.js';
import { column, fromSql, rowValues, selectSql, TABLE } from './evidenceTables.js';

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

export { attendanceId } from './evidenceLoad.js';

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

/** An item as the period report lists it: whose, which day, its values (no id or address). */
export type ListedItem = Pick<EvidenceItem, 'kind' | 'memberId' | 'member' | 'date' | 'values'>;

/** The book's catalogue columns a reading's row is read with (they win over the reading's own, as in selectSql). */
const BOOK_COLUMNS = new Set(['title', 'author', 'isbn', 'category']);

/** The same items as listEvidence, in the same order, read lean for an organ's year (~55,000 rows): only
 * the fields' columns, rows as arrays, no ids or addresses made; the member's name and a reading's book
 * (a few thousand people, a catalogue of books) looked up by id here rather than joined into every row
 * (each joined string is one more value made per row: a third of the time). */
export function listItemValues(db: Db, f: EvidenceFilter = {}): ListedItem[] {
  const out: ListedItem[] = [];
  const names = new Map(db.prepare('SELECT id, name FROM members').raw(true).all() as [number, string][]);
  let books: Map<number, unknown[]> | undefined;
  for (const kind of EVIDENCE_KINDS.filter((k) => !f.kinds || f.kinds.includes(k.id))) {
    const { sql, args } = where(kind, f);
    const book = kind.id === 'book';
    // The branch is filtered on the member's row; the book's columns come from the catalogue below.
    const own = kind.fields.filter((x) => !(book && BOOK_COLUMNS.has(x.key)));
    const cols = [book ? 't.book_id' : 'NULL', ...own.map((x) => `t.${column(x.key)}`)];
    const rows = db.prepare(`SELECT t.member_id, ${cols.join(', ')} FROM ${TABLE[kind.id]} t${f.branchId === undefined ? '' : ' JOIN members m ON m.id = t.member_id'}${sql} ORDER BY t.${column(kind.dateKey)}, t.id`)
      .raw(true).all(...args) as unknown[][];
    if (book) books ??= new Map((db.prepare(`SELECT id, ${[...BOOK_COLUMNS].join(', ')} FROM books`).raw(true).all() as unknown[][]).map((r) => [r[0] as number, r]));
    // Where each field is: the book's row (its column's place there), or this row's next column.
    const fromBook = kind.fields.map((x) => (book && BOOK_COLUMNS.has(x.key) ? 1 + [...BOOK_COLUMNS].indexOf(x.key) : 0));
    for (const r of rows) {
      const member = names.get(r[0] as number);
      const b = book ? books!.get(r[1] as number) : undefined;
      // (As the joins would: a row whose member or book is not there is not listed.)
      if (member === undefined || (book && !b)) continue;
      const values: ItemValues = {};
      let k = 2;
      kind.fields.forEach((x, i) => { values[x.key] = fromSql(x, fromBook[i] ? b![fromBook[i]!] : r[k++]); });
      out.push({ kind: kind.id, memberId: r[0] as number, member, date: (values[kind.dateKey] as string | null) ?? null, values });
    }
  }
  return out;
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

/** The Evidence bundle the rule engine judges (lean loading for an organ's year lives in evidenceLoad.ts). */
export { loadEvidence, type ParallelLoad } from './evidenceLoad.js';
export { startParallelColumns } from './evidenceParallel.js';
