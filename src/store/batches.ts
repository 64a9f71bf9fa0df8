// Every write of a command runs in one transaction and is recorded as a batch (what, when, how many).
// The counts of changed and removed rows come from the undo journal, so they are exact whatever the
// command counted; added rows are counted by the command (plus journalled inserts, e.g. settings).
import { maskPersonalData } from '../domain/pii.js';
import type { Db } from './db.js';
import { assertIntact } from './integrity.js';
import { pruneJournal } from './journalBound.js';
import { inWrite } from './planLock.js';

/** Rows a batch added, changed and removed (shown by `history`). */
export interface BatchCounts {
  added: number;
  changed: number;
  removed: number;
}

/** One batch as `history` lists it. */
export interface BatchInfo {
  id: number;
  command: string;
  args: string;
  startedAt: string;
  counts: BatchCounts;
}

/** Runs `work` inside one transaction, recorded as a batch; the batch row gets the final counts. */
export function inBatch<T>(
  db: Db,
  meta: { command: string; args?: string; at: string },
  work: (batchId: number, counts: BatchCounts) => T,
): T {
  assertIntact(db);
  return inWrite(db, () => {
    const id = Number(
      db
        .prepare('INSERT INTO batches (command, args, started_at) VALUES (?, ?, ?)')
        .run(meta.command, maskPersonalData(meta.args ?? ''), meta.at).lastInsertRowid,
    );
    pruneJournal(db, id, meta.at);
    const counts: BatchCounts = { added: 0, changed: 0, removed: 0 };
    const result = work(id, counts);
    Object.assign(counts, journalCounts(db, id, counts.added));
    if (counts.added + counts.changed + counts.removed === 0) {
      db.prepare('DELETE FROM batches WHERE id = ?').run(id);
    } else {
      db.prepare('UPDATE batches SET added = ?, changed = ?, removed = ? WHERE id = ?').run(
        counts.added,
        counts.changed,
        counts.removed,
        id,
      );
    }
    return result;
  });
}

/** Changed and removed rows of batch `id`, from the journal (rows it inserted itself do not count). */
function journalCounts(db: Db, id: number, added: number): BatchCounts {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_log'").get()) return { added, changed: 0, removed: 0 };
  // One pass over the batch's entries, grouped per row (no correlated subqueries: a batch may hold millions).
  const r = db.prepare(`
    SELECT coalesce(sum(upd AND NOT other), 0) AS changed, coalesce(sum(del), 0) AS removed, coalesce(sum(ins), 0) AS inserted FROM (
      SELECT max(op = 'update' AND json_extract(old, '$.batch_id') IS NOT :id) AS upd,
             max(op <> 'update') AS other,
             max(op = 'delete' AND json_extract(old, '$.batch_id') IS NOT :id) AS del,
             sum(op = 'insert') AS ins
      FROM undo_log WHERE batch_id = :id GROUP BY tbl, key)`).get({ id }) as { changed: number; removed: number; inserted: number };
  return { added: added + r.inserted, changed: r.changed, removed: r.removed };
}

type BatchRow = { id: number; command: string; args: string; started_at: string; added: number; changed: number; removed: number };
const BATCH_COLUMNS = 'SELECT id, command, args, started_at, added, changed, removed FROM batches';

function batchInfo(r: BatchRow): BatchInfo {
  return { id: r.id, command: r.command, args: r.args, startedAt: r.started_at, counts: { added: r.added, changed: r.changed, removed: r.removed } };
}

/** The most recent batches, newest first. */
export function listBatches(db: Db, limit = 20): BatchInfo[] {
  return (db.prepare(`${BATCH_COLUMNS} ORDER BY id DESC LIMIT ?`).all(limit) as BatchRow[]).map(batchInfo);
}

/** One batch by its number (undefined when there is none, e.g. already undone). */
export function getBatch(db: Db, id: number): BatchInfo | undefined {
  const r = db.prepare(`${BATCH_COLUMNS} WHERE id = ?`).get(id) as BatchRow | undefined;
  return r && batchInfo(r);
}

/** How many batches the database records. */
export function countBatches(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;
}

/** The newest batch's number (undefined for a database with no writes yet). */
export function lastBatchId(db: Db): number | undefined {
  const r = db.prepare('SELECT max(id) AS id FROM batches').get() as { id: number | null };
  return r.id ?? undefined;
}
