// Loans of the reading room (借阅): who has which book since when, due when, returned when. Writes run
// inside the caller's batch; reads join the book and the member so listings need no second query.
import type { Loan } from '../domain/lending.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

/** A loan with the names a listing shows. */
export interface LoanView extends Loan {
  title: string;
  author?: string;
  member: string;
  branch: string;
  shelf?: string;
}

interface LoanRow {
  id: number; book_id: number; member_id: number; lent_on: string; due_on: string; returned_on: string | null;
  title: string; author: string; member: string; branch: string; shelf: string | null;
}

const SELECT = `SELECT l.*, b.title, b.author, b.shelf, m.name AS member, br.name AS branch
  FROM loans l JOIN books b ON b.id = l.book_id JOIN members m ON m.id = l.member_id JOIN branches br ON br.id = m.branch_id`;

function toLoan(r: LoanRow): LoanView {
  const l: LoanView = { id: r.id, bookId: r.book_id, memberId: r.member_id, lentOn: r.lent_on, dueOn: r.due_on, title: r.title, member: r.member, branch: r.branch };
  if (r.returned_on !== null) l.returnedOn = r.returned_on;
  if (r.author) l.author = r.author;
  if (r.shelf !== null) l.shelf = r.shelf;
  return l;
}

/** Which loans to list. */
export interface LoanFilter {
  bookId?: number;
  memberId?: number;
  branchId?: number;
  /** Only loans not yet returned. */
  open?: boolean;
  /** Loans active at some time in [from, to): lent before `to`, not returned before `from`. */
  from?: string;
  to?: string;
}

/** Loans in lending order. */
export function listLoans(db: Db, f: LoanFilter = {}): LoanView[] {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.bookId !== undefined) { w.push('l.book_id = ?'); args.push(f.bookId); }
  if (f.memberId !== undefined) { w.push('l.member_id = ?'); args.push(f.memberId); }
  if (f.branchId !== undefined) { w.push('m.branch_id = ?'); args.push(f.branchId); }
  if (f.open) w.push('l.returned_on IS NULL');
  if (f.to) { w.push('l.lent_on < ?'); args.push(f.to); }
  if (f.from) { w.push('(l.returned_on IS NULL OR l.returned_on >= ?)'); args.push(f.from); }
  return (db.prepare(`${SELECT}${w.length ? ` WHERE ${w.join(' AND ')}` : ''} ORDER BY l.lent_on, l.id`).all(...args) as LoanRow[]).map(toLoan);
}

/** Records a loan (caller holds the batch); returns its id. */
export function addLoan(db: Db, l: Omit<Loan, 'id' | 'returnedOn'>, batchId: number): number {
  return Number(stmt(db, 'INSERT INTO loans (book_id, member_id, lent_on, due_on, batch_id) VALUES (?, ?, ?, ?, ?)')
    .run(l.bookId, l.memberId, l.lentOn, l.dueOn, batchId).lastInsertRowid);
}

/** Marks a loan returned on a day (caller holds the batch). */
export function closeLoan(db: Db, id: number, returnedOn: string): void {
  stmt(db, 'UPDATE loans SET returned_on = ? WHERE id = ?').run(returnedOn, id);
}

/** Loans not yet returned, per book id (for the catalogue's 在架 column). */
export function openLoanCounts(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT book_id, count(*) AS n FROM loans WHERE returned_on IS NULL GROUP BY book_id').all() as { book_id: number; n: number }[];
  return new Map(rows.map((r) => [r.book_id, r.n]));
}
