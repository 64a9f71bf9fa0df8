// `shuxiang import --kind ledger FILE|FOLDER...`: members' personal study ledgers, many at once. All files
// are checked first; any problem and nothing is written (unless --skip-invalid, which writes a
// `*.rejects.xlsx` beside each file with problems); then every file goes in as one transaction. The same
// ledger imported twice adds nothing. The importer is src/app/imports/ledger.ts.
import { readLedgers, writeLedgers, type LedgerResult } from '../../../app/imports/ledger.js';
import { expandInputs } from '../../../app/imports/readSheets.js';
import { kindSpec, type EvidenceKindId } from '../../../domain/evidenceKinds.js';
import type { WriteOutcome } from '../../../store/evidenceWrite.js';
import { requireBranch } from '../../args/branch.js';
import type { AppContext } from '../../context.js';
import { importHooks, type ImportOptions } from '../../importing/options.js';
import { writeAllRejects } from '../../importing/preview.js';

/** Reads, checks and (unless --dry-run) records the ledgers; called by `import --kind ledger`. */
export async function importLedger(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const paths = expandInputs(files);
  const db = await ctx.openDb();
  if (opts.branch) requireBranch(db, opts.branch);
  const hooks = importHooks(ctx);
  const read = await readLedgers(db, { paths, branch: opts.branch, skipInvalid: opts.skipInvalid, sheet: opts.sheet }, ctx.today(), hooks);
  const rejectsFiles = opts.skipInvalid && !opts.dryRun ? await writeAllRejects(read) : [];
  printLedgerSummary(ctx, writeLedgers(db, read, { paths, dryRun: opts.dryRun }, ctx.nowStamp(), hooks), rejectsFiles);
}

function printLedgerSummary(ctx: AppContext, { read, outcome: o, rejected, dryRun }: LedgerResult, rejectsFiles: string[]): void {
  if (ctx.json) {
    ctx.outJson({
      dryRun, rows: read.items.length, rejected, kinds: o.kinds, books: o.books, rejectsFiles,
      files: read.files.map((f) => ({ file: f.path, sheets: f.sheets })), problems: read.problems, warnings: read.warnings,
    });
    return;
  }
  const verb = dryRun ? '将' : '已';
  const lines = [`${dryRun ? '试运行（--dry-run），未写入任何数据' : '导入完成'}：${read.files.length} 个文件，${read.items.length} 条记录${rejected ? `，拒绝 ${rejected} 行` : ''}`];
  for (const [id, k] of Object.entries(o.kinds) as [EvidenceKindId, NonNullable<WriteOutcome['kinds'][EvidenceKindId]>][]) {
    lines.push(`  ${kindSpec(id).name}：${verb}新增 ${k.added} 条，${verb}更新 ${k.updated} 条，未变 ${k.unchanged} 条`);
  }
  if (o.books.added + o.books.updated) lines.push(`  书目库：${verb}新增 ${o.books.added} 本，${verb}补充 ${o.books.updated} 本的信息`);
  if (read.items.length === 0) lines.push('  （没有可导入的记录：各表除示例行外都是空的）');
  ctx.out(lines.join('\n'));
  if (read.problems.length) ctx.warn(`跳过了 ${read.problems.length} 处有问题的行：\n  ${read.problems.slice(0, 20).join('\n  ')}`);
  for (const f of rejectsFiles) ctx.info(`有问题的行已写入 ${f}，改正后可再导入该文件。`);
}
