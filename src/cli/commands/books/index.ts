// `shuxiang books …`: the book catalogue (书目库) and reading room (图书角/阅览室). The definitions and help
// are here; each subcommand runs in its own file (list, add, show, edit, overdue, history, recommend,
// require, print); `books import` is the importer in src/cli/importing/books.ts. Lending itself is
// `shuxiang lend` / `shuxiang return`.
import type { Command } from 'commander';
import { LIBRARY_CATALOGUE } from '../../../domain/libraryCatalogue.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import type { ImportOptions } from '../../importing/options.js';
import { importBooks } from '../../importing/books.js';
import { addFieldOptions } from '../../args/evidenceFlags.js';
import { runBooksAdd } from './add.js';
import { runBooksEdit } from './edit.js';
import { runBooksHistory } from './history.js';
import { runBooksList, type BooksListOptions } from './list.js';
import { runBooksOverdue } from './overdue.js';
import { runPrint } from './print.js';
import { runRecommend } from './recommend.js';
import { runRequire } from './require.js';
import { runBooksShow } from './show.js';

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
    .option('--sheet <工作表>', '只读这个工作表（默认读所有可见的工作表；隐藏的工作表须用它指定）')
    .option('--dry-run', '只显示将会新增、修改多少本书，不写入')
    .option('--skip-invalid', '跳过有问题的行，其余照常导入；问题行写到“原文件名.rejects.xlsx”')
    .addHelpText('after', `
表头可用：书名（必填）、作者、ISBN、类别、书记荐书（是/否）、推荐人、推荐理由、必学年度、册数、存放位置。
空白书单可用 shuxiang template books 生成。

示例：
  shuxiang books import 书单.xlsx
  shuxiang books import 2026年必学书目.xlsx --dry-run
`)
    .action(act((ctx: AppContext, files: string[], opts: ImportOptions) => importBooks(ctx, files.map((f) => ctx.path(f)), opts)));

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
