// The `lend` use case: one copy of a book out to one member, checked against the copies and the open
// loans inside the write, so two secretaries lending the last copy at once cannot both succeed.
import { checkLend, dueDate, type LendRefusal } from '../../domain/lending.js';
import { onRollOn, type Member } from '../../domain/member.js';
import { bookTitle } from '../../domain/text.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import type { BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { addLoan, listLoans } from '../../store/loans.js';

export interface LendInput {
  book: BookRecord;
  member: Member;
  /** The day it goes out, and for how many days. */
  day: string;
  days: number;
}

export interface LendResult {
  loanId: number;
  dueOn: string;
  /** Copies still on the shelf. */
  left: number;
}

/** Records the loan in one batch; refuses when the member is off the roll, holds the book already, or no copy is left. */
export function lendBook(db: Db, input: LendInput, now: string): LendResult {
  const { book, member, day, days } = input;
  if (!onRollOn(member, day)) throw new UserError(`${member.name} 在 ${day} 不在册，不能借书。`, ['请核对姓名和日期；在册期间见 shuxiang member show 姓名。']);
  const due = dueDate(day, days);
  const loan = inBatch(db, { command: 'lend', args: `${book.title} ${member.name}`, at: now }, (batchId, counts) => {
    const open = listLoans(db, { bookId: book.id, open: true });
    const refusal = checkLend(book.copies, open, member.id);
    if (refusal) throw refusalError(refusal, book.title, new Map([...open.map((l) => [l.memberId, l.member] as const), [member.id, member.name]]));
    counts.added++;
    return { id: addLoan(db, { bookId: book.id, memberId: member.id, lentOn: day, dueOn: due }, batchId), left: book.copies - open.length - 1 };
  });
  return { loanId: loan.id, dueOn: due, left: loan.left };
}

function refusalError(r: LendRefusal, title: string, names: Map<number, string>): UserError {
  if (r.kind === 'already-has') return new UserError(`${names.get(r.loan.memberId)} 已借了${bookTitle(title)}（${r.loan.lentOn} 借出，应还 ${r.loan.dueOn}），不能重复借同一本书。`, ['如要续借，请先 shuxiang return 还书再重新借。']);
  if (r.kind === 'no-copies') return new UserError(`${bookTitle(title)}在书目库中登记为 0 册，图书角没有这本书可借。`, ['如已购入，请先用 shuxiang books edit 书名 --copies 册数 登记册数。']);
  return new UserError(`${bookTitle(title)}共 ${r.copies} 册，已全部借出（${r.holders.map((id) => names.get(id)).join('、')}），现在不能再借。`, ['请等归还后再借，或用 shuxiang books edit 书名 --copies 增加册数。']);
}
