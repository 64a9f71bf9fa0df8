// The schema, as an append-only list: each entry runs once, in its own transaction, and bumps
// PRAGMA user_version. Never edit a shipped migration; add the next one.

import { READING_MIGRATION } from './migrationReading.js';
import { SAFETY_MIGRATION } from './migrationSafety.js';
import { HORIZON_MIGRATION } from './migrationHorizon.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'settings, branches, members, batches',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE batches (
        id         INTEGER PRIMARY KEY,
        command    TEXT NOT NULL,
        args       TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        added      INTEGER NOT NULL DEFAULT 0,
        changed    INTEGER NOT NULL DEFAULT 0,
        removed    INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE branches (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        batch_id INTEGER REFERENCES batches(id)
      );
      CREATE TABLE members (
        id                INTEGER PRIMARY KEY,
        branch_id         INTEGER NOT NULL REFERENCES branches(id),
        name              TEXT NOT NULL,
        gender            TEXT,
        birth_date        TEXT,
        ethnicity         TEXT,
        education         TEXT,
        join_party_date   TEXT,
        full_member_date  TEXT,
        category          TEXT,
        job_title         TEXT,
        party_post        TEXT,
        leader            INTEGER NOT NULL DEFAULT 0,
        leader_from       TEXT,
        leader_to         TEXT,
        phone             TEXT,
        id_card           TEXT UNIQUE,
        on_roll_from      TEXT,
        on_roll_left      TEXT,
        extra             TEXT NOT NULL DEFAULT '{}',
        batch_id          INTEGER REFERENCES batches(id),
        CHECK (on_roll_left IS NULL OR on_roll_from IS NULL OR on_roll_left > on_roll_from)
      );
      CREATE INDEX members_branch_name ON members(branch_id, name);
    `,
  },
  {
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
  },
  {
    version: 3,
    name: 'book catalogue and personal study evidence',
    // Optional text that is part of a natural key (self_study.content, books.author, exchanges.book) is
    // NOT NULL DEFAULT '' so the UNIQUE constraint sees “blank” as one value.
    sql: `
      CREATE TABLE books (
        id               INTEGER PRIMARY KEY,
        title            TEXT NOT NULL,
        author           TEXT NOT NULL DEFAULT '',
        isbn             TEXT,
        category         TEXT CHECK (category IS NULL OR category IN ('政治理论', '业务', '科学人文', '党史', '其他')),
        recommended      INTEGER NOT NULL DEFAULT 0,
        recommended_by   TEXT,
        recommend_reason TEXT,
        required_year    INTEGER,
        batch_id         INTEGER REFERENCES batches(id),
        UNIQUE (title, author)
      );
      CREATE TABLE self_study (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        date      TEXT NOT NULL,
        hours     REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
        content   TEXT NOT NULL DEFAULT '',
        notes     INTEGER NOT NULL DEFAULT 0,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, date, content)
      );
      CREATE TABLE lectures (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        date      TEXT NOT NULL,
        title     TEXT NOT NULL,
        speaker   TEXT,
        notes     INTEGER NOT NULL DEFAULT 0,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, date, title)
      );
      CREATE TABLE readings (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        book_id   INTEGER NOT NULL REFERENCES books(id),
        started   TEXT,
        finished  TEXT,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, book_id),
        CHECK (finished IS NULL OR started IS NULL OR finished >= started)
      );
      CREATE INDEX readings_member_date ON readings(member_id, finished);
      CREATE TABLE writings (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        kind      TEXT NOT NULL CHECK (kind IN ('心得体会', '理论文章', '调研报告')),
        title     TEXT NOT NULL,
        date      TEXT NOT NULL,
        chars     INTEGER NOT NULL CHECK (chars >= 0),
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, title)
      );
      CREATE INDEX writings_member_date ON writings(member_id, date);
      CREATE TABLE research (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        date_from TEXT NOT NULL,
        date_to   TEXT NOT NULL,
        days      INTEGER NOT NULL CHECK (days >= 0),
        place     TEXT,
        topic     TEXT,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, date_from),
        CHECK (date_to >= date_from)
      );
      CREATE TABLE talks (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        kind      TEXT NOT NULL CHECK (kind IN ('理论宣讲', '业务讲座')),
        date      TEXT NOT NULL,
        topic     TEXT NOT NULL,
        audience  INTEGER CHECK (audience IS NULL OR audience >= 0),
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, date, topic)
      );
      CREATE TABLE trainings (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        name      TEXT NOT NULL,
        date_from TEXT NOT NULL,
        date_to   TEXT NOT NULL,
        hours     REAL CHECK (hours IS NULL OR hours > 0),
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, name, date_from),
        CHECK (date_to >= date_from)
      );
      CREATE INDEX trainings_member_date ON trainings(member_id, date_from);
      CREATE TABLE exams (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        name      TEXT NOT NULL,
        date      TEXT NOT NULL,
        score     REAL,
        passed    INTEGER,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, name, date)
      );
      CREATE INDEX exams_member_date ON exams(member_id, date);
      CREATE TABLE exchanges (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        date      TEXT NOT NULL,
        book      TEXT NOT NULL DEFAULT '',
        place     TEXT,
        batch_id  INTEGER REFERENCES batches(id),
        UNIQUE (member_id, date, book)
      );
    `,
  },
  READING_MIGRATION,
  SAFETY_MIGRATION,
  HORIZON_MIGRATION,
];

/** The schema version this code writes; a database above it was made by a newer shuxiang. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
