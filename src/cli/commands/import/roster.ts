// `shuxiang import FILE` (the default kind): one roster file (src/cli/importing/roster.ts, shared with `demo`).
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { importRosterFile } from '../../importing/roster.js';
import type { ImportOptions, ImportSummary } from '../../importing/options.js';

/** Imports the one roster file given and prints the summary. */
export async function importRoster(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  if (files.length !== 1) throw new UserError(`花名册一次只能导入一个文件，您给了 ${files.length} 个。请逐个导入。`);
  printSummary(ctx, await importRosterFile(ctx, files[0]!, opts));
}

/** The one-paragraph result every roster import ends with. */
export function printSummary(ctx: AppContext, s: ImportSummary): void {
  if (ctx.json) {
    ctx.outJson(s);
    return;
  }
  const verb = s.dryRun ? '将' : '已';
  ctx.out(
    `${s.dryRun ? '试运行' : '导入完成'}：${s.file}${s.sheet ? ` › ${s.sheet}` : ''}\n` +
      `  ${verb}新增 ${s.added} 人，${verb}更新 ${s.updated} 人，未变 ${s.unchanged} 人，拒绝 ${s.rejected} 行` +
      (s.left ? `，${verb}标记转出 ${s.left} 人` : '') +
      `\n  班子成员 ${s.leaders} 人；支部 ${s.branches.length} 个` +
      (s.branches.length ? `（${s.branches.slice(0, 5).join('、')}${s.branches.length > 5 ? ' 等' : ''}）` : '') +
      (s.newBranches.length ? `\n  ${verb}新建支部 ${s.newBranches.length} 个：${s.newBranches.join('、')}` : ''),
  );
  if (s.rejectsFile) ctx.info(`有问题的 ${s.rejected} 行已写入 ${s.rejectsFile}，改正后可再导入该文件。`);
}
