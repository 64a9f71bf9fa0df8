// The `member list` use case: the roll on a day (everyone ever on it with `all`), of one branch, or the
// committee only.
import type { Member } from '../../domain/member.js';
import { leaderAsOf } from '../../domain/memberView.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';

/** The members on the roll on `today` (with `all`: everyone), optionally of one branch or the committee. */
export function listRoll(db: Db, input: { branch?: string; leaders?: boolean; all?: boolean }, today: string): Member[] {
  const rows = listMembers(db, { branch: input.branch?.trim(), onRollOn: input.all ? undefined : today });
  return input.leaders ? rows.filter((m) => (input.all ? m.leader : leaderAsOf(m, today))) : rows;
}
