// The undo journal is kept for a bounded history only: it holds the before-image of every changed or
// removed row (old phone numbers after `member edit --phone` included), so keeping it forever keeps
// what the user replaced. By default the journal of the newest 50 batches no older than 90 days is kept
// (settings undoKeepBatches / undoKeepDays); older batches stay listed in `history` but cannot be undone.
import type { Db } from './db.js';
import { inWrite } from './planLock.js';

/** How much of the journal is kept. */
export interface JournalPolicy {
  batches: number;
  days: number;
}

export const DEFAULT_JOURNAL_POLICY: JournalPolicy = { batches: 50, days: 90 };

const hasHorizon = (db: Db) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_horizon'").get();

/** The policy in force (the settings, or the defaults). */
export function journalPolicy(db: Db): JournalPolicy {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key IN ('undoKeepBatches', 'undoKeepDays')").all() as { key: string; value: string }[];
  const get = (k: string, d: number) => {
    const v = Number(rows.find((r) => r.key === k)?.value);
    return Number.isInteger(v) && v >= 0 ? v : d;
  };
  return { batches: get('undoKeepBatches', DEFAULT_JOURNAL_POLICY.batches), days: get('undoKeepDays', DEFAULT_JOURNAL_POLICY.days) };
}

/** Batches up to this number have had their journal dropped (0: none). */
export function prunedThrough(db: Db): number {
  if (!hasHorizon(db)) return 0;
  return (db.prepare('SELECT coalesce(max(pruned_through), 0) AS n FROM undo_horizon').get() as { n: number }).n;
}

/** Drops the journal of batches up to `through` (inside the caller's transaction). */
function dropThrough(db: Db, through: number): number {
  if (through <= prunedThrough(db)) return 0;
  const n = db.prepare('DELETE FROM undo_log WHERE batch_id <= ?').run(through).changes;
  db.prepare('UPDATE undo_horizon SET pruned_through = ?').run(through);
  return n;
}

/** Applies the policy as batch `current` starts at `at` (called by inBatch): older journal entries go. */
export function pruneJournal(db: Db, current: number, at: string): void {
  if (!hasHorizon(db)) return;
  const p = journalPolicy(db);
  const byCount = db.prepare('SELECT id FROM batches WHERE id < ? ORDER BY id DESC LIMIT 1 OFFSET ?').get(current, Math.max(0, p.batches - 1)) as { id: number } | undefined;
  const byAge = db.prepare("SELECT max(id) AS id FROM batches WHERE id < ? AND started_at < strftime('%Y-%m-%dT%H:%M:%S', ?, ?)").get(current, at, `-${p.days} days`) as { id: number | null };
  const through = Math.max(byCount?.id ?? 0, byAge.id ?? 0);
  if (through > 0) dropThrough(db, through);
}

/** `history --prune`: drops the whole journal now (every batch so far can then no longer be undone). */
export function dropJournal(db: Db): { entries: number; through: number } {
  return inWrite(db, () => {
    const through = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM batches').get() as { id: number }).id;
    return { entries: dropThrough(db, through), through };
  });
}
