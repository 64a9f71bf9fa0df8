// `books show`: one book — category, copies and where, the recommendation, who has it and who had it.
import { bookDetail, type LoanLine } from '../../../app/books/loans.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import { bookName, findBook } from '../../args/book.js';

const loanState = (l: LoanLine) => (l.returnedOn ? `${l.returnedOn} 已还` : l.overdue > 0 ? `逾期 ${l.overdue} 天` : '借阅中');

export async function runBooksShow(ctx: AppContext, typed: string): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const book = findBook(db, typed, '书');
  const { loans, open: lent, available, readers } = bookDetail(db, book, ctx.today());
  if (ctx.json) return ctx.outJson({ ...book, available, readers, loans });
  const lines = [
    `#${book.id} ${bookName(book)}`,
    `  类别：${book.category ?? '（未填）'}${book.isbn ? `    ISBN：${book.isbn}` : ''}`,
    `  册数：${book.copies}，在架 ${available}，借出 ${lent}${book.shelf ? `；存放位置：${book.shelf}` : ''}`,
  ];
  if (book.recommended) lines.push(`  书记荐书${book.recommendedBy ? `（${book.recommendedBy}）` : ''}${book.recommendReason ? `：${book.recommendReason}` : ''}`);
  if (book.requiredYear) lines.push(`  ${book.requiredYear} 年必学书目`);
  lines.push(`  已读完的人数：${readers}`);
  if (loans.length) {
    lines.push('', formatTable<LoanLine>([
      { header: '借阅人', value: (l) => l.member },
      { header: '借出', value: (l) => l.lentOn },
      { header: '应还', value: (l) => l.dueOn },
      { header: '状态', value: (l) => (l.overdue > 0 ? ctx.paint('red', loanState(l)) : loanState(l)) },
    ], loans));
  } else lines.push('  还没有借阅记录。');
  ctx.out(lines.join('\n'));
}
