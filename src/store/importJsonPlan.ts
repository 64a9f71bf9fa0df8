// How an export document is matched to what a database holds (importJson.ts): the tables in reference
// order with their keys, which branch owns each row, and the keys a row is matched by. Read from the
// schema itself (PRAGMA foreign_key_list / index_list), so a new table needs no entry here.
import type { Db } from './db.js';
import { dataTables, q, type TableShape } from './undoTriggers.js';

/** Natural keys for tables whose rows have no UNIQUE constraint to be matched by. */
export const NATURAL: Record<string, string[]> = { members: ['branch_id', 'name'], sessions: ['branch_id', 'type', 'date', 'topic'], loans: ['book_id', 'member_id', 'lent_on'] };

export interface Fk {
  from: string;
  table: string;
  to: string;
}

export interface Plan {
  t: TableShape;
  alias?: string;
  fks: Fk[];
  uniques: string[][];
}

/** Tables in an order where every referenced table comes first. */
export function plans(db: Db): Plan[] {
  const tables = dataTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: Plan[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name) || !byName.has(name)) return;
    path.add(name);
    const t = byName.get(name)!;
    const fks = (db.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { table: string; from: string; to: string | null }[])
      .filter((f) => f.table !== 'batches')
      .map((f) => ({ from: f.from, table: f.table, to: f.to ?? 'id' }));
    for (const f of fks) if (f.table !== name) visit(f.table, path);
    const info = db.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; type: string; pk: number }[];
    const pk = info.filter((c) => c.pk > 0);
    // An INTEGER PRIMARY KEY is renumbered — unless it is itself a reference (plan_links.session_id), which is mapped.
    const alias = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' && !fks.some((f) => f.from === pk[0]!.name) ? pk[0]!.name : undefined;
    const uniques = (db.prepare(`PRAGMA index_list(${q(name)})`).all() as { name: string; unique: number }[])
      .filter((i) => i.unique)
      .map((i) => (db.prepare(`PRAGMA index_info(${q(i.name)})`).all() as { name: string }[]).map((c) => c.name));
    if (!alias && pk.length) uniques.unshift(pk.sort((a, b) => a.pk - b.pk).map((c) => c.name));
    if (NATURAL[name]) uniques.push(NATURAL[name]!);
    out.push({ t, alias, fks, uniques });
    done.add(name);
    path.delete(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return out;
}

/** Per data table that belongs to a branch: the foreign key that leads to its owner (the branch, or an owned row). */
export function ownedTables(all: Plan[]): Map<string, Fk> {
  const out = new Map<string, Fk>();
  for (const p of all) {
    // Sign-ins belong to their session; anything else to the first owned parent (plans are parents first).
    const fk = p.fks.find((f) => f.table === 'branches') ?? p.fks.find((f) => f.table === 'sessions') ?? p.fks.find((f) => out.has(f.table));
    if (fk && p.t.name !== 'branches') out.set(p.t.name, fk);
  }
  return out;
}

/** The SQL condition selecting a table's rows that belong to the given branches. */
export function ownerSql(owned: Map<string, Fk>, table: string, branchIds: number[]): string {
  const fk = owned.get(table)!;
  if (fk.table === 'branches') return `${q(fk.from)} IN (${branchIds.join(', ')})`;
  return `${q(fk.from)} IN (SELECT ${q(fk.to)} FROM ${q(fk.table)} WHERE ${ownerSql(owned, fk.table, branchIds)})`;
}

/** The branch a held row belongs to, walking up its owners. */
export function branchOfHeld(db: Db, owned: Map<string, Fk>, table: string, row: Record<string, unknown>): number {
  const fk = owned.get(table)!;
  if (fk.table === 'branches') return row[fk.from] as number;
  const parent = db.prepare(`SELECT * FROM ${q(fk.table)} WHERE ${q(fk.to)} = ?`).get(row[fk.from]) as Record<string, unknown>;
  return branchOfHeld(db, owned, fk.table, parent);
}

/** The keys a branch's row is matched by, strongest first. */
export function keySets(p: Plan): string[][] {
  return p.uniques.length ? p.uniques : [p.t.columns.filter((c) => c !== 'batch_id' && c !== p.alias)];
}

/** A row's value of one key (undefined when a part is missing, or for a person's name when they have an ID card). */
export function keyOf(p: Plan, cols: string[], row: Record<string, unknown>): string | undefined {
  if (p.t.name === 'members' && row.id_card && cols === NATURAL.members) return undefined;
  if (cols.some((c) => row[c] === undefined || row[c] === null)) return undefined;
  return JSON.stringify(cols.map((c) => row[c]));
}

/** The WHERE clause that names one held row (by its id, or its primary key). */
export function keyWhere(p: Plan): { sql: string; args: (r: Record<string, unknown>) => unknown[] } {
  if (p.alias) return { sql: `${q(p.alias)} = ?`, args: (r) => [r['@id'] ?? r[p.alias!]] };
  const cols = p.t.key[0] === 'rowid' ? p.t.columns.filter((c) => c !== 'batch_id') : p.t.key;
  return { sql: cols.map((c) => `${q(c)} IS ?`).join(' AND '), args: (r) => cols.map((c) => r[c]) };
}

export const same = (a: unknown, b: unknown) => a === b || (a == null && b == null) || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-12);

export function findExisting(db: Db, p: Plan, row: Record<string, unknown>): unknown {
  for (const cols of p.uniques) {
    if (cols.some((c) => row[c] === undefined || row[c] === null)) continue;
    const hit = db.prepare(`SELECT ${p.alias ? q(p.alias) : '1'} AS id FROM ${q(p.t.name)} WHERE ${cols.map((c) => `${q(c)} = ?`).join(' AND ')} LIMIT 1`).get(...cols.map((c) => row[c])) as { id: unknown } | undefined;
    if (hit) return hit.id;
  }
  return undefined;
}
