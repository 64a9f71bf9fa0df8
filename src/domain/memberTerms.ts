// A member's terms (SPEC §3.3 "Membership"): spells on a branch's roll and committee posts, the current
// one on the member and the ones that ended before it in `history`. Someone who left and came back, moved
// to another branch on a day, or stepped down and was appointed again keeps every earlier spell: each is
// judged for the days it covers. This module decides how such a change is written — which term closes,
// what the member's current fields become — as plain data; the store writes it.
import { covers, isLeaderPost, type Member } from './member.js';
import type { RollTerm } from './evidence.js';

/** A term that has ended: on the roll of `branch` (kind 'roll') or on its committee, [from, to). */
export interface PastTerm {
  kind: 'roll' | 'leader';
  /** The branch's name (roll terms). */
  branch?: string;
  /** Absent: since before the tool's records. */
  from?: string;
  /** The first day without it. */
  to: string;
}

/** A spell on a branch's roll or committee, [from, to); absent bounds are open. */
export interface Term {
  branch: string;
  from?: string;
  to?: string;
}

/** Every spell on a roll, earliest first: the past ones and the current one. */
export function rollTerms(m: Pick<Member, 'branch' | 'onRollFrom' | 'onRollLeft' | 'history'>): Term[] {
  const past = (m.history ?? []).filter((t) => t.kind === 'roll').map((t) => ({ branch: t.branch!, ...(t.from ? { from: t.from } : {}), to: t.to }));
  return [...past, { branch: m.branch, ...(m.onRollFrom ? { from: m.onRollFrom } : {}), ...(m.onRollLeft ? { to: m.onRollLeft } : {}) }];
}

/** Every committee post, earliest first, [from, to) (bounds absent: the on-roll bound). */
export function leaderTerms(m: Pick<Member, 'leader' | 'leaderFrom' | 'leaderTo' | 'history'>): { from?: string; to?: string }[] {
  const past = (m.history ?? []).filter((t) => t.kind === 'leader').map((t) => ({ ...(t.from ? { from: t.from } : {}), to: t.to }));
  return m.leader ? [...past, { ...(m.leaderFrom ? { from: m.leaderFrom } : {}), ...(m.leaderTo ? { to: m.leaderTo } : {}) }] : past;
}

/** Every spell on a roll with its branch's id (the engine's EvidenceMember.rollTerms), for someone with an
 * earlier spell; undefined otherwise. A branch no longer known gets id −1 (none of its sessions are held). */
export function rollTermsById(m: Pick<Member, 'branch' | 'onRollFrom' | 'onRollLeft' | 'history'>, idOf: (branch: string) => number | undefined): RollTerm[] | undefined {
  if (!m.history?.some((t) => t.kind === 'roll')) return undefined;
  return rollTerms(m).map((t) => ({ branchId: idOf(t.branch) ?? -1, ...(t.from ? { from: t.from } : {}), ...(t.to ? { to: t.to } : {}) }));
}

/** The member as an earlier spell on a roll showed them: that branch, on it [from, to), on its committee
 * when a post of theirs overlapped it, no further history (a paper roster of that branch: 转出 on `to`). */
export function spellView(m: Member, t: PastTerm, branchId: number): Member {
  const post = m.history?.find((x) => x.kind === 'leader' && (!x.from || x.from < t.to) && (!t.from || x.to > t.from));
  const v: Member = { ...m, branchId, branch: t.branch!, leader: !!post, onRollLeft: t.to };
  delete v.onRollFrom; delete v.leaderFrom; delete v.leaderTo; delete v.history;
  if (t.from) v.onRollFrom = t.from;
  if (post?.from) v.leaderFrom = post.from;
  if (post) v.leaderTo = post.to;
  return v;
}

/** The member as the roll showed them on `day`: the current spell, or — when `day` falls in an earlier
 * spell on another branch's roll — that spell's view (spellView). */
export function memberOnDay(m: Member, day: string, branchIdOf: (branch: string) => number | undefined): Member {
  const t = m.history?.find((x) => x.kind === 'roll' && x.branch !== m.branch && covers(x, day));
  return t ? spellView(m, t, branchIdOf(t.branch!) ?? -1) : m;
}

/** Whether some spell (past or current) on the roll meets [start, end). */
export function anyRollDuring(m: Pick<Member, 'branch' | 'onRollFrom' | 'onRollLeft' | 'history'>, start: string, end: string): boolean {
  return rollTerms(m).some((t) => (!t.from || t.from < end) && (!t.to || t.to > start));
}

/** The member fields to set, and the past terms to add, for a change of term. */
export interface TermChange {
  patch: Partial<Record<'onRollFrom' | 'onRollLeft' | 'leader' | 'leaderFrom' | 'leaderTo' | 'branchId', unknown>>;
  close: PastTerm[];
}

/** The committee post as a closed term ending on `end` at the latest (nothing when it had ended before it began). */
function closedPost(m: Member, end: string): PastTerm | undefined {
  if (!m.leader) return undefined;
  const to = m.leaderTo && m.leaderTo < end ? m.leaderTo : end;
  const from = m.leaderFrom ?? m.onRollFrom;
  if (from && to <= from) return undefined;
  return { kind: 'leader', ...(from ? { from } : {}), to };
}

/** Back on the roll on `day` after leaving on m.onRollLeft (≤ day): the spell that ended is kept, a new one
 * starts (ending on `left` when given); a post held then is kept as it was. The new spell starts on the
 * committee from `day` when the party post on file is a committee post (书记, 委员…), else without a post. */
export function rejoin(m: Member, day: string, left?: string): TermChange {
  const close: PastTerm[] = [{ kind: 'roll', branch: m.branch, ...(m.onRollFrom ? { from: m.onRollFrom } : {}), to: m.onRollLeft! }];
  const post = closedPost(m, m.onRollLeft!);
  if (post) close.push(post);
  const again = isLeaderPost(m.partyPost) ? { leader: true, leaderFrom: day, leaderTo: null } : m.leader ? { leader: false, leaderFrom: null, leaderTo: null } : {};
  return { close, patch: { onRollFrom: day, onRollLeft: left ?? null, ...again } };
}

/** Moves to another branch on `day` (after m.onRollFrom, while on the roll): the spell in the old branch
 * ends the day before, the new one starts on `day`; a committee post of the old branch ends with it. */
export function moveOn(m: Member, day: string, branchId: number): TermChange {
  const close: PastTerm[] = [{ kind: 'roll', branch: m.branch, ...(m.onRollFrom ? { from: m.onRollFrom } : {}), to: day }];
  const post = closedPost(m, day);
  if (post) close.push(post);
  return { close, patch: { branchId, onRollFrom: day, ...(m.leader ? { leader: false, leaderFrom: null, leaderTo: null } : {}) } };
}

/** Appointed again on `day` after a post that ended on m.leaderTo (≤ day): the ended post is kept. */
export function reappoint(m: Member, day: string): TermChange {
  const post = closedPost(m, m.leaderTo!);
  return { close: post ? [post] : [], patch: { leader: true, leaderFrom: day, leaderTo: null } };
}
