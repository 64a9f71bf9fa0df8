// The period's figures from plain rows: per-member statistics, per-session sign-in figures, the
// members × sessions grid and the headline totals. Pure: the store rows come in, numbers go out.
import { attendanceStats, type AttendanceFigures, type SessionMarks } from '../domain/attendanceStats.js';
import { BOOK_CATEGORIES, TALK_KINDS, WRITING_KINDS } from '../domain/evidence.js';
import { isExpectedAt, onCommitteeOn, onRollAt } from '../domain/attendees.js';
import type { Member } from '../domain/member.js';
import { rollTerms } from '../domain/memberTerms.js';
import { memberAsOf } from '../domain/memberAsOf.js';
import { sessionTypeName, SESSION_TYPES } from '../domain/sessionTypes.js';
import type { ListedItem } from '../store/evidence.js';
import type { StudyColumns } from '../domain/engine/evidenceIndex.js';
import { toDayNumber } from '../domain/periods.js';
import type { SessionRecord } from '../store/sessions.js';
import type { AttendanceCounts, AttendanceGrid, GridMark, MemberStats, ReportHeadline, SessionRow } from './periodReportTypes.js';

/** What the figures are computed from; everything is already limited to the period (cut at the as-of date). */
export interface FigureInput {
  /** The day whose roll the headcount is taken on (the last day counted). */
  rollDay: string;
  members: Member[];
  sessions: SessionRecord[];
  /** The sign-ins, by session then member. */
  attendance: SessionMarks;
  items: ListedItem[];
  /** Self-study totals by member id (self-study items in `items` are counted too). */
  study: Map<number, StudyTotals>;
  excusedCountsAsAttended: boolean;
  /** Ended gaps per member id. */
  gapsByMember: Map<number, number>;
}

/** One member's self-study in a period: hours, rows (days studied) and rows with notes. */
export interface StudyTotals {
  hours: number;
  days: number;
  noteDays: number;
}

/** Each member's self-study totals over [from, toExclusive), from the audit's columns. */
export function studyTotals(columns: Map<number, StudyColumns>, from: string, toExclusive: string): Map<number, StudyTotals> {
  const out = new Map<number, StudyTotals>();
  const start = toDayNumber(from);
  const end = toDayNumber(toExclusive);
  for (const [id, c] of columns) {
    const t: StudyTotals = { hours: 0, days: 0, noteDays: 0 };
    for (let i = 0; i < c.days.length; i++) {
      const d = c.days[i]!;
      if (d < start || d >= end) continue;
      t.hours += c.hours[i]!;
      if (c.rows) { t.days += c.rows[i]!; t.noteDays += c.noteRows![i]!; } else { t.days++; if (c.notes[i]) t.noteDays++; }
    }
    if (t.days) out.set(id, t);
  }
  return out;
}

