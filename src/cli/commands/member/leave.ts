// `shuxiang member leave`: a person leaves the roll on a day (a committee post ends with it).
import { dayBefore, memberToJson } from '../../../domain/memberView.js';
import { UserError } from '../../../shared/errors.js';
import { inBatch } from '../../../store/batches.js';
import { getMember, updateMember } from '../../../store/members.js';
import type { AppContext } from '../../context.js';
import { pickMember } from '../../args/member.js';
import type { MemberLeaveOptions } from './write.js';
import type { Patch } from '../../../app/members/tenure.js';
import { batchArgs, dayFlag } from '../../args/memberFlags.js';

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
