// Migration 1: settings, branches, members and the import batches.
import type { Migration } from './migration.js';

export const ROSTER_MIGRATION: Migration = {
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
};
