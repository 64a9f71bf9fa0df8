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
import { addPastTerms, getMember, updateMember } from '../../store/members.js';
import { moveOn, reappoint, rejoin, type PastTerm } from '../../domain/memberTerms.js';
import { addDaysIso } from '../../domain/periods.js';
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
export function editPatch(db: Db, m: Member, f: MemberEditFields, today: string, moving = false): { patch: Patch; notes: MemberNote[]; close: PastTerm[]; moveOn?: string } {
  const patch: Patch = {};
  const notes: MemberNote[] = [];
  // Terms that end with this change (re-joined, re-appointed), and the day of a move to another branch.
  const close: PastTerm[] = [];
  let moveOn: string | undefined;
  if (moving && f.from !== undefined && f.leader !== undefined) {
    throw new UserError('--move-to、--leader（或 --no-leader）不能和 --from 一起用：--from 只能是其中一件事的日期。', ['请分两次修改：先登记调动（--move-to 支部 --from 日期），再登记任职。']);
  }
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
  if (leader === true && from !== undefined && m.leader && m.leaderTo && from >= m.leaderTo) {
    // Appointed again after stepping down: the earlier post is kept as a term of its own.
    if (m.onRollLeft && from >= m.onRollLeft) throw new UserError(`--from 的任职日期 ${from} 不在 ${m.name} 的在册期间内（${m.onRollLeft} 已转出）。`);
    const t = reappoint(m, from);
    Object.assign(patch, t.patch);
    close.push(...t.close);
  }
  else if (leader === true) Object.assign(patch, startLeader(m, from));
  else if (leader === false) {
    const ended = endLeader(m, from, today);
    if (ended.notice) notes.push({ level: 'info', text: ended.notice });
    Object.assign(patch, ended.patch);
  }
  else if (from !== undefined && moving) {
    // --move-to with --from: moved on that day; the spell in the old branch is kept.
    if (m.onRollFrom && from < m.onRollFrom) {
      throw new UserError(`--from 的调动日期 ${from} 早于 ${m.name} 的转入日期 ${m.onRollFrom}。`, ['调动日期是在新支部的第一天，应在在册期间内；不写 --from 则整段在册期间都改为新支部（用于更正支部填错）。']);
    }
    if (m.onRollLeft && from >= m.onRollLeft) {
      throw new UserError(`--from 的调动日期 ${from} 不在 ${m.name} 的在册期间内（${m.onRollLeft} 已转出）。`);
    }
    if (from > today) throw new UserError(`--from 的调动日期 ${from} 在今天（${today}）之后：还没有发生的调动不能登记。`, ['请在调动当天或之后再登记。']);
    // Moved on the first day on the roll: the whole spell is in the new branch.
    if (!m.onRollFrom || from > m.onRollFrom) {
      moveOn = from;
      if (m.leader && (!m.leaderTo || m.leaderTo > from)) {
        notes.push({ level: 'info', text: `${m.name}在原支部的班子成员任职随调动于 ${from} 结束（此前的任职期间保留）；如在新支部任职，请再运行 shuxiang member edit '#${m.id}' --leader --from ${from}。` });
      }
    }
  }
  else if (from !== undefined) {
    if (m.onRollLeft && from > m.onRollLeft) {
      // Back on the roll after leaving: a new spell from that day, the one that ended kept.
      if (from > today) throw new UserError(`--from 的转入日期 ${from} 在今天（${today}）之后：还没有发生的转入不能登记。`);
      const t = rejoin(m, from);
      Object.assign(patch, t.patch);
      close.push(...t.close);
      notes.push({ level: 'info', text: `${m.name}已于 ${m.onRollLeft} 转出，现登记为 ${from} 重新转入；此前 ${m.onRollFrom ?? '建档'} 至 ${addDaysIso(m.onRollLeft, -1)} 的在册期间保留，照常计入检查。`
        + (t.patch.leader === true ? `党内职务为“${m.partyPost}”，自 ${from} 起仍记为班子成员；如已不任职，请再运行 shuxiang member edit '#${m.id}' --post 无 --no-leader --from ${from}。` : '') });
    } else if (m.onRollLeft && from === m.onRollLeft) {
      // Back on the day of leaving: never off the roll.
      patch.onRollLeft = null;
    } else {
      // The current spell cannot reach back into an earlier one (left and came back, or moved here on a day).
      const earlier = (m.history ?? []).filter((t) => t.kind === 'roll' && t.to > from).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
      if (earlier) {
        throw new UserError(`--from 的转入日期 ${from} 早于 ${m.name} 此前一段在册期间的结束（${earlier.branch} ${earlier.from ?? '建档前'} 至 ${addDaysIso(earlier.to, -1)}）。`, [
          `本次在册应从 ${earlier.to} 或之后开始；如那段期间记错了，可用 shuxiang undo 撤销那次登记后重新登记。`,
        ]);
      }
      patch.onRollFrom = from;
    }
  }
  return { patch, notes, close, moveOn };
}

/** What `member edit` would change: the patch's changes, and the move to `moveTo` (a branch name; same branch: none). */
export function editChanges(m: Member, patch: Patch, moveTo?: string, moveOnDay?: string): MemberChange[] {
  const changes = diffMember(m, patch);
  if (moveTo) changes.push({ field: 'branch', label: MEMBER_LABELS.branch, from: m.branch, to: moveOnDay ? `${moveTo}（自 ${moveOnDay} 起；此前在${m.branch}的在册期间保留）` : moveTo });
  return changes;
}

/** Writes the changed fields (and the move, creating the branch when new) in one batch; returns the member after. */
export function editMember(db: Db, m: Member, input: { patch: Patch; moveTo?: string; moveOn?: string; close?: PastTerm[]; args: string }, now: string): Member {
  inBatch(db, { command: 'member edit', args: input.args, at: now }, (batchId, counts) => {
    const changed = onlyChanged(m, input.patch);
    const close = [...(input.close ?? [])];
    if (input.moveTo) {
      const branchId = ensureBranch(db, input.moveTo, batchId, counts).id;
      if (input.moveOn) {
        const t = moveOn(m, input.moveOn, branchId);
        Object.assign(changed, t.patch);
        close.push(...t.close);
      } else changed.branchId = branchId;
    }
    addPastTerms(db, m.id, close, batchId);
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
