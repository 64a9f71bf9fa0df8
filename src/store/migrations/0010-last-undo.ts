// Migration 10: when the database was last written by an undo. An undo removes its batch, so the last
// batch's time alone would go back after one; `import --kind db` takes a branch file's time from the two
// (an older file is refused, so a time going back would refuse the branch's current file).
import type { Migration } from './migration.js';

/** Schema version 10: undo_horizon.last_undo_at. */
export const LAST_UNDO_MIGRATION: Migration = {
  version: 10,
  name: 'last undo time',
  sql: `
    ALTER TABLE undo_horizon ADD COLUMN last_undo_at TEXT;
  `,
};
