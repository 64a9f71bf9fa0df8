// The flags every import takes, and what a roster import reports back.

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

/** The counts and names a roster import ends with. */
export interface ImportSummary {
  file: string;
  sheet: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  left: number;
  leaders: number;
  branches: string[];
  /** Branches the file's 所在支部 column creates (the only way besides branch add / --new-branch). */
  newBranches: string[];
  rejectsFile?: string;
  dryRun: boolean;
}
