// What session, checkin, sheet and the sign-in import share: finding the branch and the session,
// the names on the roll, who a session is for, the figures as text and JSON, one way to print a
// session's title. Who is on the roll and the figures themselves are use cases (src/app/sessions/roll.ts).
import type { Member } from '../../domain/member.js';
import { isExpectedAt, parseAttendeesSpec } from '../../domain/attendees.js';
import { sessionRateText, type AttendanceCounts } from '../../domain/attendanceStats.js';
import { sessionTypeName } from '../../domain/sessionTypes.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { getSession, type SessionRecord } from '../../store/sessions.js';
import type { AttendanceRecord } from '../../store/attendance.js';
import { bookTitle, cleanName } from '../../domain/text.js';
import { rollMembers } from '../../app/sessions/roll.js';
import { findMembersByName, formerMembers, getMember } from '../../store/members.js';
import { recordNumber } from './numbers.js';

export { resolveBranch } from './branch.js';
export { attendeesText } from '../../domain/attendees.js';
export { hoursBetween } from '../../app/sessions/editSession.js';
export { expectedMembers, figuresFor, noOneExpected, rollMembers } from '../../app/sessions/roll.js';

/** The session with the id the user typed (12 or #12). */
export function loadSession(db: Db, idText: string): SessionRecord {
  const m = /^#?(\d+)$/.exec(idText.normalize('NFKC').trim());
  if (!m) throw new UserError(`“${idText}”不是活动编号。活动编号是数字，可用 shuxiang session list 查看。`);
  const s = getSession(db, recordNumber(m[1]!, idText, '活动编号', '可用 shuxiang session list 查看已有的活动。'));
  if (!s) throw new UserError(`没有编号为 ${m[1]} 的学习活动。可用 shuxiang session list 查看已有的活动。`);
  return s;
}


/** One name among the members on the roll that day, or a problem that says why not (collected, not thrown). */
export async function findOnRoll(db: Db, s: Pick<SessionRecord, 'branchId' | 'branch' | 'date'>, members: Member[], name: string, flag: string, problems: string[], refused = '不能为这次活动签到'): Promise<Member | undefined> {
  // Loaded here: pinyin-pro (behind the resolver) is heavy.
  const { resolveMember, missText } = await import('../../domain/matchMember.js');
  const r = resolveMember(name, members);
  if (r.kind === 'one') return r.member;
  const off = findMembersByName(db, cleanName(name), s.branchId);
  // Someone once on this branch's roll who has since moved to another branch.
  const moved = off.length ? undefined : formerMembers(db, s.branch).find((m) => m.name === cleanName(name));
  if (off.length && !members.some((m) => m.name === cleanName(name))) {
    const m = off[0]!;
    const why = m.onRollFrom && m.onRollFrom > s.date ? `${m.onRollFrom} 才转入` : m.onRollLeft ? `${m.onRollLeft} 已转出` : '不在册';
    problems.push(`${flag}：${m.name} 在 ${s.date} 不在${s.branch}的名单上（${why}），${refused}。`);
  } else if (moved && !members.some((m) => m.name === moved.name)) {
    const now = getMember(db, moved.id);
    problems.push(`${flag}：${moved.name} 在 ${s.date} 不在${s.branch}的名单上（${moved.onRollLeft} 已调往${now?.branch ?? '其他支部'}），${refused}。`);
  } else {
    // One name, one problem: its hints go on the lines under it.
    const t = missText(r, { as: 'flag', flag });
    problems.push([t.message, ...t.hints].join('\n    '));
  }
  return undefined;
}

/** Who `--attendees` names for a session of `branch` on `date`: a kind, and for named people their ids
 * (each on the roll that day); every bad name is listed in one error. */
