// `shuxiang checkin [SESSION]`: sign people in — by flags (scripts, after the meeting), or interactively
// at the door: pick or create today's session, tick who came in a searchable list, mark the rest 请假 or
// 缺席 and the late arrivals, confirm, and only then write (one batch).
import type { Command } from 'commander';
import { attendanceStats } from '../../../domain/attendanceStats.js';
import { isExpectedAt } from '../../../domain/attendees.js';
import { EXCUSE_KINDS, parseExcuseKind, signinNotYet, statusLabel, type AttendanceStatus, type ExcuseKind } from '../../../domain/attendanceStatus.js';
import type { Member } from '../../../domain/member.js';
import { SESSION_TYPES, sessionTypeName } from '../../../domain/sessionTypes.js';
import { CancelledError, UserError } from '../../../shared/errors.js';
import type { AttendanceEntry, AttendanceRecord } from '../../../store/attendance.js';
import type { Db } from '../../../store/db.js';
import type { SessionInsert, SessionRecord } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { askConfirm, askInput, askPickMembers, askSelectFrom } from '../../prompts.js';
import {
  attendanceJson, attendeesText, expectedMembers, figuresFor, figuresJson, figuresLine, findOnRoll, loadSession, resolveBranch, rollMembers, sessionJson, sessionTitle,
} from '../../args/session.js';
import { bookTitle } from '../../../domain/text.js';

export interface CheckinOptions {
  present?: string[];
  late?: string[];
  excused?: string[];
  absent?: string[];
  absentRest?: boolean;
  branch?: string;
}

const FLAG_HINT = '--present、--late、--excused、--absent 或 --absent-rest';

/** Splits a name list typed with any Chinese or Latin separator; repeated flags add up. */
function collectNames(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean)];
}

export function registerCheckin(program: Command, act: Act): void {
  program
    .command('checkin')
    .summary('签到：交互勾选，或用 --present 等选项登记')
    .description('签到：在终端里逐人勾选，或用选项一次登记（重复运行会更新状态，不会重复记录）')
    .argument('[活动编号]', '活动编号（不给时：交互式选择或新建今天的活动；非交互时今天只有一次活动则用它）')
    .option('--present <姓名,...>', '出席的人，逗号分隔；可写全名或拼音首字母（zs 表示张三）', collectNames)
    .option('--late <姓名,...>', '迟到的人（计入实到）', collectNames)
    .option('--excused <姓名:类别,...>', `请假的人，可带类别和事由，如 王五:病假 或 王五:公假:出差；类别：${EXCUSE_KINDS.join('、')}`, collectNames)
    .option('--absent <姓名,...>', '缺席的人', collectNames)
    .option('--absent-rest', '其余尚未登记的在册人员一律记为缺席')
    .option('--branch <支部>', '支部名称（只在不给活动编号时用于查找今天的活动）')
    .addHelpText('after', `
示例：
  shuxiang checkin                       在终端里交互签到（选择或新建今天的活动）
  shuxiang checkin 12                    为 12 号活动交互签到
  shuxiang checkin 12 --present 张三,李四 --late 赵六 --excused 王五:病假 --absent-rest
  shuxiang checkin 12 --present zs,ls    用拼音首字母
  shuxiang --json checkin 12 --absent 孙七

只登记提到的人；没提到的人保持原状态，除非加 --absent-rest。
`)
    .action(act(runCheckin));
}

export async function runCheckin(ctx: AppContext, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  const scripted = !!(o.present?.length || o.late?.length || o.excused?.length || o.absent?.length || o.absentRest);
  const db = await ctx.openDb();
  if (scripted) return runScripted(ctx, db, sessionArg, o);
  if (!ctx.interactive) {
    throw new UserError(`没有给出签到情况：当前不是交互式终端，无法逐人勾选。请用 ${FLAG_HINT} 指定。`, [
      `例如：shuxiang checkin ${sessionArg ?? '12'} --present 张三,李四 --excused 王五:病假 --absent-rest`,
    ]);
  }
  return runInteractive(ctx, db, sessionArg, o);
}

