// `shuxiang session add|list|show|edit|remove`: the branch's organised sessions (学习活动).
import type { Command } from 'commander';
import { SESSION_TYPES, parseSessionType, sessionTypeChoicesText } from '../../../domain/sessionTypes.js';
import { UserError } from '../../../shared/errors.js';
import type { SessionInsert } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { askConfirm, askInput, askSelect } from '../../prompts.js';
import { dayFlag } from '../../args/dates.js';
import {
  attendeesText, expectedMembers, hoursBetween, loadSession, parseClock,
  resolveAttendees, resolveBranch, sessionJson, sessionTitle,
} from '../../args/session.js';
import { runSessionList, runSessionShow } from './list.js';

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

export interface SessionListOptions {
  month?: string;
  quarter?: string;
  half?: string;
  year?: string;
  period?: string;
  type?: string;
  branch?: string;
}

function fieldOptions(cmd: Command): Command {
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

export function registerSession(program: Command, act: Act): void {
  const session = program
    .command('session')
    .summary('学习活动：登记、列出、查看、修改、删除')
    .description('学习活动：集中学习、专题报告（讲座）、读书交流、主题党日、务虚会、联学共建、红色教育、知识测试等的登记与查询')
    .addHelpText('after', `
示例：
  shuxiang session add --type 集中学习 --date 2026-03-10 --topic "学习党的二十届四中全会精神" --hours 2
  shuxiang session list --month 2026-03
  shuxiang session show 12
  shuxiang session remove 12
`);

  fieldOptions(session.command('add').description('登记一次学习活动，输出它的编号'))
    .addHelpText('after', `
示例：
  shuxiang session add --type 集中学习 --date 2026-03-10 --topic "学习党的二十届四中全会精神" --hours 2
  shuxiang session add --type 讲座 --date 2026-03-12 --topic "数字财政建设" --start 14:30 --end 16:00 --place 三楼会议室 --speaker 李明
  shuxiang --json session add --type 读书交流 --date 2026-03-20 --topic "《习近平新时代中国特色社会主义思想学习纲要》"
  shuxiang session add --type 务虚会 --date 2026-06-26 --topic "上半年工作务虚" --attendees leaders   只请支委
  shuxiang session add --type 讲座 --date 2026-05-12 --topic "数字财政" --attendees 张三,李四          只请指定的人

只有应到人员计入应到人数、出席率、达标检查和报表；签到表也只列应到人员。
`)
    .action(act(runSessionAdd));

  session
    .command('list')
    .description('列出学习活动及每次的应到、实到、请假、缺席人数')
    .option('--month <月份>', '某月，如 2026-03')
    .option('--quarter <季度>', '某季度，如 2026-Q1')
    .option('--half <半年>', '某半年，如 2026-H1')
    .option('--year <年份>', '某年，如 2026')
    .option('--period <期间>', '任意期间编号：2026、2026-H1、2026-Q3、2026-03、2026-W10')
    .option('--type <类型>', '只看某类活动，如 集中学习')
    .option('--branch <支部>', '支部名称（默认为 init 时的支部）')
    .addHelpText('after', `
示例：
  shuxiang session list
  shuxiang session list --quarter 2026-Q1 --type 读书交流
  shuxiang session list --year 2026 --json
`)
    .action(act(runSessionList));

  session
    .command('show')
    .description('查看一次活动的详情和签到名单')
    .argument('<编号>', '活动编号（session list 中的“编号”）')
    .addHelpText('after', `
示例：
  shuxiang session show 12
  shuxiang --json session show 12
`)
    .action(act(runSessionShow));

  fieldOptions(session.command('edit').description('修改一次活动的信息（只改给出的项）').argument('<编号>', '活动编号'))
    .addHelpText('after', `
示例：
  shuxiang session edit 12 --topic "学习党的二十届四中全会精神（第二次）"
  shuxiang session edit 12 --date 2026-03-11 --start 15:00 --end 17:00
  shuxiang session edit 12 --attendees leaders      改为只请支委
  shuxiang session edit 12 --attendees all          改回全体在册人员
`)
    .action(act(runSessionEdit));

  session
    .command('remove')
    .description('删除一次活动（连同它的签到记录）')
    .argument('<编号>', '活动编号')
    .option('-y, --yes', '不再询问，直接删除')
    .addHelpText('after', `
示例：
  shuxiang session remove 12
  shuxiang session remove 12 --yes
`)
    .action(act(runSessionRemove));
}

/** Validates the typed fields into a patch; `adding` makes type, date and topic required. */
async function readFields(ctx: AppContext, o: SessionFieldOptions, adding: boolean): Promise<Partial<SessionInsert>> {
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
    const h = Number(o.hours.normalize('NFKC').trim());
    if (!Number.isFinite(h) || h <= 0 || h > 24) throw new UserError(`--hours 的取值“${o.hours}”不是合理的学时，请写 0 到 24 之间的数，如 2 或 1.5。`);
    p.hours = h;
  } else if (p.startTime && p.endTime) {
    p.hours = hoursBetween(p.startTime, p.endTime);
  }
  for (const key of ['place', 'speaker', 'recorder', 'notes'] as const) {
    const v = o[key];
    if (v !== undefined) p[key] = v.trim();
  }
  return p;
}

