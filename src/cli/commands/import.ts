// `shuxiang import FILE`: rosters (default) and, with --kind, the other sheets.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import type { Act } from '../program.js';

export interface ImportOptions {
  kind?: string;
  sheet?: string;
  branch?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sync?: boolean;
  yes?: boolean;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  left: number;
  leaders: number;
  branches: number;
}

export function registerImport(_program: Command, _act: Act): void {}

/** Imports one roster file (used by the command and by `demo`). */
export async function importRosterFile(_ctx: AppContext, _file: string, _opts: ImportOptions): Promise<ImportSummary> {
  throw new Error('not yet');
}
