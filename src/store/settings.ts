// Database-wide settings: organ name, working year, rule preset.
import type { Db } from './db.js';

export interface Settings {
  organ?: string;
  year?: string;
  rules?: string;
  defaultBranch?: string;
}

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out: Record<string, string> = {};
  for (const r of rows) out[r.key] = r.value;
  return out as Settings;
}

/** Writes the given settings (caller holds the batch transaction). */
export function writeSettings(db: Db, s: Settings): void {
  const stmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(s)) if (v !== undefined) stmt.run(k, String(v));
}