export async function runSessionAdd(ctx: AppContext, o: SessionFieldOptions): Promise<void> {
  const db = await ctx.openDb();
  const branch = await resolveBranch(db, o.branch);
  const fields = await readFields(ctx, o, true);
  const { inBatch } = await import('../../../store/batches.js');
  const { addSession, getSession, listSessions } = await import('../../../store/sessions.js');
  if (o.attendees !== undefined) Object.assign(fields, await resolveAttendees(db, { branchId: branch.id, branch: branch.name, date: fields.date! }, o.attendees));
  const same = listSessions(db, { branchId: branch.id, date: fields.date!, type: fields.type! }).filter((s) => s.topic === fields.topic);
  const id = inBatch(db, { command: 'session add', args: fields.topic!, at: ctx.nowStamp() }, (batchId, counts) => {
    counts.added++;
    return addSession(db, { ...(fields as SessionInsert), branchId: branch.id }, batchId);
  });
  const s = getSession(db, id)!;
  if (same.length) ctx.warn(`${s.date} 已有同类同主题的活动 ${same.map((x) => `#${x.id}`).join('、')}，仍按新活动 #${id} 登记。如是重复登记，可用 shuxiang session remove ${id} 删除。`);
  if (ctx.json) {
    ctx.outJson(sessionJson(s));
    return;
  }
  ctx.out(`已登记学习活动 ${sessionTitle(s)}（${branch.name}${s.hours !== undefined ? `，${s.hours} 学时` : ''}）`);
  if (s.attendees !== 'all') {
    const expected = await expectedMembers(db, s);
    ctx.out(s.attendees === 'named' ? `应到：${expected.map((m) => m.name).join('、')}（${expected.length} 人）` : `应到：${s.date} 的${attendeesText(s, expected)}`);
  }
  ctx.out(`编号：${id}`);
  ctx.info(`\n签到：shuxiang checkin ${id}；打印纸质签到表：shuxiang sheet ${id}`);
}

export async function runSessionEdit(ctx: AppContext, idText: string, o: SessionFieldOptions): Promise<void> {
  const db = await ctx.openDb();
  const s = await loadSession(db, idText);
  const patch: Partial<Record<keyof SessionInsert, unknown>> = await readFields(ctx, o, false);
  if (o.branch !== undefined) {
    const b = await resolveBranch(db, o.branch);
    if (b.id !== s.branchId) {
      const { attendanceForSession } = await import('../../../store/attendance.js');
      if (attendanceForSession(db, s.id).length) throw new UserError(`活动 #${s.id} 已有签到记录，不能改到另一个支部。请删除后在新支部重新登记。`);
      patch.branchId = b.id;
    }
  }
  const start = (patch.startTime ?? s.startTime) as string | undefined;
  const end = (patch.endTime ?? s.endTime) as string | undefined;
  if (start && end && end <= start) throw new UserError(`结束时间 ${end} 不晚于开始时间 ${start}，请检查 --start 和 --end。`);
  if (o.hours === undefined && (patch.startTime || patch.endTime) && start && end) patch.hours = hoursBetween(start, end);
  if (o.attendees !== undefined) {
    const a = await resolveAttendees(db, { branchId: (patch.branchId as number | undefined) ?? s.branchId, branch: s.branch, date: (patch.date as string | undefined) ?? s.date }, o.attendees);
    if (a.attendees !== s.attendees || a.attendeeIds.join() !== s.attendeeIds.join()) Object.assign(patch, { attendees: a.attendees, attendeeIds: a.attendeeIds });
  }
  const changedKeys = Object.keys(patch).filter((k) => k === 'attendeeIds' || patch[k as keyof SessionInsert] !== (s as unknown as Record<string, unknown>)[k]);
  if (changedKeys.length === 0) {
    if (ctx.json) ctx.outJson({ ...sessionJson(s), changed: false });
    else ctx.info(`活动 #${s.id} 没有需要修改的内容。可修改的项见 shuxiang session edit --help。`);
    return;
  }
  const { inBatch } = await import('../../../store/batches.js');
  const { updateSession, getSession } = await import('../../../store/sessions.js');
  inBatch(db, { command: 'session edit', args: String(s.id), at: ctx.nowStamp() }, (batchId, counts) => {
    if (updateSession(db, s.id, patch, batchId)) counts.changed++;
  });
  const after = getSession(db, s.id)!;
  if ((patch.date && patch.date !== s.date) || patch.attendees !== undefined) {
    const { attendanceForSession } = await import('../../../store/attendance.js');
    const list = await expectedMembers(db, after);
    const expected = new Set(list.map((m) => m.id));
    const stray = attendanceForSession(db, s.id).filter((a) => !expected.has(a.memberId)).length;
    if (stray) ctx.warn(`修改后有 ${stray} 条签到记录对应的人员不在本次活动的应到名单上（${after.date}，${attendeesText(after, list)}），签到记录保留，但统计时不计入。`);
  }
  if (ctx.json) {
    ctx.outJson({ ...sessionJson(after), changed: true });
    return;
  }
  ctx.out(`已修改学习活动 ${sessionTitle(after)}`);
}

export async function runSessionRemove(ctx: AppContext, idText: string, o: { yes?: boolean }): Promise<void> {
  const db = await ctx.openDb();
  const s = await loadSession(db, idText);
  const { attendanceForSession } = await import('../../../store/attendance.js');
  const n = attendanceForSession(db, s.id).length;
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
  const { inBatch } = await import('../../../store/batches.js');
  const { removeSession } = await import('../../../store/sessions.js');
  const r = inBatch(db, { command: 'session remove', args: String(s.id), at: ctx.nowStamp() }, (_batchId, counts) => {
    const out = removeSession(db, s.id);
    counts.removed += (out.removed ? 1 : 0) + out.attendance;
    return out;
  });
  if (ctx.json) {
    ctx.outJson({ id: s.id, removed: r.removed, attendanceRemoved: r.attendance });
    return;
  }
  ctx.out(`已删除学习活动 ${sessionTitle(s)}${r.attendance ? `，以及 ${r.attendance} 条签到记录` : ''}。`);
}
