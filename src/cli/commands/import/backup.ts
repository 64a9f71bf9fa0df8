// What every import does around its own work (src/app/imports/safeguards.ts): the automatic backup
// (unless --no-backup or --dry-run), the private rejects files, and personal numbers quoted in its error
// messages masked.
import { existsSync } from 'node:fs';
import { privateRejects, withImportBackup } from '../../../app/imports/safeguards.js';
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
      const db = await ctx.openDb();
      try {
        const file = await withImportBackup(db, ctx.dbPath(), ctx.nowStamp(), () => body(ctx, files, opts));
        if (file && ctx.verbose) ctx.info(`导入前的数据库已自动备份到 ${file}`);
      } finally {
        db.close();
      }
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
