// `plan rotate --units …`: the co-host column of a year's plan filled in turn.
import { rotatePlanCohosts } from '../../../app/plan/studyPlan.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { resolveBranch } from '../../args/session.js';
import { yearOf } from '../../args/dates.js';

/** `plan rotate`: the co-host column filled in turn. */
export async function runPlanRotate(ctx: AppContext, o: { units: string; year?: string; branch?: string }): Promise<void> {
  const units = o.units.split(/[,，、;；\s]+/).map((u) => u.trim()).filter(Boolean);
  if (units.length === 0) throw new UserError('--units 没有给出单位，请写成 --units 办公室,财务处,人事处。');
  const dup = units.find((u, i) => units.indexOf(u) !== i);
  if (dup) throw new UserError(`--units 中“${dup}”出现了不止一次，每个单位只写一次。`);
  const year = yearOf(ctx, o.year);
  const db = await ctx.openDb();
  const branch = await resolveBranch(db, o.branch);
  const { plans, cohosts, changed } = rotatePlanCohosts(db, branch, year, units, ctx.nowStamp());
  const lines = [...plans].sort((a, b) => a.month.localeCompare(b.month)).map((p) => `  ${Number(p.month.slice(5))}月  ${cohosts.get(p.id)}`);
  if (ctx.json) return ctx.outJson({ year, branch: branch.name, changed, months: plans.map((p) => ({ month: p.month, cohost: cohosts.get(p.id) })) });
  ctx.out([`${branch.name} ${year} 年承办单位轮值（${units.length} 个单位轮流，改动 ${changed} 个月）：`, ...lines].join('\n'));
}
