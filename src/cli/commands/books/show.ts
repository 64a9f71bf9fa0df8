// The reading room's own subcommands of `books`: show one book (copies, who has it), edit its catalogue
// entry, the overdue list as of a date, and one member's borrowing history.
import type { Command } from 'commander';
import { LIBRARY_CATALOGUE } from '../../../domain/libraryCatalogue.js';
import { UserError } from '../../../shared/errors.js';
import type { LoanView } from '../../../store/loans.js';
import type { AppContext } from '../../context.js';
import { formatTable, printListing, type Column } from '../../output.js';
import type { Act } from '../../programBase.js';
import { bookName, findBook } from '../../args/book.js';
import { addFieldOptions } from '../../args/evidenceFlags.js';
import { bookTitle } from '../../../domain/text.js';

/** Declares show, edit, overdue and history under `books`. */
export function registerBooksRoom(books: Command, act: Act): void {
  books
    .command('show')
    .description('查看一本书：类别、册数、位置、荐书理由，谁借着、借阅记录')
    .argument('<书>', '书名（或书名的一部分），或编号如 #12')
    .addHelpText('after', `
示例：
  shuxiang books show 之江新语
  shuxiang books show '#3'
`)
    .action(act(runBooksShow));

  addFieldOptions(books.command('edit').description('修改一本书的书目信息：书名、作者、ISBN、类别、册数、位置、荐书和必学标记'), LIBRARY_CATALOGUE.fields)
    .argument('<书>', '书名（或书名的一部分），或编号如 #12')
    .option('--not-recommended', '取消书记荐书标记')
    .option('--not-required', '取消必学书目标记')
    .addHelpText('after', `
示例：
  shuxiang books edit 之江新语 --copies 3 --shelf B-1
  shuxiang books edit '#3' --isbn 9787213035845
  shuxiang books edit 之江新语 --not-recommended
`)
    .action(act(runBooksEdit));

  books
    .command('overdue')
    .description('逾期未还的书：谁借的、哪本、逾期几天')
    .option('--as-of <日期>', '按哪一天计算（默认今天）')
    .addHelpText('after', `
示例：
  shuxiang books overdue
  shuxiang books overdue --as-of 2026-12-31
  shuxiang --json books overdue
`)
    .action(act(runBooksOverdue));

  books
    .command('history')
    .description('一个人的借阅记录：借过哪些书、何时借还、是否逾期')
    .argument('<姓名>', '姓名、拼音首字母或编号（如 #12）')
    .addHelpText('after', `
示例：
  shuxiang books history 张三
  shuxiang books history zs
`)
    .action(act(runBooksHistory));
}

/** One loan in a listing, with days overdue as of the date. */
type LoanLine = LoanView & { overdue: number };

const loanState = (l: LoanLine) => (l.returnedOn ? `${l.returnedOn} 已还` : l.overdue > 0 ? `逾期 ${l.overdue} 天` : '借阅中');

