// Who a session is for, from the store: the members on the branch's roll on the session's date (in
// pinyin order, as paper rosters list people), those expected among them, and the sign-in figures of
// some sessions. Read by session, checkin, sheet and the sign-in import.
import { attendanceStats, type SessionFigures } from '../../domain/attendanceStats.js';
import { isExpectedAt } from '../../domain/attendees.js';
import type { Member } from '../../domain/member.js';
import { attendanceForSessions } from '../../store/attendance.js';
import type { Db } from '../../store/db.js';
import { formerMembers, listMembers } from '../../store/members.js';
import { onRollOn } from '../../domain/member.js';
import type { SessionRecord } from '../../store/sessions.js';
import { UserError } from '../../shared/errors.js';

/** Members of the session's branch on the roll on its date, in pinyin order of their names. */
export async function rollMembers(db: Db, s: Pick<SessionRecord, 'branch' | 'date'>): Promise<Member[]> {
  return sortByPinyin(branchRoll(db, s.branch, s.date));
}

/** The branch's roll (on `day`, when given): its members, and those since moved to another branch for the
 * spell they were on it (store formerMembers). */
export function branchRoll(db: Db, branch: string, day?: string): Member[] {
  const former = formerMembers(db, branch).filter((m) => day === undefined || onRollOn(m, day));
  return [...listMembers(db, { branch, ...(day ? { onRollOn: day } : {}) }), ...former];
}

/** The people expected at the session (its attendees among those on the roll that day), in pinyin order. */
export async function expectedMembers(db: Db, s: Pick<SessionRecord, 'branch' | 'date' | 'attendees' | 'attendeeIds'>): Promise<Member[]> {
  return (await rollMembers(db, s)).filter((m) => isExpectedAt(s, m));
}

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Pinyin order of names, reading surnames right (曾 as zeng, 单 as shan), as paper rosters list people. */
export async function sortByPinyin<T extends { name: string }>(list: T[]): Promise<T[]> {
  const { pinyin } = await import('pinyin-pro');
  const key = new Map(list.map((m) => [m, pinyin(m.name, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'consecutive' }).join(' ').toLowerCase()]));
  return [...list].sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : collator.compare(a.name, b.name)));
}

/** The figures of some sessions (all of one branch or several), from the store. */
export function figuresFor(db: Db, sessions: SessionRecord[]): Map<number, SessionFigures> {
  const branches = new Set(sessions.map((s) => s.branch));
  const members = [...branches].flatMap((b) => branchRoll(db, b));
  const rows = attendanceForSessions(db, sessions.map((s) => s.id));
  const stats = attendanceStats(sessions, members, rows);
  return new Map(stats.sessions.map((f) => [f.sessionId, f]));
}

/** Why nobody is expected at the session on its day, and how to fix it (`consequence`: what cannot be done,
 * 签到表会是空的 / 无法签到): an empty roll, a committee session on a day without a committee member, or
 * named people none of whom are on the roll that day — each said as it is. */
export function noOneExpected(db: Db, s: Pick<SessionRecord, 'id' | 'branch' | 'date' | 'attendees' | 'attendeeNames'>, consequence: string): UserError {
  if (s.attendees === 'leaders') {
    const later = branchRoll(db, s.branch).filter((m) => m.leader && m.leaderFrom && m.leaderFrom > s.date);
    return new UserError(`${s.id} 号活动只面向支委（--attendees leaders），但${s.branch}在 ${s.date} 没有在任的支委（班子成员），${consequence}。`, [
      ...(later.length ? [`${later.map((m) => `${m.name} 自 ${m.leaderFrom} 起任支委`).join('，')}。如当时已在任，请改正任职起始日：shuxiang member edit ${later[0]!.name} --leader --from 任职日期`] : ['如当时有人在任，请登记其任职：shuxiang member edit 姓名 --leader --from 任职日期']),
      `如这次活动是全体参加的，请改为：shuxiang session edit ${s.id} --attendees all`,
    ]);
  }
  if (s.attendees === 'named') {
    return new UserError(`${s.id} 号活动的应到人员（指定 ${s.attendeeNames.length} 人：${s.attendeeNames.join('、') || '无'}）在 ${s.date} ${s.attendeeNames.length > 1 ? "都" : ""}不在${s.branch}的名单上，${consequence}。`, [
      `请改为当天在册的人：shuxiang session edit ${s.id} --attendees 姓名,姓名；或改为全体参加：shuxiang session edit ${s.id} --attendees all`,
    ]);
  }
  return new UserError(`${s.branch}在 ${s.date} 没有在册人员，${consequence}。`, ['请先导入花名册（shuxiang import 花名册.xlsx）或添加人员（shuxiang member add）。']);
}
