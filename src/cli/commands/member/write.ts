// The writing half of `shuxiang member`: add, edit, leave. Every flag is checked before anything is
// written; each write is one batch (so `undo` can take it back).
import type { Member } from '../../../domain/member.js';
import { isLeaderPost } from '../../../domain/member.js';
import { MEMBER_LABELS, dayBefore, memberToJson } from '../../../domain/memberView.js';
import { maskIdCard, maskPhone } from '../../../domain/idcard.js';
import { UserError } from '../../../shared/errors.js';
import { inBatch } from '../../../store/batches.js';
import { ensureBranch, findBranch, listBranches } from '../../../store/branches.js';
import type { Db } from '../../../store/db.js';
import { findMemberByIdCard, findMembersByName, getMember, insertMember, updateMember, type MemberInsert } from '../../../store/members.js';
import { readSettings } from '../../../store/settings.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';
import { formatMemberCard } from './read.js';
import { endLeader, startLeader, type Patch } from '../../../app/members/tenure.js';
import {
  batchArgs, birthFlag, categoryFlag, dayFlag, genderFlag, idCardFlag, nameFlag, phoneFlag, postFlag,
} from '../../args/memberFlags.js';

export interface MemberAddOptions {
  name: string;
  branch?: string;
  leader?: boolean;
  post?: string;
  from?: string;
  idCard?: string;
  phone?: string;
  gender?: string;
  birth?: string;
  category?: string;
  job?: string;
}

export interface MemberEditOptions extends Omit<MemberAddOptions, 'name'> {
  name?: string;
  moveTo?: string;
}

export interface MemberLeaveOptions {
  date: string;
  branch?: string;
}


