// The bodies of `plan init|import|show|rotate|link` (declared in plan.ts) and of `import --kind plan`.
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors.js';
import type { PlanReportRow } from '../../../reports/planReport.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import { resolveBranch } from '../../args/session.js';
import { yearOf } from '../../args/dates.js';

/** `plan init`: the plan workbook of a year, pre-filled with what the database already holds. */
export async function runPlanInit(ctx: AppContext, fileArg: string | undefined, o: { year: string; branch?: string; force?: boolean }): Promise<void> {
  const year = yearOf(ctx, o.year);
  let file = ctx.path(fileArg ?? `${year}年度学习计划.xlsx`);
  if (!/\.xlsx$/i.test(file)) {
    if (/\.[a-z]{2,4}$/i.test(file)) throw new UserError(`计划只能保存为 .xlsx 文件，“${fileArg}”不是。`, ['请把文件名改成以 .xlsx 结尾。']);
    file += '.xlsx';
  }
  const db = await ctx.openDb({ readonly: true });
  const branch = await resolveBranch(db, o.branch);
  const { listPlan } = await import('../../../store/plan.js');
  const { listBooks } = await import('../../../store/books.js');
  const existing = listPlan(db, year, branch.id);
  const { writeOutput } = await import('../../writeOutput.js');
  const { writePlanWorkbook } = await import('../../../render/excel/readingForms.js');
  file = await writeOutput(ctx, { file, named: fileArg !== undefined, force: o.force }, (tmp) => writePlanWorkbook(tmp, { year, branch: branch.name, existing, requiredBooks: listBooks(db, { requiredYear: year }).map((b) => b.title) }));
  if (ctx.json) return ctx.outJson({ file, year, branch: branch.name, prefilled: existing.length });
  ctx.out(`已生成${branch.name} ${year} 年度学习计划：${file}${existing.length ? `（已按数据库中的 ${existing.length} 个月填好）` : ''}`);
  ctx.info(`填好每月的学习主题后运行：shuxiang import --kind plan ${basename(file)}`);
}

/** `plan show`: the plan of a year against what was held. */
export async function runPlanShow(ctx: AppContext, o: { year?: string; asOf?: string; branch?: string }): Promise<void> {
  const { auditAsOf } = await import('../../args/dates.js');
  const asOf = auditAsOf(ctx, o.asOf);
  const year = o.year === undefined ? Number(asOf.slice(0, 4)) : yearOf(ctx, o.year);
  const db = await ctx.openDb({ readonly: true });
  const { requireBranch } = await import('../../args/branch.js');
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  const { buildPlanReport, planGapLines } = await import('../../../reports/planReport.js');
  const r = buildPlanReport(db, { from: `${year}-01-01`, to: `${year + 1}-01-01`, asOf, branchId: branch?.id });
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

/** `plan rotate`: the co-host column filled in turn. */
export async function runPlanRotate(ctx: AppContext, o: { units: string; year?: string; branch?: string }): Promise<void> {
  const units = o.units.split(/[,，、;；\s]+/).map((u) => u.trim()).filter(Boolean);
  if (units.length === 0) throw new UserError('--units 没有给出单位，请写成 --units 办公室,财务处,人事处。');
  const dup = units.find((u, i) => units.indexOf(u) !== i);
  if (dup) throw new UserError(`--units 中“${dup}”出现了不止一次，每个单位只写一次。`);
  const year = yearOf(ctx, o.year);
  const db = await ctx.openDb();
  const branch = await resolveBranch(db, o.branch);
  const { listPlan, setCohosts } = await import('../../../store/plan.js');
  const plans = listPlan(db, year, branch.id);
  if (plans.length === 0) throw new UserError(`${branch.name}还没有 ${year} 年的学习计划，无法轮排承办单位。`, [`请先运行 shuxiang plan init --year ${year}，填好后 shuxiang import --kind plan 导入。`]);
  const { rotateCohosts } = await import('../../../domain/studyPlan.js');
  const cohosts = rotateCohosts(plans, units);
  const { inBatch } = await import('../../../store/batches.js');
  const changed = inBatch(db, { command: 'plan rotate', args: `${year} ${units.join(',')}`, at: ctx.nowStamp() }, (_id, counts) => {
    const n = setCohosts(db, cohosts);
    counts.changed += n;
    return n;
  });
  const lines = [...plans].sort((a, b) => a.month.localeCompare(b.month)).map((p) => `  ${Number(p.month.slice(5))}月  ${cohosts.get(p.id)}`);
  if (ctx.json) return ctx.outJson({ year, branch: branch.name, changed, months: plans.map((p) => ({ month: p.month, cohost: cohosts.get(p.id) })) });
  ctx.out([`${branch.name} ${year} 年承办单位轮值（${units.length} 个单位轮流，改动 ${changed} 个月）：`, ...lines].join('\n'));
}

/** `plan link`: ties a session to the plan month it carried out. */
export async function runPlanLink(ctx: AppContext, idText: string, o: { month: string; force?: boolean }): Promise<void> {
  const db = await ctx.openDb();
  const { loadSession } = await import('../../args/session.js');
  const session = await loadSession(db, idText);
  const { parsePlanMonth } = await import('../../../domain/studyPlan.js');
  const month = parsePlanMonth(o.month, Number(session.date.slice(0, 4)));
  if (!month) throw new UserError(`--month 的取值“${o.month}”无效，应写成 2027-03 这样的月份。`);
  const { farMonthLink } = await import('../../../domain/studyPlan.js');
  const far = o.force ? undefined : farMonthLink(session.id, session.date, month);
  if (far) throw new UserError(`${far}。`, [`请核对活动编号和月份；确实要把它算作 ${month} 的计划，请加 --force。`]);
  const { listPlan, linkSession } = await import('../../../store/plan.js');
  const plan = listPlan(db, Number(month.slice(0, 4)), session.branchId).find((p) => p.month === month);
  if (!plan) throw new UserError(`${session.branch}的学习计划中没有 ${month}。`, [`请先导入该年度的计划（shuxiang plan init --year ${month.slice(0, 4)}），或核对月份。`]);
  const { inBatch } = await import('../../../store/batches.js');
  const done = inBatch(db, { command: 'plan link', args: `#${session.id} ${month}`, at: ctx.nowStamp() }, (_id, counts) => {
    const changed = linkSession(db, session.id, plan.id, _id);
    if (changed) counts.added++;
    return changed;
  });
  if (ctx.json) return ctx.outJson({ sessionId: session.id, month, planId: plan.id, theme: plan.theme, changed: done });
  ctx.out(`${done ? '已关联' : '原已关联'}：活动 #${session.id}（${session.date} ${session.topic}）→ ${month} 计划「${plan.theme}」`);
}
