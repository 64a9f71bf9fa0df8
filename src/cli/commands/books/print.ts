// `books print`: the recommended or a year's required books as .xlsx and .docx to hand out or pin up.
import { bookList } from '../../../app/books/readingLists.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { writeOutput } from '../../writeOutput.js';
import { bookYear } from '../../args/book.js';
import { typedOutput } from '../../../io/outputFile.js';

export async function runPrint(ctx: AppContext, o: { recommended?: boolean; required?: string; xlsx?: string | true; docx?: string | true; force?: boolean }): Promise<void> {
  if (!!o.recommended === (o.required !== undefined)) throw new UserError('请给出 --recommended（书记荐书）或 --required 年份（必学书目）其中之一。');
  const year = o.required !== undefined ? bookYear(ctx.today(), o.required, '--required') : undefined;
  const db = await ctx.openDb({ readonly: true });
  const { books, model } = bookList(db, year, ctx.today());
  if (books.length === 0) throw new UserError(year ? `还没有 ${year} 年的必学书目，未生成书单。` : '还没有书记荐书，未生成书单。', ['请先用 shuxiang books require 或 books recommend 添加。']);
  const both = o.xlsx === undefined && o.docx === undefined;
  const target = (v: string | true | undefined, ext: string) =>
    (v === undefined || v === true ? ctx.path(`${model.fileStem}.${ext}`) : typedOutput(ctx.path(v), ext, `--${ext}`));
  const named = (v: string | true | undefined) => typeof v === 'string';
  const written: string[] = [];
  if (both || o.xlsx !== undefined) {
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    written.push(await writeOutput(ctx, { file: target(o.xlsx, 'xlsx'), named: named(o.xlsx), force: o.force, flag: '--xlsx' }, (tmp) => writeTableWorkbook(tmp, [model.sheet], model.doc.title)));
  }
  if (both || o.docx !== undefined) {
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    written.push(await writeOutput(ctx, { file: target(o.docx, 'docx'), named: named(o.docx), force: o.force, flag: '--docx' }, (tmp) => writeListDocx(tmp, model.doc)));
  }
  if (ctx.json) return ctx.outJson({ books: books.length, files: written });
  ctx.out([`${model.doc.title}（${books.length} 本）已生成：`, ...written.map((f) => `  ${f}`)].join('\n'));
}
