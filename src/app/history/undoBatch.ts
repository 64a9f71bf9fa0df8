// The `undo` use case, in two steps because a terminal is asked to confirm in between: findUndo picks the
// batch (the last one by default) and checks nothing later depends on it; undo backs the database up
// (an undo cannot itself be undone) and takes the batch back.
import { UserError } from '../../shared/errors.js';
import { pruneAutoBackups, takeAutoBackup } from '../../store/backup.js';
import { getBatch, lastBatchId, type BatchInfo } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { assertUndoable, undoBatch, type UndoResult } from '../../store/undo.js';

/** The batch to take back, checked undoable (the latest when `id` is undefined). */
export function findUndo(db: Db, id: number | undefined): BatchInfo {
  const last = lastBatchId(db);
  if (last === undefined) throw new UserError('没有可以撤销的写入记录。', ['shuxiang history 可查看写入记录。']);
  const b = getBatch(db, id ?? last);
  if (!b) throw new UserError(`没有编号为 ${id ?? last} 的写入记录（可能已被撤销）。`, ['请用 shuxiang history 查看可以撤销的记录及其编号。']);
  assertUndoable(db, b.id);
  return b;
}

export interface UndoOutcome extends UndoResult {
  /** The automatic backup taken first, unless asked not to. */
  backupFile?: string;
}

/** Backs up the database at `backupOf` (when given) and undoes the batch; the newest automatic backups are
 * kept once the undo is done, and the backup is taken back when it fails (a failed undo writes nothing). */
export async function undo(db: Db, input: { batch: BatchInfo; backupOf?: string }, now: string): Promise<UndoOutcome> {
  if (input.backupOf === undefined) return undoBatch(db, input.batch.id, now);
  // takeAutoBackup refuses a read-only or damaged database before it copies anything.
  const backup = await takeAutoBackup(db, input.backupOf, now);
  let result: UndoResult;
  try {
    result = undoBatch(db, input.batch.id, now);
  } catch (e) {
    backup.discard();
    throw e;
  }
  pruneAutoBackups(input.backupOf);
  return { ...result, backupFile: backup.file };
}
