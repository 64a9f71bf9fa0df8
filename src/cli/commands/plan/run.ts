// The bodies of `plan init|import|show|rotate|link` (declared in plan.ts) and of `import --kind plan`.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { describeProblem } from '../../../domain/rosterRows.js';
import { UserError } from '../../../shared/errors.js';
import type { PlanReportRow } from '../../../reports/planReport.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import { resolveBranch } from '../../args/session.js';

function yearOf(ctx: AppContext, raw: string | undefined): number {
  if (raw === undefined) return Number(ctx.today().slice(0, 4));
  const y = Number(raw.normalize('NFKC').trim().replace(/年$/, ''));
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UserError(`--year 的取值“${raw}”无效，应写成 2027 这样的年份。`);
  return y;
}

/** `plan init`: the plan workbook of a year, pre-filled with what the database already holds. */
export async function runPlanInit(ctx: AppContext, fileArg: string | undefined, o: { year: string; branch?: string; force?: boolean }): Promise<void> {
  const year = yearOf(ctx, o.year);
  let file = ctx.path(fileArg ?? `${year}年度学习计划.xlsx`);
  if (!/\.xlsx$/i.test(file)) {
    if (/\.[a-z]{2,4}$/i.test(file)) throw new UserError(`计划只能保存为 .xlsx 文件，“${fileArg}”不是。`, ['请把文件名改成以 .xlsx 结尾。']);
    file += '.xlsx';
  }
  if (existsSync(file) && !o.force) throw new UserError(`文件 ${file} 已经存在，未覆盖。`, ['如要覆盖，请加上 --force；或换一个文件名。']);
  const db = await ctx.openDb({ readonly: true });
  const branch = await resolveBranch(db, o.branch);
  const { listPlan } = await import('../../../store/plan.js');
  const { listBooks } = await import('../../../store/books.js');
  const existing = listPlan(db, year, branch.id);
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const { writePlanWorkbook } = await import('../../../render/excel/readingForms.js');
  await writeAtomically(file, (tmp) => writePlanWorkbook(tmp, { year, branch: branch.name, existing, requiredBooks: listBooks(db, { requiredYear: year }).map((b) => b.title) }));
  if (ctx.json) return ctx.outJson({ file, year, branch: branch.name, prefilled: existing.length });
  ctx.out(`已生成${branch.name} ${year} 年度学习计划：${file}${existing.length ? `（已按数据库中的 ${existing.length} 个月填好）` : ''}`);
  ctx.info(`填好每月的学习主题后运行：shuxiang import --kind plan ${basename(file)}`);
}

/** `import --kind plan` / `plan import`: every row checked first, then one transaction; again = no change. */
export async function importPlan(ctx: AppContext, file: string, o: { year?: string; branch?: string; dryRun?: boolean }): Promise<void> {
  const year = o.year === undefined ? undefined : yearOf(ctx, o.year);
  const { readGrids } = await import('../../../io/readGrids.js');
  const { readPlanGrids } = await import('../../../domain/planRows.js');
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
  const { upsertPlanMonth } = await import('../../../store/plan.js');
  const { writeOrPreview } = await import('../import/ledger.js');
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

/** `plan show`: the plan of a year against what was held. */
export async function runPlanShow(ctx: AppContext, o: { year?: string; asOf?: string; branch?: string }): Promise<void> {
  const { auditAsOf } = await import('../audit/index.js');
  const asOf = auditAsOf(ctx, o.asOf);
  const year = o.year === undefined ? Number(asOf.slice(0, 4)) : yearOf(ctx, o.year);
  const db = await ctx.openDb({ readonly: true });
  const { requireBranch } = await import('../member/read.js');
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
export async function runPlanLink(ctx: AppContext, idText: string, o: { month: string }): Promise<void> {
  const db = await ctx.openDb();
  const { loadSession } = await import('../../args/session.js');
  const session = await loadSession(db, idText);
  const { parsePlanMonth } = await import('../../../domain/studyPlan.js');
  const month = parsePlanMonth(o.month, Number(session.date.slice(0, 4)));
  if (!month) throw new UserError(`--month 的取值“${o.month}”无效，应写成 2027-03 这样的月份。`);
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
