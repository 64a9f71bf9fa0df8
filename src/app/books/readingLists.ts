// The reading lists: 书记荐书 (a book recommended, with who and why), 必学书目 (books required for a
// year), and the model of the printable list of either.
import { bookListModel, type BookListModel } from '../../reports/bookList.js';
import { inBatch } from '../../store/batches.js';
import { getBook, listBooks, updateBook, type BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { readSettings } from '../../store/settings.js';

export function recommendedBooks(db: Db): BookRecord[] {
  return listBooks(db, { recommended: true });
}

/** Marks the book recommended (keeping who and why unless given anew) in one batch. */
export function recommendBook(db: Db, book: BookRecord, o: { by?: string; reason?: string }, now: string): BookRecord {
  inBatch(db, { command: 'books recommend', args: `#${book.id} ${book.title}`, at: now }, (_id, counts) => {
    updateBook(db, book.id, { recommended: true, ...(o.by ? { recommendedBy: o.by.trim() } : {}), ...(o.reason ? { recommendReason: o.reason.trim() } : {}) });
    counts.changed++;
  });
  return getBook(db, book.id)!;
}

export function requiredBooks(db: Db, year: number): BookRecord[] {
  return listBooks(db, { requiredYear: year });
}

/** Makes the books required for the year (moving any required for another year) in one batch. */
export function requireBooks(db: Db, books: BookRecord[], year: number, now: string): void {
  inBatch(db, { command: 'books require', args: `${year} ${books.map((b) => b.title).join('、')}`, at: now }, (_id, counts) => {
    for (const b of books) if (b.requiredYear !== year) { updateBook(db, b.id, { requiredYear: year }); counts.changed++; }
  });
}

/** The books of the list (the year's required books, or the recommended ones) and its printable model. */
export function bookList(db: Db, year: number | undefined, today: string): { books: BookRecord[]; model: BookListModel } {
  const organ = readSettings(db).organ ?? '';
  const books = listBooks(db, year ? { requiredYear: year } : { recommended: true });
  return { books, model: bookListModel(books, { organ, year, today }) };
}
