// The printable reading list (书记荐书 or 必学书目) as one model for both the .xlsx sheet and the .docx
// list: numbered rows with title, author, category, where to find it, and the recommender's line. It is
// printed for members, so it carries no command lines, and dates are written 2026年12月1日.
import type { BookRecord } from '../store/books.js';
import type { TableSheet } from '../render/excel/tableSheet.js';
import type { ListDoc } from '../render/word/listDocx.js';
import { bookTitle } from '../domain/text.js';
import { dateText } from './reportNames.js';

/** The sheet, the document and the default file name (without extension). */
export interface BookListModel {
  sheet: TableSheet;
  doc: ListDoc;
  fileStem: string;
}

/** Builds the list of `books`; `year` makes it the 必学书目 of that year, else the 书记荐书 list. */
export function bookListModel(books: BookRecord[], o: { organ: string; year?: number; today: string }): BookListModel {
  const required = o.year !== undefined;
  const name = required ? `${o.year}年必学书目` : '书记荐书书目';
  const title = `${o.organ}${name}`;
  const rows = books.map((b, i) => required
    ? [String(i + 1), `${bookTitle(b.title)}`, b.author ?? '', b.category ?? '', b.shelf ?? '']
    : [String(i + 1), `${bookTitle(b.title)}`, b.author ?? '', b.recommendedBy ?? '', b.recommendReason ?? '']);
  const headers = required ? ['序号', '书名', '作者', '类别', '存放位置'] : ['序号', '书名', '作者', '推荐人', '推荐理由'];
  const intro = required
    ? [`根据年度学习计划，${o.year}年全体党员必学书目共${books.length}本，请结合每月学习主题安排阅读，读完后在个人学习台账中登记，并撰写心得体会。图书角藏书可向支部登记借阅。`]
    : [`以下${books.length}本书由支部书记推荐，附推荐理由，供大家选读。图书角藏书可向支部登记借阅。`];
  return {
    fileStem: name,
    sheet: {
      name: required ? '必学书目' : '书记荐书', title, freezeColumns: 2,
      columns: headers.map((h, i) => ({ header: h, kind: i === 0 ? 'int' as const : 'text' as const, ...(i === 0 ? { width: 6, align: 'center' as const } : {}), ...(h === '推荐理由' || h === '书名' ? { wrap: true } : {}) })),
      rows: rows.map((r) => [Number(r[0]), ...r.slice(1)]),
    },
    doc: {
      title, intro, caption: name, headers, rows,
      widths: required ? [8, 30, 14, 10, 12] : [8, 24, 12, 10, 30],
      centred: required ? [true, false, false, true, true] : [true, false, false, true, false],
      sign: [o.organ, dateText(o.today)].filter(Boolean),
    },
  };
}
