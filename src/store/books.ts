// The book catalogue (书目库): title + author identify a book; the category, the 书记荐书 mark, the
// 必学书目 year, and the reading room's copies and shelf are kept on the book. Readings and loans point here.
import type { BookCategory } from '../domain/evidence.js';
import type { Db } from './db.js';
import { textKey } from '../domain/text.js';
import { stmt } from './statements.js';

/** One book as the program sees it. */
export interface BookRecord {
  id: number;
  title: string;
  author?: string;
  isbn?: string;
  category?: BookCategory;
  recommended: boolean;
  recommendedBy?: string;
  recommendReason?: string;
  requiredYear?: number;
  /** Copies in the reading room (0: catalogued, not on the shelf). */
  copies: number;
  /** Where it stands: 书架 A-3. */
  shelf?: string;
}

/** What a write says about a book; undefined fields are left as they are. */
export type BookInput = Omit<Partial<BookRecord>, 'id'> & { title: string };

interface BookRow {
  id: number; title: string; author: string; isbn: string | null; category: BookCategory | null; recommended: number;
  recommended_by: string | null; recommend_reason: string | null; required_year: number | null;
  copies: number; shelf: string | null;
}

function toBook(r: BookRow): BookRecord {
  const b: BookRecord = { id: r.id, title: r.title, recommended: r.recommended === 1, copies: r.copies };
  if (r.shelf !== null) b.shelf = r.shelf;
  if (r.author) b.author = r.author;
  if (r.isbn !== null) b.isbn = r.isbn;
  if (r.category !== null) b.category = r.category;
  if (r.recommended_by !== null) b.recommendedBy = r.recommended_by;
  if (r.recommend_reason !== null) b.recommendReason = r.recommend_reason;
  if (r.required_year !== null) b.requiredYear = r.required_year;
  return b;
}

/** Which books to list. */
export interface BookFilter {
  category?: string;
  recommended?: boolean;
  requiredYear?: number;
}

/** The catalogue in title order, filtered. */
export function listBooks(db: Db, f: BookFilter = {}): BookRecord[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.category) { where.push('category = ?'); args.push(f.category); }
  if (f.recommended) where.push('recommended = 1');
  if (f.requiredYear !== undefined) { where.push('required_year = ?'); args.push(f.requiredYear); }
  const sql = `SELECT * FROM books${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY title, author, id`;
  return (db.prepare(sql).all(...args) as BookRow[]).map(toBook);
}

const COLS: [keyof BookInput, string][] = [
  ['author', 'author'], ['isbn', 'isbn'], ['category', 'category'], ['recommended', 'recommended'],
  ['recommendedBy', 'recommended_by'], ['recommendReason', 'recommend_reason'], ['requiredYear', 'required_year'],
  ['copies', 'copies'], ['shelf', 'shelf'],
];

/** One book by id. */
export function getBook(db: Db, id: number): BookRecord | undefined {
  const r = db.prepare('SELECT * FROM books WHERE id = ?').get(id) as BookRow | undefined;
  return r && toBook(r);
}

/** Writes the given columns of one book (caller holds the batch); null clears a field. */
export function updateBook(db: Db, id: number, patch: Partial<Record<Exclude<keyof BookInput, 'title'> | 'title', unknown>>): void {
  const map = new Map<string, string>([['title', 'title'], ...COLS]);
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const [k, v] of Object.entries(patch)) {
    const c = map.get(k);
    if (!c || v === undefined) continue;
    sets.push(`${c} = ?`);
    vals.push(typeof v === 'boolean' ? Number(v) : k === 'author' && v === null ? '' : v);
  }
  if (sets.length) stmt(db, `UPDATE books SET ${sets.join(', ')} WHERE id = ?`).run(...vals, id);
}

/** A title as the catalogue compares it (see BookCatalogue.find). */
const titleKey = (t: string) => textKey(t.trim().replace(/^《([^《》]*)》$/, '$1'));

