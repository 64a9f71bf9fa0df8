// `books overdue`: the loans overdue as of a day — who, which book, how many days.
import { overdueLoans, type LoanLine } from '../../../app/books/loans.js';
import { bookTitle } from '../../../domain/text.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';
import { auditAsOf } from '../../args/dates.js';

export async function runBooksOverdue(ctx: AppContext, opts: { asOf?: string }): Promise<void> {
  const asOf = auditAsOf(ctx, opts.asOf);
  const db = await ctx.openDb({ readonly: true });
  const rows = overdueLoans(db, asOf);
  const cols: Column<LoanLine>[] = [
    { header: '借阅人', value: (l) => l.member },
    { header: '支部', value: (l) => l.branch },
    { header: '书名', value: (l) => `${bookTitle(l.title)}` },
    { header: '借出', value: (l) => l.lentOn },
    { header: '应还', value: (l) => l.dueOn },
    { header: '逾期天数', value: (l) => l.overdue, align: 'right' },
  ];
  printListing(ctx, { asOf, overdue: rows }, cols, rows, rows.length ? `截至 ${asOf}，逾期未还 ${rows.length} 册。归还后运行 shuxiang return 书名 登记。` : `截至 ${asOf}，没有逾期未还的书。`);
}
