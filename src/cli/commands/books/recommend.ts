// The reading lists under `books`: 书记荐书 (recommend a book with who and why, or list them), 必学书目
// (mark a book required for a year, or list them), and `books print`, the list as .xlsx and .docx to
// hand out or pin up.
import type { Command } from 'commander';
import { UserError } from '../../../shared/errors.js';
import type { BookRecord } from '../../../store/books.js';
import type { AppContext } from '../../context.js';
import { printListing } from '../../output.js';
import type { Act } from '../../programBase.js';
import { bookName, findBook } from '../../args/book.js';
import { bookTitle } from '../../../domain/text.js';

/** Declares recommend, require and print under `books`. */
export function registerBooksLists(books: Command, act: Act): void {
  books
    .command('recommend')
    .description('书记荐书：把一本书标为推荐（写明推荐人和理由）；不写书名则列出全部荐书')
    .argument('[书]', '书名（或一部分），或编号如 #12')
    .option('--by <推荐人>', '推荐人，如 李书记')
    .option('--reason <理由>', '一句话推荐理由')
    .addHelpText('after', `
示例：
  shuxiang books recommend 之江新语 --by 李书记 --reason "文风清新，常读常新"
  shuxiang books recommend                     列出全部书记荐书
`)
    .action(act(runRecommend));

  books
    .command('require')
    .description('必学书目：把书列为某年度必学；不写书名则列出该年度的必学书目')
    .argument('[书...]', '书名（或一部分），或编号如 #12；可写多本')
    .option('--year <年份>', '哪一年的必学书目（默认今年）')
    .addHelpText('after', `
示例：
  shuxiang books require 中国共产党简史 之江新语 --year 2027
  shuxiang books require --year 2027           列出 2027 年必学书目
`)
    .action(act(runRequire));

  books
    .command('print')
    .description('打印书单：书记荐书或某年度必学书目，生成 Excel 和 Word')
    .option('--recommended', '书记荐书书单')
    .option('--required <年份>', '该年度的必学书目书单')
    .option('--xlsx [文件]', '生成 Excel（默认文件名如 2027年必学书目.xlsx）')
    .option('--docx [文件]', '生成 Word（GB/T 9704 版式）')
    .option('-f, --force', '要写的文件已存在时覆盖它')
    .addHelpText('after', `
不写 --xlsx/--docx 时两种都生成，保存在当前文件夹。

示例：
  shuxiang books print --required 2027
  shuxiang books print --recommended --docx 书记荐书.docx
`)
    .action(act(runPrint));
}

async function runRecommend(ctx: AppContext, typed: string | undefined, o: { by?: string; reason?: string }): Promise<void> {
  const db = await ctx.openDb();
  const { listBooks, updateBook, getBook } = await import('../../../store/books.js');
  if (!typed) {
    if (o.by || o.reason) throw new UserError('请写明推荐哪本书，如 shuxiang books recommend 之江新语 --by 李书记 --reason "……"。');
    const rows = listBooks(db, { recommended: true });
    return printListing(ctx, rows, [
      { header: '编号', value: (b: BookRecord) => b.id, align: 'right' },
      { header: '书名', value: (b: BookRecord) => `${bookTitle(b.title)}` },
      { header: '推荐人', value: (b: BookRecord) => b.recommendedBy },
      { header: '推荐理由', value: (b: BookRecord) => b.recommendReason },
    ], rows, rows.length ? `书记荐书 ${rows.length} 本` : '还没有书记荐书。可用 shuxiang books recommend 书名 --by 推荐人 --reason 理由 添加。');
  }
  const book = await findBook(db, typed, '书');
  if (!o.by && !book.recommendedBy) throw new UserError('缺少 --by：请写明推荐人，如 --by 李书记。');
  const { inBatch } = await import('../../../store/batches.js');
  inBatch(db, { command: 'books recommend', args: `#${book.id} ${book.title}`, at: ctx.nowStamp() }, (_id, counts) => {
    updateBook(db, book.id, { recommended: true, ...(o.by ? { recommendedBy: o.by.trim() } : {}), ...(o.reason ? { recommendReason: o.reason.trim() } : {}) });
    counts.changed++;
  });
  const after = getBook(db, book.id)!;
  if (ctx.json) return ctx.outJson(after);
  ctx.out(`已列为书记荐书：${bookName(after)}，推荐人 ${after.recommendedBy}${after.recommendReason ? `：${after.recommendReason}` : ''}`);
}

