// `plan init`: the plan workbook of a year, to fill in and import.
import { basename } from 'node:path';
import { planWorkbookData } from '../../../app/plan/studyPlan.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { writeOutput } from '../../writeOutput.js';
import { resolveBranch } from '../../args/session.js';
import { yearOf } from '../../args/dates.js';
import { typedOutput } from '../../../io/outputFile.js';

/** `plan init`: the plan workbook of a year, pre-filled with what the database already holds. */
export async function runPlanInit(ctx: AppContext, fileArg: string | undefined, o: { year: string; branch?: string; force?: boolean }): Promise<void> {
  const year = yearOf(ctx, o.year);
  let file = ctx.path(fileArg ?? `${year}年度学习计划.xlsx`);
  if (!/\.xlsx$/i.test(file)) {
    if (/\.[a-z]{2,4}$/i.test(file)) throw new UserError(`计划只能保存为 .xlsx 文件，“${fileArg}”不是。`, ['请把文件名改成以 .xlsx 结尾。']);
    file = typedOutput(file, 'xlsx');
  }
  const db = await ctx.openDb({ readonly: true });
  const branch = await resolveBranch(db, o.branch);
  const { existing, requiredBooks } = planWorkbookData(db, year, branch.id);
  const { writePlanWorkbook } = await import('../../../render/excel/readingForms.js');
  file = await writeOutput(ctx, { file, named: fileArg !== undefined, force: o.force }, (tmp) => writePlanWorkbook(tmp, { year, branch: branch.name, existing, requiredBooks }));
  if (ctx.json) return ctx.outJson({ file, year, branch: branch.name, prefilled: existing.length });
  ctx.out(`已生成${branch.name} ${year} 年度学习计划：${file}${existing.length ? `（已按数据库中的 ${existing.length} 个月填好）` : ''}`);
  ctx.info(`填好每月的学习主题后运行：shuxiang import --kind plan ${basename(file)}`);
}
