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

/** One branch with what hangs on it (for `branch list` and for refusing to remove a branch in use). */
export interface BranchUse extends Branch {
  members: number;
  onRoll: number;
  sessions: number;
}

/** Every branch with its counts of members (all, and on the roll on `today`) and sessions. */
export function listBranchUse(db: Db, today: string): BranchUse[] {
  return db.prepare(`
    SELECT b.id, b.name,
      (SELECT count(*) FROM members m WHERE m.branch_id = b.id) AS members,
      (SELECT count(*) FROM members m WHERE m.branch_id = b.id AND (m.on_roll_from IS NULL OR m.on_roll_from <= ?) AND (m.on_roll_left IS NULL OR m.on_roll_left > ?)) AS onRoll,
      (SELECT count(*) FROM sessions s WHERE s.branch_id = b.id) AS sessions
    FROM branches b ORDER BY b.id`).all(today, today) as BranchUse[];
}

/** Adds a branch on purpose (the caller has checked the name is new). */
export function addBranch(db: Db, name: string, batchId: number): Branch {
  const id = Number(db.prepare('INSERT INTO branches (name, batch_id) VALUES (?, ?)').run(name, batchId).lastInsertRowid);
  return { id, name };
}

/** Renames a branch (the caller has checked the new name is free). */
export function renameBranch(db: Db, id: number, name: string): void {
  db.prepare('UPDATE branches SET name = ? WHERE id = ?').run(name, id);
}

/** Moves every member and session of branch `from` into `into` and removes `from`; the counts moved. */
export function mergeBranch(db: Db, from: number, into: number): { members: number; sessions: number } {
  const members = db.prepare('UPDATE members SET branch_id = ? WHERE branch_id = ?').run(into, from).changes;
  const sessions = db.prepare('UPDATE sessions SET branch_id = ? WHERE branch_id = ?').run(into, from).changes;
  db.prepare('DELETE FROM branches WHERE id = ?').run(from);
  return { members, sessions };
}

/** Removes a branch that nobody and nothing belongs to (the caller has checked). */
export function removeBranch(db: Db, id: number): void {
  db.prepare('DELETE FROM branches WHERE id = ?').run(id);
}
