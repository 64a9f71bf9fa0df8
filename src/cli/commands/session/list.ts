// `session list` and `session show`: the read side of the branch's sessions.
import { sessionRateText } from '../../../domain/attendanceStats.js';
import { statusLabel } from '../../../domain/attendanceStatus.js';
import { parsePeriodId, type Period } from '../../../domain/periods.js';
import { parseSessionType, sessionTypeChoicesText, sessionTypeName } from '../../../domain/sessionTypes.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { formatTable, printListing } from '../../output.js';
import type { SessionListOptions } from './index.js';
import { attendanceJson, attendeesText, expectedMembers, figuresFor, figuresJson, figuresLine, loadSession, resolveBranch, sessionJson } from '../../args/session.js';

/** The period named by whichever of --month/--quarter/--half/--year/--period was given. */
export function periodFromFlags(o: SessionListOptions): Period | undefined {
  const given = (['month', 'quarter', 'half', 'year', 'period'] as const).filter((k) => o[k] !== undefined);
  if (given.length > 1) throw new UserError(`${given.map((k) => `--${k}`).join('、')} 只能给一个。`);
  const k = given[0];
  if (!k) return undefined;
  const text = o[k]!;
  const p = parsePeriodId(text);
  const want = { month: 'month', quarter: 'quarter', half: 'half', year: 'year', period: p?.kind } as const;
  const examples = { month: '2026-03', quarter: '2026-Q1', half: '2026-H1', year: '2026', period: '2026、2026-H1、2026-Q3、2026-03 或 2026-W10' };
  if (!p || p.kind !== want[k]) throw new UserError(`--${k} 的取值“${text}”无法识别，请写成 ${examples[k]} 这样的格式。`);
  return p;
}

export async function runSessionList(ctx: AppContext, o: SessionListOptions): Promise<void> {
  const period = periodFromFlags(o);
  let type: string | undefined;
  if (o.type !== undefined) {
    type = parseSessionType(o.type);
    if (!type) throw new UserError(`--type 的取值“${o.type}”不是已知的活动类型。`, [`可选：${sessionTypeChoicesText()}`]);
  }
  const db = await ctx.openDb({ readonly: true });
  const branch = await resolveBranch(db, o.branch);
  const { listSessions } = await import('../../../store/sessions.js');
  const sessions = listSessions(db, { branchId: branch.id, from: period?.start, to: period?.end, type });
  const figs = await figuresFor(db, sessions);
  const rows = sessions.map((s) => ({ s, f: figs.get(s.id)! }));
  const json = rows.map(({ s, f }) => ({ ...sessionJson(s), counts: figuresJson(f) }));
  const byType = new Map<string, number>();
  for (const s of sessions) byType.set(sessionTypeName(s.type), (byType.get(sessionTypeName(s.type)) ?? 0) + 1);
  const where = `${branch.name}${period ? ` ${period.id}` : ''}`;
  const footer = sessions.length
    ? `${where} 共 ${sessions.length} 次活动（${[...byType].map(([t, n]) => `${t} ${n}`).join('，')}）`
    : `${where} 没有登记学习活动。登记：shuxiang session add --type 集中学习 --date ${ctx.today()} --topic "…"`;
  printListing(ctx, json, [
    { header: '编号', value: (r) => r.s.id, align: 'right' },
    { header: '日期', value: (r) => r.s.date },
    { header: '类型', value: (r) => sessionTypeName(r.s.type) },
    { header: '主题', value: (r) => (r.s.topic.length > 24 ? r.s.topic.slice(0, 23) + '…' : r.s.topic) },
    { header: '学时', value: (r) => r.s.hours, align: 'right' },
    { header: '参加人员', value: (r) => (r.s.attendees === 'all' ? '全体' : r.s.attendees === 'leaders' ? '支委' : `指定 ${r.s.attendeeIds.length} 人`) },
    { header: '应到', value: (r) => r.f.expected, align: 'right' },
    { header: '实到', value: (r) => r.f.attended, align: 'right' },
    { header: '请假', value: (r) => r.f.excused, align: 'right' },
    { header: '缺席', value: (r) => r.f.absent, align: 'right' },
    { header: '未登记', value: (r) => r.f.unmarked, align: 'right' },
    { header: '出席率', value: (r) => sessionRateText(r.f), align: 'right' },
  ], rows, footer);
}

export async function runSessionShow(ctx: AppContext, idText: string): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const s = await loadSession(db, idText);
  const { attendanceForSession } = await import('../../../store/attendance.js');
  const { getMember } = await import('../../../store/members.js');
  const rows = attendanceForSession(db, s.id);
  const expected = await expectedMembers(db, s);
  const known = new Set(expected.map((m) => m.id));
  const others = rows.filter((r) => !known.has(r.memberId)).map((r) => getMember(db, r.memberId)!).filter(Boolean);
  const list = attendanceJson([...expected, ...others], rows, s);
  const f = (await figuresFor(db, [s])).get(s.id)!;
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

