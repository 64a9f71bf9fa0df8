// `shuxiang books …`: the book catalogue (书目库) and reading room (图书角/阅览室): list, add, import here;
// show, edit, overdue, history in booksRoom.ts; the 书记荐书 / 必学书目 lists and the printable list in
// booksLists.ts. Lending itself is `shuxiang lend` / `shuxiang return` (lend.ts).
import type { Command } from 'commander';
import { LIBRARY_CATALOGUE, libraryField } from '../../../domain/libraryCatalogue.js';
import { UserError } from '../../../shared/errors.js';
import type { BookRecord } from '../../../store/books.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';
import type { Act } from '../../programBase.js';
import type { ImportOptions } from '../../importing/options.js';
import { bookFlagValues } from '../../args/book.js';
import { registerBooksLists } from './recommend.js';
import { registerBooksRoom } from './show.js';
import { addFieldOptions, parseFlagValue } from '../../args/evidenceFlags.js';
import { bookTitle } from '../../../domain/text.js';

interface BooksListOptions {
  category?: string;
  recommended?: boolean;
  required?: string;
  available?: boolean;
}

export function registerBooks(program: Command, act: Act): void {
  const books = program
    .command('books')
    .description('书目库与图书角：书目、册数和位置，借阅、逾期，书记荐书和必学书目')
    .addHelpText('after', `
示例：
  shuxiang books add --title 之江新语 --author 习近平 --category 政治理论 --copies 2 --shelf A-3
  shuxiang books list --available
  shuxiang books import 书单.xlsx
  shuxiang lend 之江新语 张三                 借出（见 shuxiang lend --help）
  shuxiang books overdue                      逾期未还的书
  shuxiang books print --required 2026 --docx 必学书目.docx
`);

  books
    .command('list')
    .description('列出书目库（可按类别、荐书、必学年度筛选），含册数、在架数和存放位置')
    .option('--category <类别>', '只列这一类：政治理论、业务、科学人文、党史、其他')
    .option('--recommended', '只列书记荐书')
    .option('--required <年份>', '只列该年度的必学书目，如 2026')
    .option('--available', '只列现在架上有书可借的')
    .addHelpText('after', `
示例：
  shuxiang books list
  shuxiang books list --category 党史
  shuxiang books list --required 2026 --json
`)
    .action(act(runBooksList));

  addFieldOptions(books.command('add').description('添加一本书，或修改已有书目的类别、册数和标记（书名 + 作者确定一本书）'), LIBRARY_CATALOGUE.fields)
    .addHelpText('after', `
示例：
  shuxiang books add --title 之江新语 --author 习近平 --category 政治理论 --isbn 978-7-213-03584-5
  shuxiang books add --title 之江新语 --author 习近平 --copies 3 --shelf "二楼图书角 A-3"
  shuxiang books add --title 之江新语 --author 习近平 --recommended --by 李书记 --reason "文风清新，常读常新"
  shuxiang books add --title "中国共产党简史" --category 党史 --required 2026
`)
    .action(act(runBooksAdd));

  books
    .command('import')
    .description('从 Excel/CSV 书单导入书目（同 shuxiang import --kind books）')
    .argument('<文件...>', '表格文件（.xlsx、.xls、WPS .et、.ods 或 .csv），或放着它们的文件夹')
    .option('--dry-run', '只显示将会新增、修改多少本书，不写入')
    .option('--skip-invalid', '跳过有问题的行，其余照常导入；问题行写到“原文件名.rejects.xlsx”')
    .addHelpText('after', `
表头可用：书名（必填）、作者、ISBN、类别、书记荐书（是/否）、推荐人、推荐理由、必学年度、册数、存放位置。
空白书单可用 shuxiang template books 生成。

示例：
  shuxiang books import 书单.xlsx
  shuxiang books import 2026年必学书目.xlsx --dry-run
`)
    .action(act(async (ctx: AppContext, files: string[], opts: ImportOptions) => {
      const { importBooks } = await import('../../importing/books.js');
      await importBooks(ctx, files.map((f) => ctx.path(f)), opts);
    }));

  registerBooksRoom(books, act);
  registerBooksLists(books, act);
}

