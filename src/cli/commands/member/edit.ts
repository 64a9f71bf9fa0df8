// `shuxiang member edit`: change a person's fields, move branch, start or end a committee post.
import type { Member } from '../../../domain/member.js';
import { isLeaderPost } from '../../../domain/member.js';
import { MEMBER_LABELS, memberToJson } from '../../../domain/memberView.js';
import { UserError } from '../../../shared/errors.js';
import { inBatch } from '../../../store/batches.js';
import { branchToWrite } from '../../args/branch.js';
import { ensureBranch } from '../../../store/branches.js';
import type { Db } from '../../../store/db.js';
import { getMember, updateMember } from '../../../store/members.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';
import { assertIdCardFree, diffMember, onlyChanged, warnNamesakes, type MemberEditOptions } from './write.js';
import { endLeader, startLeader, type Patch } from '../../../app/members/tenure.js';
import {
  batchArgs, birthFlag, categoryFlag, dayFlag, genderFlag, idCardFlag, nameFlag, phoneFlag, postFlag,
} from '../../args/memberFlags.js';

export async function runMemberEdit(ctx: AppContext, query: string, opts: MemberEditOptions): Promise<void> {
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
  const patch = buildEditPatch(ctx, db, m, opts);
  let moveTo = opts.moveTo?.trim();
  if (opts.moveTo !== undefined && !moveTo) throw new UserError('--move-to 后面需要写要调往的支部名称。');
  const target = moveTo ? branchToWrite(db, moveTo, '--move-to', !!opts.newBranch) : undefined;
  if (target) moveTo = 'branch' in target ? target.branch.name : target.create;
  if (moveTo === m.branch) moveTo = undefined;
  const changes = diffMember(m, patch);
  if (moveTo) changes.push({ field: 'branch', label: MEMBER_LABELS.branch, from: m.branch, to: moveTo });
  if (changes.length === 0) {
    if (ctx.json) ctx.outJson({ member: memberToJson(m, false), changes: [] });
    else ctx.out(`${m.name}（编号 #${m.id}）没有需要修改的内容${Object.keys(opts).some((k) => k !== 'branch') ? '：填写的值与现有记录相同' : '：请用 --phone、--post、--leader 等选项写明要改什么（见 shuxiang member edit --help）'}。`);
    return;
  }
  const newBranch = !!moveTo && !!target && 'create' in target;
  inBatch(db, { command: 'member edit', args: batchArgs([query], opts), at: ctx.nowStamp() }, (batchId, counts) => {
    const changed = onlyChanged(m, patch);
    if (moveTo) changed.branchId = ensureBranch(db, moveTo, batchId, counts).id;
    updateMember(db, m.id, changed);
    counts.changed++;
  });
  if (newBranch) ctx.info(`已新建支部“${moveTo}”。`);
  const after = getMember(db, m.id)!;
  if (patch.name !== undefined || moveTo) warnNamesakes(ctx, db, after);
  if (ctx.json) {
    ctx.outJson({ member: memberToJson(after, false), changes });
    return;
  }
  ctx.out([`已修改 ${after.name}（编号 #${after.id}）：`, ...changes.map((c) => `  ${c.label}：${c.from ?? '（空）'} → ${c.to ?? '（空）'}`)].join('\n'));
}

/** The fields `member edit` asks to set, before comparing with what is stored. */
function buildEditPatch(ctx: AppContext, db: Db, m: Member, opts: MemberEditOptions): Patch {
  const patch: Patch = {};
  const from = opts.from !== undefined ? dayFlag('--from', opts.from) : undefined;
  if (opts.name !== undefined) patch.name = nameFlag('--name', opts.name);
  if (opts.phone !== undefined) patch.phone = phoneFlag(opts.phone);
  if (opts.gender !== undefined) patch.gender = genderFlag(opts.gender);
  if (opts.birth !== undefined) patch.birthDate = birthFlag(opts.birth);
  if (opts.category !== undefined) patch.category = categoryFlag(opts.category);
  if (opts.job !== undefined) patch.jobTitle = opts.job.trim() || null;
  if (opts.idCard !== undefined) {
    patch.idCard = idCardFlag(opts.idCard).value;
    assertIdCardFree(db, patch.idCard as string, m.id);
  }
  let leader = opts.leader;
  if (opts.post !== undefined) {
    const post = postFlag(opts.post);
    patch.partyPost = post;
    // A committee post counts as --leader for someone not yet on the committee (or when --from dates it).
    if (leader === undefined && isLeaderPost(post ?? undefined) && (!m.leader || from !== undefined)) leader = true;
    if (leader === undefined && m.leader && !m.leaderTo && post !== (m.partyPost ?? null) && !isLeaderPost(post ?? undefined)) {
      ctx.warn(`党内职务改为“${post ?? '无'}”，但${m.name}仍记为班子成员；如已卸任，请加 --no-leader [--from 日期]。`);
    }
  }
  if (leader === true) Object.assign(patch, startLeader(m, from));
  else if (leader === false) {
    const ended = endLeader(m, from, ctx.today());
    if (ended.notice) ctx.info(ended.notice);
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
  return patch;
}