export async function resolveAttendees(db: Db, s: Pick<SessionRecord, 'branchId' | 'branch' | 'date'>, text: string): Promise<Pick<SessionRecord, 'attendees' | 'attendeeIds' | 'attendeeNames'>> {
  const spec = parseAttendeesSpec(text);
  if (!spec) throw new UserError('--attendees 没有给出任何人。', ['可写 leaders（支委）、all（全体在册人员），或用逗号分隔的姓名，如 --attendees 张三,李四。']);
  if (spec.kind !== 'named') return { attendees: spec.kind, attendeeIds: [], attendeeNames: [] };
  const roll = await rollMembers(db, s);
  const problems: string[] = [];
  const picked = new Map<number, Member>();
  let bad = 0;
  for (const name of spec.names) {
    const m = await findOnRoll(db, s, roll, name, '--attendees', problems, '不能列为这次活动的应到人员');
    if (m) picked.set(m.id, m);
    else bad++;
  }
  if (bad) throw new UserError(`--attendees 中有 ${bad} 个姓名有问题，未写入任何内容：`, problems);
  const list = [...picked.values()].sort((a, b) => a.id - b.id);
  return { attendees: 'named', attendeeIds: list.map((m) => m.id), attendeeNames: list.map((m) => m.name) };
}

/** 2026-03-10 集中学习《…》 — how a session is named in messages. */
export function sessionTitle(s: Pick<SessionRecord, 'id' | 'date' | 'type' | 'topic'>): string {
  return `#${s.id} ${s.date} ${sessionTypeName(s.type)}${bookTitle(s.topic)}`;
}

/** 应到 10，实到 8（迟到 1），请假 1，缺席 1，出席率 80.0% — the one-line summary. */
export function figuresLine(f: Pick<AttendanceCounts, 'expected' | 'attended' | 'late' | 'excused' | 'absent' | 'unmarked' | 'rate'>): string {
  const parts = [`应到 ${f.expected}`, `实到 ${f.attended}${f.late ? `（含迟到 ${f.late}）` : ''}`, `请假 ${f.excused}`, `缺席 ${f.absent}`];
  if (f.unmarked) parts.push(`未登记 ${f.unmarked}`);
  const rate = sessionRateText(f);
  parts.push(rate === '未签到' ? rate : `出席率 ${rate}`);
  return parts.join('，');
}

/** A session as JSON scripts read it: both the type id and its Chinese name. */
export function sessionJson(s: SessionRecord): Record<string, unknown> {
  return {
    id: s.id, branch: s.branch, type: s.type, typeName: sessionTypeName(s.type), date: s.date,
    startTime: s.startTime ?? null, endTime: s.endTime ?? null, hours: s.hours ?? null, topic: s.topic,
    place: s.place ?? null, speaker: s.speaker ?? null, recorder: s.recorder ?? null, notes: s.notes ?? null,
    attendees: s.attendees === 'named' ? { kind: 'named', members: s.attendeeIds.map((id, i) => ({ id, name: s.attendeeNames[i]! })) } : { kind: s.attendees },
  };
}

/** Figures as JSON (rate as a fraction, or null). */
export function figuresJson(f: AttendanceCounts): Record<string, unknown> {
  return { expected: f.expected, attended: f.attended, present: f.present, late: f.late, excused: f.excused, absent: f.absent, unmarked: f.unmarked, rate: f.rate };
}

/** One line per member of the attendance list, JSON-ready. */
export function attendanceJson(members: Member[], rows: AttendanceRecord[], s: Pick<SessionRecord, 'date' | 'attendees' | 'attendeeIds'>): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.memberId, r]));
  const out: Record<string, unknown>[] = [];
  for (const m of members) {
    const a = byId.get(m.id);
    out.push({ memberId: m.id, name: m.name, status: a?.status ?? null, excuseKind: a?.excuseKind ?? null, reason: a?.reason ?? null, expected: isExpectedAt(s, m) });
    byId.delete(m.id);
  }
  return out;
}

/** 09:00 (also 9:00, 9：00) as HH:MM, or undefined. */
export function parseClock(text: string): string | undefined {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.normalize('NFKC').trim());
  if (!m || +m[1]! > 23 || +m[2]! > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}
