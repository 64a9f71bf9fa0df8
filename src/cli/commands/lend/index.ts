// `shuxiang lend BOOK MEMBER` and `shuxiang return BOOK [MEMBER]`: the reading room's loans. A title
// has a number of copies; a copy out on loan cannot be lent twice, nor the same book twice to one
// person; returning a book that is not out is an error. A return can record the book as read (a
// `log book` reading, finished on the return date) — asked on a terminal, or by --log-read.
import type { Command } from 'commander';
import { futureDayReason, isFutureDay } from '../../../domain/dates.js';
import { lentText, returnedText } from '../../../render/terminal/lendText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { findBook } from '../../args/book.js';
import { bookTitle } from '../../../domain/text.js';
import { dayFlagOr } from '../../args/dates.js';
import { intFlag } from '../../args/numbers.js';
import { pickMember } from '../../args/member.js';
import { lendBook } from '../../../app/lending/lendBook.js';
import { findReturn, returnBook } from '../../../app/lending/returnBook.js';

interface LendOptions { days?: string; date?: string; branch?: string }
interface ReturnOptions { date?: string; logRead?: boolean; branch?: string }

/** Declares `lend` and `return`. */
export function registerLend(program: Command, act: Act): void {
  program
    .command('lend')
    .description('图书角借书：登记某人借出一本书（默认借期 30 天）')
    .argument('<书>', '书名（或一部分），或编号如 #12')
    .argument('<姓名>', '借书人：姓名、拼音首字母或编号（如 #12）')
    .option('--days <天数>', '借期天数（默认 30）')
    .option('--date <日期>', '借出日期（默认今天）')
    .option('--branch <支部>', '借书人所在支部（重名时用）')
    .addHelpText('after', `
示例：
  shuxiang lend 之江新语 张三
  shuxiang lend '#3' zs --days 14
  shuxiang lend 中国共产党简史 李四 --date 2026-03-02

同一本书的册数都借出后不能再借；同一人不能重复借同一本书。逾期名单：shuxiang books overdue。
`)
    .action(act(runLend));

  program
    .command('return')
    .description('图书角还书：登记归还，可同时记入借书人的读书记录')
    .argument('<书>', '书名（或一部分），或编号如 #12')
    .argument('[姓名]', '还书人（这本书借给了多人时必须写）')
    .option('--date <日期>', '归还日期（默认今天）')
    .option('--log-read', '同时登记为借书人已读完这本书（读完日期为归还日期）')
    .option('--no-log-read', '不登记读书记录，也不询问')
    .option('--branch <支部>', '还书人所在支部（重名时用）')
    .addHelpText('after', `
示例：
  shuxiang return 之江新语
  shuxiang return 之江新语 张三 --log-read
  shuxiang return '#3' --date 2026-04-01 --no-log-read

在终端里运行时会询问是否记为已读；脚本中不加 --log-read 则不登记。
`)
    .action(act(runReturn));
}

/** The day --date names (today without it); a loan or a return (which can log the reading) is recorded only once it has happened. */
function dayOf(ctx: AppContext, raw: string | undefined, flag: string): string {
  const day = dayFlagOr(flag, raw, ctx.today());
  if (isFutureDay(day, ctx.today())) throw new UserError(`${flag}：${futureDayReason('日期', day, ctx.today())}。`);
  return day;
}

async function runLend(ctx: AppContext, bookTyped: string, who: string, o: LendOptions): Promise<void> {
  const day = dayOf(ctx, o.date, '--date');
  const days = o.days === undefined ? 30 : intFlag('--days', o.days, { min: 1, max: 365, what: '借期天数', example: 30 });
  const db = await ctx.openDb();
  const book = await findBook(db, bookTyped, '书');
  const member = await pickMember(db, who, o.branch);
  const loan = lendBook(db, { book, member, day, days }, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ loanId: loan.loanId, bookId: book.id, title: book.title, memberId: member.id, member: member.name, lentOn: day, dueOn: loan.dueOn, copiesLeft: loan.left });
  ctx.out(lentText(book, member.name, { day, dueOn: loan.dueOn, days, left: loan.left }));
}

async function runReturn(ctx: AppContext, bookTyped: string, who: string | undefined, o: ReturnOptions): Promise<void> {
  const day = dayOf(ctx, o.date, '--date');
  const db = await ctx.openDb();
  const book = await findBook(db, bookTyped, '书');
  let memberId: number | undefined;
  if (who !== undefined) {
    memberId = (await pickMember(db, who, o.branch)).id;
  }
  const plan = findReturn(db, { book, memberId, who, day });
  const { loan, already } = plan;
  let logRead = o.logRead;
  if (logRead === undefined && ctx.interactive && !already) {
    const { askConfirm } = await import('../../prompts.js');
    logRead = await askConfirm(ctx, '--log-read', `${loan.member} 读完${bookTitle(book.title)}了吗？记入读书记录`, true);
  }
  const r = returnBook(db, plan, logRead, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ loanId: loan.id, bookId: book.id, title: book.title, member: loan.member, lentOn: loan.lentOn, dueOn: loan.dueOn, returnedOn: day, daysLate: r.daysLate, loggedRead: r.wrote });
  ctx.out(returnedText(book, { member: loan.member, lentOn: loan.lentOn, day, daysLate: r.daysLate, wrote: r.wrote, already, logRead }));
}
