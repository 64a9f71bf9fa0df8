// Every write of a command runs in one transaction and is recorded as a batch (what, when, how many).
import type { Db } from './db.js';

export interface BatchCounts {
  added: number;
  changed: number;
  removed: number;
}

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
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO batches (command, args, started_at) VALUES (?, ?, ?)')
        .run(meta.command, meta.args ?? '', meta.at).lastInsertRowid,
    );
    const counts: BatchCounts = { added: 0, changed: 0, removed: 0 };
    const result = work(id, counts);
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
  }).immediate();
}

/** The most recent batches, newest first. */
export function listBatches(db: Db, limit = 20): BatchInfo[] {
  const rows = db
    .prepare('SELECT id, command, args, started_at, added, changed, removed FROM batches ORDER BY id DESC LIMIT ?')
    .all(limit) as { id: number; command: string; args: string; started_at: string; added: number; changed: number; removed: number }[];
  return rows.map((r) => ({
    id: r.id,
    command: r.command,
    args: r.args,
    startedAt: r.started_at,
    counts: { added: r.added, changed: r.changed, removed: r.removed },
  }));
}
