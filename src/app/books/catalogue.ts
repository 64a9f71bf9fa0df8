// The book catalogue's use cases: the listing with copies on the shelf, adding (or updating) one book by
// title and author, and editing one book's entry (never fewer copies than are lent out).
import { copiesIn } from '../../domain/lending.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { BookCatalogue, getBook, listBooks, updateBook, type BookFilter, type BookInput, type BookRecord } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { listLoans, openLoanCounts } from '../../store/loans.js';

export type ListedBook = BookRecord & { out: number; available: number };

/** The books matching the filter, each with the copies lent out and on the shelf. */
export function listCatalogue(db: Db, f: BookFilter, availableOnly: boolean): ListedBook[] {
  const out = openLoanCounts(db);
  const rows: ListedBook[] = listBooks(db, f).map((b) => ({ ...b, out: out.get(b.id) ?? 0, available: copiesIn(b.copies, out.get(b.id) ?? 0) }));
  return availableOnly ? rows.filter((b) => b.available > 0) : rows;
}

/** Adds the book, or sets the given fields of the book with that title and author, in one batch. */
export function addBook(db: Db, input: BookInput, now: string): { book: BookRecord; outcome: 'added' | 'updated' | 'unchanged' } {
  return inBatch(db, { command: 'books add', args: input.title, at: now }, (batchId, counts) => {
    const out = new BookCatalogue(db).upsert(input, batchId, 'set');
    if (out.outcome === 'added') counts.added++;
    if (out.outcome === 'updated') counts.changed++;
    return out;
  });
}

/** Sets the given fields of one book in one batch and returns it as it is now. */
export function editBook(db: Db, book: BookRecord, values: Record<string, unknown>, now: string): BookRecord {
  const open = listLoans(db, { bookId: book.id, open: true }).length;
  if (typeof values.copies === 'number' && values.copies < open) {
    throw new UserError(`--copies ${values.copies} 少于现在借出的 ${open} 册。`, ['请先用 shuxiang return 登记归还，再减少册数。']);
  }
  try {
    inBatch(db, { command: 'books edit', args: `#${book.id} ${book.title}`, at: now }, (_id, counts) => {
      updateBook(db, book.id, values);
      counts.changed++;
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UserError(`书目库中已有同名同作者的书，不能把 #${book.id} 改成这个书名和作者。`, ['如是同一本书，请用 shuxiang books show 核对后只保留一条。']);
    throw e;
  }
  return getBook(db, book.id)!;
}
