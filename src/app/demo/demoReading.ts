// The demo's reading room, study plan and year-end ranking: shelves and copies for the catalogued books,
// the secretary's recommendations and the required list, a year of loans, the plan with its co-host
// rotation — written in one batch through the same store functions the commands use — then the plan's
// gaps, the overdue books and the ranking, read back as the commands would show them.
import * as d from '../../domain/demoReading.js';
import { MONTH_THEMES } from '../../domain/demoYear.js';
import { overdueDays } from '../../domain/lending.js';
import { onRollOn } from '../../domain/member.js';
import { addDaysIso } from '../../domain/periods.js';
import { rotateCohosts } from '../../domain/studyPlan.js';
import { buildPlanReport, type PlanReport } from '../../reports/planReport.js';
import { buildRanking, type RankingReport } from '../../reports/ranking.js';
import { inBatch } from '../../store/batches.js';
import { listBooks, updateBook } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { addLoan, closeLoan, listLoans, type LoanView } from '../../store/loans.js';
import { listMembers } from '../../store/members.js';
import { listPlan, setCohosts, upsertPlanMonth } from '../../store/plan.js';
import { loadRules } from '../rules/ruleContext.js';

/** What the demo then says about the reading room, the plan and the ranking. */
export interface DemoReadingResult {
  plan: PlanReport;
  /** Loans still out on the as-of day, and the overdue ones with their days late. */
  open: LoanView[];
  late: (LoanView & { days: number })[];
  rank: RankingReport;
}

/** Writes the demo's reading room and plan for `year` (loans up to `today` or the year's end) and reads the results back. */
export function writeDemoReading(db: Db, input: { year: number; today: string; dbPath: string }, now: string): DemoReadingResult {
  const { year, today } = input;
  const asOf = today > `${year}-12-31` ? `${year}-12-31` : today;
  const members = listMembers(db);
  const branchId = members[0]!.branchId;
  const secretary = members.find((m) => m.partyPost === '书记')?.name ?? '支部书记';
  const byTitle = new Map(listBooks(db).map((b) => [b.title, b]));
  inBatch(db, { command: 'demo', args: '图书角与学习计划', at: now }, (batchId, counts) => {
    for (const b of d.DEMO_SHELF) {
      const book = byTitle.get(b.title);
      if (book) { updateBook(db, book.id, { copies: b.copies, shelf: b.shelf }); counts.changed++; }
    }
    for (const [title, reason] of d.DEMO_RECOMMENDED) {
      const book = byTitle.get(title);
      if (book) { updateBook(db, book.id, { recommended: true, recommendedBy: secretary, recommendReason: reason }); counts.changed++; }
    }
    for (const title of d.DEMO_REQUIRED) {
      const book = byTitle.get(title);
      if (book) { updateBook(db, book.id, { requiredYear: year }); counts.changed++; }
    }
    MONTH_THEMES.forEach((theme, i) => {
      upsertPlanMonth(db, { branchId, month: `${year}-${String(i + 1).padStart(2, '0')}`, theme, form: d.DEMO_PLAN_FORMS[i]!, books: d.DEMO_PLAN_BOOKS[i + 1] ?? '', speaker: i % 3 === 0 ? secretary : undefined }, batchId);
      counts.added++;
    });
    setCohosts(db, rotateCohosts(listPlan(db, year, branchId), d.DEMO_UNITS));
    for (const l of d.DEMO_LOANS) {
      const who = members[l.member];
      const book = byTitle.get(l.title);
      const lent = `${year}-${l.lent}`;
      if (!who || !book || lent > asOf || !onRollOn(who, lent)) continue;
      const id = addLoan(db, { bookId: book.id, memberId: who.id, lentOn: lent, dueOn: addDaysIso(lent, l.days) }, batchId);
      counts.added++;
      const back = l.returnedAfter === undefined ? undefined : addDaysIso(lent, l.returnedAfter);
      if (back && back <= asOf) closeLoan(db, id, back);
    }
  });

  const plan = buildPlanReport(db, { from: `${year}-01-01`, to: `${year + 1}-01-01`, asOf, branchId });
  const open = listLoans(db, { open: true });
  const late = open.map((l) => ({ ...l, days: overdueDays(l, asOf) })).filter((l) => l.days > 0);
  const { loaded, calendar } = loadRules(db, input.dbPath);
  const rank = buildRanking(db, { year, asOf, ruleSet: loaded.ruleSet, calendar });
  return { plan, open, late, rank };
}
