// Importing an annual study plan workbook (`plan import` and `import --kind plan`).
import { basename } from 'node:path';
import { describeProblem } from '../../domain/rosterRows.js';
import { UserError } from '../../shared/errors.js';
import { resolveBranch } from '../args/session.js';
import { yearOf } from '../args/dates.js';
import type { AppContext } from '../context.js';
import { writeOrPreview } from './preview.js';

/** `import --kind plan` / `plan import`: every row checked first, then one transaction; again = no change. */
export async function importPlan(ctx: AppContext, file: string, o: { year?: string; branch?: string; dryRun?: boolean }): Promise<void> {
  const year = o.year === undefined ? undefined : yearOf(ctx, o.year);
  const { readGrids } = await import('../../io/readGrids.js');
  const { readPlanGrids } = await import('../../domain/planRows.js');
  const name = basename(file);
  const read = readPlanGrids(await readGrids(file), year);
  if (!read) throw new UserError(`${name}：没有找到学习计划的表头（前 15 行里没有“月份”和“学习主题”列）。`, ['请使用 shuxiang plan init --year 年份 生成的计划表。']);
  const problems = read.flatMap((s) => s.problems.map((p) => describeProblem(name, s.sheet, p)));
  if (problems.length) {
    throw new UserError(`${name} 中有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请按提示改正后重新导入。']);
  }
  const rows = read.flatMap((s) => s.rows);
  if (rows.length === 0) throw new UserError(`${name}：计划表中没有填写任何月份的学习主题。`, ['请在“学习主题”列填写每月主题后再导入。']);
  const db = await ctx.openDb();
  const branch = await resolveBranch(db, o.branch);
  const { upsertPlanMonth } = await import('../../store/plan.js');
  const n = await writeOrPreview(ctx, db, { dryRun: o.dryRun }, { command: 'import plan', args: name }, (batchId, counts) => {
    const c = { added: 0, updated: 0, unchanged: 0 };
    for (const r of rows) c[upsertPlanMonth(db, { branchId: branch.id, month: r.month, theme: r.theme, form: r.form, books: r.books, cohost: r.cohost, speaker: r.speaker }, batchId)]++;
    counts.added += c.added;
    counts.changed += c.updated;
    return c;
  });
  const months = rows.map((r) => r.month).sort();
  if (ctx.json) return ctx.outJson({ dryRun: !!o.dryRun, branch: branch.name, from: months[0], to: months[months.length - 1], ...n });
  const verb = o.dryRun ? '将' : '已';
  ctx.out(`${o.dryRun ? '试运行（--dry-run），未写入任何数据' : '学习计划导入完成'}：${branch.name} ${months[0]} 至 ${months[months.length - 1]}，${verb}新增 ${n.added} 个月，${verb}更新 ${n.updated} 个月，未变 ${n.unchanged} 个月`);
}
