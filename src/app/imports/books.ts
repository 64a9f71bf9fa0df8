// `import --kind books` = `books import`: a book list (书单) into the catalogue. Same rules as every
// import: all checked first, every problem by file › sheet › cell, one batch, --dry-run, --skip-invalid;
// importing it again changes nothing. Two steps, the rejects workbooks written by the CLI in between.
import { basename } from 'node:path';
import { LIBRARY_CATALOGUE } from '../../domain/libraryCatalogue.js';
import { BookCatalogue, type BookInput } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { writeOrPreview, type ImportHooks } from './batch.js';
import { readSheetsChecked, type SheetsRead } from './readSheets.js';

/** A catalogue row's values as a book write (blank fields left alone). */
export function bookInput(values: Record<string, unknown>): BookInput {
  const b: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') b[k] = v;
  return b as BookInput;
}

/** Every book list read and checked (ISBNs by their check digit, named by cell); refuses on problems unless skipInvalid. */
export async function readBookLists(input: { paths: string[]; skipInvalid?: boolean; sheet?: string }, today: string, hooks: ImportHooks = {}): Promise<SheetsRead> {
  return readSheetsChecked(input.paths, [LIBRARY_CATALOGUE], null, { noun: '书目文件', skipInvalid: input.skipInvalid, sheet: input.sheet }, today, hooks);
}

export interface BooksResult {
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** The problems skipped with --skip-invalid. */
  problems: string[];
}

/** Writes the books as one batch stamped `now` (rolled back after counting when `dryRun`). */
export function writeBookLists(db: Db, read: SheetsRead, input: { paths: string[]; dryRun?: boolean }, now: string): BooksResult {
  const n = writeOrPreview(db, input.dryRun, { command: 'import books', args: input.paths.map((p) => basename(p)).join(' ') }, now, (batchId, counts) => {
    const cat = new BookCatalogue(db);
    const c = { added: 0, updated: 0, unchanged: 0 };
    for (const item of read.items) c[cat.upsert(bookInput(item.values), batchId, 'set').outcome]++;
    counts.added += c.added;
    counts.changed += c.updated;
    return c;
  });
  return { dryRun: !!input.dryRun, ...n, problems: read.problems };
}
