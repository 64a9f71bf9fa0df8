// `checkin SESSION --present … --late … --excused 姓名:类别:事由 --absent … --absent-rest`: every name
// is found on the session day's roll first; any problem stops the whole sign-in (nothing written).
import { recordSignin, signinEntries, type SigninMark } from '../../../app/signin/recordSignin.js';
import { sessionsOn } from '../../../app/signin/findSession.js';
import { isExpectedAt, notExpectedText } from '../../../domain/attendees.js';
import { EXCUSE_KINDS, parseExcuseKind, signinNotYet, type AttendanceStatus, type ExcuseKind } from '../../../domain/attendanceStatus.js';
import type { Member } from '../../../domain/member.js';
import { UserError } from '../../../shared/errors.js';
import type { Db } from '../../../store/db.js';
import type { SessionRecord } from '../../../store/sessions.js';
import type { AppContext } from '../../context.js';
import { findOnRoll, loadSession, resolveBranch, rollMembers, sessionTitle } from '../../args/session.js';
import { reportSignin } from './report.js';

/** The flags of `checkin` (scripted.ts reads the lists, interactive.ts the branch). */
export interface CheckinOptions {
  present?: string[];
  late?: string[];
  excused?: string[];
  absent?: string[];
  absentRest?: boolean;
  branch?: string;
}

/** The session named on the command line, or today's only session of the branch. */
async function pickSessionScripted(ctx: AppContext, db: Db, sessionArg: string | undefined, branchName?: string): Promise<SessionRecord> {
  if (sessionArg) return loadSession(db, sessionArg);
  const branch = await resolveBranch(db, branchName);
  const today = sessionsOn(db, branch.id, ctx.today());
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

interface Mark extends SigninMark {
  flag: string;
}

export async function runScripted(ctx: AppContext, db: Db, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  const s = await pickSessionScripted(ctx, db, sessionArg, o.branch);
  const roll = await rollMembers(db, s);
  const members = roll.filter((m) => isExpectedAt(s, m));
  const problems: string[] = [];
  const absorbed: [pieces: string[], entry: string][] = [];
  const marks = new Map<number, Mark>();
  const put = (m: Member, mark: Mark) => {
    const old = marks.get(m.id);
    if (old && (old.status !== mark.status || old.excuseKind !== mark.excuseKind)) {
      problems.push(`${m.name} 同时出现在 ${old.flag} 和 ${mark.flag} 中，请只保留一处。`);
      return;
    }
    marks.set(m.id, mark);
  };
  // --excused comes as typed: split against the roll, so a 事由 keeps its commas and spaces.
  let excused = o.excused;
  if (excused?.length) {
    const { resolveMember } = await import('../../../domain/matchMember.js');
    // A piece starts the next entry when it names someone on the roll, or reads 姓名:类别 with a known
    // 类别 (a name not on the roll is then refused as in the other lists, not taken into a 事由).
    const startsEntry = (piece: string) => {
      const [name, kind] = piece.split(/[:：]/);
      return resolveMember(name!, roll).kind !== 'none' || (kind !== undefined && parseExcuseKind(kind) !== undefined);
    };
    excused = excused.flatMap((raw) => splitExcused(raw, startsEntry, (pieces, entry) => absorbed.push([pieces, entry])));
  }
  const lists: [string, string[] | undefined, AttendanceStatus][] = [
    ['--present', o.present, 'present'], ['--late', o.late, 'late'], ['--excused', excused, 'excused'], ['--absent', o.absent, 'absent'],
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
      if (m && !isExpectedAt(s, m)) problems.push(`${flag}：${notExpectedText(s, m, members)}`);
      else if (m) put(m, { status, excuseKind, reason, flag });
    }
  }
  const restNotYet = o.absentRest ? signinNotYet(s.id, s.date, 'absent', ctx.today()) : undefined;
  if (restNotYet) problems.push(`--absent-rest：${restNotYet}（--excused）；缺席请在活动当天或之后登记。`);
  if (problems.length) throw new UserError(`签到未登记（没有写入任何内容），有 ${problems.length} 处问题：`, problems);
  const entries = signinEntries(db, s, members, marks, !!o.absentRest);
  reportSignin(ctx, members, recordSignin(db, { session: s, entries }, ctx.nowStamp()));
  // What was read as part of a 事由 is said, so a mistyped name (taken into the 事由) is seen at once.
  for (const [pieces, entry] of absorbed) {
    const [, name, reason] = /^([^:：]*)[:：][^:：]*[:：]([\s\S]*)$/.exec(entry)!;
    ctx.info(`提示：${name} 的事由记为“${reason!.trim()}”——其中${pieces.map((x) => `“${x}”`).join('、')}不是本次应到的人，算作事由。`
      + `如果其中有人名，请核对姓名后重新登记：shuxiang checkin ${s.id} --excused 姓名:类别`);
  }
}

/** The separators a name list may be typed with (Chinese and Latin commas, 、, semicolons, spaces). */
export const NAME_SEPARATORS = /[,，、;；\s]+/;

/**
 * One --excused value as entries 姓名[:类别[:事由]]. After an entry with a 事由, the text up to the next piece
 * that names someone on the roll is that 事由's, as typed (王五:公假:去北京，开会,李四 → 王五's reason
 * “去北京，开会”, then 李四); before it, separators part people as in the other lists. A piece of the
 * form 姓名:类别 with a known 类别 also starts an entry. `absorbed` hears the pieces each 事由 took in.
 */
export function splitExcused(raw: string, startsEntry: (piece: string) => boolean, absorbed?: (pieces: string[], entry: string) => void): string[] {
  const out: string[] = [];
  const taken = new Map<number, string[]>();
  const parts = raw.split(new RegExp(`(${NAME_SEPARATORS.source})`));
  let withReason = false;
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i]!;
    if (!piece) continue;
    if (withReason && out.length && !startsEntry(piece)) {
      out[out.length - 1] += parts[i - 1]! + piece;
      taken.set(out.length - 1, [...(taken.get(out.length - 1) ?? []), piece]);
      continue;
    }
    out.push(piece);
    withReason = /^[^:：]*[:：][^:：]*[:：]/.test(piece);
  }
  for (const [k, pieces] of taken) absorbed?.(pieces, out[k]!.trim());
  return out.map((e) => e.trim()).filter(Boolean);
}