/** Finds and writes books against a catalogue loaded once (imports touch thousands of rows). */
export class BookCatalogue {
  private byKey = new Map<string, BookRecord>();
  private byTitle = new Map<string, BookRecord[]>();

  constructor(private db: Db) {
    for (const b of listBooks(db)) this.remember(b);
  }

  private remember(b: BookRecord): void {
    const key = `${titleKey(b.title)}\u0001${textKey(b.author ?? '')}`;
    if (!this.byKey.has(key)) this.byKey.set(key, b);
    const list = this.byTitle.get(titleKey(b.title)) ?? [];
    if (!list.includes(b)) list.push(b);
    this.byTitle.set(titleKey(b.title), list);
  }

  /** The book meant by title + author — titles and authors compared as typed but for 《》 around the title,
   * full-width forms and spaces (之江新语 is 《之江新语》; （第四卷） is (第四卷)): exact; a blank author
   * matches the only book of that title; a book catalogued without an author matches any author. The
   * title stays as first catalogued. */
  find(title: string, author?: string): BookRecord | undefined {
    const exact = this.byKey.get(`${titleKey(title)}\u0001${textKey(author ?? '')}`);
    if (exact) return exact;
    const same = this.byTitle.get(titleKey(title)) ?? [];
    if (!author) return same.length === 1 ? same[0] : undefined;
    return same.find((b) => !b.author);
  }

  /**
   * Adds the book or writes the given fields onto it. `fill` only fills fields the catalogue left blank
   * (a reading never overrides the secretary's catalogue); `set` overwrites (books add / import).
   */
  upsert(input: BookInput, batchId: number, mode: 'fill' | 'set'): { book: BookRecord; outcome: 'added' | 'updated' | 'unchanged' } {
    const found = this.find(input.title, input.author);
    if (!found) {
      const cols = ['title', 'batch_id'];
      const vals: unknown[] = [input.title, batchId];
      for (const [k, c] of COLS) {
        const v = input[k];
        if (v !== undefined && v !== null && v !== '') { cols.push(c); vals.push(typeof v === 'boolean' ? Number(v) : v); }
      }
      const id = Number(stmt(this.db, `INSERT INTO books (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
      const book = { ...input, id, recommended: !!input.recommended, copies: input.copies ?? 1 } as BookRecord;
      for (const k of Object.keys(book) as (keyof BookRecord)[]) if (book[k] === undefined || book[k] === '' || book[k] === null) delete book[k];
      this.remember(book);
      return { book, outcome: 'added' };
    }
    const sets: string[] = [];
    const vals: unknown[] = [];
    for (const [k, c] of COLS) {
      const v = input[k];
      if (v === undefined || v === null || v === '' || v === found[k as keyof BookRecord]) continue;
      if (mode === 'fill' && found[k as keyof BookRecord] !== undefined && k !== 'author') continue;
      if (k === 'author' && found.author) continue;
      sets.push(`${c} = ?`);
      vals.push(typeof v === 'boolean' ? Number(v) : v);
      (found as unknown as Record<string, unknown>)[k] = v;
    }
    if (sets.length === 0) return { book: found, outcome: 'unchanged' };
    stmt(this.db, `UPDATE books SET ${sets.join(', ')} WHERE id = ?`).run(...vals, found.id);
    this.remember(found);
    return { book: found, outcome: 'updated' };
  }
}

/** How many finished readings of the book are recorded (the book's readers so far). */
export function countReaders(db: Db, bookId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM readings WHERE book_id = ? AND finished IS NOT NULL').get(bookId) as { n: number }).n;
}

/** When the member finished the book (null: a reading recorded but not finished; undefined: none). */
export function readingFinished(db: Db, memberId: number, bookId: number): string | null | undefined {
  const r = db.prepare('SELECT finished FROM readings WHERE member_id = ? AND book_id = ?').get(memberId, bookId) as { finished: string | null } | undefined;
  return r?.finished;
}
