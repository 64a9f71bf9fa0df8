// The `return` use case, in two steps because a terminal may be asked in between whether the book was
// read: findReturn picks the open loan (or says why there is none), returnBook closes it and can record
// the reading (a `log book` item finished on the return day) in the same batch.
import { loanToReturn, overdueDays } from '../../domain/lending.js';
import { bookTitle } from '../../domain/text.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { readingFinished, type BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { writeEvidence } from '../../store/evidenceWrite.js';
import { closeLoan, listLoans, type LoanView } from '../../store/loans.js';

export interface ReturnQuery {
  book: BookRecord;
  /** The member named on the command line (and as typed), when one was. */
  memberId?: number;
  who?: string;
  day: string;
}

/** The loan a return closes, and whether the borrower's reading of this book is on record already. */
export interface ReturnPlan {
  book: BookRecord;
  loan: LoanView;
  day: string;
  already: boolean;
}

/** Finds the open loan to close on `day`; errors say who has the book when it is not clear. */
export function findReturn(db: Db, q: ReturnQuery): ReturnPlan {
  const { book, day } = q;
  const open = listLoans(db, { bookId: book.id, open: true });
  const pick = loanToReturn(open, q.memberId);
  if (pick === 'not-lent') throw new UserError(`${bookTitle(book.title)}现在没有借出，无需归还。`, ['请核对书名；谁借了哪本书可用 shuxiang books show 书名 或 shuxiang books overdue 查看。']);
  if (pick === 'not-holder') throw new UserError(`${bookTitle(book.title)}没有借给 ${q.who}，现在借着的是：${open.map((l) => l.member).join('、')}。`, ['请核对还书人姓名。']);
  if (pick === 'ambiguous') throw new UserError(`${bookTitle(book.title)}借给了 ${open.length} 人（${open.map((l) => l.member).join('、')}），请写明是谁还的，如 shuxiang return ${book.title} ${open[0]!.member}。`);
  if (day < pick.lentOn) throw new UserError(`--date ${day} 早于借出日期 ${pick.lentOn}，请核对归还日期。`);
  return { book, loan: pick, day, already: !!readingFinished(db, pick.memberId, book.id) };
}

export interface ReturnResult {
  /** Whether a reading was recorded now. */
  wrote: boolean;
  daysLate: number;
}

/** Closes the loan in one batch, recording the reading when asked and not on record already. */
export function returnBook(db: Db, plan: ReturnPlan, logRead: boolean | undefined, now: string): ReturnResult {
  const { book, loan, day, already } = plan;
  const wrote = inBatch(db, { command: 'return', args: `${book.title} ${loan.member}${logRead ? ' --log-read' : ''}`, at: now }, (batchId, counts) => {
    closeLoan(db, loan.id, day);
    counts.changed++;
    if (!logRead || already) return false;
    writeEvidence(db, [{ kind: 'book', memberId: loan.memberId, values: { title: book.title, author: book.author ?? null, isbn: null, category: book.category ?? null, started: loan.lentOn, finished: day } }], batchId, counts);
    return true;
  });
  return { wrote, daysLate: Math.max(0, overdueDays({ dueOn: loan.dueOn }, day)) };
}
