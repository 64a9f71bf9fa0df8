// `books edit`: one book's catalogue entry, only the fields given (and the marks taken off).
import { editBook } from '../../../app/books/catalogue.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { bookFlagValues, bookName, findBook } from '../../args/book.js';

export async function runBooksEdit(ctx: AppContext, typed: string, opts: Record<string, string | boolean | undefined>): Promise<void> {
  const values = bookFlagValues(opts);
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
  const book = findBook(db, typed, '书');
  const after = editBook(db, book, values, ctx.nowStamp());
  if (ctx.json) return ctx.outJson(after);
  ctx.out(`已修改 #${after.id} ${bookName(after)}：${after.category ?? '未分类'}，${after.copies} 册${after.shelf ? `，存放于 ${after.shelf}` : ''}${after.recommended ? '，书记荐书' : ''}${after.requiredYear ? `，${after.requiredYear} 年必学` : ''}`);
}
