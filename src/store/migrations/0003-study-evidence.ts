// Migration 3: the book catalogue and personal study evidence.
import type { Migration } from './migration.js';

export const STUDY_MIGRATION: Migration = {
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
};
