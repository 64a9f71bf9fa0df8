// What `member add`, `edit` and `leave` share: their flags (the checks and writes are the use cases in
// src/app/members). Every flag is checked before anything is written; each write is one batch.

export interface MemberAddOptions {
  name: string;
  branch?: string;
  leader?: boolean;
  post?: string;
  from?: string;
  idCard?: string;
  phone?: string;
  gender?: string;
  birth?: string;
  category?: string;
  job?: string;
  /** --branch (or --move-to) names a branch to create on purpose. */
  newBranch?: boolean;
}

export interface MemberEditOptions extends Omit<MemberAddOptions, 'name'> {
  name?: string;
  moveTo?: string;
}

export interface MemberLeaveOptions {
  date: string;
  branch?: string;
}

/** Each line of a block indented by two spaces (empty lines kept empty). */
export function indent(s: string): string {
  return s.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
}
