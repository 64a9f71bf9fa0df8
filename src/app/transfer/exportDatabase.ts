// The `export` use case: the whole database as one portable document, and how many rows of each table it holds.
import { exportDocument, type ExportDocument } from '../../store/exportJson.js';
import type { Db } from '../../store/db.js';

/** The document to write and its row counts per table. */
export interface ExportResult {
  doc: ExportDocument;
  counts: Record<string, number>;
}

/** Reads the database into an export document stamped `now`. */
export function exportDatabase(db: Db, now: string): ExportResult {
  const doc = exportDocument(db, now);
  return { doc, counts: Object.fromEntries(Object.entries(doc.tables).map(([t, rows]) => [t, rows.length])) };
}
