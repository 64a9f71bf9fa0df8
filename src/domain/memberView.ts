// How one member reads to the user: the plain JSON object (masked unless revealed), Chinese labels,
// and the on-roll and leader intervals said in words. Pure: `today` is always passed in.
import { maskIdCard, maskPhone } from './idcard.js';
import { leaderOn, onRollOn, type Member } from './member.js';
import { maskPersonalData } from './pii.js';
import { isPersonalNumberHeader } from './rosterHeader.js';

/** A member's kept extra columns as shown: a column named like a phone or ID (a second 办公电话) is masked
 * whole, every other value has any number in it that looks like an ID or mobile masked (free text). */
export function shownExtras(extra: Record<string, string>, reveal: boolean): Record<string, string> {
  if (reveal) return { ...extra };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(extra)) out[k] = isPersonalNumberHeader(k) && /\d{4}/.test(v) ? maskPhone(v) : maskPersonalData(v);
  return out;
}

/** The JSON shape of a member (list, show, add all print this); missing fields are null. */
export interface MemberJson {
  id: number;
  name: string;
  branch: string;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
  joinPartyDate: string | null;
  fullMemberDate: string | null;
  category: string | null;
  jobTitle: string | null;
  partyPost: string | null;
  /** The stored committee flag; the post's interval is [leaderFrom, leaderTo). */
  leader: boolean;
  leaderFrom: string | null;
  leaderTo: string | null;
  phone: string | null;
  idCard: string | null;
  onRollFrom: string | null;
  onRollLeft: string | null;
  extra: Record<string, string>;
  /** Earlier terms (left and came back, moved branch on a day, appointed again), when there are any. */
  history?: { kind: 'roll' | 'leader'; branch?: string; from: string | null; to: string }[];
}

/** The one place that decides what of a member leaves the program, and masked how. */
export function memberToJson(m: Member, reveal: boolean): MemberJson {
  return {
    id: m.id,
    name: m.name,
    branch: m.branch,
    gender: m.gender ?? null,
    birthDate: m.birthDate ?? null,
    ethnicity: m.ethnicity ?? null,
    education: m.education ?? null,
    joinPartyDate: m.joinPartyDate ?? null,
    fullMemberDate: m.fullMemberDate ?? null,
    category: m.category ?? null,
    jobTitle: m.jobTitle ?? null,
    partyPost: m.partyPost ?? null,
    leader: m.leader,
    leaderFrom: m.leaderFrom ?? null,
    leaderTo: m.leaderTo ?? null,
    phone: m.phone ? (reveal ? m.phone : maskPhone(m.phone)) : null,
    idCard: m.idCard ? (reveal ? m.idCard : maskIdCard(m.idCard)) : null,
    onRollFrom: m.onRollFrom ?? null,
    onRollLeft: m.onRollLeft ?? null,
    extra: shownExtras(m.extra, reveal),
    ...(m.history?.length ? { history: m.history.map((t) => ({ kind: t.kind, ...(t.branch ? { branch: t.branch } : {}), from: t.from ?? null, to: t.to })) } : {}),
  };
}

/** Chinese labels for every member field a user can see or change. */
export const MEMBER_LABELS: Record<Exclude<keyof Member, 'extra' | 'branchId' | 'history'>, string> = {
  id: '编号', name: '姓名', gender: '性别', birthDate: '出生年月', ethnicity: '民族', education: '学历',
  joinPartyDate: '入党时间', fullMemberDate: '转正时间', category: '人员类别', jobTitle: '职务',
  partyPost: '党内职务', leader: '班子成员', leaderFrom: '任职开始', leaderTo: '卸任日期', branch: '所在支部',
  phone: '联系电话', idCard: '身份证号', onRollFrom: '转入日期', onRollLeft: '转出日期',
};

/** The day before an ISO day (the last day on the roll before `left`). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether the member counts as a committee member as of `day`; for someone who has left, on their last day. */
export function leaderAsOf(m: Member, day: string): boolean {
  if (m.onRollLeft && m.onRollLeft <= day) return leaderOn(m, dayBefore(m.onRollLeft));
  return leaderOn(m, day);
}

/** The 在册 cell of the roster table: 在册 / 2026-03-01 转出 / 2026-12-01 转入. */
export function rollStatusCell(m: Member, today: string): string {
  // On the roll that day — in the current spell, or an earlier one on this branch's roll.
  if (onRollOn(m, today)) return '在册';
  if (m.onRollLeft && m.onRollLeft <= today) return `${m.onRollLeft} 转出`;
  // Between an earlier spell and the current one: off the roll since the earlier one ended.
  const ended = (m.history ?? []).filter((t) => t.kind === 'roll' && t.branch === m.branch && t.to <= today).map((t) => t.to).sort().pop();
  if (ended) return `${ended} 转出`;
  if (m.onRollFrom && m.onRollFrom > today) return `${m.onRollFrom} 转入`;
  return '';
}

/** The on-roll interval in words, e.g. “2025-03-01 至 2026-02-28 在册，2026-03-01 转出”. */
export function onRollText(m: Member, today: string): string {
  const from = m.onRollFrom;
  const left = m.onRollLeft;
  if (!left) {
    if (!from) return '在册（没有转入日期，视为一直在册）';
    return from > today ? `将于 ${from} 转入（目前尚未在册）` : `自 ${from} 起在册`;
  }
  const span = from ? `${from} 至 ${dayBefore(left)} 在册` : `在册至 ${dayBefore(left)}`;
  return left > today ? `${span}，将于 ${left} 转出` : `${span}，${left} 转出`;
}

/** The committee post in words, e.g. “是，自 2026-07-01 起” or “曾任，2026-07-01 至 2026-09-30”. */
export function leaderText(m: Member, today: string): string {
  if (!m.leader) return '否';
  const from = m.leaderFrom ?? m.onRollFrom;
  const end = m.leaderTo && (!m.onRollLeft || m.leaderTo < m.onRollLeft) ? m.leaderTo : m.onRollLeft;
  const post = m.partyPost ? `（${m.partyPost}）` : '';
  if (from && from > today) return `将于 ${from} 起任班子成员${post}`;
  if (end && end <= today) {
    return `曾任${post}，${from ? `${from} 至 ` : '至 '}${dayBefore(end)}`;
  }
  const since = m.leaderFrom ? `自 ${m.leaderFrom} 起` : '任职期间与在册期间相同';
  return `是${post}，${since}${end ? `，将于 ${end} 卸任` : ''}`;
}