async function runBooksShow(ctx: AppContext, typed: string): Promise<void> {
  const db = await ctx.openDb();
  const book = await findBook(db, typed, '书');
  const { listLoans } = await import('../../../store/loans.js');
  const { copiesIn, overdueDays } = await import('../../../domain/lending.js');
  const today = ctx.today();
  const loans: LoanLine[] = listLoans(db, { bookId: book.id }).map((l) => ({ ...l, overdue: overdueDays(l, today) }));
  const open = loans.filter((l) => !l.returnedOn);
  const { countReaders } = await import('../../../store/books.js');
  const readers = countReaders(db, book.id);
  if (ctx.json) return ctx.outJson({ ...book, available: copiesIn(book.copies, open.length), readers, loans });
  const lines = [
    `#${book.id} ${bookName(book)}`,
    `  类别：${book.category ?? '（未填）'}${book.isbn ? `    ISBN：${book.isbn}` : ''}`,
    `  册数：${book.copies}，在架 ${copiesIn(book.copies, open.length)}，借出 ${open.length}${book.shelf ? `；存放位置：${book.shelf}` : ''}`,
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

async function runBooksEdit(ctx: AppContext, typed: string, opts: Record<string, string | boolean | undefined>): Promise<void> {
  const { bookFlagValues } = await import('../../args/book.js');
  const values = await bookFlagValues(opts);
  if (opts.notRecommended) {
    if (values.recommended) throw new UserError('--recommended 和 --not-recommended 不能同时使用。');
    Object.assign(values, { recommended: false, recommendedBy: null, recommendReason: null });
  }
  if (opts.notRequired) {
    if (values.requiredYear !== undefined) throw new UserError('--required 和 --not-required 不能同时使用。');
    values.requiredYear = null;
  }
  if (Object.keys(values).length === 0) throw new UserError('没有要修改的内容：请给出 --title、--copies、--shelf 等选项（见 shuxiang books edit --help）。');
  const db = await ctx.openDb();
  const book = await findBook(db, typed, '书');
  const { listLoans } = await import('../../../store/loans.js');
  const open = listLoans(db, { bookId: book.id, open: true }).length;
  if (typeof values.copies === 'number' && values.copies < open) {
    throw new UserError(`--copies ${values.copies} 少于现在借出的 ${open} 册。`, ['请先用 shuxiang return 登记归还，再减少册数。']);
  }
  const { updateBook, getBook } = await import('../../../store/books.js');
  const { inBatch } = await import('../../../store/batches.js');
  try {
    inBatch(db, { command: 'books edit', args: `#${book.id} ${book.title}`, at: ctx.nowStamp() }, (_id, counts) => {
      updateBook(db, book.id, values);
      counts.changed++;
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UserError(`书目库中已有同名同作者的书，不能把 #${book.id} 改成这个书名和作者。`, ['如是同一本书，请用 shuxiang books show 核对后只保留一条。']);
    throw e;
  }
  const after = getBook(db, book.id)!;
  if (ctx.json) return ctx.outJson(after);
  ctx.out(`已修改 #${after.id} ${bookName(after)}：${after.category ?? '未分类'}，${after.copies} 册${after.shelf ? `，存放于 ${after.shelf}` : ''}${after.recommended ? '，书记荐书' : ''}${after.requiredYear ? `，${after.requiredYear} 年必学` : ''}`);
}

async function runBooksOverdue(ctx: AppContext, opts: { asOf?: string }): Promise<void> {
  const { auditAsOf } = await import('../../args/dates.js');
  const asOf = auditAsOf(ctx, opts.asOf);
  const db = await ctx.openDb();
  const { listLoans } = await import('../../../store/loans.js');
  const { overdueDays } = await import('../../../domain/lending.js');
  const rows: LoanLine[] = listLoans(db, { open: true }).map((l) => ({ ...l, overdue: overdueDays(l, asOf) })).filter((l) => l.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.member.localeCompare(b.member, 'zh-CN'));
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

async function runBooksHistory(ctx: AppContext, who: string): Promise<void> {
  const db = await ctx.openDb();
  const { pickMember } = await import('../../args/member.js');
  const member = await pickMember(db, who);
  const { listLoans } = await import('../../../store/loans.js');
  const { overdueDays } = await import('../../../domain/lending.js');
  const today = ctx.today();
  const rows: LoanLine[] = listLoans(db, { memberId: member.id }).map((l) => ({ ...l, overdue: overdueDays(l, today) }));
  const late = (l: LoanLine) => (l.returnedOn ? (l.returnedOn > l.dueOn ? '逾期归还' : '') : l.overdue > 0 ? '逾期未还' : '');
  printListing(ctx, { member: { id: member.id, name: member.name }, loans: rows }, [
    { header: '书名', value: (l: LoanLine) => `${bookTitle(l.title)}` },
    { header: '借出', value: (l: LoanLine) => l.lentOn },
    { header: '应还', value: (l: LoanLine) => l.dueOn },
    { header: '归还', value: (l: LoanLine) => l.returnedOn ?? '未还' },
    { header: '备注', value: late },
  ], rows, rows.length ? `${member.name} 共借阅 ${rows.length} 次，未还 ${rows.filter((l) => !l.returnedOn).length} 册。` : `${member.name} 还没有借阅记录。`);
}