/** The computed parts of the report (sessionsByType still lacks the rules' requirements). */
export interface PeriodFigures {
  headline: ReportHeadline;
  members: MemberStats[];
  sessions: SessionRow[];
  grid: AttendanceGrid;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const counts = (f: AttendanceFigures): AttendanceCounts => ({
  expected: f.expected, attended: f.attended, present: f.present, late: f.late, excused: f.excused, absent: f.absent, unmarked: f.unmarked, rate: f.rate,
});

/** Computes every figure of the period. */
export function periodFigures(x: FigureInput): PeriodFigures {
  const stats = attendanceStats(x.sessions, x.members, x.attendance, { excusedCountsAsAttended: x.excusedCountsAsAttended });
  const byMemberAtt = new Map(stats.members.map((m) => [m.memberId, m]));
  const bySessionAtt = new Map(stats.sessions.map((s) => [s.sessionId, s]));

  const members: MemberStats[] = x.members.map((m) => ({
    // 班子成员 as the roster stood on the report's last day (someone appointed later is not one here).
    memberId: m.id, name: m.name, branch: m.branch, leader: memberAsOf(m, x.rollDay).leader,
    studyHours: 0, studyDays: 0, noteDays: 0, books: 0, booksByCategory: {}, writings: 0, writingChars: 0,
    researchDays: 0, talks: 0, trainings: 0, exams: 0, examAverage: null,
    attendance: counts(byMemberAtt.get(m.id)!), gaps: x.gapsByMember.get(m.id) ?? 0,
  }));
  const row = new Map(members.map((m) => [m.memberId, m]));
  for (const [id, t] of x.study) {
    const m = row.get(id);
    if (m) { m.studyHours += t.hours; m.studyDays += t.days; m.noteDays += t.noteDays; }
  }
  const scores = new Map<number, number[]>();
  const tally = { category: new Map<string, number>(), writing: new Map<string, number>(), talk: new Map<string, number>(), trainingHours: 0, scores: [] as number[], essayChars: 0 };
  for (const it of x.items) {
    const m = row.get(it.memberId);
    if (!m) continue;
    const v = it.values;
    switch (it.kind) {
      case 'self-study':
        m.studyHours += num(v.hours); m.studyDays++; if (v.notes === true) m.noteDays++;
        break;
      case 'book': {
        const c = typeof v.category === 'string' ? v.category : '未分类';
        m.books++; m.booksByCategory[c] = (m.booksByCategory[c] ?? 0) + 1;
        tally.category.set(c, (tally.category.get(c) ?? 0) + 1);
        break;
      }
      case 'writing':
        m.writings++; m.writingChars += num(v.chars);
        tally.writing.set(String(v.kind), (tally.writing.get(String(v.kind)) ?? 0) + 1);
        if (v.kind !== '调研报告') tally.essayChars += num(v.chars);
        break;
      case 'research': m.researchDays += num(v.days); break;
      case 'talk':
        m.talks++; tally.talk.set(String(v.kind), (tally.talk.get(String(v.kind)) ?? 0) + 1);
        break;
      case 'training': m.trainings++; tally.trainingHours += num(v.hours); break;
      case 'exam':
        m.exams++;
        if (typeof v.score === 'number') { scores.set(m.memberId, [...(scores.get(m.memberId) ?? []), v.score]); tally.scores.push(v.score); }
        break;
      default: break;
    }
  }
  const avg = (xs: number[] | undefined) => (xs && xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  for (const m of members) { m.studyHours = round(m.studyHours, 2); m.examAverage = avg(scores.get(m.memberId)); }

  const sessions: SessionRow[] = x.sessions.map((s) => ({
    id: s.id, branch: s.branch, date: s.date, type: s.type, typeName: sessionTypeName(s.type), topic: s.topic,
    ...(s.hours !== undefined ? { hours: s.hours } : {}), ...(s.place ? { place: s.place } : {}), ...(s.speaker ? { speaker: s.speaker } : {}),
    ...counts(bySessionAtt.get(s.id)!),
  })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));

  const grid = attendanceGrid(x, sessions);

  const sum = (f: (m: MemberStats) => number) => members.reduce((a, m) => a + f(m), 0);
  const heads = members.length;
  // On some roll that day (the whole organ: someone since moved counts for where they were), on a committee.
  const onRoll = x.members.filter((m) => onRollAt(m, x.rollDay));
  const studyHours = round(sum((m) => m.studyHours), 2);
  const byOrder = (order: readonly string[], t: Map<string, number>) =>
    [...order, ...[...t.keys()].filter((k) => !order.includes(k))].filter((k) => t.has(k)).map((k) => ({ k, n: t.get(k)! }));
  const typeCount = new Map<string, number>();
  for (const s of sessions) typeCount.set(s.type, (typeCount.get(s.type) ?? 0) + 1);
  const headline: ReportHeadline = {
    members: onRoll.length,
    leaders: onRoll.filter((m) => onCommitteeOn(m, x.rollDay)).length,
    probationary: onRoll.filter((m) => m.category?.startsWith('预备')).length,
    membersInPeriod: heads,
    sessionsHeld: sessions.length,
    sessionHours: round(sessions.reduce((a, s) => a + (s.hours ?? 0), 0)),
    sessionsByType: SESSION_TYPES.map((t) => ({ type: t.id as string, name: t.name, held: typeCount.get(t.id) ?? 0, required: null, requiredText: '', status: null })),
    attendance: counts(stats.total),
    studyHours,
    studyHoursPerHead: heads ? round(studyHours / heads) : 0,
    studyDays: sum((m) => m.studyDays),
    noteDays: sum((m) => m.noteDays),
    books: sum((m) => m.books),
    booksByCategory: byOrder(BOOK_CATEGORIES, tally.category).map(({ k, n }) => ({ category: k, count: n })),
    writings: sum((m) => m.writings),
    writingsByKind: byOrder(WRITING_KINDS, tally.writing).map(({ k, n }) => ({ kind: k, count: n })),
    writingChars: sum((m) => m.writingChars),
    essays: (tally.writing.get('心得体会') ?? 0) + (tally.writing.get('理论文章') ?? 0),
    essayChars: tally.essayChars,
    researchDays: sum((m) => m.researchDays),
    researchTrips: x.items.filter((i) => i.kind === 'research' && row.has(i.memberId)).length,
    talks: sum((m) => m.talks),
    talksByKind: byOrder(TALK_KINDS, tally.talk).map(({ k, n }) => ({ kind: k, count: n })),
    trainings: sum((m) => m.trainings),
    trainingHours: round(tally.trainingHours),
    exams: sum((m) => m.exams),
    examAverage: avg(tally.scores),
  };
  return { headline, members, sessions, grid };
}

/** The sign-in grid: one members × sessions table, or one per branch when the report spans several. */
function attendanceGrid(x: FigureInput, sessions: SessionRow[]): AttendanceGrid {
  // Session → member → status (an organ's year has a quarter million sign-ins; no string key per one).
  const marks = x.attendance;
  // Only the people expected at a session (on the roll that day, among its attendees) get a mark.
  const byId = new Map(x.sessions.map((s) => [s.id, s]));
  const mark = (m: Member, s: SessionRow, branch = m.branch): GridMark => (s.branch !== branch || !isExpectedAt(byId.get(s.id) ?? s, m) ? null : marks.get(s.id)?.get(m.id) ?? 'unmarked');
  // Across the organ, someone moved on a day has a row in each branch whose roll they were on.
  const branchesOf = (m: Member) => ('rollTerms' in m && m.history ? [...new Set(rollTerms(m).map((t) => t.branch))] : [m.branch]);
  const names = [...new Set([...x.members.flatMap(branchesOf), ...sessions.map((s) => s.branch)])];
  if (names.length <= 1) {
    return { sessionIds: sessions.map((s) => s.id), rows: x.members.map((m) => ({ memberId: m.id, name: m.name, marks: sessions.map((s) => mark(m, s)) })) };
  }
  const held = new Map<string, SessionRow[]>(names.map((b) => [b, []]));
  for (const s of sessions) held.get(s.branch)!.push(s);
  return {
    sessionIds: [],
    rows: x.members.flatMap((m) => branchesOf(m).map((b) => ({ memberId: m.id, name: m.name, branch: b, marks: held.get(b)!.map((s) => mark(m, s, b)) }))),
    branches: names.map((b) => ({ branch: b, sessionIds: held.get(b)!.map((s) => s.id) })),
  };
}
