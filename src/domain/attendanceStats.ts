// Attendance figures per session and per member for any set of sessions: who was expected (on the
// branch's roll on the session's date, and among its attendees — see attendees.ts), who came (出席 + 迟到), who was excused, who was absent, and the
// rate. Pure: the store supplies sessions, members and attendance rows; audit, report and `session list`
// all read these same figures.
import type { AttendanceStatus } from './attendanceStatus.js';
import { isExpectedAt, type AttendeesOf, type TenureMember } from './attendees.js';

export interface StatsSession extends AttendeesOf {
  id: number;
  branchId: number;
  date: string;
  type?: string;
}

export interface StatsMember extends TenureMember {
  id: number;
  branchId: number;
}

export interface StatsAttendance {
  sessionId: number;
  memberId: number;
  status: AttendanceStatus;
}

/** The attendance counts of one session, one member, or all — the one counts type: the period report
 * (reports/periodReportTypes.ts), `session list`/`checkin` JSON (cli/args/session.ts) and the rule
 * engine's attendance metric (engine/metricsMember.ts) all use it. */
export interface AttendanceCounts {
  /** Sessions (per member) or members (per session) expected: on the roll of the branch that day and among the attendees. */
  expected: number;
  /** present + late, among the expected. */
  attended: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  /** Expected but with no sign-in recorded at all (counted as not attended). */
  unmarked: number;
  /** attended ÷ expected (plus excused when the rule set says so); null when nothing was expected. */
  rate: number | null;
}

/** The same counts under their older name (reports/periodFigures.ts reads it). */
export type AttendanceFigures = AttendanceCounts;

export interface SessionFigures extends AttendanceCounts {
  sessionId: number;
  /** Attendance recorded for people not expected (e.g. not on the roll that day); not in the figures. */
  extra: number;
}

export interface MemberFigures extends AttendanceCounts {
  memberId: number;
  /** Ids of the sessions the member was expected at, in date order. */
  expectedSessionIds: number[];
  /** Ids of the sessions the member attended (出席/迟到). */
  attendedSessionIds: number[];
}

export interface AttendanceStats {
  sessions: SessionFigures[];
  members: MemberFigures[];
  /** Sums over all sessions (member-sessions); rate = attended ÷ expected. */
  total: AttendanceCounts;
}

export interface StatsOptions {
  /** Rule-set setting: count 请假 as attended in the rate (default false, SPEC §3.3). */
  excusedCountsAsAttended?: boolean;
}

const blank = (): AttendanceCounts => ({ expected: 0, attended: 0, present: 0, late: 0, excused: 0, absent: 0, unmarked: 0, rate: null });

function add(f: AttendanceCounts, status: AttendanceStatus | undefined): void {
  f.expected++;
  if (!status) f.unmarked++;
  else f[status]++;
  if (status === 'present' || status === 'late') f.attended++;
}

function finish(f: AttendanceCounts, o: StatsOptions): void {
  f.rate = attendanceRate(f, o.excusedCountsAsAttended);
}

/** The one attendance-rate formula (SPEC §3.3): (出席 + 迟到) ÷ 应到, 请假 counted as attended too when the
 * rule set says so — for any counts, also those a renderer adds up itself (a branch's block of the grid). */
export function attendanceRate(c: Pick<AttendanceCounts, 'expected' | 'attended' | 'excused'>, excusedCountsAsAttended = false): number | null {
  return c.expected === 0 ? null : (c.attended + (excusedCountsAsAttended ? c.excused : 0)) / c.expected;
}

/** The formula in words, for a legend under a table of rates. */
export function attendanceRateText(excusedCountsAsAttended = false): string {
  return excusedCountsAsAttended
    ? '出勤率 = (出席 + 迟到 + 请假) ÷ 应到（规则集设定请假算参加）'
    : '出勤率 = (出席 + 迟到) ÷ 应到（规则集设定请假不算参加）';
}

/** Sign-ins by session, then member: what the figures look statuses up in (a caller holding a quarter
 * million sign-ins as columns builds it once, for the figures and for the sign-in grid). */
export type SessionMarks = Map<number, Map<number, AttendanceStatus>>;

/** The sign-in rows as SessionMarks (a later row for the same session and member wins). */
export function sessionMarks(rows: StatsAttendance[]): SessionMarks {
  const bySession: SessionMarks = new Map();
  for (const r of rows) {
    let m = bySession.get(r.sessionId);
    if (!m) bySession.set(r.sessionId, (m = new Map()));
    m.set(r.memberId, r.status);
  }
  return bySession;
}

/** Computes the figures of the given sessions for the given members (members of other branches are ignored per session). */
export function attendanceStats(sessions: StatsSession[], members: StatsMember[], rows: StatsAttendance[] | SessionMarks, opts: StatsOptions = {}): AttendanceStats {
  const bySession = rows instanceof Map ? rows : sessionMarks(rows);
  const byBranch = new Map<number, StatsMember[]>();
  for (const m of members) {
    // Someone moved on a day (rollTerms) is on each branch's list for the spell on its roll (isExpectedAt checks the day).
    for (const b of m.rollTerms ? new Set(m.rollTerms.map((t) => t.branchId)) : [m.branchId]) {
      const list = byBranch.get(b);
      if (list) list.push(m);
      else byBranch.set(b, [m]);
    }
  }
  const ordered = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const perMember = new Map<number, MemberFigures>();
  for (const m of members) perMember.set(m.id, { memberId: m.id, ...blank(), expectedSessionIds: [], attendedSessionIds: [] });
  const total = blank();
  const perSession: SessionFigures[] = [];
  for (const s of ordered) {
    const sf: SessionFigures = { sessionId: s.id, ...blank(), extra: 0 };
    const marks = bySession.get(s.id) ?? new Map<number, AttendanceStatus>();
    let seen = 0;
    for (const m of byBranch.get(s.branchId) ?? []) {
      if (!isExpectedAt(s, m)) continue;
      const status = marks.get(m.id);
      if (status) seen++;
      add(sf, status);
      add(total, status);
      const mf = perMember.get(m.id)!;
      add(mf, status);
      mf.expectedSessionIds.push(s.id);
      if (status === 'present' || status === 'late') mf.attendedSessionIds.push(s.id);
    }
    sf.extra = marks.size - seen;
    finish(sf, opts);
    perSession.push(sf);
  }
  for (const mf of perMember.values()) finish(mf, opts);
  finish(total, opts);
  return { sessions: perSession, members: [...perMember.values()], total };
}

/** A rate as the Chinese tables print it: 87.5% (— when nothing was expected). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A session's rate as printed: 未签到 while nobody expected has been signed in yet (not 0.0%). */
export function sessionRateText(f: Pick<SessionFigures, 'expected' | 'unmarked' | 'rate'>): string {
  return f.expected > 0 && f.unmarked === f.expected ? '未签到' : formatRate(f.rate);
}
