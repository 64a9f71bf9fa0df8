// `session add`: the fields from flags (asked on a terminal when missing), the attendees, then the use case.
import { addSession } from '../../../app/sessions/addSession.js';
import type { SessionInsert } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import { attendeesText, resolveAttendees, resolveBranch, sessionJson, sessionTitle } from '../../args/session.js';
import { readFields, type SessionFieldOptions } from './fields.js';

export async function runSessionAdd(ctx: AppContext, o: SessionFieldOptions): Promise<void> {
  const db = await ctx.openDb();
  const branch = await resolveBranch(db, o.branch);
  const fields = await readFields(ctx, o, true);
  if (o.attendees !== undefined) Object.assign(fields, await resolveAttendees(db, { branchId: branch.id, branch: branch.name, date: fields.date! }, o.attendees));
  const { session: s, same, expected } = await addSession(db, { ...(fields as SessionInsert), branchId: branch.id }, ctx.nowStamp());
  const id = s.id;
  if (same.length) ctx.warn(`${s.date} 已有同类同主题的活动 ${same.map((x) => `#${x}`).join('、')}，仍按新活动 #${id} 登记。如是重复登记，可用 shuxiang session remove ${id} 删除。`);
  if (ctx.json) {
    ctx.outJson(sessionJson(s));
    return;
  }
  ctx.out(`已登记学习活动 ${sessionTitle(s)}（${branch.name}${s.hours !== undefined ? `，${s.hours} 学时` : ''}）`);
  if (expected) {
    ctx.out(s.attendees === 'named' ? `应到：${expected.map((m) => m.name).join('、')}（${expected.length} 人）` : `应到：${s.date} 的${attendeesText(s, expected)}`);
  }
  ctx.out(`编号：${id}`);
  ctx.info(`\n签到：shuxiang checkin ${id}；打印纸质签到表：shuxiang sheet ${id}`);
}
