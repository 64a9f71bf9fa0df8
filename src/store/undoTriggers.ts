// The undo journal's triggers, generated from the live schema so that every data table — including ones
// added by later migrations — is covered. Run on every writable open; cheap when nothing is missing.
import type { Db } from './db.js';

/** Tables that are bookkeeping, not data: never journalled, never exported. */
export const NOT_DATA = new Set(['batches', 'undo_log', 'undo_meta', 'study_months', 'undo_horizon']);

/** How one data table is journalled: its columns, the columns that identify a row, and whether rows carry a batch_id. */
export interface TableShape {
  name: string;
  columns: string[];
  key: string[];
  hasBatchId: boolean;
}

/** Quotes an identifier for SQL. */
export const q = (id: string): string => (id === 'rowid' ? id : `"${id.replace(/"/g, '""')}"`);

/** Every data table of the database, with its shape. */
export function dataTables(db: Db): TableShape[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !NOT_DATA.has(n));
  return names.map((name) => {
    const info = db.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; pk: number }[];
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    return { name, columns: info.map((c) => c.name), key: pk.length ? pk : ['rowid'], hasBatchId: info.some((c) => c.name === 'batch_id') };
  });
}

function triggerSql(t: TableShape): Record<string, string> {
  const img = (row: 'OLD' | 'NEW') => `json_object(${[...(t.key[0] === 'rowid' ? ['rowid'] : []), ...t.columns].map((c) => `'${c.replace(/'/g, "''")}', ${row}.${q(c)}`).join(', ')})`;
  const key = (row: 'OLD' | 'NEW') => `json_array(${t.key.map((c) => `${row}.${q(c)}`).join(', ')})`;
  const tbl = `'${t.name.replace(/'/g, "''")}'`;
  const entry = (op: string, row: 'OLD' | 'NEW', old: string) =>
    `INSERT INTO undo_log (batch_id, tbl, key, op, old) VALUES ((SELECT coalesce(max(id), 0) FROM batches), ${tbl}, ${key(row)}, '${op}', ${old});`;
  const changed = t.columns.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ');
  const out: Record<string, string> = {
    [`undo_${t.name}_update`]: `CREATE TRIGGER ${q(`undo_${t.name}_update`)} BEFORE UPDATE ON ${q(t.name)} WHEN ${changed} BEGIN ${entry('update', 'OLD', img('OLD'))} END`,
    [`undo_${t.name}_delete`]: `CREATE TRIGGER ${q(`undo_${t.name}_delete`)} BEFORE DELETE ON ${q(t.name)} BEGIN ${entry('delete', 'OLD', img('OLD'))} END`,
  };
  // A table without batch_id (settings) cannot say which batch inserted a row: journal its inserts too.
  if (!t.hasBatchId) out[`undo_${t.name}_insert`] = `CREATE TRIGGER ${q(`undo_${t.name}_insert`)} AFTER INSERT ON ${q(t.name)} BEGIN ${entry('insert', 'NEW', 'NULL')} END`;
  return out;
}

/** Creates (or re-creates, when a table's columns changed) the journal triggers of every data table. */
export function ensureUndoTriggers(db: Db): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_meta'").get()) return;
  const checked = db.prepare('SELECT schema_version AS v FROM undo_meta').get() as { v: number } | undefined;
  if (checked?.v === db.pragma('schema_version', { simple: true })) return;
  const plan = () => {
    const have = new Map((db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
    const want = new Map<string, string>();
    for (const t of dataTables(db)) for (const [name, sql] of Object.entries(triggerSql(t))) want.set(name, sql);
    const drop = [...have.keys()].filter((n) => want.get(n) !== have.get(n));
    const create = [...want].filter(([n, sql]) => have.get(n) !== sql);
    return { drop, create };
  };
  db.transaction(() => {
    const { drop, create } = plan();
    for (const n of drop) db.exec(`DROP TRIGGER IF EXISTS ${q(n)}`);
    for (const [, sql] of create) db.exec(sql);
    db.prepare('DELETE FROM undo_meta').run();
    db.prepare('INSERT INTO undo_meta (schema_version) VALUES (?)').run(db.pragma('schema_version', { simple: true }));
  }).immediate();
}
