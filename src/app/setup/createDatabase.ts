// Setting up a fresh database: its settings and first branch, written in one batch. Shared by `init` and
// `demo`, so the demo's database is made exactly as a secretary's own would be.
import { inBatch } from '../../store/batches.js';
import { ensureBranch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { writeSettings } from '../../store/settings.js';

/** What a new database records: organ, first (default) branch, working year, rule preset. */
export interface NewDatabase {
  organ: string;
  branch: string;
  year: string;
  rules: string;
}

/** Writes the settings and the first branch into a just-created database, as one batch of `command`. */
export function createDatabase(db: Db, s: NewDatabase, now: string, command = 'init'): void {
  inBatch(db, { command, args: '', at: now }, (batchId, counts) => {
    writeSettings(db, { organ: s.organ, year: s.year, rules: s.rules, defaultBranch: s.branch });
    ensureBranch(db, s.branch, batchId, counts);
  });
}
