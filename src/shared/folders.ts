// Every folder the tool creates is owner-only (0700): they hold rosters, reports and backups.
import { chmodSync, mkdirSync } from 'node:fs';

/** Creates `dir` (and missing parents) 0700. A file-system error is left to main.ts's storageFault,
 * which knows whether the folder is the database's (exit 3) or an output's (exit 2). */
export function ensureFolder(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (first) chmodSync(dir, 0o700);
}
