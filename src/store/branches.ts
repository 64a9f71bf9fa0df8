// Branches (党支部): one database may hold several.
import type { Db } from './db.js';
import { renameBranchInTerms } from './members.js';

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

/** Each branch with its people (those on its roll once and since moved to another branch included: their
 * spell here is this branch's record), those on the roll today, and its sessions. */
export function listBranchUse(db: Db, today: string): BranchUse[] {
  return db.prepare(`
    SELECT b.id, b.name,
      (SELECT count(*) FROM members m WHERE m.branch_id = b.id)
        + (SELECT count(DISTINCT t.member_id) FROM member_terms t JOIN members m ON m.id = t.member_id WHERE t.kind = 'roll' AND t.branch = b.name AND m.branch_id <> b.id) AS members,
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
  const old = db.prepare('SELECT name FROM branches WHERE id = ?').get(id) as { name: string } | undefined;
  db.prepare('UPDATE branches SET name = ? WHERE id = ?').run(name, id);
  if (old) renameBranchInTerms(db, old.name, name);
}

/** The tables that hang on a branch (every table with a branch_id column, later migrations' included). */
function branchTables(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'branches'").all() as { name: string }[];
  return tables.map((t) => t.name).filter((t) => (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).some((c) => c.name === 'branch_id'));
}

/** Moves everyone and everything of branch `from` into `into` and removes `from` (caller holds the batch).
 * A month both branches planned keeps `into`'s plan, and `from`'s sessions linked to it follow. Returns
 * the rows moved per table. */
export function mergeBranch(db: Db, from: number, into: number): Record<string, number> {
  const moved: Record<string, number> = {};
  if (branchTables(db).includes('plan_months')) {
    const twin = 'SELECT a.id AS old, b.id AS new FROM plan_months a JOIN plan_months b ON b.month = a.month AND b.branch_id = ? WHERE a.branch_id = ?';
    db.prepare(`UPDATE plan_links SET plan_id = (SELECT t.new FROM (${twin}) t WHERE t.old = plan_links.plan_id) WHERE plan_id IN (SELECT old FROM (${twin}))`).run(into, from, into, from);
    moved.plan_months_kept = db.prepare('DELETE FROM plan_months WHERE branch_id = ? AND month IN (SELECT month FROM plan_months WHERE branch_id = ?)').run(from, into).changes;
  }
  for (const t of branchTables(db)) moved[t] = db.prepare(`UPDATE "${t}" SET branch_id = ? WHERE branch_id = ?`).run(into, from).changes;
  // Earlier spells on the merged branch's roll become spells on the one it joined.
  const names = db.prepare('SELECT (SELECT name FROM branches WHERE id = ?) AS a, (SELECT name FROM branches WHERE id = ?) AS b').get(from, into) as { a: string; b: string };
  renameBranchInTerms(db, names.a, names.b);
  db.prepare('DELETE FROM branches WHERE id = ?').run(from);
  return moved;
}

/** Removes a branch that nobody and nothing belongs to (the caller has checked). */
export function removeBranch(db: Db, id: number): void {
  db.prepare('DELETE FROM branches WHERE id = ?').run(id);
}
