// The period report's reading-room and study-plan parts: the loans active in the period (the 图书借阅
// sheet) and the plan of the period's months against what was held (学习计划 sheet, terminal lines).
import { overdueDays } from '../domain/lending.js';
import type { Db } from '../store/db.js';
import { listLoans } from '../store/loans.js';
import { buildPlanReport, type PlanReport } from './planReport.js';

/** One loan as the ledger lists it. */
export interface LoanRow {
  name: string;
  branch: string;
  title: string;
  lentOn: string;
  dueOn: string;
  returnedOn?: string;
  /** Days overdue as of the report date (unreturned), or days late (returned after the due date). */
  daysLate: number;
}

/** The plan of [from, planTo) and loans of [from, to) as of a date; a part is left out when there is nothing to show. */
export function readingParts(db: Db, p: { from: string; to: string; planTo: string; asOf: string; branchId?: number }): { plan?: PlanReport; loans?: LoanRow[] } {
  // The plan covers the whole period (months not yet due show as 未到期); loans stop at the as-of date.
  const plan = buildPlanReport(db, { ...p, to: p.planTo });
  const loans = listLoans(db, { from: p.from, to: p.to, branchId: p.branchId }).map((l): LoanRow => ({
    name: l.member, branch: l.branch, title: l.title, lentOn: l.lentOn, dueOn: l.dueOn, ...(l.returnedOn ? { returnedOn: l.returnedOn } : {}),
    daysLate: l.returnedOn ? Math.max(0, overdueDays({ dueOn: l.dueOn }, l.returnedOn)) : overdueDays(l, p.asOf),
  }));
  return { ...(plan.rows.length ? { plan } : {}), ...(loans.length ? { loans } : {}) };
}