/** The session named on the command line, or today's only session of the branch. */
async function pickSessionScripted(ctx: AppContext, db: Db, sessionArg: string | undefined, branchName?: string): Promise<SessionRecord> {
  if (sessionArg) return loadSession(db, sessionArg);
  const branch = await resolveBranch(db, branchName);
  const { listSessions } = await import('../../../store/sessions.js');
  const today = listSessions(db, { branchId: branch.id, date: ctx.today() });
  if (today.length === 1) {
    ctx.info(`使用今天的活动 ${sessionTitle(today[0]!)}`);
    return today[0]!;
  }
  throw new UserError(
    today.length === 0
      ? `缺少活动编号：${branch.name}今天（${ctx.today()}）没有登记活动。请在命令中写上活动编号，如 shuxiang checkin 12。`
      : `缺少活动编号：${branch.name}今天有 ${today.length} 次活动，请在命令中写上是哪一次：`,
    today.map((s) => sessionTitle(s)),
  );
}

interface Mark {
  status: AttendanceStatus;
  excuseKind?: ExcuseKind;
  reason?: string;
  flag: string;
}

async function runScripted(ctx: AppContext, db: Db, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  const s = await pickSessionScripted(ctx, db, sessionArg, o.branch);
  const roll = await rollMembers(db, s);
  const members = roll.filter((m) => isExpectedAt(s, m));
  const problems: string[] = [];
  const marks = new Map<number, Mark>();
  const put = (m: Member, mark: Mark) => {
    const old = marks.get(m.id);
    if (old && (old.status !== mark.status || old.excuseKind !== mark.excuseKind)) {
      problems.push(`${m.name} 同时出现在 ${old.flag} 和 ${mark.flag} 中，请只保留一处。`);
      return;
    }
    marks.set(m.id, mark);
  };
  const lists: [string, string[] | undefined, AttendanceStatus][] = [
    ['--present', o.present, 'present'], ['--late', o.late, 'late'], ['--excused', o.excused, 'excused'], ['--absent', o.absent, 'absent'],
  ];
  for (const [flag, names, status] of lists) {
    // Before its day a session takes only 请假 registered in advance.
    const notYet = names?.length ? signinNotYet(s.id, s.date, status, ctx.today()) : undefined;
    if (notYet) { problems.push(`${flag}：${notYet}（--excused）；出席、迟到、缺席请在活动当天或之后登记。`); continue; }
    for (const item of names ?? []) {
      let name = item;
      let excuseKind: ExcuseKind | undefined;
      let reason: string | undefined;
      if (status === 'excused') {
        // 姓名:类别:事由 — the 事由 is kept as typed, its own colons included.
        const parts = /^([^:：]*)(?:[:：]([^:：]*)(?:[:：]([\s\S]*))?)?$/.exec(item)!;
        name = parts[1]!;
        if (parts[2]?.trim()) {
          excuseKind = parseExcuseKind(parts[2]);
          if (!excuseKind) { problems.push(`--excused 中“${item}”的请假类别“${parts[2]}”无法识别，可写：${EXCUSE_KINDS.join('、')}。`); continue; }
        }
        if (parts[3] !== undefined) reason = parts[3].trim() || undefined;
      }
      const m = await findOnRoll(db, s, roll, name, flag, problems);
      if (m && !isExpectedAt(s, m)) problems.push(notExpected(s, m, members, flag));
      else if (m) put(m, { status, excuseKind, reason, flag });
    }
  }
  const restNotYet = o.absentRest ? signinNotYet(s.id, s.date, 'absent', ctx.today()) : undefined;
  if (restNotYet) problems.push(`--absent-rest：${restNotYet}（--excused）；缺席请在活动当天或之后登记。`);
  if (problems.length) throw new UserError(`签到未登记（没有写入任何内容），有 ${problems.length} 处问题：`, problems);
  const { attendanceForSession, recordAttendance } = await import('../../../store/attendance.js');
  const existing = new Set(attendanceForSession(db, s.id).map((a) => a.memberId));
  if (o.absentRest) {
    for (const m of members) if (!marks.has(m.id) && !existing.has(m.id)) marks.set(m.id, { status: 'absent', flag: '--absent-rest' });
  }
  const entries: AttendanceEntry[] = [...marks].map(([memberId, k]) => ({ memberId, status: k.status, excuseKind: k.excuseKind, reason: k.reason }));
  const { inBatch } = await import('../../../store/batches.js');
  const outcome = inBatch(db, { command: 'checkin', args: String(s.id), at: ctx.nowStamp() }, (batchId, counts) => recordAttendance(db, s.id, entries, batchId, counts));
  await report(ctx, db, s, members, outcome);
}

