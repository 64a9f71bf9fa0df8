// `books import FILE` and `import --kind books FILE` (two commands, one importer: src/app/imports/books.ts).
import { readBookLists, writeBookLists } from '../../app/imports/books.js';
import { expandInputs } from '../../app/imports/readSheets.js';
import type { AppContext } from '../context.js';
import { importHooks, type ImportOptions } from './options.js';
import { writeAllRejects } from './preview.js';

export { bookInput } from '../../app/imports/books.js';

/** Reads, checks and (unless --dry-run) writes the book lists, then prints what changed. */
export async function importBooks(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const paths = expandInputs(files);
  const read = await readBookLists({ paths, skipInvalid: opts.skipInvalid, sheet: opts.sheet }, ctx.today(), importHooks(ctx));
  const rejectsFiles = opts.skipInvalid && !opts.dryRun ? await writeAllRejects(read) : [];
  const db = await ctx.openDb();
  const o = writeBookLists(db, read, { paths, dryRun: opts.dryRun }, ctx.nowStamp());
  if (ctx.json) {
    ctx.outJson({ dryRun: o.dryRun, added: o.added, updated: o.updated, unchanged: o.unchanged, rejected: o.problems.length, rejectsFiles, problems: o.problems });
    return;
  }
  const verb = o.dryRun ? '将' : '已';
  ctx.out(`${o.dryRun ? '试运行（--dry-run），未写入任何数据' : '书目导入完成'}：${verb}新增 ${o.added} 本，${verb}更新 ${o.updated} 本，未变 ${o.unchanged} 本`);
  if (o.problems.length) ctx.warn(`跳过了 ${o.problems.length} 处有问题的行：\n  ${o.problems.slice(0, 20).join('\n  ')}`);
  for (const f of rejectsFiles) ctx.info(`有问题的行已写入 ${f}，改正后可再导入该文件。`);
}
