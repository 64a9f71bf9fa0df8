// Finding one book by what the user typed: its number (12 or #12), its exact title, or part of the title
// when that names one book only; otherwise a Chinese error listing the candidates. Also the book flags:
// the catalogue fields, and the year of a reading list.
import { LIBRARY_CATALOGUE } from '../../domain/libraryCatalogue.js';
import { UserError } from '../../shared/errors.js';
import { getBook, listBooks, type BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { flagAttr, parseFlagValue } from './evidenceFlags.js';
import { bookTitle, keepText, textKey } from '../../domain/text.js';
import { parseIsbn } from '../../domain/isbn.js';
import { recordNumber, yearFlag } from './numbers.js';

/** One book, or an error naming `what` (the argument or flag) and how to be precise. */
export function findBook(db: Db, typed: string, what = '书'): BookRecord {
  const t = keepText(typed).replace(/^《(.*)》$/, '$1');
  const id = /^[#＃]?(\d+)$/.exec(textKey(t));
  if (id) {
    const b = getBook(db, recordNumber(id[1]!, typed, `${what}的编号`, '编号见 shuxiang books list。'));
    if (!b) throw new UserError(`${what}：书目库中没有编号 #${id[1]} 的书。`, ['编号见 shuxiang books list。']);
    return b;
  }
  // Titles are kept as typed; the lookup folds full-width forms on both sides (text.ts textKey).
  const key = textKey(t);
  const found = listBooks(db).filter((b) => textKey(b.title).includes(key)).sort((a, b) => a.title.localeCompare(b.title, 'zh') || a.id - b.id);
  const exact = found.filter((b) => textKey(b.title) === key);
  if (exact.length === 1) return exact[0]!;
  const list = exact.length > 1 ? exact : found;
  if (list.length === 1) return list[0]!;
  if (list.length === 0) {
    throw new UserError(`${what}“${typed}”不在书目库中。`, ['请核对书名，或用 shuxiang books list 查看书目；新书请先用 shuxiang books add --title 书名 登记。']);
  }
  throw new UserError(`${what}“${typed}”对应了 ${list.length} 本书，无法确定是哪一本：`, [
    ...list.slice(0, 10).map((b) => `#${b.id} ${bookTitle(b.title)}${b.author ? `（${b.author}）` : ''}`),
    '请写全书名，或用编号（如 #12）指定。',
  ]);
}

/** 《书名》（作者）: the terminal's wording, re-exported for the book commands. */
export { bookName } from '../../render/terminal/lendText.js';

/** The catalogue values typed as flags (each checked like a sheet cell; the ISBN by its check digit). */
export function bookFlagValues(opts: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of LIBRARY_CATALOGUE.fields) {
    const raw = opts[flagAttr(f)];
    if (raw !== undefined) values[f.key] = parseFlagValue(f, raw);
  }
  if (typeof values.isbn === 'string' && values.isbn) {
    const r = parseIsbn(values.isbn);
    if (!r.ok) throw new UserError(`--isbn：ISBN“${values.isbn}”无效：${r.reason}。`, ['ISBN 印在封底条形码上方和版权页上；不清楚时可不填。']);
    values.isbn = r.isbn;
  }
  return values;
}

/** The year of a reading list (`books require --year`, `books print --required`); this year when not given. */
export function bookYear(today: string, raw: string | undefined, flag: string): number {
  return raw === undefined ? Number(today.slice(0, 4)) : yearFlag(flag, raw);
}
