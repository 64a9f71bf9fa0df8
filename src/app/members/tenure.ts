// Leader tenure (班子成员任职): the member fields that start or end a committee post on a day, checked
// against the on-roll interval. Plain data in, a patch out; `member edit` applies it.
import type { Member } from '../../domain/member.js';
import type { MemberInsert } from '../../store/members.js';
import { UserError } from '../../shared/errors.js';

/** Member fields to change, by store column name. */
export type Patch = Partial<Record<keyof MemberInsert, unknown>>;

/** --leader [--from D]: the post starts on D (or spans the on-roll interval); a lifted end is cleared. */
export function startLeader(m: Member, from: string | undefined): Patch {
  if (from === undefined) {
    if (!m.leader) return { leader: true, leaderFrom: null, leaderTo: null };
    return m.leaderTo ? { leaderTo: null } : {};
  }
  if (m.onRollFrom && from < m.onRollFrom) {
    throw new UserError(`--from 的任职日期 ${from} 早于 ${m.name} 的转入日期 ${m.onRollFrom}。`, [
      '任职只能在在册期间内。如转入日期有误，请先单独用 --from 修改转入日期，再设任职日期。',
    ]);
  }
  if (m.onRollLeft && from >= m.onRollLeft) {
    throw new UserError(`--from 的任职日期 ${from} 不在 ${m.name} 的在册期间内（${m.onRollLeft} 已转出）。`);
  }
  return { leader: true, leaderFrom: from, leaderTo: null };
}

/** --no-leader [--from D]: the post ends on D (first day without it, default today); a notice when there was no post. */
export function endLeader(m: Member, from: string | undefined, today: string): { patch: Patch; notice?: string } {
  if (!m.leader) {
    return { patch: {}, notice: `${m.name}原本就不是班子成员。` };
  }
  if (from === undefined && m.leaderTo) return { patch: {} };
  const end = from ?? today;
  const start = m.leaderFrom ?? m.onRollFrom;
  if (start && end < start) {
    throw new UserError(`--from 的卸任日期 ${end} 早于 ${m.name} 的任职开始日期 ${start}。`, [
      '卸任日期是不再任职的第一天，应晚于任职开始日期；请核对日期。',
    ]);
  }
  // Ending a post on the day it began means it was never held.
  if (start && end === start) return { patch: { leader: false, leaderFrom: null, leaderTo: null } };
  return { patch: { leaderTo: end } };
}
