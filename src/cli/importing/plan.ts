// `import --kind plan` and `plan import` (two commands, one importer: src/app/imports/plan.ts).
import { readPlanFile, writePlan } from '../../app/imports/plan.js';
import { yearOf } from '../args/dates.js';
import { resolveBranch } from '../args/branch.js';
import type { AppContext } from '../context.js';

/** Reads the plan workbook, writes it for --branch in one batch, prints what changed. */
export async function importPlan(ctx: AppContext, file: string, o: { year?: string; branch?: string; dryRun?: boolean; sheet?: string }): Promise<void> {
  const year = o.year === undefined ? undefined : yearOf(ctx, o.year);
  const read = await readPlanFile(file, year, (m) => ctx.warn(m), o.sheet);
  const db = await ctx.openDb();
  const r = writePlan(db, { ...read, branch: resolveBranch(db, o.branch), dryRun: o.dryRun }, ctx.nowStamp());
  if (ctx.json) return ctx.outJson(r);
  const verb = r.dryRun ? '将' : '已';
  ctx.out(`${r.dryRun ? '试运行（--dry-run），未写入任何数据' : '学习计划导入完成'}：${r.branch} ${r.from} 至 ${r.to}，${verb}新增 ${r.added} 个月，${verb}更新 ${r.updated} 个月，未变 ${r.unchanged} 个月`);
}
