// Who is expected at a session (SPEC §3.3): everyone on the branch's roll that day (the default), the
// branch committee that day (by leader tenure), or a list of named people. Only the expected count in
// 应到, attendance rates, the rules and the reports; this is the one place that decides who they are.
import { covers, leaderOn, onRollOn, type Member } from './member.js';
import type { RollTerm } from './evidence.js';

/** How a session's expected people are given. */
export type AttendeesKind = 'all' | 'leaders' | 'named';
export const ATTENDEES_KINDS: readonly AttendeesKind[] = ['all', 'leaders', 'named'];

/** What a session says of its attendees; absent `attendees` means everyone. */
export interface AttendeesOf {
  date: string;
  attendees?: AttendeesKind;
  /** The people named (attendees 'named'). */
  attendeeIds?: readonly number[];
  /** The session's branch: someone with several spells on rolls is expected only during a spell in it. */
  branchId?: number;
}

/** A member as either the roster (leader flag + one interval) or the engine (leaderIntervals) holds them. */
export interface TenureMember {
  id: number;
  onRollFrom?: string;
  onRollLeft?: string;
  leader?: boolean;
  leaderFrom?: string;
  leaderTo?: string;
  /** Committee posts [from, to) (the engine's EvidenceMember). */
  leaderIntervals?: readonly { from?: string; to?: string }[];
  /** Every spell on a roll with its branch (the engine's EvidenceMember, for someone with several). */
  rollTerms?: readonly RollTerm[];
  branch?: string;
  history?: Member['history'];
}

/** On the roll on `day` — of the session's branch, when the member's spells say which branch when. */
export function onRollAt(m: TenureMember, day: string, branchId?: number): boolean {
  if (!m.rollTerms) return onRollOn(m, day);
  return m.rollTerms.some((t) => covers(t, day) && (branchId === undefined || t.branchId === branchId));
}

/** Whether the member is on the branch committee on `day` (and on the roll). */
export function onCommitteeOn(m: TenureMember, day: string, branchId?: number): boolean {
  if (m.leaderIntervals) return onRollAt(m, day, branchId) && m.leaderIntervals.some((p) => (!p.from || p.from <= day) && (!p.to || day < p.to));
  return leaderOn({ leader: !!m.leader, leaderFrom: m.leaderFrom, leaderTo: m.leaderTo, onRollFrom: m.onRollFrom, onRollLeft: m.onRollLeft, branch: m.branch, history: m.history }, day);
}

/** Whether the member (of the session's branch) is expected at the session. */
export function isExpectedAt(s: AttendeesOf, m: TenureMember): boolean {
  if (!onRollAt(m, s.date, s.branchId)) return false;
  switch (s.attendees ?? 'all') {
    case 'all': return true;
    case 'leaders': return onCommitteeOn(m, s.date, s.branchId);
    case 'named': return !!s.attendeeIds?.includes(m.id);
  }
}

/** The attendees in words: 全体在册人员 / 支委 / 指定 3 人. */
export function attendeesLabel(s: Pick<AttendeesOf, 'attendees' | 'attendeeIds'>): string {
  switch (s.attendees ?? 'all') {
    case 'all': return '全体在册人员';
    case 'leaders': return '支委';
    case 'named': return `指定 ${s.attendeeIds?.length ?? 0} 人`;
  }
}

/** Who a session is for, with the people expected: 全体在册人员 / 支委 2 人：钱委员、赵书记 / 指定 2 人：李四、王五. */
export function attendeesText(s: Pick<AttendeesOf, 'attendees' | 'attendeeIds'>, expected: readonly { name: string }[]): string {
  if ((s.attendees ?? 'all') === 'all') return attendeesLabel(s);
  return `${s.attendees === 'leaders' ? `支委 ${expected.length} 人` : attendeesLabel(s)}：${expected.map((m) => m.name).join('、') || '无'}`;
}

/** Why someone on the roll cannot be signed in: the session is for others (the committee that day, the
 * people named) — and how to add them. The one wording of checkin and the sign-in sheet import. */
export function notExpectedText(s: Pick<AttendeesOf, 'date' | 'attendees' | 'attendeeIds'> & { id: number }, m: { name: string }, expected: readonly { name: string }[]): string {
  const list = [...expected.map((x) => x.name), m.name].join(',');
  return `${m.name} 不在本次活动的应到名单上（本次应到${s.attendees === 'leaders' ? ` ${s.date} 的` : ''}${attendeesText(s, expected)}）。`
    + `如确需为其签到，请先把他加入应到名单：shuxiang session edit ${s.id} --attendees ${list}`;
}

/** What `--attendees` said: a kind, or the names typed (still to be resolved against the roll). */
export type AttendeesSpec = { kind: 'all' | 'leaders' } | { kind: 'named'; names: string[] };

const ALL_WORDS = new Set(['all', '全体', '全部', '全体人员', '全体党员', '所有人']);
const LEADER_WORDS = new Set(['leaders', 'leader', 'committee', '支委', '支委会', '班子', '班子成员', '支部委员会']);

/** Reads `--attendees`: all / 全体, leaders / 支委 / 班子, or names separated by , ，、; or spaces;
 * undefined when no name is left (an empty list). */
export function parseAttendeesSpec(text: string): AttendeesSpec | undefined {
  const t = text.normalize('NFKC').trim();
  if (ALL_WORDS.has(t.toLowerCase())) return { kind: 'all' };
  if (LEADER_WORDS.has(t.toLowerCase())) return { kind: 'leaders' };
  const names = [...new Set(t.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean))];
  return names.length ? { kind: 'named', names } : undefined;
}
