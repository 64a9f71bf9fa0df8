// Schema version 6: how far back the undo journal was dropped (bounded journal, `history --prune`).
import type { Migration } from './migrations.js';

/** Schema version 6: undo_horizon — batches up to `pruned_through` have no journal and cannot be undone. */
export const HORIZON_MIGRATION: Migration = {
  version: 6,
  name: 'undo journal horizon',
  sql: `
    CREATE TABLE undo_horizon (pruned_through INTEGER NOT NULL);
    INSERT INTO undo_horizon (pruned_through) VALUES (0);
  `,
};
