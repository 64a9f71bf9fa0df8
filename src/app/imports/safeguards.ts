// What every import does around its own work: an automatic backup taken just before it, dropped again if
// the import fails or changes nothing, the newest 10 kept — so a wrong file imported by mistake can be
// taken back with `restore` as well as `undo`; and the `*.rejects.xlsx` files it leaves (rows copied from
// the input, ID numbers included) made private (0600).
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pruneAutoBackups, takeAutoBackup } from '../../store/backup.js';
import { lastBatchId } from '../../store/batches.js';
import type { Db } from '../../store/db.js';

/** Backs the database at `dbPath` up (stamped `now`), runs `work`, and keeps the backup only when `work`
 * wrote a batch; returns the backup kept, if any. A read-only or damaged database is refused before the
 * backup; a backup not kept goes with the folder it created, so a failed import leaves nothing behind. */
export async function withImportBackup(db: Db, dbPath: string, now: string, work: () => Promise<void>): Promise<string | undefined> {
  const before = lastBatchId(db);
  const backup = await takeAutoBackup(db, dbPath, now);
  let kept = false;
  try {
    await work();
  } finally {
    // Looked at after a failure too: a write committed before it (the output failing afterwards) keeps its backup.
    try {
      kept = lastBatchId(db) !== before;
    } catch {
      // the connection is gone with the failure: nothing of it was committed
    }
    if (kept) pruneAutoBackups(dbPath);
    else backup.discard();
  }
  return kept ? backup.file : undefined;
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
