// `books require`: 必学书目 — books made required for a year, or the year's list.
import { requireBooks, requiredBooks } from '../../../app/books/readingLists.js';
import { bookTitle } from '../../../domain/text.js';
import type { BookRecord } from '../../../store/books.js';
import type { AppContext } from '../../context.js';
import { printListing } from '../../output.js';
import { bookYear, findBook } from '../../args/book.js';

export async function runRequire(ctx: AppContext, typed: string[], o: { year?: string }): Promise<void> {
  const year = bookYear(ctx.today(), o.year, '--year');
  const db = await ctx.openDb();
  if (typed.length === 0) {
    const rows = requiredBooks(db, year);
    return printListing(ctx, rows, [
      { header: '编号', value: (b: BookRecord) => b.id, align: 'right' },
      { header: '书名', value: (b: BookRecord) => `${bookTitle(b.title)}` },
      { header: '作者', value: (b: BookRecord) => b.author },
      { header: '类别', value: (b: BookRecord) => b.category },
    ], rows, rows.length ? `${year} 年必学书目 ${rows.length} 本` : `还没有 ${year} 年的必学书目。可用 shuxiang books require 书名 --year ${year} 添加。`);
  }
  const found: BookRecord[] = [];
  for (const t of typed) found.push(findBook(db, t, '书'));
  requireBooks(db, found, year, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ year, books: found.map((b) => ({ ...b, requiredYear: year })) });
  const moved = found.filter((b) => b.requiredYear && b.requiredYear !== year);
  ctx.out(`已列为 ${year} 年必学书目：${found.map((b) => `${bookTitle(b.title)}`).join('、')}`);
  if (moved.length) ctx.warn(`${moved.map((b) => `${bookTitle(b.title)}原为 ${b.requiredYear} 年必学`).join('；')}，现改为 ${year} 年。`);
}
