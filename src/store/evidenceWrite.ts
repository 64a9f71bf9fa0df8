// Writing evidence items (自学, 读书, …) in bulk: `log`, the ledger import and the demo all come here.
// Each item is inserted, or — when its natural key is already stored — updated if a value differs, so
// the same ledger imported twice adds nothing. Cached statements, no per-row SELECT: a fresh row costs
// one INSERT, a known one an INSERT that does nothing plus one UPDATE.
import { kindSpec, type EvidenceKindId, type EvidenceKindSpec } from '../domain/evidenceKinds.js';
import type { ItemValues } from '../domain/evidenceValues.js';
import type { BookCategory } from '../domain/evidence.js';
import { inBatch, type BatchCounts } from './batches.js';
import { BookCatalogue } from './books.js';
import type { Db } from './db.js';
import { column, keyColumns, rowFields, TABLE, toSql } from './evidenceTables.js';
import { CHUNK, ChunkWriter } from './evidenceBulk.js';
import { stmt } from './statements.js';

/** One item to write: whose, which kind, its field values (validated, by field key). */
export interface EvidenceInput {
  kind: EvidenceKindId;
  memberId: number;
  values: ItemValues;
}

/** What happened to the items of one kind. */
export interface KindOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

/** Outcomes by kind (only kinds that had items), plus what happened to the book catalogue. */
export interface WriteOutcome {
  kinds: Partial<Record<EvidenceKindId, KindOutcome>>;
  books: { added: number; updated: number };
  /** Table id of each input, in input order (items already stored only with `ids: true`). */
  ids: number[];
}

interface KindSql {
  insert: string;
  update: string;
  find: string;
  /** Row field columns in statement order. */
  fields: ReturnType<typeof rowFields>;
  keys: string[];
  rest: ReturnType<typeof rowFields>;
}

const sqlCache = new Map<EvidenceKindId, KindSql>();

function kindSql(kind: EvidenceKindSpec): KindSql {
  let s = sqlCache.get(kind.id);
  if (s) return s;
  const t = TABLE[kind.id];
  const keys = keyColumns(kind);
  const fields = rowFields(kind);
  const rest = fields.filter((f) => !keys.includes(column(f.key)));
  const cols = ['member_id', ...(kind.id === 'book' ? ['book_id'] : []), ...fields.map((f) => column(f.key)), 'batch_id'];
  const keyWhere = ['member_id', ...keys].map((c) => `${c} = ?`).join(' AND ');
  s = {
    insert: `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT (member_id, ${keys.join(', ')}) DO NOTHING`,
    update: `UPDATE ${t} SET ${rest.map((f) => `${column(f.key)} = ?`).join(', ')} WHERE ${keyWhere} AND (${rest.map((f) => `${column(f.key)} IS NOT ?`).join(' OR ')})`,
    find: `SELECT id FROM ${t} WHERE ${keyWhere}`,
    fields, keys, rest,
  };
  sqlCache.set(kind.id, s);
  return s;
}

/** Options of a write: a per-item hook (progress, fault injection) and whether to report every id. */
export interface WriteOptions {
  onRow?: (n: number) => void;
  /** Look up the id of items that were already stored (costs a SELECT each; `log` wants it, imports not). */
  ids?: boolean;
}

