// The flags every import takes, and how the use cases' reports reach the terminal.
import type { ImportHooks } from '../../app/imports/batch.js';
import { faultHook } from '../../shared/faults.js';
import type { AppContext } from '../context.js';

export type { ImportSummary } from '../../app/imports/roster.js';

/** The flags of `import` (and of `books import`), as commander hands them over. */
export interface ImportOptions {
  kind?: string;
  sheet?: string;
  branch?: string;
  /** --branch names a branch to create (otherwise it must exist). */
  newBranch?: boolean;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sync?: boolean;
  yes?: boolean;
  /** false with --no-backup: no automatic backup before the import. */
  backup?: boolean;
  /** --kind json/db: take a file older than the one already imported for its branch. */
  force?: boolean;
}

/** What the use cases report as they work, shown the CLI's way: the progress line, 提示 warnings, and the
 * crash tests' fault point after each row written. */
export function importHooks(ctx: AppContext): ImportHooks {
  return { progress: (e) => ctx.progress(e), warn: (w) => ctx.warn(w), onRow: faultHook(ctx.env, ctx.io.stderr) };
}
