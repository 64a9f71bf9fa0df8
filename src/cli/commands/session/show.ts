// `session show`: one session's details and its sign-in list.
import { sessionDetail } from '../../../app/sessions/readSessions.js';
import { statusLabel } from '../../../domain/attendanceStatus.js';
import { sessionTypeName } from '../../../domain/sessionTypes.js';
import type { AppContext } from '../../context.js';
import { formatTable } from '../../output.js';
import { attendanceJson, attendeesText, figuresJson, figuresLine, loadSession, sessionJson } from '../../args/session.js';

export async function runSessionShow(ctx: AppContext, idText: string): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const s = loadSession(db, idText);
  const { expected, listed, rows, figures: f } = await sessionDetail(db, s);
  const list = attendanceJson(listed, rows, s);
  if (ctx.json) {
    ctx.outJson({ ...sessionJson(s), expected: expected.map((m) => ({ memberId: m.id, name: m.name })), counts: figuresJson(f), attendance: list });
    return;
  }
  const time = s.startTime ? ` ${s.startTime}${s.endTime ? `–${s.endTime}` : ''}` : '';
  const info = [
    `学习活动 #${s.id}（${s.branch}）`,
    `  类型：${sessionTypeName(s.type)}`,
    `  主题：${s.topic}`,
    `  时间：${s.date}${time}${s.hours !== undefined ? `，${s.hours} 学时` : ''}`,
    s.place ? `  地点：${s.place}` : '',
    s.speaker ? `  主讲/主持：${s.speaker}` : '',
    s.recorder ? `  记录人：${s.recorder}` : '',
    s.notes ? `  备注：${s.notes}` : '',
    `  应到人员：${attendeesText(s, expected)}`,
    `  签到：${figuresLine(f)}`,
  ].filter(Boolean);
  ctx.out(info.join('\n'));
  if (list.length) {
    ctx.out('\n' + formatTable([
      { header: '序号', value: (r: Record<string, unknown>) => list.indexOf(r) + 1, align: 'right' },
      { header: '姓名', value: (r) => `${r.name as string}${r.expected ? '' : '（不在应到名单）'}` },
      { header: '状态', value: (r) => statusLabel(r.status as never, r.excuseKind as string | null) },
      { header: '事由', value: (r) => (r.reason as string | null) ?? '' },
    ], list));
  }
  if (f.unmarked) ctx.info(`\n还有 ${f.unmarked} 人未登记：shuxiang checkin ${s.id}`);
}

