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
