// Everything in one portable JSON document: every data table's rows (without batch ids, which mean
// nothing in another database). `importJson.ts` reads it back, renumbering ids so that documents from
// several branches can be merged into one database.
import type { Db } from './db.js';
import { connect, schemaVersion } from './dbConnect.js';
import { dataTables, q } from './undoTriggers.js';

/** The marker of the document format. */
export const EXPORT_FORMAT = 'shuxiang-export';
/** The version of the document format (bumped if its layout ever changes). */
export const EXPORT_FORMAT_VERSION = 1;

/** The exported document. */
export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  exportedAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Reads the whole database into an export document (in one read transaction, so it is consistent). */
export function exportDocument(db: Db, exportedAt: string): ExportDocument {
  return db.transaction(() => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const t of dataTables(db)) {
      const cols = t.columns.filter((c) => c !== 'batch_id');
      const order = t.key[0] === 'rowid' ? 'rowid' : t.key.map(q).join(', ');
      tables[t.name] = db.prepare(`SELECT ${cols.map(q).join(', ')} FROM ${q(t.name)} ORDER BY ${order}`).all() as Record<string, unknown>[];
    }
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      schemaVersion: schemaVersion(db),
      exportedAt,
      tables,
    } satisfies ExportDocument;
  })();
}

/** A branch's database file read as an export document (`import --kind db`), without writing to it. Its
 * export time is that of its last write — a batch, or an undo (which removes its batch) — or the file's,
 * if it records none. */
export function exportDbFile(path: string, mtime: string): ExportDocument {
  const db = connect(path, { readonly: true });
  try {
    const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
    const batch = has('batches') ? (db.prepare('SELECT started_at AS at FROM batches ORDER BY id DESC LIMIT 1').get() as { at: string } | undefined)?.at : undefined;
    const undone = schemaVersion(db) >= 10 ? (db.prepare('SELECT max(last_undo_at) AS at FROM undo_horizon').get() as { at: string | null }).at : undefined;
    const last = [batch, undone].filter((x): x is string => typeof x === 'string').sort().pop();
    return exportDocument(db, last ?? mtime);
  } finally {
    db.close();
  }
}
