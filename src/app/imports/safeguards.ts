// What every import does around its own work: an automatic backup taken just before it, dropped again if
// the import fails or changes nothing, the newest 10 kept — so a wrong file imported by mistake can be
// taken back with `restore` as well as `undo`; and the `*.rejects.xlsx` files it leaves (rows copied from
// the input, ID numbers included) made private (0600).
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { autoBackup, pruneAutoBackups } from '../../store/backup.js';
import { lastBatchId } from '../../store/batches.js';
import type { Db } from '../../store/db.js';

/** Backs the database at `dbPath` up (stamped `now`), runs `work`, and keeps the backup only when `work`
 * wrote a batch; returns the backup kept, if any. */
export async function withImportBackup(db: Db, dbPath: string, now: string, work: () => Promise<void>): Promise<string | undefined> {
  const before = lastBatchId(db);
  const file = await autoBackup(db, dbPath, now);
  let kept = false;
  try {
    await work();
    kept = lastBatchId(db) !== before;
  } finally {
    if (kept) pruneAutoBackups(dbPath);
    else rmSync(file, { force: true });
  }
  return kept ? file : undefined;
}

/** chmod 0600 the rejects workbooks beside the inputs (and inside input folders). */
export function privateRejects(inputs: string[]): void {
  for (const p of inputs) {
    let candidates: string[] = [];
    try {
      candidates = statSync(p).isDirectory()
        ? readdirSync(p).filter((f) => f.endsWith('.rejects.xlsx')).map((f) => join(p, f))
        : [join(dirname(p), `${basename(p, extname(p))}.rejects.xlsx`)];
    } catch {
      continue;
    }
    for (const f of candidates) if (existsSync(f)) chmodSync(f, 0o600);
  }
}
