// Prepared statements cached per database, so per-row writes do not re-parse their SQL.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

const cache = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/** The prepared statement for `sql` on `db`, prepared once. */
export function stmt(db: Db, sql: string): Statement<unknown[]> {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
