// The annual study plan's use cases: what `plan init` pre-fills, the plan of a year against what was held
// (`plan show`), the co-host units in turn (`plan rotate`) and tying a session to a plan month (`plan link`).
import { farMonthLink, rotateCohosts, type PlanMonth } from '../../domain/studyPlan.js';
import { UserError } from '../../shared/errors.js';
import { buildPlanReport, type PlanReport } from '../../reports/planReport.js';
import { inBatch } from '../../store/batches.js';
import { listBooks } from '../../store/books.js';
import type { Branch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { linkSession, listPlan, setCohosts } from '../../store/plan.js';
import type { SessionRecord } from '../../store/sessions.js';

/** The months already planned for the year and the year's required books, to pre-fill the workbook. */
export function planWorkbookData(db: Db, year: number, branchId: number): { existing: PlanMonth[]; requiredBooks: string[] } {
  return { existing: listPlan(db, year, branchId), requiredBooks: listBooks(db, { requiredYear: year }).map((b) => b.title) };
}

/** The plan of a year (one branch or all) against the sessions held, as of a day. */
export function planOfYear(db: Db, year: number, asOf: string, branchId?: number): PlanReport {
  return buildPlanReport(db, { from: `${year}-01-01`, to: `${year + 1}-01-01`, asOf, branchId });
}

/** Fills the co-host of each planned month of the year with the units in turn, in one batch. */
export function rotatePlanCohosts(db: Db, branch: Branch, year: number, units: string[], now: string): { plans: PlanMonth[]; cohosts: Map<number, string>; changed: number } {
  const plans = listPlan(db, year, branch.id);
  if (plans.length === 0) throw new UserError(`${branch.name}还没有 ${year} 年的学习计划，无法轮排承办单位。`, [`请先运行 shuxiang plan init --year ${year}，填好后 shuxiang import --kind plan 导入。`]);
  const cohosts = rotateCohosts(plans, units);
  const changed = inBatch(db, { command: 'plan rotate', args: `${year} ${units.join(',')}`, at: now }, (_id, counts) => {
    const n = setCohosts(db, cohosts);
    counts.changed += n;
    return n;
  });
  return { plans, cohosts, changed };
}

/** Ties the session to the plan month (refused more than a month away unless forced); whether it changed. */
export function linkSessionToPlan(db: Db, session: SessionRecord, month: string, force: boolean, now: string): { plan: PlanMonth; changed: boolean } {
  const far = force ? undefined : farMonthLink(session.id, session.date, month);
  if (far) throw new UserError(`${far}。`, [`请核对活动编号和月份；确实要把它算作 ${month} 的计划，请加 --force。`]);
  const plan = listPlan(db, Number(month.slice(0, 4)), session.branchId).find((p) => p.month === month);
  if (!plan) throw new UserError(`${session.branch}的学习计划中没有 ${month}。`, [`请先导入该年度的计划（shuxiang plan init --year ${month.slice(0, 4)}），或核对月份。`]);
  const changed = inBatch(db, { command: 'plan link', args: `#${session.id} ${month}`, at: now }, (_id, counts) => {
    const done = linkSession(db, session.id, plan.id, _id);
    if (done) counts.added++;
    return done;
  });
  return { plan, changed };
}
