// Migration 8: who is expected at a session (SPEC §3.3 "Expected at a session"). `attendees` says how:
// 'all' (everyone on the branch's roll that day, as before), 'leaders' (the branch committee that day,
// by leader tenure) or 'named' (the people listed in session_attendees).
import type { Migration } from './migration.js';

/** Schema version 8: sessions.attendees and session_attendees. */
export const ATTENDEES_MIGRATION: Migration = {
  version: 8,
  name: 'session attendees',
  sql: `
    ALTER TABLE sessions ADD COLUMN attendees TEXT NOT NULL DEFAULT 'all' CHECK (attendees IN ('all', 'leaders', 'named'));
    CREATE TABLE session_attendees (
      session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      member_id  INTEGER NOT NULL REFERENCES members(id),
      batch_id   INTEGER REFERENCES batches(id),
      PRIMARY KEY (session_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX session_attendees_member ON session_attendees(member_id);
  `,
};
