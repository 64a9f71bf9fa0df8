// The fields `session add` and `session edit` take: declared once as options, read once into a patch
// (on a terminal, `add` asks for the type and topic when they are missing).
import type { Command } from 'commander';
import { SESSION_TYPES, parseSessionType, sessionTypeChoicesText } from '../../../domain/sessionTypes.js';
import { UserError } from '../../../shared/errors.js';
import type { SessionInsert } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import { askInput, askSelect } from '../../prompts.js';
import { dayFlag } from '../../args/dates.js';
import { decimalFlag } from '../../args/numbers.js';
import { hoursBetween, parseClock } from '../../args/session.js';

/** The fields `session add` and `session edit` take. */
export interface SessionFieldOptions {
  type?: string;
  date?: string;
  topic?: string;
  hours?: string;
  start?: string;
  end?: string;
  place?: string;
  speaker?: string;
  recorder?: string;
  notes?: string;
  branch?: string;
  attendees?: string;
}

export function sessionFieldOptions(cmd: Command): Command {
  return cmd
    .option('--type <类型>', `活动类型：${sessionTypeChoicesText()}`)
    .option('--date <日期>', '日期，如 2026-03-10')
    .option('--topic <主题>', '学习主题')
    .option('--hours <学时>', '学时（小时），如 2 或 1.5；给了起止时间可不填')
    .option('--start <时间>', '开始时间，如 09:00')
    .option('--end <时间>', '结束时间，如 11:00')
    .option('--place <地点>', '地点')
    .option('--speaker <姓名>', '主讲人或主持人')
    .option('--recorder <姓名>', '记录人')
    .option('--notes <备注>', '备注')
    .option('--branch <支部>', '支部名称（默认为 init 时的支部）')
    .option('--attendees <人员>', '应到人员：leaders（支委，按当天任职）、all（全体在册人员，默认），或逗号分隔的姓名，如 张三,李四');
}

/** Validates the typed fields into a patch; `adding` makes type, date and topic required. */
export async function readFields(ctx: AppContext, o: SessionFieldOptions, adding: boolean): Promise<Partial<SessionInsert>> {
  const p: Partial<SessionInsert> = {};
  let typeText = o.type;
  if (adding && !typeText?.trim()) {
    typeText = await askSelect(ctx, '--type <类型>', '活动类型：', SESSION_TYPES.map((t) => ({ name: t.name, value: t.id })));
  }
  if (typeText !== undefined) {
    const t = parseSessionType(typeText);
    if (!t) throw new UserError(`--type 的取值“${typeText}”不是已知的活动类型。`, [`可选：${sessionTypeChoicesText()}`]);
    p.type = t;
  }
  const dateText = o.date ?? (adding ? ctx.today() : undefined);
  if (dateText !== undefined) {
    p.date = dayFlag('--date', dateText);
  }
  let topic = o.topic;
  if (adding && !topic?.trim()) topic = await askInput(ctx, '--topic <主题>', '学习主题：');
  if (topic !== undefined) {
    if (!topic.trim()) throw new UserError('--topic 不能为空。');
    p.topic = topic.trim();
  }
  for (const [flag, key] of [['--start', 'startTime'], ['--end', 'endTime']] as const) {
    const v = flag === '--start' ? o.start : o.end;
    if (v === undefined) continue;
    const t = parseClock(v);
    if (!t) throw new UserError(`${flag} 的取值“${v}”不是时间，请写成 09:00 这样的格式。`);
    p[key] = t;
  }
  if (p.startTime && p.endTime && p.endTime <= p.startTime) {
    throw new UserError(`结束时间 ${p.endTime} 不晚于开始时间 ${p.startTime}，请检查 --start 和 --end。`);
  }
  if (o.hours !== undefined) {
    p.hours = decimalFlag('--hours', o.hours, { min: 0, minExclusive: true, max: 24, what: '学时，小时', example: '1.5' });
  } else if (p.startTime && p.endTime) {
    p.hours = hoursBetween(p.startTime, p.endTime);
  }
  for (const key of ['place', 'speaker', 'recorder', 'notes'] as const) {
    const v = o[key];
    if (v !== undefined) p[key] = v.trim();
  }
  return p;
}

