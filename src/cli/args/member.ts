// The member a flag or argument names (name, pinyin initials, #id or name#id), within an optional branch.
import type { Member } from '../../domain/member.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import { resolveMember } from '../resolveMember.js';
import { requireBranch } from './branch.js';

/** One member by what the user typed (name, initials, #id or name#id; src/domain/matchMember.ts), among everyone in the branch given. */
export async function pickMember(db: Db, query: string, branch?: string): Promise<Member> {
  if (branch) requireBranch(db, branch);
  return resolveMember(query, listMembers(db, { branch: branch?.trim() }), '姓名');
}
