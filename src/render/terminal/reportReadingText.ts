// The terminal report's last lines: the study plan against what was held, and the reading room's loans.
import { planGapLines } from '../../reports/planReport.js';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import type { Paint } from '../../shared/colour.js';
import { bookTitle } from '../../domain/text.js';

/** Lines for the plan and the loans (none when the period has neither). */
export function renderReadingText(paint: Paint, r: PeriodReport): string[] {
  const out: string[] = [];
  if (r.plan) out.push('', paint('bold', '学习计划执行情况'), ...planGapLines(r.plan, r.branches.length > 1));
  if (r.loans) {
    const open = r.loans.filter((l) => !l.returnedOn);
    const late = open.filter((l) => l.daysLate > 0);
    out.push('', paint('bold', '图书借阅'), `本期借阅 ${r.loans.length} 次，归还 ${r.loans.length - open.length} 次，未还 ${open.length} 册${late.length ? `，其中逾期 ${late.length} 册（${late.map((l) => `${l.name}${bookTitle(l.title)}${l.daysLate} 天`).join('、')}）` : ''}。`);
  }
  return out;
}
