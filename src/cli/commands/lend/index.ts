// `shuxiang lend BOOK MEMBER` and `shuxiang return BOOK [MEMBER]`: the reading room's loans. A title
// has a number of copies; a copy out on loan cannot be lent twice, nor the same book twice to one
// person; returning a book that is not out is an error. A return can record the book as read (a
// `log book` reading, finished on the return date) — asked on a terminal, or by --log-read.
import type { Command } from 'commander';
import { futureDayReason, isFutureDay } from '../../../domain/dates.js';
import type { LendRefusal } from '../../../domain/lending.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { bookName, findBook } from '../../args/book.js';
import { bookTitle } from '../../../domain/text.js';

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

function dayOf(ctx: AppContext, raw: string | undefined, flag: string): string {
  if (raw === undefined) return ctx.today();
  const p = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.normalize('NFKC').trim());
  const iso = p ? `${p[1]}-${p[2]!.padStart(2, '0')}-${p[3]!.padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!p || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new UserError(`${flag} 的取值“${raw}”不是有效日期，请写成 2026-03-10 这样的格式。`);
  // A loan or a return (which can log the reading) is recorded only once it has happened.
  if (isFutureDay(iso, ctx.today())) throw new UserError(`${flag}：${futureDayReason('日期', iso, ctx.today())}。`);
  return iso;
}

function refusalText(r: LendRefusal, title: string, names: Map<number, string>): UserError {
  if (r.kind === 'already-has') return new UserError(`${names.get(r.loan.memberId)} 已借了${bookTitle(title)}（${r.loan.lentOn} 借出，应还 ${r.loan.dueOn}），不能重复借同一本书。`, ['如要续借，请先 shuxiang return 还书再重新借。']);
  if (r.kind === 'no-copies') return new UserError(`${bookTitle(title)}在书目库中登记为 0 册，图书角没有这本书可借。`, ['如已购入，请先用 shuxiang books edit 书名 --copies 册数 登记册数。']);
  return new UserError(`${bookTitle(title)}共 ${r.copies} 册，已全部借出（${r.holders.map((id) => names.get(id)).join('、')}），现在不能再借。`, ['请等归还后再借，或用 shuxiang books edit 书名 --copies 增加册数。']);
}

async function runLend(ctx: AppContext, bookTyped: string, who: string, o: LendOptions): Promise<void> {
  const day = dayOf(ctx, o.date, '--date');
  let days = 30;
  if (o.days !== undefined) {
    days = Number(o.days.trim());
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new UserError(`--days 的取值“${o.days}”无效，应为 1 到 365 之间的整数（天数）。`);
  }
  const db = await ctx.openDb();
  const book = await findBook(db, bookTyped, '书');
  const { pickMember } = await import('../../args/member.js');
  const member = await pickMember(db, who, o.branch);
  const { onRollOn } = await import('../../../domain/member.js');
  if (!onRollOn(member, day)) throw new UserError(`${member.name} 在 ${day} 不在册，不能借书。`, ['请核对姓名和日期；在册期间见 shuxiang member show 姓名。']);
  const { checkLend, dueDate } = await import('../../../domain/lending.js');
  const { listLoans, addLoan } = await import('../../../store/loans.js');
  const { inBatch } = await import('../../../store/batches.js');
  const due = dueDate(day, days);
  const loan = inBatch(db, { command: 'lend', args: `${book.title} ${member.name}`, at: ctx.nowStamp() }, (batchId, counts) => {
    // Checked inside the transaction, so two secretaries lending the last copy at once cannot both succeed.
    const open = listLoans(db, { bookId: book.id, open: true });
    const refusal = checkLend(book.copies, open, member.id);
    if (refusal) throw refusalText(refusal, book.title, new Map([...open.map((l) => [l.memberId, l.member] as const), [member.id, member.name]]));
    counts.added++;
    return { id: addLoan(db, { bookId: book.id, memberId: member.id, lentOn: day, dueOn: due }, batchId), left: book.copies - open.length - 1 };
  });
  if (ctx.json) return ctx.outJson({ loanId: loan.id, bookId: book.id, title: book.title, memberId: member.id, member: member.name, lentOn: day, dueOn: due, copiesLeft: loan.left });
  ctx.out(`已借出${bookName(book)}给 ${member.name}：${day} 借出，应于 ${due} 前归还（借期 ${days} 天）。${book.shelf ? `书架 ${book.shelf}，` : ''}在架还剩 ${loan.left} 册。`);
}

async function runReturn(ctx: AppContext, bookTyped: string, who: string | undefined, o: ReturnOptions): Promise<void> {
  const day = dayOf(ctx, o.date, '--date');
  const db = await ctx.openDb();
  const book = await findBook(db, bookTyped, '书');
  const { listLoans, closeLoan } = await import('../../../store/loans.js');
  const { loanToReturn, overdueDays } = await import('../../../domain/lending.js');
  const open = listLoans(db, { bookId: book.id, open: true });
  let memberId: number | undefined;
  if (who !== undefined) {
    const { pickMember } = await import('../../args/member.js');
    memberId = (await pickMember(db, who, o.branch)).id;
  }
  const pick = loanToReturn(open, memberId);
  if (pick === 'not-lent') throw new UserError(`${bookTitle(book.title)}现在没有借出，无需归还。`, ['请核对书名；谁借了哪本书可用 shuxiang books show 书名 或 shuxiang books overdue 查看。']);
  if (pick === 'not-holder') throw new UserError(`${bookTitle(book.title)}没有借给 ${who}，现在借着的是：${open.map((l) => l.member).join('、')}。`, ['请核对还书人姓名。']);
  if (pick === 'ambiguous') throw new UserError(`${bookTitle(book.title)}借给了 ${open.length} 人（${open.map((l) => l.member).join('、')}），请写明是谁还的，如 shuxiang return ${book.title} ${open[0]!.member}。`);
  const loan = pick;
  if (day < loan.lentOn) throw new UserError(`--date ${day} 早于借出日期 ${loan.lentOn}，请核对归还日期。`);
  let logRead = o.logRead;
  const { readingFinished } = await import('../../../store/books.js');
  const already = readingFinished(db, loan.memberId, book.id);
  if (logRead === undefined && ctx.interactive && !already) {
    const { askConfirm } = await import('../../prompts.js');
    logRead = await askConfirm(ctx, '--log-read', `${loan.member} 读完${bookTitle(book.title)}了吗？记入读书记录`, true);
  }
  const { inBatch } = await import('../../../store/batches.js');
  const { writeEvidence } = await import('../../../store/evidenceWrite.js');
  const wrote = inBatch(db, { command: 'return', args: `${book.title} ${loan.member}${logRead ? ' --log-read' : ''}`, at: ctx.nowStamp() }, (batchId, counts) => {
    closeLoan(db, loan.id, day);
    counts.changed++;
    if (!logRead || already) return false;
    writeEvidence(db, [{ kind: 'book', memberId: loan.memberId, values: { title: book.title, author: book.author ?? null, isbn: null, category: book.category ?? null, started: loan.lentOn, finished: day } }], batchId, counts);
    return true;
  });
  const late = Math.max(0, overdueDays({ dueOn: loan.dueOn }, day));
  if (ctx.json) return ctx.outJson({ loanId: loan.id, bookId: book.id, title: book.title, member: loan.member, lentOn: loan.lentOn, dueOn: loan.dueOn, returnedOn: day, daysLate: late, loggedRead: wrote });
  ctx.out(`已归还${bookName(book)}（${loan.member}，${loan.lentOn} 借出${late ? `，逾期 ${late} 天` : ''}）。${wrote ? `已记入 ${loan.member} 的读书记录（${day} 读完）。` : already && logRead ? `${loan.member} 的读书记录中已有这本书。` : ''}`);
}