/** Writes the items (caller holds the batch transaction); counts go into the batch counts too. */
export function writeEvidence(db: Db, items: Iterable<EvidenceInput>, batchId: number, counts: BatchCounts, opts: WriteOptions = {}): WriteOutcome {
  const out: WriteOutcome = { kinds: {}, books: { added: 0, updated: 0 }, ids: [] };
  let catalogue: BookCatalogue | undefined;
  let n = 0;
  // Runs of same-kind items go in CHUNK rows per statement; after a chunk meets stored items, the next
  // few chunks go row by row (a re-import is mostly known rows, a fresh one mostly new).
  let pending: EvidenceInput[] = [];
  let params: unknown[] = [];
  let pendingKind: EvidenceKindSpec | undefined;
  let slow = 0;
  let chunks: ChunkWriter | undefined;
  const one = (item: EvidenceInput, kind: EvidenceKindSpec) => {
    if (kind.id === 'book') catalogue ??= new BookCatalogue(db);
    writeOne(db, item, kind, batchId, counts, out, catalogue, opts.ids);
    opts.onRow?.(++n);
  };
  const flush = () => {
    if (!pendingKind || pending.length === 0) return;
    const kind = pendingKind;
    const rows = pending.length;
    const first = rows > 1 && slow === 0 ? (chunks ??= new ChunkWriter(db)).insert(kindSql(kind).insert, rows, params) : undefined;
    if (first !== undefined) {
      const o = (out.kinds[kind.id] ??= { added: 0, updated: 0, unchanged: 0 });
      o.added += rows;
      counts.added += rows;
      for (let i = 0; i < rows; i++) { out.ids.push(first + i); opts.onRow?.(++n); }
    } else {
      if (slow > 0) slow--; else if (rows > 1) slow = 8;
      for (const p of pending) one(p, kind);
    }
    pending = [];
    params = [];
  };
  for (const item of items) {
    const kind = kindSpec(item.kind);
    if (kind !== pendingKind || pending.length >= CHUNK) { flush(); pendingKind = kind; }
    if (kind.id === 'book') { one(item, kind); continue; }
    const fields = kindSql(kind).fields;
    params.push(item.memberId);
    for (const f of fields) params.push(toSql(kind, f, item.values[f.key]));
    params.push(batchId);
    pending.push(item);
  }
  flush();
  return out;
}

/** One item the row-by-row way: INSERT, or UPDATE when its key is already stored. */
function writeOne(
  db: Db, item: EvidenceInput, kind: EvidenceKindSpec, batchId: number, counts: BatchCounts, out: WriteOutcome,
  catalogue: BookCatalogue | undefined, wantIds: boolean | undefined,
): void {
  const sql = kindSql(kind);
  const o = (out.kinds[kind.id] ??= { added: 0, updated: 0, unchanged: 0 });
  const v = item.values;
  const keyVals: unknown[] = [];
  const lead: unknown[] = [item.memberId];
  if (kind.id === 'book') {
    const r = catalogue!.upsert({
      title: v.title as string, author: (v.author as string) || undefined, isbn: (v.isbn as string) || undefined,
      category: (v.category as BookCategory) || undefined,
    }, batchId, 'fill');
    if (r.outcome === 'added') { out.books.added++; counts.added++; }
    if (r.outcome === 'updated') { out.books.updated++; counts.changed++; }
    lead.push(r.book.id);
    keyVals.push(r.book.id);
  } else {
    for (const k of kind.key) keyVals.push(toSql(kind, kind.fields.find((f) => f.key === k)!, v[k]));
  }
  const fieldVals = sql.fields.map((f) => toSql(kind, f, v[f.key]));
  const ins = stmt(db, sql.insert).run(...lead, ...fieldVals, batchId);
  if (ins.changes > 0) {
    o.added++;
    counts.added++;
    out.ids.push(Number(ins.lastInsertRowid));
  } else {
    const restVals = sql.rest.map((f) => toSql(kind, f, v[f.key]));
    const upd = stmt(db, sql.update).run(...restVals, item.memberId, ...keyVals, ...restVals);
    if (upd.changes > 0) { o.updated++; counts.changed++; } else o.unchanged++;
    if (wantIds) out.ids.push((stmt(db, sql.find).get(item.memberId, ...keyVals) as { id: number }).id);
  }
}

/** For the demo and other bulk callers: writes the items as one batch of its own. */
export function writeEvidenceBatch(db: Db, items: Iterable<EvidenceInput>, meta: { command: string; args?: string; at: string }): WriteOutcome {
  return inBatch(db, meta, (batchId, counts) => writeEvidence(db, items, batchId, counts));
}