/** Why someone on the roll cannot sign in: the session is for others (the committee, people named). */
function notExpected(s: SessionRecord, m: Member, expected: Member[], flag: string): string {
  const list = [...expected.map((x) => x.name), m.name].join(',');
  return `${flag}：${m.name} 不在本次活动的应到名单上（本次应到${s.attendees === 'leaders' ? ` ${s.date} 的` : ''}${attendeesText(s, expected)}）。`
    + `如确需为其签到，请先把他加入应到名单：shuxiang session edit ${s.id} --attendees ${list}`;
}

async function report(ctx: AppContext, db: Db, s: SessionRecord, members: Member[], outcome: { added: number; changed: number; unchanged: number }): Promise<void> {
  const { attendanceForSession } = await import('../../../store/attendance.js');
  const f = (await figuresFor(db, [s])).get(s.id)!;
  if (ctx.json) {
    ctx.outJson({ session: sessionJson(s), ...outcome, counts: figuresJson(f), attendance: attendanceJson(members, attendanceForSession(db, s.id), s) });
    return;
  }
  ctx.out(`${sessionTitle(s)}：${figuresLine(f)}`);
  ctx.info(`本次新增 ${outcome.added} 条，更新 ${outcome.changed} 条，未变 ${outcome.unchanged} 条。${f.unmarked ? `还有 ${f.unmarked} 人未登记。` : ''}`);
}

type Choice = 'absent' | 'absent-all' | `excused:${ExcuseKind}`;

