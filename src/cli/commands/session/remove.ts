// `session remove`: asks (or wants --yes) when sign-ins would go with the session, then the use case.
import { removeSession, signinCount } from '../../../app/sessions/removeSession.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { askConfirm } from '../../prompts.js';
import { loadSession, sessionTitle } from '../../args/session.js';

export async function runSessionRemove(ctx: AppContext, idText: string, o: { yes?: boolean }): Promise<void> {
  const db = await ctx.openDb();
  const s = loadSession(db, idText);
  const n = signinCount(db, s);
  if (n > 0 && !o.yes) {
    if (!ctx.interactive) {
      throw new UserError(`活动 ${sessionTitle(s)} 已有 ${n} 条签到记录，删除会一并删除它们。确认要删除，请加上 --yes。`);
    }
    const ok = await askConfirm(ctx, '--yes', `活动 ${sessionTitle(s)} 已有 ${n} 条签到记录，确定连同签到一起删除吗？`, false);
    if (!ok) {
      ctx.info('未删除。');
      return;
    }
  }
  const r = removeSession(db, s, ctx.nowStamp());
  if (ctx.json) {
    ctx.outJson({ id: s.id, removed: r.removed, attendanceRemoved: r.attendance });
    return;
  }
  ctx.out(`已删除学习活动 ${sessionTitle(s)}${r.attendance ? `，以及 ${r.attendance} 条签到记录` : ''}。`);
}
