// The fast path of writeEvidence for runs of fresh items: many rows per INSERT statement (one call into
// SQLite per chunk instead of per row), under a savepoint so a chunk that meets an already stored item
// is rolled back and written row by row instead — the outcome is the same as the row-by-row path.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { stmt } from './statements.js';

/** Rows per multi-row INSERT (SQLite allows 32,766 parameters; evidence rows have at most 9 columns). */
export const CHUNK = 256;

const multiSql = new Map<string, string>();

/** The INSERT … VALUES (…), (…) … for `rows` rows, from the single-row statement. */
function multiRowSql(insertSql: string, rows: number): string {
  const key = `${rows}\u0001${insertSql}`;
  let sql = multiSql.get(key);
  if (sql) return sql;
  const m = /^(INSERT INTO .+? VALUES )(\([^)]*\))( ON CONFLICT .*)$/.exec(insertSql);
  if (!m) throw new Error(`not a single-row insert: ${insertSql}`);
  sql = m[1] + Array.from({ length: rows }, () => m[2]).join(', ') + m[3];
  multiSql.set(key, sql);
  return sql;
}

/** Inserts chunks of rows, each with one statement, for one writeEvidence call. */
export class ChunkWriter {
  private open: Statement<unknown[]>;
  private undo: Statement<unknown[]>;
  private done: Statement<unknown[]>;

  constructor(private db: Db) {
    this.open = stmt(db, 'SAVEPOINT evidence_chunk');
    this.undo = stmt(db, 'ROLLBACK TO evidence_chunk');
    this.done = stmt(db, 'RELEASE evidence_chunk');
  }

  /**
   * Inserts `rows` rows whose parameters are laid end to end in `params`; returns the id of the first
   * new row (the others follow one by one), or undefined — with nothing written — when any row was
   * already stored.
   */
  insert(insertSql: string, rows: number, params: unknown[]): number | undefined {
    this.open.run();
    const res = stmt(this.db, multiRowSql(insertSql, rows)).run(...params);
    if (res.changes !== rows) {
      this.undo.run();
      this.done.run();
      return undefined;
    }
    this.done.run();
    // Rowids of one statement's rows are allocated one after another, the last one reported.
    return Number(res.lastInsertRowid) - rows + 1;
  }
}