async function runInteractive(ctx: AppContext, db: Db, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  const { nameInitials } = await import('../../../domain/matchMember.js');
  const { attendanceForSession, recordAttendance } = await import('../../../store/attendance.js');
  const { listSessions, addSession, getSession } = await import('../../../store/sessions.js');
  let s: SessionRecord | undefined;
  let pending: SessionInsert | undefined;
  if (sessionArg) s = await loadSession(db, sessionArg);
  else {
    const branch = await resolveBranch(db, o.branch);
    const today = listSessions(db, { branchId: branch.id, date: ctx.today() });
    let pick = 'new';
    if (today.length) {
      pick = await askSelectFrom(ctx, '活动编号', `今天（${ctx.today()}）为哪次活动签到？`, [
        ...today.map((x) => ({ name: sessionTitle(x), value: String(x.id) })),
        { name: '新建一次活动', value: 'new' },
      ], String(today[0]!.id));
    }
    if (pick === 'new') {
      const type = await askSelectFrom(ctx, '--type', '活动类型：', SESSION_TYPES.map((t) => ({ name: t.name, value: t.id })), 'collective-study');
      const topic = (await askInput(ctx, '--topic', '学习主题：')).trim();
      const hours = Number(await askInput(ctx, '--hours', '学时（小时）：', '2', (v) => {
        const h = Number(v.normalize('NFKC').trim());
        return Number.isFinite(h) && h > 0 && h <= 24 ? true : '请输入 0 到 24 之间的数，如 2 或 1.5';
      }));
      pending = { branchId: branch.id, type, date: ctx.today(), topic, hours: Number.isFinite(hours) ? hours : undefined };
      s = { ...pending, id: 0, branch: branch.name, attendees: 'all', attendeeIds: [], attendeeNames: [] };
    } else s = getSession(db, Number(pick))!;
  }
  const session = s!;
  const notYet = signinNotYet(session.id, session.date, 'present', ctx.today());
  if (notYet) throw new UserError(`${notYet}（--excused），不能逐人勾选到会情况。`, [`例如：shuxiang checkin ${session.id} --excused 张三:公假:出差`]);
  const members = await expectedMembers(db, session);
  if (members.length === 0) {
    throw new UserError(`${session.branch}在 ${session.date} 没有在册人员，无法签到。请先导入花名册（shuxiang import 花名册.xlsx）或添加人员（shuxiang member add）。`);
  }
  const old = new Map<number, AttendanceRecord>(session.id ? attendanceForSession(db, session.id).map((a) => [a.memberId, a]) : []);
  const initials = new Map(members.map((m) => [m.id, nameInitials(m.name)]));
  const came = new Set(await askPickMembers(ctx, '--present', `谁到了？（${sessionTypeName(session.type)}，应到 ${members.length} 人）`, members.map((m) => {
    const a = old.get(m.id);
    return {
      value: m.id, name: m.name, keys: initials.get(m.id)!, checked: a?.status === 'present' || a?.status === 'late',
      hint: [initials.get(m.id), m.leader ? '支委' : '', a ? `原为${statusLabel(a.status, a.excuseKind)}` : ''].filter(Boolean).join(' '),
    };
  })));
  const marks = new Map<number, AttendanceEntry>();
  const missing = members.filter((m) => !came.has(m.id));
  let restAbsent = false;
  for (const [i, m] of missing.entries()) {
    const a = old.get(m.id);
    let choice: Choice = 'absent';
    if (!restAbsent) {
      const left = missing.length - i;
      choice = await askSelectFrom<Choice>(ctx, '--excused 或 --absent', `${m.name} 没有到（${i + 1}/${missing.length}）：`, [
        { name: '缺席', value: 'absent' },
        ...EXCUSE_KINDS.map((k) => ({ name: `请假·${k}`, value: `excused:${k}` as Choice })),
        ...(left > 1 ? [{ name: `缺席，其余 ${left - 1} 人也都记缺席`, value: 'absent-all' as Choice }] : []),
      ], a?.status === 'excused' ? (`excused:${a.excuseKind ?? '其他'}` as Choice) : 'absent');
      if (choice === 'absent-all') restAbsent = true;
    }
    if (choice.startsWith('excused:')) {
      const kind = choice.slice(8) as ExcuseKind;
      const reason = await askInput(ctx, '--excused', `  事由（可不填，直接回车跳过）：`, a?.reason ?? '', () => true);
      marks.set(m.id, { memberId: m.id, status: 'excused', excuseKind: kind, reason: reason.trim() || undefined });
    } else marks.set(m.id, { memberId: m.id, status: 'absent' });
  }
  const attendees = members.filter((m) => came.has(m.id));
  let late = new Set<number>();
  if (attendees.length) {
    late = new Set(await askPickMembers(ctx, '--late', '其中谁迟到了？（没有就直接回车）', attendees.map((m) => ({
      value: m.id, name: m.name, keys: initials.get(m.id)!, hint: initials.get(m.id), checked: old.get(m.id)?.status === 'late',
    }))));
  }
  for (const m of attendees) marks.set(m.id, { memberId: m.id, status: late.has(m.id) ? 'late' : 'present' });
  const entries = members.map((m) => marks.get(m.id)!);
  const preview = attendanceStats([{ id: 0, branchId: session.branchId, date: session.date }], members, entries.map((e) => ({ ...e, sessionId: 0 }))).sessions[0]!;
  ctx.io.stderr.write(`\n${session.id ? sessionTitle(session) : `新活动 ${session.date} ${sessionTypeName(session.type)}${bookTitle(session.topic)}`}\n  ${figuresLine(preview)}\n`);
  const excused = entries.filter((e) => e.status === 'excused');
  if (excused.length) ctx.io.stderr.write(`  请假：${excused.map((e) => `${members.find((m) => m.id === e.memberId)!.name}（${e.excuseKind}）`).join('、')}\n`);
  const lateNames = entries.filter((e) => e.status === 'late');
  if (lateNames.length) ctx.io.stderr.write(`  迟到：${lateNames.map((e) => members.find((m) => m.id === e.memberId)!.name).join('、')}\n`);
  const absent = entries.filter((e) => e.status === 'absent');
  if (absent.length) ctx.io.stderr.write(`  缺席：${absent.map((e) => members.find((m) => m.id === e.memberId)!.name).join('、')}\n`);
  if (!(await askConfirm(ctx, '--yes', '确认写入？', true))) throw new CancelledError();
  const { inBatch } = await import('../../../store/batches.js');
  const result = inBatch(db, { command: 'checkin', args: session.id ? String(session.id) : 'new', at: ctx.nowStamp() }, (batchId, counts) => {
    let id = session.id;
    if (pending) {
      id = addSession(db, pending, batchId);
      counts.added++;
    }
    return { id, outcome: recordAttendance(db, id, entries, batchId, counts) };
  });
  await report(ctx, db, getSession(db, result.id)!, members, result.outcome);
}
