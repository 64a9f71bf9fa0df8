// Creating a fresh database with its settings and first branch: shared by `init` and `demo`, so the
// demo's database is made exactly as a secretary's own would be.
import type { AppContext } from './context.js';

/** What a new database records: organ, first (default) branch, working year, rule preset. */
export interface NewDatabase {
  organ: string;
  branch: string;
  year: string;
  rules: string;
}

/** Creates the database at ctx.dbPath() (mode 0600) and writes its settings in one batch. */
export async function createDatabase(ctx: AppContext, s: NewDatabase, command = 'init'): Promise<void> {
  const { inBatch } = await import('../store/batches.js');
  const { writeSettings } = await import('../store/settings.js');
  const { ensureBranch } = await import('../store/branches.js');
  const db = await ctx.openDb({ create: true });
  inBatch(db, { command, args: '', at: ctx.nowStamp() }, (batchId, counts) => {
    writeSettings(db, { organ: s.organ, year: s.year, rules: s.rules, defaultBranch: s.branch });
    ensureBranch(db, s.branch, batchId, counts);
  });
}
