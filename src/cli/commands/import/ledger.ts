// `shuxiang import --kind ledger FILE|FOLDER...`: members' personal study ledgers, many at once. All files
// are checked first; any problem and nothing is written (unless --skip-invalid, which writes a
// `*.rejects.xlsx` beside each file with problems); then every file goes in as one transaction. The same
// ledger imported twice adds nothing. `--kind books` is in booksImport.ts.
import { basename } from 'node:path';
import { EVIDENCE_KINDS, kindSpec, type EvidenceKindId } from '../../../domain/evidenceKinds.js';
import type { WriteOutcome } from '../../../store/evidenceWrite.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';
import { expandInputs, readSheets, type SheetsRead } from '../../importing/ledgerRead.js';

import { refuseProblems, writeAllRejects, writeOrPreview } from '../../importing/preview.js';

/** Reads, checks and (unless --dry-run) records the ledgers; called by `import --kind ledger`. */
export async function importLedger(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  const paths = expandInputs(files);
  const db = await ctx.openDb();
  const { listMembers } = await import('../../../store/members.js');
  if (opts.branch) (await import('../../args/branch.js')).requireBranch(db, opts.branch);
  const read = await readSheets(ctx, paths, EVIDENCE_KINDS, listMembers(db, { branch: opts.branch?.trim() }));
  for (const w of read.warnings) ctx.warn(w);
  refuseProblems(read, opts, paths.length > 1 ? `${paths.length} 个台账文件` : `${basename(paths[0]!)} `);
  const rejectsFiles = opts.skipInvalid && !opts.dryRun ? await writeAllRejects(read) : [];
  const { writeEvidence } = await import('../../../store/evidenceWrite.js');
  const { faultHook } = await import('../../../shared/faults.js');
  const fault = faultHook(ctx.env, ctx.io.stderr);
  const total = read.items.length;
  const onRow = (n: number) => {
    fault?.(n);
    ctx.progress({ stage: '写入', done: n, total, unit: '条' });
  };
  const items = read.items.map((i) => ({ kind: i.spec.id as EvidenceKindId, memberId: i.memberId, values: i.values }));
  const outcome = await writeOrPreview(ctx, db, opts, { command: 'import ledger', args: paths.map((p) => basename(p)).join(' ') }, (batchId, counts) =>
    writeEvidence(db, items, batchId, counts, { onRow }));
  printLedgerSummary(ctx, read, outcome, opts, rejectsFiles);
}

function printLedgerSummary(ctx: AppContext, read: SheetsRead, o: WriteOutcome, opts: ImportOptions, rejectsFiles: string[]): void {
  const rejected = read.files.reduce((n, f) => n + f.rejects.reduce((m, r) => m + r.rejects.length, 0), 0);
  if (ctx.json) {
    ctx.outJson({
      dryRun: !!opts.dryRun, rows: read.items.length, rejected, kinds: o.kinds, books: o.books, rejectsFiles,
      files: read.files.map((f) => ({ file: f.path, sheets: f.sheets })), problems: read.problems, warnings: read.warnings,
    });
    return;
  }
  const verb = opts.dryRun ? '将' : '已';
  const lines = [`${opts.dryRun ? '试运行（--dry-run），未写入任何数据' : '导入完成'}：${read.files.length} 个文件，${read.items.length} 条记录${rejected ? `，拒绝 ${rejected} 行` : ''}`];
  for (const [id, k] of Object.entries(o.kinds) as [EvidenceKindId, NonNullable<WriteOutcome['kinds'][EvidenceKindId]>][]) {
    lines.push(`  ${kindSpec(id).name}：${verb}新增 ${k.added} 条，${verb}更新 ${k.updated} 条，未变 ${k.unchanged} 条`);
  }
  if (o.books.added + o.books.updated) lines.push(`  书目库：${verb}新增 ${o.books.added} 本，${verb}补充 ${o.books.updated} 本的信息`);
  if (read.items.length === 0) lines.push('  （没有可导入的记录：各表除示例行外都是空的）');
  ctx.out(lines.join('\n'));
  if (read.problems.length) ctx.warn(`跳过了 ${read.problems.length} 处有问题的行：\n  ${read.problems.slice(0, 20).join('\n  ')}`);
  for (const f of rejectsFiles) ctx.info(`有问题的行已写入 ${f}，改正后可再导入该文件。`);
}
