// Migration 4: the reading room (copies and shelf on the book, loans), the annual study plan (a theme per
// month per branch) and the links from held sessions to their plan month. Every new table carries
// batch_id, so undo can find the rows a batch inserted.
import type { Migration } from './migration.js';

export const READING_MIGRATION: Migration = {
  version: 4,
  name: 'reading room, study plan',
  sql: `
    ALTER TABLE books ADD COLUMN copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0);
    ALTER TABLE books ADD COLUMN shelf TEXT;
    CREATE TABLE loans (
      id          INTEGER PRIMARY KEY,
      book_id     INTEGER NOT NULL REFERENCES books(id),
      member_id   INTEGER NOT NULL REFERENCES members(id),
      lent_on     TEXT NOT NULL,
      due_on      TEXT NOT NULL,
      returned_on TEXT,
      batch_id    INTEGER REFERENCES batches(id),
      CHECK (due_on >= lent_on),
      CHECK (returned_on IS NULL OR returned_on >= lent_on)
    );
    CREATE INDEX loans_open ON loans(book_id) WHERE returned_on IS NULL;
    CREATE INDEX loans_member ON loans(member_id, lent_on);
    CREATE TABLE plan_months (
      id        INTEGER PRIMARY KEY,
      branch_id INTEGER NOT NULL REFERENCES branches(id),
      month     TEXT NOT NULL,
      theme     TEXT NOT NULL,
      form      TEXT NOT NULL CHECK (form IN ('集中学习', '读书会', '讲座', '参观')),
      books     TEXT NOT NULL DEFAULT '',
      cohost    TEXT,
      speaker   TEXT,
      batch_id  INTEGER REFERENCES batches(id),
      UNIQUE (branch_id, month)
    );
    CREATE TABLE plan_links (
      session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
      plan_id    INTEGER NOT NULL REFERENCES plan_months(id) ON DELETE CASCADE,
      batch_id   INTEGER REFERENCES batches(id)
    );
    CREATE INDEX plan_links_plan ON plan_links(plan_id);
  `,
};
