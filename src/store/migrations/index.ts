// The schema, as an append-only list: each entry runs once, in its own transaction, and bumps
// PRAGMA user_version. Never edit a shipped migration; add the next one (a new numbered file here).

import { ROSTER_MIGRATION } from './0001-roster.js';
import { SESSIONS_MIGRATION } from './0002-sessions.js';
import { STUDY_MIGRATION } from './0003-study-evidence.js';
import { READING_MIGRATION } from './0004-reading.js';
import { SAFETY_MIGRATION } from './0005-undo-journal.js';
import { STUDY_MONTHS_MIGRATION } from './0006-study-months.js';
import { HORIZON_MIGRATION } from './0007-undo-horizon.js';
import { ATTENDEES_MIGRATION } from './0008-attendees.js';
import { MEMBER_TERMS_MIGRATION } from './0009-member-terms.js';
import { LAST_UNDO_MIGRATION } from './0010-last-undo.js';
import type { Migration } from './migration.js';

export type { Migration };

export const MIGRATIONS: Migration[] = [
  ROSTER_MIGRATION,
  SESSIONS_MIGRATION,
  STUDY_MIGRATION,
  READING_MIGRATION,
  SAFETY_MIGRATION,
  STUDY_MONTHS_MIGRATION,
  HORIZON_MIGRATION,
  ATTENDEES_MIGRATION,
  MEMBER_TERMS_MIGRATION,
  LAST_UNDO_MIGRATION,
];

/** The one schema version constant: the version this code writes; a database above it was made by a newer shuxiang. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
