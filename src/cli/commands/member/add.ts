// `shuxiang member add`: one person onto the roll by hand.
import { isLeaderPost } from '../../../domain/member.js';
import { memberToJson } from '../../../domain/memberView.js';
import { UserError } from '../../../shared/errors.js';
import { addMember, withIdCard } from '../../../app/members/addMember.js';
import { branchToWrite } from '../../args/branch.js';
import { listBranches } from '../../../store/branches.js';
import type { MemberInsert } from '../../../store/members.js';
import { readSettings } from '../../../store/settings.js';
import type { AppContext } from '../../context.js';
import { formatMemberCard } from './show.js';
import { indent, type MemberAddOptions } from './write.js';
import {
  batchArgs, birthFlag, categoryFlag, dayFlag, genderFlag, idCardFlag, nameFlag, phoneFlag, postFlag,
} from '../../args/memberFlags.js';

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
    for (const w of withIdCard(db, m, idCardFlag(opts.idCard))) ctx.warn(w);
  }
  const typedBranch = opts.branch?.trim() || readSettings(db).defaultBranch;
  if (!typedBranch) {
    const names = listBranches(db).map((b) => b.name);
    throw new UserError('没有指定支部：请用 --branch 写明所在支部。', names.length ? [`已有的支部：${names.join('、')}`] : []);
  }
  // A typo in --branch is an error with suggestions; only --new-branch creates a branch.
  const target = branchToWrite(db, typedBranch, '--branch', !!opts.newBranch);
  const branchName = 'branch' in target ? target.branch.name : target.create;
  const isNewBranch = 'create' in target;
  const { added, namesakes } = addMember(db, { member: m, branch: branchName, args: batchArgs([], opts) }, ctx.nowStamp());
  if (isNewBranch) ctx.info(`已新建支部“${branchName}”。`);
  if (namesakes.length) {
    const left = namesakes.find((x) => x.onRollLeft);
    ctx.warn(`${branchName}已有同名人员 ${namesakes.map((x) => `${x.name}（编号 #${x.id}${x.onRollLeft ? `，${x.onRollLeft} 已转出` : ''}）`).join('、')}；以后按姓名查找时请用编号（如 #${added.id}）区分。`
      + (left ? `如是 #${left.id} 重新转入，请撤销这次添加（shuxiang undo）后用 shuxiang member edit '#${left.id}' --from 转入日期 登记，此前的在册期间保留。` : ''));
  }
  if (ctx.json) {
    ctx.outJson(memberToJson(added, false));
    return;
  }
  ctx.out(`已添加 ${added.name}（编号 #${added.id}）：\n${indent(formatMemberCard(added, ctx.today(), false))}`);
}