type Listed = BookRecord & { out: number; available: number };

const COLUMNS: Column<Listed>[] = [
  { header: '编号', value: (b) => b.id, align: 'right' },
  { header: '书名', value: (b) => b.title },
  { header: '作者', value: (b) => b.author },
  { header: '类别', value: (b) => b.category },
  { header: '册数', value: (b) => b.copies, align: 'right' },
  { header: '在架', value: (b) => b.available, align: 'right' },
  { header: '位置', value: (b) => b.shelf },
  { header: '书记荐书', value: (b) => (b.recommended ? `是${b.recommendedBy ? `（${b.recommendedBy}）` : ''}` : '') },
  { header: '必学年度', value: (b) => b.requiredYear },
];

async function runBooksList(ctx: AppContext, opts: BooksListOptions): Promise<void> {
  const category = opts.category === undefined ? undefined : parseFlagValue(libraryField('category'), opts.category) as string;
  const year = opts.required === undefined ? undefined : parseFlagValue(libraryField('requiredYear'), opts.required) as number;
  const db = await ctx.openDb();
  const { listBooks } = await import('../../../store/books.js');
  const { openLoanCounts } = await import('../../../store/loans.js');
  const { copiesIn } = await import('../../../domain/lending.js');
  const out = openLoanCounts(db);
  let rows: Listed[] = listBooks(db, { category, recommended: opts.recommended, requiredYear: year })
    .map((b) => ({ ...b, out: out.get(b.id) ?? 0, available: copiesIn(b.copies, out.get(b.id) ?? 0) }));
  if (opts.available) rows = rows.filter((b) => b.available > 0);
  const lent = rows.reduce((s, b) => s + b.out, 0);
  printListing(ctx, rows, COLUMNS, rows, rows.length ? `共 ${rows.length} 种 ${rows.reduce((s, b) => s + b.copies, 0)} 册，借出 ${lent} 册` : '书目库中没有符合条件的书（可用 shuxiang books add 或 books import 添加）。');
}

async function runBooksAdd(ctx: AppContext, opts: Record<string, string | boolean | undefined>): Promise<void> {
  const values = await bookFlagValues(opts);
  if (!values.title) throw new UserError('缺少 --title：请写明书名，如 --title 之江新语。');
  if ((values.recommendedBy || values.recommendReason) && !values.recommended) {
    throw new UserError('--by 和 --reason 是书记荐书的推荐人和理由，请同时加上 --recommended。');
  }
  const db = await ctx.openDb();
  const { BookCatalogue } = await import('../../../store/books.js');
  const { bookInput } = await import('../../importing/books.js');
  const { inBatch } = await import('../../../store/batches.js');
  const r = inBatch(db, { command: 'books add', args: String(values.title), at: ctx.nowStamp() }, (batchId, counts) => {
    const out = new BookCatalogue(db).upsert(bookInput(values), batchId, 'set');
    if (out.outcome === 'added') counts.added++;
    if (out.outcome === 'updated') counts.changed++;
    return out;
  });
  if (ctx.json) return ctx.outJson({ ...r.book, outcome: r.outcome });
  const b = r.book;
  const marks = [b.category, `${b.copies} 册`, b.shelf ? `存放于 ${b.shelf}` : '', b.recommended ? '书记荐书' : '', b.requiredYear ? `${b.requiredYear} 年必学书目` : ''].filter(Boolean).join('，');
  const verb = { added: '已添加', updated: '已更新', unchanged: '书目库中已有' }[r.outcome];
  ctx.out(`${verb}${bookTitle(b.title)}${b.author ? `（${b.author}）` : ''}，编号 #${b.id}${marks ? `：${marks}` : ''}`);
}
