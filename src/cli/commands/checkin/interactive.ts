// `checkin` on a terminal: the prompts — which session (or a new one), who came, why the others did not,
// who was late — then the plan of changes shown and confirmed, and written by the sign-in use case.
import { draftSession, sessionsOn } from '../../../app/signin/findSession.js';
import { previewSignin, recordSignin, signinsOnRecord } from '../../../app/signin/recordSignin.js';
import { EXCUSE_KINDS, signinNotYet, statusLabel, type ExcuseKind } from '../../../domain/attendanceStatus.js';
import { nameInitials } from '../../../domain/matchMember.js';
import { SESSION_TYPES, sessionTypeName } from '../../../domain/sessionTypes.js';
import { bookTitle } from '../../../domain/text.js';
import { CancelledError, UserError } from '../../../shared/errors.js';
import type { AttendanceEntry } from '../../../store/attendance.js';
import type { Db } from '../../../store/db.js';
import type { SessionInsert, SessionRecord } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import { askConfirm, askInput, askPickMembers, askSelectFrom } from '../../prompts.js';
import { expectedMembers, figuresLine, loadSession, noOneExpected, resolveBranch, sessionTitle } from '../../args/session.js';
import { decimalFlag } from '../../args/numbers.js';
import type { CheckinOptions } from './scripted.js';
import { reportSignin } from './report.js';

type Choice = 'absent' | 'absent-all' | `excused:${ExcuseKind}`;

export async function runInteractive(ctx: AppContext, db: Db, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  let s: SessionRecord | undefined;
  let pending: SessionInsert | undefined;
  if (sessionArg) s = loadSession(db, sessionArg);
  else {
    const branch = await resolveBranch(db, o.branch);
    const today = sessionsOn(db, branch.id, ctx.today());
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
      // The one number reader (args/numbers.ts): decimal digits only, full-width ones too.
      const readHours = (v: string) => decimalFlag('--hours', v, { min: 0, minExclusive: true, max: 24, what: '学时，小时', example: '1.5' });
      const hours = readHours(await askInput(ctx, '--hours', '学时（小时）：', '2', (v) => {
        try { readHours(v); return true; } catch { return '请输入 0 到 24 之间的数，如 2 或 1.5'; }
      }));
      ({ pending, session: s } = draftSession(branch, { type, topic, hours }, ctx.today()));
    } else s = today.find((x) => x.id === Number(pick))!;
  }
  const session = s!;
  const notYet = signinNotYet(session.id, session.date, 'present', ctx.today());
  if (notYet) throw new UserError(`${notYet}（--excused），不能逐人勾选到会情况。`, [`例如：shuxiang checkin ${session.id} --excused 张三:公假:出差`]);
  const members = await expectedMembers(db, session);
  if (members.length === 0) throw noOneExpected(db, session, '无法签到');
  const old = signinsOnRecord(db, session);
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
  const preview = previewSignin(session, members, entries);
  ctx.io.stderr.write(`\n${session.id ? sessionTitle(session) : `新活动 ${session.date} ${sessionTypeName(session.type)}${bookTitle(session.topic)}`}\n  ${figuresLine(preview)}\n`);
  const excused = entries.filter((e) => e.status === 'excused');
  if (excused.length) ctx.io.stderr.write(`  请假：${excused.map((e) => `${members.find((m) => m.id === e.memberId)!.name}（${e.excuseKind}）`).join('、')}\n`);
  const lateNames = entries.filter((e) => e.status === 'late');
  if (lateNames.length) ctx.io.stderr.write(`  迟到：${lateNames.map((e) => members.find((m) => m.id === e.memberId)!.name).join('、')}\n`);
  const absent = entries.filter((e) => e.status === 'absent');
  if (absent.length) ctx.io.stderr.write(`  缺席：${absent.map((e) => members.find((m) => m.id === e.memberId)!.name).join('、')}\n`);
  if (!(await askConfirm(ctx, '--yes', '确认写入？', true))) throw new CancelledError();
  reportSignin(ctx, members, recordSignin(db, { session, pending, entries }, ctx.nowStamp()));
}
