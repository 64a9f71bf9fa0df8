// Reads the database a test wrote, through the real store layer.
import { join } from 'node:path';
import { openDb } from '../../src/store/db.js';
import { listMembers } from '../../src/store/members.js';
import type { Member } from '../../src/domain/member.js';

/** All members of the database in `dir` (shuxiang.db), left ones included. */
export function membersIn(dir: string, dbFile = 'shuxiang.db'): Member[] {
  const db = openDb(join(dir, dbFile));
  try {
    return listMembers(db);
  } finally {
    db.close();
  }
}

/** Runs a read-only query on the database in `dir`. */
export function query<T>(dir: string, sql: string, ...args: unknown[]): T[] {
  const db = openDb(join(dir, 'shuxiang.db'));
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}
