// The `undo` use case, in two steps because a terminal is asked to confirm in between: findUndo picks the
// batch (the last one by default) and checks nothing later depends on it; undo backs the database up
// (an undo cannot itself be undone) and takes the batch back.
import { UserError } from '../../shared/errors.js';
import { autoBackup, pruneAutoBackups } from '../../store/backup.js';
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

/** Backs up the database at `backupOf` (when given, keeping the newest automatic backups) and undoes the batch. */
export async function undo(db: Db, input: { batch: BatchInfo; backupOf?: string }, now: string): Promise<UndoOutcome> {
  let backupFile: string | undefined;
  if (input.backupOf !== undefined) {
    backupFile = await autoBackup(db, input.backupOf, now);
    pruneAutoBackups(input.backupOf);
  }
  return { ...undoBatch(db, input.batch.id), backupFile };
}
