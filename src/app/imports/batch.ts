// What every import shares after reading: refuse on problems (unless --skip-invalid), and run the write
// in one batch — rolled back after counting under --dry-run. (The rejects workbooks are written by the
// CLI, src/cli/importing/preview.ts: they are rendered with exceljs.)
import { UserError } from '../../shared/errors.js';
import type { OnProgress } from '../../shared/progress.js';
import { inBatch, type BatchCounts } from '../../store/batches.js';
import type { Db } from '../../store/db.js';

/** Thrown inside the transaction to roll a --dry-run back after counting what it would do. */
class DryRun extends Error {}

/** Lists every problem (at most 40) and refuses, unless `skipInvalid`. */
export function refuseProblems(problems: string[], skipInvalid: boolean | undefined, what: string): void {
  if (problems.length === 0 || skipInvalid) return;
  const shown = problems.slice(0, 40);
  if (problems.length > 40) shown.push(`……另有 ${problems.length - 40} 处问题未列出。`);
  throw new UserError(`${what}中有 ${problems.length} 处问题，未导入任何数据：`, [
    ...shown,
    '请按提示改正后重新导入；或加 --skip-invalid 先导入没有问题的行（问题行另存为“原文件名.rejects.xlsx”）。',
  ]);
}

/** Runs `work` in one batch stamped `now`; with `dryRun` the transaction is rolled back after counting. */
export function writeOrPreview<T>(db: Db, dryRun: boolean | undefined, meta: { command: string; args: string }, now: string, work: (batchId: number, counts: BatchCounts) => T): T {
  let result: T | undefined;
  try {
    inBatch(db, { ...meta, at: now }, (batchId, counts) => {
      result = work(batchId, counts);
      if (dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return result!;
}

/** What an import reports while it works: progress, warnings (in order, before any refusal), rows written. */
export interface ImportHooks {
  progress?: OnProgress;
  warn?: (text: string) => void;
  /** Called after each row written (the crash tests' fault point, and the progress line). */
  onRow?: (n: number) => void;
}
