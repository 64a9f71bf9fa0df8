// Plan against what was held (计划执行情况), for `plan show`, `audit` and `report`: each planned month of
// the period with its status and the sessions that carried it out, and the count of gaps (planned months
// that ended with no session). Plain data; empty when the branch keeps no plan for the period.
import { planVsActual, PLAN_STATUS_NAME, type PlanStatus } from '../domain/studyPlan.js';
import { sessionTypeName } from '../domain/sessionTypes.js';
import { listBranches } from '../store/branches.js';
import type { Db } from '../store/db.js';
import { heldSessions, listPlan } from '../store/plan.js';

/** One planned month, as every renderer shows it. */
export interface PlanReportRow {
  planId: number;
  branch: string;
  month: string;
  theme: string;
  form: string;
  books: string;
  cohost?: string;
  speaker?: string;
  status: PlanStatus;
  statusName: string;
  linked: boolean;
  sessions: { id: number; date: string; type: string; topic: string }[];
}

/** The plan of a period against what was held. */
export interface PlanReport {
  rows: PlanReportRow[];
  held: number;
  gaps: number;
  open: number;
  future: number;
}

/** Builds the comparison for the months of [from, to) as of a date (the plan's year is the from year). */
export function buildPlanReport(db: Db, p: { from: string; to: string; asOf: string; branchId?: number }): PlanReport {
  const years: number[] = [];
  for (let y = Number(p.from.slice(0, 4)); `${y}-01-01` < p.to; y++) years.push(y);
  const plans = years.flatMap((y) => listPlan(db, y, p.branchId)).filter((m) => `${m.month}-01` >= p.from.slice(0, 7) + '-01' && `${m.month}-01` < p.to);
  const names = new Map(listBranches(db).map((b) => [b.id, b.name]));
  const sessions = plans.length ? heldSessions(db, `${years[0]}-01-01`, `${years[years.length - 1]! + 1}-01-01`, p.branchId) : [];
  const rows = planVsActual(plans, sessions, p.asOf).map((r): PlanReportRow => ({
    planId: r.plan.id, branch: names.get(r.plan.branchId) ?? '', month: r.plan.month, theme: r.plan.theme, form: r.plan.form, books: r.plan.books,
    ...(r.plan.cohost ? { cohost: r.plan.cohost } : {}), ...(r.plan.speaker ? { speaker: r.plan.speaker } : {}),
    status: r.status, statusName: PLAN_STATUS_NAME[r.status], linked: r.linked,
    sessions: r.sessions.map((s) => ({ id: s.id, date: s.date, type: sessionTypeName(s.type), topic: s.topic })),
  }));
  const count = (s: PlanStatus) => rows.filter((r) => r.status === s).length;
  return { rows, held: count('held'), gaps: count('gap'), open: count('open'), future: count('future') };
}

/** “2027 年 3 月” of '2027-03'. */
export function monthName(month: string): string {
  return `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月`;
}

/** The lines audit and report print under “学习计划执行情况” (nothing when there is no plan). */
export function planGapLines(r: PlanReport, multiBranch = false): string[] {
  if (r.rows.length === 0) return [];
  const out = [`学习计划 ${r.rows.length} 个月：已开展 ${r.held}，未开展 ${r.gaps}，进行中 ${r.open}，未到期 ${r.future}。`];
  for (const row of r.rows.filter((x) => x.status === 'gap')) {
    out.push(`  未开展：${multiBranch ? `${row.branch} ` : ''}${monthName(row.month)}「${row.theme}」（${row.form}${row.cohost ? `，${row.cohost}承办` : ''}）——当月没有相应的学习活动`);
  }
  if (r.gaps) out.push('  如已开展但类型不同，可用 shuxiang plan link 活动编号 --month 月份 关联到计划。');
  return out;
}
