// `session edit`: the patch from flags, checked and written by the use case (only what changed).
import { applySessionEdit, checkSessionEdit } from '../../../app/sessions/editSession.js';
import type { AppContext } from '../../context.js';
import { attendeesText, loadSession, resolveAttendees, resolveBranch, sessionJson, sessionTitle } from '../../args/session.js';
import { readFields, type SessionFieldOptions } from './fields.js';

export async function runSessionEdit(ctx: AppContext, idText: string, o: SessionFieldOptions): Promise<void> {
  const db = await ctx.openDb();
  const s = loadSession(db, idText);
  const fields = await readFields(ctx, o, false);
  const branchId = o.branch !== undefined ? (await resolveBranch(db, o.branch)).id : undefined;
  const patch = checkSessionEdit(db, s, fields, { branchId, hoursGiven: o.hours !== undefined, today: ctx.today() });
  const attendees = o.attendees === undefined ? undefined
    : await resolveAttendees(db, { branchId: (patch.branchId as number | undefined) ?? s.branchId, branch: s.branch, date: (patch.date as string | undefined) ?? s.date }, o.attendees);
  const r = await applySessionEdit(db, s, patch, attendees, ctx.nowStamp());
  if (!r.changed) {
    if (ctx.json) ctx.outJson({ ...sessionJson(s), changed: false });
    else ctx.info(`活动 #${s.id} 没有需要修改的内容。可修改的项见 shuxiang session edit --help。`);
    return;
  }
  const after = r.session;
  if (r.stray) ctx.warn(`修改后有 ${r.stray.count} 条签到记录对应的人员不在本次活动的应到名单上（${after.date}，${attendeesText(after, r.stray.expected)}），签到记录保留，但统计时不计入。`);
  if (ctx.json) {
    ctx.outJson({ ...sessionJson(after), changed: true });
    return;
  }
  ctx.out(`已修改学习活动 ${sessionTitle(after)}`);
}
