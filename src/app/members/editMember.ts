// The `member edit` and `member leave` use cases: the fields to set (a committee post started or ended on
// a day, checked against the on-roll interval; a lone --from moves the day joined), the comparison with
// what is stored, and the one-batch write.
import type { Member } from '../../domain/member.js';
import { isLeaderPost } from '../../domain/member.js';
import { MEMBER_LABELS } from '../../domain/memberView.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { ensureBranch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { getMember, updateMember } from '../../store/members.js';
import { assertIdCardFree, diffMember, onlyChanged, type MemberChange } from './memberChecks.js';
import { endLeader, startLeader, type Patch } from './tenure.js';

/** The checked flags of `member edit` (undefined: not given; null: cleared). */
export interface MemberEditFields {
  from?: string;
  name?: string;
  phone?: string | null;
  gender?: string;
  birthDate?: string;
  category?: string;
  jobTitle?: string | null;
  idCard?: string;
  /** --leader (true) or --no-leader (false). */
  leader?: boolean;
  partyPost?: string | null;
}

/** A message to show beside the result: a warning, or a plain notice. */
export interface MemberNote {
  level: 'warn' | 'info';
  text: string;
}

/** The fields `member edit` asks to set, before comparing with what is stored; `today` ends a post by default. */
export function editPatch(db: Db, m: Member, f: MemberEditFields, today: string): { patch: Patch; notes: MemberNote[] } {
  const patch: Patch = {};
  const notes: MemberNote[] = [];
  const { from } = f;
  // In this order: the change lines follow it.
  for (const k of ['name', 'phone', 'gender', 'birthDate', 'category', 'jobTitle'] as const) if (f[k] !== undefined) patch[k] = f[k];
  if (f.idCard !== undefined) {
    patch.idCard = f.idCard;
    assertIdCardFree(db, f.idCard, m.id);
  }
  let leader = f.leader;
  if (f.partyPost !== undefined) {
    const post = f.partyPost;
    patch.partyPost = post;
    // A committee post counts as --leader for someone not yet on the committee (or when --from dates it).
    if (leader === undefined && isLeaderPost(post ?? undefined) && (!m.leader || from !== undefined)) leader = true;
    if (leader === undefined && m.leader && !m.leaderTo && post !== (m.partyPost ?? null) && !isLeaderPost(post ?? undefined)) {
      notes.push({ level: 'warn', text: `党内职务改为“${post ?? '无'}”，但${m.name}仍记为班子成员；如已卸任，请加 --no-leader [--from 日期]。` });
    }
  }
  if (leader === true) Object.assign(patch, startLeader(m, from));
  else if (leader === false) {
    const ended = endLeader(m, from, today);
    if (ended.notice) notes.push({ level: 'info', text: ended.notice });
    Object.assign(patch, ended.patch);
  }
  else if (from !== undefined) {
    if (m.onRollLeft && from >= m.onRollLeft) {
      throw new UserError(`--from 的转入日期 ${from} 不能晚于或等于 ${m.name} 的转出日期 ${m.onRollLeft}。`, [
        '单独使用 --from 修改的是转入日期；要设任职日期，请同时加 --leader（或 --no-leader 设卸任日期）。',
      ]);
    }
    patch.onRollFrom = from;
  }
  return { patch, notes };
}

/** What `member edit` would change: the patch's changes, and the move to `moveTo` (a branch name; same branch: none). */
export function editChanges(m: Member, patch: Patch, moveTo?: string): MemberChange[] {
  const changes = diffMember(m, patch);
  if (moveTo) changes.push({ field: 'branch', label: MEMBER_LABELS.branch, from: m.branch, to: moveTo });
  return changes;
}

/** Writes the changed fields (and the move, creating the branch when new) in one batch; returns the member after. */
export function editMember(db: Db, m: Member, input: { patch: Patch; moveTo?: string; args: string }, now: string): Member {
  inBatch(db, { command: 'member edit', args: input.args, at: now }, (batchId, counts) => {
    const changed = onlyChanged(m, input.patch);
    if (input.moveTo) changed.branchId = ensureBranch(db, input.moveTo, batchId, counts).id;
    updateMember(db, m.id, changed);
    counts.changed++;
  });
  return getMember(db, m.id)!;
}

/** `member leave`: off the roll from `date` (the first day not on it); a committee post ends with it. */
export function leaveMember(db: Db, m: Member, input: { date: string; args: string }, now: string): { after: Member; endsPost: boolean } {
  const { date } = input;
  if (m.onRollLeft) {
    throw new UserError(`${m.name}（编号 #${m.id}）已于 ${m.onRollLeft} 转出，不能再次转出。`, [
      '如转出日期记错了，可用 shuxiang undo 撤销那次转出后重新登记。',
    ]);
  }
  if (m.onRollFrom && date <= m.onRollFrom) {
    throw new UserError(`--date 的转出日期 ${date} 必须晚于 ${m.name} 的转入日期 ${m.onRollFrom}。`, [
      '转出日期是不再在册的第一天。如转入日期有误，请先用 shuxiang member edit 姓名 --from 日期 修改。',
    ]);
  }
  const patch: Patch = { onRollLeft: date };
  if (m.leader && (!m.leaderTo || m.leaderTo > date)) patch.leaderTo = date;
  inBatch(db, { command: 'member leave', args: input.args, at: now }, (_batchId, counts) => {
    updateMember(db, m.id, patch);
    counts.changed++;
  });
  return { after: getMember(db, m.id)!, endsPost: patch.leaderTo !== undefined };
}
