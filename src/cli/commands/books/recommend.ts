// `books recommend`: 书记荐书 — a book recommended with who and why, or the list of them.
import { recommendBook, recommendedBooks } from '../../../app/books/readingLists.js';
import { bookTitle } from '../../../domain/text.js';
import { UserError } from '../../../shared/errors.js';
import type { BookRecord } from '../../../store/books.js';
import type { AppContext } from '../../context.js';
import { printListing } from '../../output.js';
import { bookName, findBook } from '../../args/book.js';

export async function runRecommend(ctx: AppContext, typed: string | undefined, o: { by?: string; reason?: string }): Promise<void> {
  const db = await ctx.openDb();
  if (!typed) {
    if (o.by || o.reason) throw new UserError('请写明推荐哪本书，如 shuxiang books recommend 之江新语 --by 李书记 --reason "……"。');
    const rows = recommendedBooks(db);
    return printListing(ctx, rows, [
      { header: '编号', value: (b: BookRecord) => b.id, align: 'right' },
      { header: '书名', value: (b: BookRecord) => `${bookTitle(b.title)}` },
      { header: '推荐人', value: (b: BookRecord) => b.recommendedBy },
      { header: '推荐理由', value: (b: BookRecord) => b.recommendReason },
    ], rows, rows.length ? `书记荐书 ${rows.length} 本` : '还没有书记荐书。可用 shuxiang books recommend 书名 --by 推荐人 --reason 理由 添加。');
  }
  const book = findBook(db, typed, '书');
  if (!o.by && !book.recommendedBy) throw new UserError('缺少 --by：请写明推荐人，如 --by 李书记。');
  const after = recommendBook(db, book, o, ctx.nowStamp());
  if (ctx.json) return ctx.outJson(after);
  ctx.out(`已列为书记荐书：${bookName(after)}，推荐人 ${after.recommendedBy}${after.recommendReason ? `：${after.recommendReason}` : ''}`);
}
