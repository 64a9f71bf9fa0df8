// What `lend` and `return` say on a terminal, from plain loan facts.
import { bookTitle } from '../../domain/text.js';

/** A book as the terminal names it: 《书名》（作者）. */
export interface ShownBook {
  title: string;
  author?: string;
  shelf?: string;
}

/** 《书名》（作者） */
export function bookName(b: Pick<ShownBook, 'title' | 'author'>): string {
  return `${bookTitle(b.title)}${b.author ? `（${b.author}）` : ''}`;
}

/** “已借出《…》给 张三：… 借出，应于 … 前归还（借期 30 天）。…在架还剩 1 册。” */
export function lentText(book: ShownBook, member: string, l: { day: string; dueOn: string; days: number; left: number }): string {
  return `已借出${bookName(book)}给 ${member}：${l.day} 借出，应于 ${l.dueOn} 前归还（借期 ${l.days} 天）。${book.shelf ? `书架 ${book.shelf}，` : ''}在架还剩 ${l.left} 册。`;
}

/** “已归还《…》（张三，… 借出，逾期 3 天）。已记入 张三 的读书记录（… 读完）。” */
export function returnedText(book: ShownBook, r: { member: string; lentOn: string; day: string; daysLate: number; wrote: boolean; already: boolean; logRead?: boolean }): string {
  const read = r.wrote ? `已记入 ${r.member} 的读书记录（${r.day} 读完）。` : r.already && r.logRead ? `${r.member} 的读书记录中已有这本书。` : '';
  return `已归还${bookName(book)}（${r.member}，${r.lentOn} 借出${r.daysLate ? `，逾期 ${r.daysLate} 天` : ''}）。${read}`;
}
