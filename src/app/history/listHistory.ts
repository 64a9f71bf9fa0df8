// The `history` use case: the write batches, newest first, with personal numbers masked in what each recorded.
import { maskPersonalData } from '../../domain/pii.js';
import { countBatches, listBatches, type BatchInfo } from '../../store/batches.js';
import type { Db } from '../../store/db.js';

export interface HistoryResult {
  total: number;
  batches: BatchInfo[];
}

/** The latest `limit` batches (all for -1) and how many there are in all. */
export function listHistory(db: Db, limit: number): HistoryResult {
  const batches = listBatches(db, limit).map((b) => ({ ...b, args: maskPersonalData(b.args) }));
  return { total: countBatches(db), batches };
}
