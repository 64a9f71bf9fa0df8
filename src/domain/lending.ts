// The reading room's lending rules (图书角借阅), pure: a title has a number of copies; a copy out on loan
// cannot be lent again; a loan is due a number of days after it was lent and is overdue from the day
// after; a book can only be returned by whoever has it.
import { addDaysIso, daysBetween } from './periods.js';

/** One loan as the rules see it. */
export interface Loan {
  id: number;
  bookId: number;
  memberId: number;
  lentOn: string;
  dueOn: string;
  returnedOn?: string;
}

/** Loan period when --days is not given. */
export const DEFAULT_LOAN_DAYS = 30;

/** The due date of a loan lent on `lentOn` for `days` days. */
export function dueDate(lentOn: string, days: number): string {
  return addDaysIso(lentOn, days);
}

/** Days past due as of `asOf` (0 when not overdue or returned). */
export function overdueDays(loan: Pick<Loan, 'dueOn' | 'returnedOn'>, asOf: string): number {
  if (loan.returnedOn) return 0;
  return Math.max(0, daysBetween(loan.dueOn, asOf));
}

/** Why a lend is refused, or undefined when it may go ahead. */
export type LendRefusal =
  | { kind: 'no-copies' }
  | { kind: 'all-out'; copies: number; holders: number[] }
  | { kind: 'already-has'; loan: Loan };

/** Checks a lend of a book with `copies` copies to `memberId`, given the book's loans not yet returned. */
export function checkLend(copies: number, open: Loan[], memberId: number): LendRefusal | undefined {
  const mine = open.find((l) => l.memberId === memberId);
  if (mine) return { kind: 'already-has', loan: mine };
  if (copies <= 0) return { kind: 'no-copies' };
  if (open.length >= copies) return { kind: 'all-out', copies, holders: open.map((l) => l.memberId) };
  return undefined;
}

/** Which open loan a return closes: the given member's, or the only one; a reason when it cannot tell. */
export function loanToReturn<L extends Loan>(open: L[], memberId?: number): L | 'not-lent' | 'not-holder' | 'ambiguous' {
  if (open.length === 0) return 'not-lent';
  if (memberId !== undefined) return open.find((l) => l.memberId === memberId) ?? 'not-holder';
  return open.length === 1 ? open[0]! : 'ambiguous';
}

/** Copies on the shelf now. */
export function copiesIn(copies: number, open: number): number {
  return Math.max(0, copies - open);
}
