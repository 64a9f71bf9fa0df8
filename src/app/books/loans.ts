// The reading room as seen from one book, from the calendar and from one member: who has the book and
// who had it, the loans overdue as of a day, a member's borrowing history — each loan with its days overdue.
import { copiesIn, overdueDays } from '../../domain/lending.js';
import { countReaders, type BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { listLoans, type LoanView } from '../../store/loans.js';

/** One loan, with days overdue as of the day asked. */
export type LoanLine = LoanView & { overdue: number };

export interface BookDetail {
  loans: LoanLine[];
  /** Copies lent out now. */
  open: number;
  available: number;
  /** Members who finished the book. */
  readers: number;
}

export function bookDetail(db: Db, book: BookRecord, today: string): BookDetail {
  const loans: LoanLine[] = listLoans(db, { bookId: book.id }).map((l) => ({ ...l, overdue: overdueDays(l, today) }));
  const open = loans.filter((l) => !l.returnedOn).length;
  return { loans, open, available: copiesIn(book.copies, open), readers: countReaders(db, book.id) };
}

/** The open loans overdue on `asOf`, longest overdue first. */
export function overdueLoans(db: Db, asOf: string): LoanLine[] {
  return listLoans(db, { open: true }).map((l) => ({ ...l, overdue: overdueDays(l, asOf) })).filter((l) => l.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.member.localeCompare(b.member, 'zh-CN'));
}

export function memberLoans(db: Db, memberId: number, today: string): LoanLine[] {
  return listLoans(db, { memberId }).map((l) => ({ ...l, overdue: overdueDays(l, today) }));
}
