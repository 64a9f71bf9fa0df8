// The `member list` use case: the roll on a day (everyone ever on it with `all`), of one branch, or the
// committee only.
import type { Member } from '../../domain/member.js';
import { leaderAsOf } from '../../domain/memberView.js';
import type { Db } from '../../store/db.js';
import { formerMembers, listMembers } from '../../store/members.js';

/** The members on the roll on `today` (with `all`: everyone), optionally of one branch or the committee. */
export function listRoll(db: Db, input: { branch?: string; leaders?: boolean; all?: boolean }, today: string): Member[] {
  const branch = input.branch?.trim();
  // Everyone ever on one branch's roll includes those since moved to another branch, as its roll showed them (转出).
  const rows = [...listMembers(db, { branch, onRollOn: input.all ? undefined : today }), ...(input.all && branch ? formerMembers(db, branch) : [])];
  return input.leaders ? rows.filter((m) => (input.all ? m.leader : leaderAsOf(m, today))) : rows;
}
