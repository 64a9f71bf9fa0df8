// What every import does around its own work: an automatic backup taken just before it (unless
// --no-backup or --dry-run), dropped again if the import fails or changes nothing, the newest 10 kept —
// so a wrong file imported by mistake can be taken back with `restore` as well as `undo`; and the
// `*.rejects.xlsx` files it leaves (rows copied from the input, ID numbers included) made private (0600);
// and personal numbers quoted in its error messages masked.
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { maskPersonalData } from '../../../domain/pii.js';
import { ShuxiangError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';

type ImportBody = (ctx: AppContext, files: string[], opts: ImportOptions) => Promise<void>;

/** Wraps the import action with the automatic backup and private rejects files. */
export function withAutoBackup(body: ImportBody): ImportBody {
  return async (ctx, files, opts) => {
    try {
      if (opts.dryRun || opts.backup === false || !existsSync(ctx.dbPath())) return await body(ctx, files, opts);
      await backedUp(ctx, () => body(ctx, files, opts));
    } catch (e) {
      // A problem list quotes cell values; an ID or phone number in the wrong column is shown masked too.
      if (e instanceof ShuxiangError) {
        e.message = maskPersonalData(e.message);
        (e.details as string[]).forEach((d, i, all) => (all[i] = maskPersonalData(d)));
      }
      throw e;
    } finally {
      privateRejects(files.map((f) => ctx.path(f)));
    }
  };
}

async function backedUp(ctx: AppContext, work: () => Promise<void>): Promise<void> {
  const { autoBackup, pruneAutoBackups } = await import('../../../store/backup.js');
  const db = await ctx.openDb();
  const { lastBatchId } = await import('../../../store/batches.js');
  const before = lastBatchId(db);
  const file = await autoBackup(db, ctx.dbPath(), ctx.nowStamp());
  let kept = false;
  try {
    await work();
    kept = lastBatchId(db) !== before;
  } finally {
    if (kept) {
      pruneAutoBackups(ctx.dbPath());
      if (ctx.verbose) ctx.info(`导入前的数据库已自动备份到 ${file}`);
    } else {
      rmSync(file, { force: true });
    }
    db.close();
  }
}

/** chmod 0600 the rejects workbooks beside the inputs (and inside input folders). */
function privateRejects(inputs: string[]): void {
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
