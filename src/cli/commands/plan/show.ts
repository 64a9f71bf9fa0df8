// `plan show`: the plan of a year, month by month, against the sessions held.
import { planOfYear } from '../../../app/plan/studyPlan.js';
import { planGapLines, type PlanReportRow } from '../../../reports/planReport.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import { requireBranch } from '../../args/branch.js';
import { auditAsOf, yearOf } from '../../args/dates.js';

/** `plan show`: the plan of a year against what was held. */
export async function runPlanShow(ctx: AppContext, o: { year?: string; asOf?: string; branch?: string }): Promise<void> {
  const asOf = auditAsOf(ctx, o.asOf);
  const year = o.year === undefined ? Number(asOf.slice(0, 4)) : yearOf(ctx, o.year);
  const db = await ctx.openDb({ readonly: true });
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  const r = planOfYear(db, year, asOf, branch?.id);
  if (ctx.json) return ctx.outJson({ year, asOf, ...r });
  if (r.rows.length === 0) {
    ctx.info(`还没有 ${year} 年的学习计划。可运行 shuxiang plan init --year ${year} 生成计划表，填好后 shuxiang import --kind plan 导入。`);
    return;
  }
  const multi = new Set(r.rows.map((x) => x.branch)).size > 1;
  const status = (x: PlanReportRow) => (x.status === 'gap' ? ctx.paint('red', x.statusName) : x.status === 'held' ? ctx.paint('green', x.statusName) : x.statusName);
  ctx.out([
    ctx.paint('bold', `${year} 年度学习计划执行情况（截至 ${asOf}）`),
    formatTable<PlanReportRow>([
      ...(multi ? [{ header: '支部', value: (x: PlanReportRow) => x.branch }] : []),
      { header: '月份', value: (x) => `${Number(x.month.slice(5))}月` },
      { header: '学习主题', value: (x) => x.theme },
      { header: '形式', value: (x) => x.form },
      { header: '必学书目', value: (x) => x.books },
      { header: '承办单位', value: (x) => x.cohost },
      { header: '主讲人', value: (x) => x.speaker },
      { header: '情况', value: status },
      { header: '开展的活动', value: (x) => x.sessions.map((s) => `#${s.id} ${s.date.slice(5)} ${s.type}${x.linked ? '（已关联）' : ''}`).join('；') },
    ], r.rows),
    '',
    ...planGapLines(r, multi),
  ].join('\n'));
}
