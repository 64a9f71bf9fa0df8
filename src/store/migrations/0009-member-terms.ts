// Migration 9: a member's past terms (SPEC §3.3 "judged only for periods they belonged to the branch"):
// a spell on the roll that ended before the current one began (left and came back, or moved from another
// branch on a day), and a committee post that ended before the current one. The current term stays on
// the member's row; each row here is closed (date_to is the first day without it). A roll term names its
// branch (by name: the branch a member moved from may be collected from another database).
import type { Migration } from './migration.js';

/** Schema version 9: member_terms. */
export const MEMBER_TERMS_MIGRATION: Migration = {
  version: 9,
  name: 'member terms',
  sql: `
    CREATE TABLE member_terms (
      id        INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      kind      TEXT NOT NULL CHECK (kind IN ('roll', 'leader')),
      branch    TEXT,
      date_from TEXT,
      date_to   TEXT NOT NULL,
      batch_id  INTEGER REFERENCES batches(id),
      CHECK (date_from IS NULL OR date_to > date_from),
      CHECK ((kind = 'roll') = (branch IS NOT NULL))
    );
    CREATE UNIQUE INDEX member_terms_end ON member_terms(member_id, kind, date_to);
  `,
};
