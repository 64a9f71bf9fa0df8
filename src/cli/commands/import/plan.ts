// `shuxiang import --kind plan FILE` = `plan import`: the annual study plan (src/cli/importing/plan.ts).
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';
import { importPlan } from '../../importing/plan.js';

/** Imports the one plan workbook given, for --branch. */
export async function importPlanKind(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  if (files.length !== 1) throw new UserError(`学习计划一次只能导入一个文件，您给了 ${files.length} 个。`);
  return importPlan(ctx, files[0]!, { branch: opts.branch, dryRun: opts.dryRun, sheet: opts.sheet });
}
