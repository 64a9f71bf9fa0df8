// `shuxiang member leave`: a person leaves the roll on a day (a committee post ends with it).
import { dayBefore, memberToJson } from '../../../domain/memberView.js';
import { leaveMember } from '../../../app/members/editMember.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';
import type { MemberLeaveOptions } from './write.js';
import { batchArgs, dayFlag } from '../../args/memberFlags.js';

export async function runMemberLeave(ctx: AppContext, query: string, opts: MemberLeaveOptions): Promise<void> {
  const date = dayFlag('--date', opts.date);
  const db = await ctx.openDb();
  const m = await pickMember(db, query, opts.branch);
  const { after, endsPost } = leaveMember(db, m, { date, args: batchArgs([query], opts) }, ctx.nowStamp());
  if (ctx.json) {
    ctx.outJson(memberToJson(after, false));
    return;
  }
  const when = date > ctx.today() ? '将' : '已';
  ctx.out(`${when}登记 ${m.name}（编号 #${m.id}，${m.branch}）自 ${date} 起转出，最后在册日为 ${dayBefore(date)}。`);
  if (endsPost) ctx.info(`${m.name}的班子成员任职同时于 ${date} 结束。`);
}
