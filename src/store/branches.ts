// Branches (党支部): one database may hold several.
import type { Db } from './db.js';

export interface Branch {
  id: number;
  name: string;
}

export function listBranches(db: Db): Branch[] {
  return db.prepare('SELECT id, name FROM branches ORDER BY id').all() as Branch[];
}

export function findBranch(db: Db, name: string): Branch | undefined {
  return db.prepare('SELECT id, name FROM branches WHERE name = ?').get(name) as Branch | undefined;
}

/** Returns the branch, creating it (and counting it as added) when new. */
export function ensureBranch(db: Db, name: string, batchId: number, counts: { added: number }): Branch {
  const found = findBranch(db, name);
  if (found) return found;
  const id = Number(db.prepare('INSERT INTO branches (name, batch_id) VALUES (?, ?)').run(name, batchId).lastInsertRowid);
  counts.added++;
  return { id, name };
}
