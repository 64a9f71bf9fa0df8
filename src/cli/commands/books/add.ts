// `books add`: one book from flags, added or (same title and author) updated.
import { addBook } from '../../../app/books/catalogue.js';
import { bookTitle } from '../../../domain/text.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { bookInput } from '../../importing/books.js';
import { bookFlagValues } from '../../args/book.js';

export async function runBooksAdd(ctx: AppContext, opts: Record<string, string | boolean | undefined>): Promise<void> {
  const values = bookFlagValues(opts);
  if (!values.title) throw new UserError('缺少 --title：请写明书名，如 --title 之江新语。');
  if ((values.recommendedBy || values.recommendReason) && !values.recommended) {
    throw new UserError('--by 和 --reason 是书记荐书的推荐人和理由，请同时加上 --recommended。');
  }
  const db = await ctx.openDb();
  const r = addBook(db, bookInput(values), ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ ...r.book, outcome: r.outcome });
  const b = r.book;
  const marks = [b.category, `${b.copies} 册`, b.shelf ? `存放于 ${b.shelf}` : '', b.recommended ? '书记荐书' : '', b.requiredYear ? `${b.requiredYear} 年必学书目` : ''].filter(Boolean).join('，');
  const verb = { added: '已添加', updated: '已更新', unchanged: '书目库中已有' }[r.outcome];
  ctx.out(`${verb}${bookTitle(b.title)}${b.author ? `（${b.author}）` : ''}，编号 #${b.id}${marks ? `：${marks}` : ''}`);
}
