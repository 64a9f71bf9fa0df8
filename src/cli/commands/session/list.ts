// `session list`: the branch's sessions in a period (or all), each with its figures.
import { sessionsWithFigures } from '../../../app/sessions/readSessions.js';
import { sessionRateText } from '../../../domain/attendanceStats.js';
import { parsePeriodId, type Period } from '../../../domain/periods.js';
import { parseSessionType, sessionTypeChoicesText, sessionTypeName } from '../../../domain/sessionTypes.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { printListing } from '../../output.js';
import { figuresJson, resolveBranch, sessionJson } from '../../args/session.js';

export interface SessionListOptions {
  month?: string;
  quarter?: string;
  half?: string;
  year?: string;
  period?: string;
  type?: string;
  branch?: string;
}


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
  const rows = sessionsWithFigures(db, { branchId: branch.id, from: period?.start, to: period?.end, type });
  const sessions = rows.map((r) => r.s);
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