export async function runMemberAdd(ctx: AppContext, opts: MemberAddOptions): Promise<void> {
  const name = nameFlag('--name', opts.name);
  const onRollFrom = opts.from !== undefined ? dayFlag('--from', opts.from) : ctx.today();
  const partyPost = opts.post !== undefined ? postFlag(opts.post) : null;
  const m: MemberInsert = { branchId: 0, name, leader: !!opts.leader || isLeaderPost(partyPost ?? undefined), extra: {}, onRollFrom };
  if (partyPost) m.partyPost = partyPost;
  if (opts.phone !== undefined) m.phone = phoneFlag(opts.phone) ?? undefined;
  if (opts.gender !== undefined) m.gender = genderFlag(opts.gender);
  if (opts.birth !== undefined) m.birthDate = birthFlag(opts.birth);
  if (opts.category !== undefined) m.category = categoryFlag(opts.category);
  if (opts.job?.trim()) m.jobTitle = opts.job.trim();
  const db = await ctx.openDb();
  if (opts.idCard !== undefined) {
    const id = idCardFlag(opts.idCard);
    m.idCard = id.value;
    assertIdCardFree(db, id.value);
    if (m.gender && m.gender !== id.gender) ctx.warn(`--gender 填的是“${m.gender}”，但身份证号显示为“${id.gender}”，请核对。`);
    if (m.birthDate && !id.birthDate.startsWith(m.birthDate)) ctx.warn(`--birth 填的是 ${m.birthDate}，但身份证号中的出生日期是 ${id.birthDate}，请核对。`);
    m.gender ??= id.gender;
    m.birthDate ??= id.birthDate;
  }
  const branchName = opts.branch?.trim() || readSettings(db).defaultBranch;
  if (!branchName) {
    const names = listBranches(db).map((b) => b.name);
    throw new UserError('没有指定支部：请用 --branch 写明所在支部。', names.length ? [`已有的支部：${names.join('、')}`] : []);
  }
  const isNewBranch = !findBranch(db, branchName);
  const id = inBatch(db, { command: 'member add', args: batchArgs([], opts), at: ctx.nowStamp() }, (batchId, counts) => {
    m.branchId = ensureBranch(db, branchName, batchId, counts).id;
    const newId = insertMember(db, m, batchId);
    counts.added++;
    return newId;
  });
  if (isNewBranch) ctx.info(`已新建支部“${branchName}”。`);
  const namesakes = findMembersByName(db, name, m.branchId).filter((x) => x.id !== id);
  if (namesakes.length) {
    ctx.warn(`${branchName}已有同名人员 ${namesakes.map((x) => `${x.name}（编号 #${x.id}）`).join('、')}；以后按姓名查找时请用编号（如 #${id}）区分。`);
  }
  const added = getMember(db, id)!;
  if (ctx.json) {
    ctx.outJson(memberToJson(added, false));
    return;
  }
  ctx.out(`已添加 ${added.name}（编号 #${added.id}）：\n${indent(formatMemberCard(added, ctx.today(), false))}`);
}

export async function runMemberEdit(ctx: AppContext, query: string, opts: MemberEditOptions): Promise<void> {
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
  const patch = buildEditPatch(ctx, db, m, opts);
  let moveTo = opts.moveTo?.trim();
  if (opts.moveTo !== undefined && !moveTo) throw new UserError('--move-to 后面需要写要调往的支部名称。');
  if (moveTo === m.branch) moveTo = undefined;
  const changes = diffMember(m, patch);
  if (moveTo) changes.push({ field: 'branch', label: MEMBER_LABELS.branch, from: m.branch, to: moveTo });
  if (changes.length === 0) {
    if (ctx.json) ctx.outJson({ member: memberToJson(m, false), changes: [] });
    else ctx.out(`${m.name}（编号 #${m.id}）没有需要修改的内容${Object.keys(opts).some((k) => k !== 'branch') ? '：填写的值与现有记录相同' : '：请用 --phone、--post、--leader 等选项写明要改什么（见 shuxiang member edit --help）'}。`);
    return;
  }
  const newBranch = !!moveTo && !findBranch(db, moveTo);
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

export async function runMemberLeave(ctx: AppContext, query: string, opts: MemberLeaveOptions): Promise<void> {
  const date = dayFlag('--date', opts.date);
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
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
  inBatch(db, { command: 'member leave', args: batchArgs([query], opts), at: ctx.nowStamp() }, (_batchId, counts) => {
    updateMember(db, m.id, patch);
    counts.changed++;
  });
  const after = getMember(db, m.id)!;
  if (ctx.json) {
    ctx.outJson(memberToJson(after, false));
    return;
  }
  const when = date > ctx.today() ? '将' : '已';
  ctx.out(`${when}登记 ${m.name}（编号 #${m.id}，${m.branch}）自 ${date} 起转出，最后在册日为 ${dayBefore(date)}。`);
  if (patch.leaderTo) ctx.info(`${m.name}的班子成员任职同时于 ${date} 结束。`);
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

function assertIdCardFree(db: Db, idCard: string, selfId?: number): void {
  const other = findMemberByIdCard(db, idCard);
  if (other && other.id !== selfId) {
    throw new UserError(`--id-card 的身份证号 ${maskIdCard(idCard)} 已登记在 ${other.name}（${other.branch}，编号 #${other.id}）名下。`, [
      '同一个身份证号只能属于一个人。如是同一人，请用 shuxiang member edit 修改其信息；否则请核对号码。',
    ]);
  }
}

function warnNamesakes(ctx: AppContext, db: Db, m: Member): void {
  const same = findMembersByName(db, m.name, m.branchId).filter((x) => x.id !== m.id);
  if (same.length) ctx.warn(`${m.branch}还有同名人员（编号 ${same.map((x) => `#${x.id}`).join('、')}）；按姓名查找时请用编号区分。`);
}

export interface MemberChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

const show = (field: string, v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (field === 'leader') return v ? '是' : '否';
  if (field === 'phone') return maskPhone(String(v));
  if (field === 'idCard') return maskIdCard(String(v));
  return String(v);
};

function onlyChanged(m: Member, patch: Patch): Patch {
  const out: Patch = {};
  for (const [k, v] of Object.entries(patch) as [keyof MemberInsert, unknown][]) {
    const old = (m as unknown as Record<string, unknown>)[k] ?? null;
    if ((v ?? null) !== old) out[k] = v;
  }
  return out;
}

/** What the patch changes, as label: old → new (phone and ID masked). */
function diffMember(m: Member, patch: Patch): MemberChange[] {
  const out: MemberChange[] = [];
  for (const [k, v] of Object.entries(onlyChanged(m, patch))) {
    const label = MEMBER_LABELS[k as keyof typeof MEMBER_LABELS] ?? k;
    out.push({ field: k, label, from: show(k, (m as unknown as Record<string, unknown>)[k]), to: show(k, v) });
  }
  return out;
}

function indent(s: string): string {
  return s.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
}
