// Full dumps of a test database (every table, every row, in key order) and the row-level difference of
// two dumps, to prove that undo restores the exact prior state and that batch counts are exact.
import Database from 'better-sqlite3';
import { join } from 'node:path';

export type Dump = Record<string, { key: string[]; rows: Record<string, unknown>[] }>;

/** Every table of the database file (bookkeeping included; not undo_meta, a cache of the schema cookie, nor undo_horizon, how far the bounded journal was dropped), rows in key order. */
export function fullDump(dir: string, file = 'shuxiang.db'): Dump {
  const db = new Database(join(dir, file), { readonly: true });
  try {
    const out: Dump = {};
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('undo_meta', 'undo_horizon') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const t of tables) {
      const info = db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; pk: number }[];
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      const key = pk.length ? pk : ['rowid'];
      const cols = key[0] === 'rowid' ? 'rowid, *' : '*';
      out[t] = { key, rows: db.prepare(`SELECT ${cols} FROM "${t}" ORDER BY ${key.map((k) => (k === 'rowid' ? k : `"${k}"`)).join(', ')}`).all() as Record<string, unknown>[] };
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows added, changed and removed between two dumps, over data tables (not batches / undo_log, nor the
 * store's derived study_months, which follows self_study). */
export function diffDump(before: Dump, after: Dump): { added: number; changed: number; removed: number } {
  const d = { added: 0, changed: 0, removed: 0 };
  for (const t of Object.keys(after)) {
    if (t === 'batches' || t === 'undo_log' || t === 'undo_horizon' || t === 'study_months') continue;
    const k = after[t]!.key;
    const keyOf = (r: Record<string, unknown>) => JSON.stringify(k.map((c) => r[c]));
    const old = new Map((before[t]?.rows ?? []).map((r) => [keyOf(r), JSON.stringify(r)]));
    const now = new Map(after[t]!.rows.map((r) => [keyOf(r), JSON.stringify(r)]));
    for (const [key, row] of now) {
      if (!old.has(key)) d.added++;
      else if (old.get(key) !== row) d.changed++;
    }
    for (const key of old.keys()) if (!now.has(key)) d.removed++;
  }
  return d;
}
