// A member as the roster stood on one day: what every report of a past period prints (花名册, 个人学习统计,
// 签到明细…), so that a Q1 ledger does not call someone appointed on 07-01 a committee member. Only what
// was true — or known — on that day: the committee post by its tenure, on-roll dates not yet reached left
// out. (Branch moves have no history: the branch is the member's branch now.)
import { isLeaderPost, type Member } from './member.js';
import { leaderAsOf, rollStatusCell } from './memberView.js';

/** The day-dependent part of a member, as of day D. */
export interface MemberAsOf {
  /** On the roll on D. */
  onRoll: boolean;
  /** 在册 / 2026-03-01 转出 / 2026-12-01 转入, as of D. */
  rollStatus: string;
  /** On the branch committee on D (someone who had left by D: on their last day on the roll). */
  leader: boolean;
  /** The party post on D: a committee post (书记, 委员…) only while on the committee. */
  partyPost?: string;
  branch: string;
  /** The on-roll dates known on D (a date after D had not happened yet). */
  onRollFrom?: string;
  onRollLeft?: string;
}

/** The member as of `day` (YYYY-MM-DD). */
export function memberAsOf(m: Member, day: string): MemberAsOf {
  const leader = leaderAsOf(m, day);
  const out: MemberAsOf = { onRoll: rollStatusCell(m, day) === '在册', rollStatus: rollStatusCell(m, day), leader, branch: m.branch };
  if (m.partyPost && (leader || !isLeaderPost(m.partyPost))) out.partyPost = m.partyPost;
  if (m.onRollFrom && m.onRollFrom <= day) out.onRollFrom = m.onRollFrom;
  if (m.onRollLeft && m.onRollLeft <= day) out.onRollLeft = m.onRollLeft;
  return out;
}
