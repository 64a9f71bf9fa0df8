// `shuxiang member edit`: change a person's fields, move branch, start or end a committee post.
import { editChanges, editMember, editPatch, type MemberEditFields } from '../../../app/members/editMember.js';
import { namesakeWarning } from '../../../app/members/memberChecks.js';
import { memberToJson } from '../../../domain/memberView.js';
import { UserError } from '../../../shared/errors.js';
import { branchToWrite } from '../../args/branch.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';
import type { MemberEditOptions } from './write.js';
import {
  batchArgs, birthFlag, categoryFlag, dayFlag, genderFlag, idCardFlag, nameFlag, phoneFlag, postFlag,
} from '../../args/memberFlags.js';

export async function runMemberEdit(ctx: AppContext, query: string, opts: MemberEditOptions): Promise<void> {
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
  const { patch, notes, close, moveOn } = editPatch(db, m, editFields(opts), ctx.today(), opts.moveTo !== undefined);
  for (const n of notes) (n.level === 'warn' ? ctx.warn(n.text) : ctx.info(n.text));
  let moveTo = opts.moveTo?.trim();
  if (opts.moveTo !== undefined && !moveTo) throw new UserError('--move-to 后面需要写要调往的支部名称。');
  const target = moveTo ? branchToWrite(db, moveTo, '--move-to', !!opts.newBranch) : undefined;
  if (target) moveTo = 'branch' in target ? target.branch.name : target.create;
  if (moveTo === m.branch) moveTo = undefined;
  const changes = editChanges(m, patch, moveTo, moveTo ? moveOn : undefined);
  if (changes.length === 0 && close.length === 0) {
    if (ctx.json) ctx.outJson({ member: memberToJson(m, false), changes: [] });
    else ctx.out(`${m.name}（编号 #${m.id}）没有需要修改的内容${Object.keys(opts).some((k) => k !== 'branch') ? '：填写的值与现有记录相同' : '：请用 --phone、--post、--leader 等选项写明要改什么（见 shuxiang member edit --help）'}。`);
    return;
  }
  const newBranch = !!moveTo && !!target && 'create' in target;
  const after = editMember(db, m, { patch, moveTo, moveOn: moveTo ? moveOn : undefined, close, args: batchArgs([query], opts) }, ctx.nowStamp());
  if (newBranch) ctx.info(`已新建支部“${moveTo}”。`);
  if (patch.name !== undefined || moveTo) {
    const namesakes = namesakeWarning(db, after);
    if (namesakes) ctx.warn(namesakes);
  }
  if (ctx.json) {
    ctx.outJson({ member: memberToJson(after, false), changes });
    return;
  }
  ctx.out([`已修改 ${after.name}（编号 #${after.id}）：`, ...changes.map((c) => `  ${c.label}：${c.from ?? '（空）'} → ${c.to ?? '（空）'}`)].join('\n'));
}

/** The flags of `member edit`, each checked (in this order: the first wrong one is the error). */
function editFields(opts: MemberEditOptions): MemberEditFields {
  const f: MemberEditFields = {};
  if (opts.from !== undefined) f.from = dayFlag('--from', opts.from);
  if (opts.name !== undefined) f.name = nameFlag('--name', opts.name);
  if (opts.phone !== undefined) f.phone = phoneFlag(opts.phone);
  if (opts.gender !== undefined) f.gender = genderFlag(opts.gender);
  if (opts.birth !== undefined) f.birthDate = birthFlag(opts.birth);
  if (opts.category !== undefined) f.category = categoryFlag(opts.category);
  if (opts.job !== undefined) f.jobTitle = opts.job.trim() || null;
  if (opts.idCard !== undefined) f.idCard = idCardFlag(opts.idCard).value;
  if (opts.leader !== undefined) f.leader = opts.leader;
  if (opts.post !== undefined) f.partyPost = postFlag(opts.post);
  return f;
}
