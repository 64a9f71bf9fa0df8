// Migration 5: the undo journal. Triggers (see undoTriggers.ts, created for every data table after the
// migrations run) append the before-image of every changed or removed row here, under the batch that
// was current; rows a batch inserted carry its id in their own batch_id column, so inserts need no entry.
import type { Migration } from './migration.js';

/** Schema version 5: undo_log and undo_meta. */
export const SAFETY_MIGRATION: Migration = {
  version: 5,
  name: 'undo journal',
  sql: `
    CREATE TABLE undo_log (
      id       INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL,
      tbl      TEXT NOT NULL,
      key      TEXT NOT NULL,
      op       TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
      old      TEXT
    );
    CREATE INDEX undo_log_batch ON undo_log(batch_id, id);
    -- The schema version the triggers were last checked against: opening skips the check while it matches.
    CREATE TABLE undo_meta (schema_version INTEGER NOT NULL);
  `,
};