function yearOf(ctx: AppContext, raw: string | undefined, flag: string): number {
  if (raw === undefined) return Number(ctx.today().slice(0, 4));
  const y = Number(raw.trim());
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UserError(`${flag} 的取值“${raw}”无效，应写成 2027 这样的年份。`);
  return y;
}

async function runRequire(ctx: AppContext, typed: string[], o: { year?: string }): Promise<void> {
  const year = yearOf(ctx, o.year, '--year');
  const db = await ctx.openDb();
  const { listBooks, updateBook } = await import('../../../store/books.js');
  if (typed.length === 0) {
    const rows = listBooks(db, { requiredYear: year });
    return printListing(ctx, rows, [
      { header: '编号', value: (b: BookRecord) => b.id, align: 'right' },
      { header: '书名', value: (b: BookRecord) => `${bookTitle(b.title)}` },
      { header: '作者', value: (b: BookRecord) => b.author },
      { header: '类别', value: (b: BookRecord) => b.category },
    ], rows, rows.length ? `${year} 年必学书目 ${rows.length} 本` : `还没有 ${year} 年的必学书目。可用 shuxiang books require 书名 --year ${year} 添加。`);
  }
  const found: BookRecord[] = [];
  for (const t of typed) found.push(await findBook(db, t, '书'));
  const { inBatch } = await import('../../../store/batches.js');
  inBatch(db, { command: 'books require', args: `${year} ${found.map((b) => b.title).join('、')}`, at: ctx.nowStamp() }, (_id, counts) => {
    for (const b of found) if (b.requiredYear !== year) { updateBook(db, b.id, { requiredYear: year }); counts.changed++; }
  });
  if (ctx.json) return ctx.outJson({ year, books: found.map((b) => ({ ...b, requiredYear: year })) });
  const moved = found.filter((b) => b.requiredYear && b.requiredYear !== year);
  ctx.out(`已列为 ${year} 年必学书目：${found.map((b) => `${bookTitle(b.title)}`).join('、')}`);
  if (moved.length) ctx.warn(`${moved.map((b) => `${bookTitle(b.title)}原为 ${b.requiredYear} 年必学`).join('；')}，现改为 ${year} 年。`);
}

async function runPrint(ctx: AppContext, o: { recommended?: boolean; required?: string; xlsx?: string | true; docx?: string | true; force?: boolean }): Promise<void> {
  if (!!o.recommended === (o.required !== undefined)) throw new UserError('请给出 --recommended（书记荐书）或 --required 年份（必学书目）其中之一。');
  const year = o.required !== undefined ? yearOf(ctx, o.required, '--required') : undefined;
  const db = await ctx.openDb({ readonly: true });
  const { listBooks } = await import('../../../store/books.js');
  const { readSettings } = await import('../../../store/settings.js');
  const organ = readSettings(db).organ ?? '';
  const books = listBooks(db, year ? { requiredYear: year } : { recommended: true });
  if (books.length === 0) throw new UserError(year ? `还没有 ${year} 年的必学书目，未生成书单。` : '还没有书记荐书，未生成书单。', ['请先用 shuxiang books require 或 books recommend 添加。']);
  const { bookListModel } = await import('../../../reports/bookList.js');
  const model = bookListModel(books, { organ, year, today: ctx.today() });
  const both = o.xlsx === undefined && o.docx === undefined;
  const target = (v: string | true | undefined, ext: string) => {
    const f = v === undefined || v === true ? `${model.fileStem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`;
    return ctx.path(f);
  };
  const { writeOutput } = await import('../../writeOutput.js');
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
