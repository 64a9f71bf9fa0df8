// `shuxiang books import FILE` = `shuxiang import --kind books FILE`: a book list (书单) into the catalogue.
// Same rules as every import: all checked first, every problem by file › sheet › cell, one transaction,
// --dry-run, --skip-invalid; importing it again changes nothing.
import { basename } from 'node:path';
import { LIBRARY_CATALOGUE } from '../../domain/libraryCatalogue.js';
import type { BookInput } from '../../store/books.js';
import type { AppContext } from '../context.js';
import type { ImportOptions } from './options.js';
import { refuseProblems, writeAllRejects, writeOrPreview } from './preview.js';
import { expandInputs, readSheets } from './ledgerRead.js';

/** A catalogue row's values as a book write (blank fields left alone). */
export function bookInput(values: Record<string, unknown>): BookInput {
  const b: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') b[k] = v;
  return b as BookInput;
}

/** Reads, checks and (unless --dry-run) writes the book lists. */
export async function importBooks(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const paths = expandInputs(files);
  const read = await readSheets(ctx, paths, [LIBRARY_CATALOGUE], null);
  // ISBNs are checked by their check digit as each row is read (evidenceValues.checkItem), named by cell.
  for (const w of read.warnings) ctx.warn(w);
  refuseProblems(read, opts, paths.length > 1 ? `${paths.length} 个书目文件` : `${basename(paths[0]!)} `);
  const rejectsFiles = opts.skipInvalid && !opts.dryRun ? await writeAllRejects(read) : [];
  const db = await ctx.openDb();
  const { BookCatalogue } = await import('../../store/books.js');
  const o = await writeOrPreview(ctx, db, opts, { command: 'import books', args: paths.map((p) => basename(p)).join(' ') }, (batchId, counts) => {
    const cat = new BookCatalogue(db);
    const n = { added: 0, updated: 0, unchanged: 0 };
    for (const item of read.items) {
      const r = cat.upsert(bookInput(item.values), batchId, 'set');
      n[r.outcome]++;
    }
    counts.added += n.added;
    counts.changed += n.updated;
    return n;
  });
  if (ctx.json) {
    ctx.outJson({ dryRun: !!opts.dryRun, ...o, rejected: read.problems.length, rejectsFiles, problems: read.problems });
    return;
  }
  const verb = opts.dryRun ? '将' : '已';
  ctx.out(`${opts.dryRun ? '试运行（--dry-run），未写入任何数据' : '书目导入完成'}：${verb}新增 ${o.added} 本，${verb}更新 ${o.updated} 本，未变 ${o.unchanged} 本`);
  if (read.problems.length) ctx.warn(`跳过了 ${read.problems.length} 处有问题的行：\n  ${read.problems.slice(0, 20).join('\n  ')}`);
  for (const f of rejectsFiles) ctx.info(`有问题的行已写入 ${f}，改正后可再导入该文件。`);
}
