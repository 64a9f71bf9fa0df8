// The shape of one schema step; the list of them is index.ts.

/** One numbered schema step: its SQL runs once, in one transaction, then user_version becomes `version`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
