// `books history`: one member's loans — which books, when lent and returned, whether late.
import { memberLoans, type LoanLine } from '../../../app/books/loans.js';
import { bookTitle } from '../../../domain/text.js';
import type { AppContext } from '../../context.js';
import { printListing } from '../../output.js';
import { pickMember } from '../../args/member.js';

export async function runBooksHistory(ctx: AppContext, who: string): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const member = await pickMember(db, who);
  const rows = memberLoans(db, member.id, ctx.today());
  const late = (l: LoanLine) => (l.returnedOn ? (l.returnedOn > l.dueOn ? '逾期归还' : '') : l.overdue > 0 ? '逾期未还' : '');
  printListing(ctx, { member: { id: member.id, name: member.name }, loans: rows }, [
    { header: '书名', value: (l: LoanLine) => `${bookTitle(l.title)}` },
    { header: '借出', value: (l: LoanLine) => l.lentOn },
    { header: '应还', value: (l: LoanLine) => l.dueOn },
    { header: '归还', value: (l: LoanLine) => l.returnedOn ?? '未还' },
    { header: '备注', value: late },
  ], rows, rows.length ? `${member.name} 共借阅 ${rows.length} 次，未还 ${rows.filter((l) => !l.returnedOn).length} 册。` : `${member.name} 还没有借阅记录。`);
}
