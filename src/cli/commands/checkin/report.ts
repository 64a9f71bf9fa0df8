// What `checkin` prints once the sign-in is written: the session's figures and what changed (or the JSON).
import type { SigninResult } from '../../../app/signin/recordSignin.js';
import type { Member } from '../../../domain/member.js';
import type { AppContext } from '../../context.js';
import { attendanceJson, figuresJson, figuresLine, sessionJson, sessionTitle } from '../../args/session.js';

export function reportSignin(ctx: AppContext, members: Member[], r: SigninResult): void {
  const { session: s, outcome, figures: f } = r;
  if (ctx.json) {
    ctx.outJson({ session: sessionJson(s), ...outcome, counts: figuresJson(f), attendance: attendanceJson(members, r.attendance, s) });
    return;
  }
  ctx.out(`${sessionTitle(s)}：${figuresLine(f)}`);
  ctx.info(`本次新增 ${outcome.added} 条，更新 ${outcome.changed} 条，未变 ${outcome.unchanged} 条。${f.unmarked ? `还有 ${f.unmarked} 人未登记。` : ''}`);
}
