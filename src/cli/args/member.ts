// The member a flag or argument names (name, pinyin initials, #id or name#id), within an optional branch.
import type { Member } from '../../domain/member.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import { requireBranch } from './branch.js';

/** One member by what the user typed (name, initials or #id), among everyone in the branch given. */
export async function pickMember(db: Db, query: string, branch?: string): Promise<Member> {
  if (branch) requireBranch(db, branch);
  // Loaded here: `member list`, the common case, does not need it at start-up.
  const { resolveMember } = await import('../resolveMember.js');
  return resolveMember(query, listMembers(db, { branch: branch?.trim() }), '姓名');
}
