// `plan link SESSION --month …`: a session counted for the plan month it carried out.
import { linkSessionToPlan } from '../../../app/plan/studyPlan.js';
import { parsePlanMonth } from '../../../domain/studyPlan.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { loadSession } from '../../args/session.js';

/** `plan link`: ties a session to the plan month it carried out. */
export async function runPlanLink(ctx: AppContext, idText: string, o: { month: string; force?: boolean }): Promise<void> {
  const db = await ctx.openDb();
  const session = loadSession(db, idText);
  const month = parsePlanMonth(o.month, Number(session.date.slice(0, 4)));
  if (!month) throw new UserError(`--month 的取值“${o.month}”无效，应写成 2027-03 这样的月份。`);
  const { plan, changed: done } = linkSessionToPlan(db, session, month, !!o.force, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ sessionId: session.id, month, planId: plan.id, theme: plan.theme, changed: done });
  ctx.out(`${done ? '已关联' : '原已关联'}：活动 #${session.id}（${session.date} ${session.topic}）→ ${month} 计划「${plan.theme}」`);
}
