// Migration 2: sessions and attendance.
import type { Migration } from './migration.js';

export const SESSIONS_MIGRATION: Migration = {
  version: 2,
  name: 'sessions and attendance',
  sql: `
      CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY,
        branch_id   INTEGER NOT NULL REFERENCES branches(id),
        type        TEXT NOT NULL,
        date        TEXT NOT NULL,
        start_time  TEXT,
        end_time    TEXT,
        hours       REAL,
        topic       TEXT NOT NULL,
        place       TEXT,
        speaker     TEXT,
        recorder    TEXT,
        notes       TEXT,
        batch_id    INTEGER REFERENCES batches(id),
        CHECK (hours IS NULL OR hours >= 0)
      );
      CREATE INDEX sessions_date ON sessions(date);
      CREATE INDEX sessions_branch_type_date ON sessions(branch_id, type, date);
      CREATE TABLE attendance (
        session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        member_id   INTEGER NOT NULL REFERENCES members(id),
        status      TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
        excuse_kind TEXT CHECK (excuse_kind IS NULL OR excuse_kind IN ('事假', '病假', '公假', '其他')),
        reason      TEXT,
        batch_id    INTEGER REFERENCES batches(id),
        PRIMARY KEY (session_id, member_id)
      ) WITHOUT ROWID;
      CREATE INDEX attendance_member ON attendance(member_id, session_id);
    `,
};
