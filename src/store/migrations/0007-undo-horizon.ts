// Migration 7: how far back the undo journal was dropped (bounded journal, `history --prune`).
import type { Migration } from './migration.js';

/** Schema version 7: undo_horizon — batches up to `pruned_through` have no journal and cannot be undone. */
export const HORIZON_MIGRATION: Migration = {
  version: 7,
  name: 'undo journal horizon',
  sql: `
    CREATE TABLE undo_horizon (pruned_through INTEGER NOT NULL);
    INSERT INTO undo_horizon (pruned_through) VALUES (0);
  `,
};
