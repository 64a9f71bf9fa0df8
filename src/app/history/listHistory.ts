// The `history` use case: the write batches, newest first, with personal numbers masked in what each recorded,
// and the undo journal's bound (how much is kept, and through which batch it has been pruned).
import { maskPersonalData } from '../../domain/pii.js';
import { countBatches, listBatches, type BatchInfo } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { journalPolicy, prunedThrough, type JournalPolicy } from '../../store/journalBound.js';

export interface HistoryResult {
  total: number;
  batches: BatchInfo[];
  /** How many batches / days of undo journal are kept. */
  policy: JournalPolicy;
  /** Batches up to this number can no longer be undone (0: none pruned). */
  through: number;
}

/** The latest `limit` batches (all for -1) and how many there are in all. */
export function listHistory(db: Db, limit: number): HistoryResult {
  const batches = listBatches(db, limit).map((b) => ({ ...b, args: maskPersonalData(b.args) }));
  return { total: countBatches(db), batches, policy: journalPolicy(db), through: prunedThrough(db) };
}
