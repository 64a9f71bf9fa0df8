// What every import shares after reading: refuse on problems (unless --skip-invalid), write the rejects
// workbooks, and run the write in one batch — rolled back after counting under --dry-run.
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { BatchCounts } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import type { AppContext } from '../context.js';
import type { SheetsRead } from './ledgerRead.js';
import type { ImportOptions } from './options.js';

/** Thrown inside the transaction to roll a --dry-run back after counting what it would do. */
class DryRun extends Error {}

/** Lists every problem (at most 40) and refuses, unless --skip-invalid. */
export function refuseProblems(read: SheetsRead, opts: ImportOptions, what: string): void {
  if (read.problems.length === 0 || opts.skipInvalid) return;
  const shown = read.problems.slice(0, 40);
  if (read.problems.length > 40) shown.push(`……另有 ${read.problems.length - 40} 处问题未列出。`);
  throw new UserError(`${what}中有 ${read.problems.length} 处问题，未导入任何数据：`, [
    ...shown,
    '请按提示改正后重新导入；或加 --skip-invalid 先导入没有问题的行（问题行另存为“原文件名.rejects.xlsx”）。',
  ]);
}

/** With --skip-invalid: one rejects workbook beside each input that had problems; returns their paths. */
export async function writeAllRejects(read: SheetsRead): Promise<string[]> {
  const { writeRejectsSheets } = await import('../../render/excel/writeRejects.js');
  const written: string[] = [];
  for (const f of read.files) {
    if (f.rejects.length === 0) continue;
    const out = join(dirname(f.path), `${basename(f.path, extname(f.path))}.rejects.xlsx`);
    await (await import('../../io/atomicWrite.js')).writeAtomically(out, (tmp) => writeRejectsSheets(tmp, f.rejects));
    written.push(out);
  }
  return written;
}

/** Runs `work` in one batch; with --dry-run the transaction is rolled back after counting. */
export async function writeOrPreview<T>(ctx: AppContext, db: Db, opts: ImportOptions, meta: { command: string; args: string }, work: (batchId: number, counts: BatchCounts) => T): Promise<T> {
  const { inBatch } = await import('../../store/batches.js');
  let result: T | undefined;
  try {
    inBatch(db, { ...meta, at: ctx.nowStamp() }, (batchId, counts) => {
      result = work(batchId, counts);
      if (opts.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return result!;
}
