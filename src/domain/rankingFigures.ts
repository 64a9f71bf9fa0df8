// A member's year in the figures the ranking scores (books, writings and their length, attendance rate,
// self-study hours, talks, research days, exam average), from the same Evidence bundle the audit judges.
// Pure; only evidence dated within the year and while the member was on the roll counts.
import { attendanceStats, type SessionMarks } from './attendanceStats.js';
import type { Evidence } from './evidence.js';
import { covers, onRollOn } from './member.js';
import type { StudyColumns } from './engine/columns.js';
import { judgedIntervals, segmentsIn } from './engine/intervals.js';
import { fromDayNumber, spanDaysCounted } from './periods.js';

/** The raw figures of one member's year. */
export interface MemberYearFigures {
  memberId: number;
  books: number;
  writings: number;
  writingChars: number;
  /** Sessions attended and expected; rate null when none were expected. */
  attended: number;
  expected: number;
  attendanceRate: number | null;
  studyHours: number;
  talks: number;
  researchDays: number;
  /** Average exam score, null when no scored exam. */
  examAverage: number | null;
}

/** Figures per member of `ev.members` over [from, toExclusive). Self-study may come as columns by member
 * instead of `ev.selfStudy` (an organ's year: monthly totals, see the audit's organ-scale path), and sign-ins
 * as SessionMarks instead of `ev.attendance`. */
export function memberYearFigures(ev: Evidence, range: { from: string; toExclusive: string }, excusedCountsAsAttended = false, study?: Map<number, StudyColumns>, marks?: SessionMarks): MemberYearFigures[] {
  const inYear = (d: string | undefined) => !!d && d >= range.from && d < range.toExclusive;
  const byId = new Map(ev.members.map((m) => [m.id, m]));
  const counts = (d: string | undefined, memberId: number) => {
    const m = byId.get(memberId);
    // Every spell counts for the person (moved on a day: the records of both branches).
    return !!m && inYear(d) && (m.rollTerms ? m.rollTerms.some((t) => covers(t, d!)) : onRollOn(m, d!));
  };
  const sessions = ev.sessions.filter((s) => inYear(s.date));
  const stats = attendanceStats(sessions, ev.members, marks ?? ev.attendance, { excusedCountsAsAttended });
  const att = new Map(stats.members.map((f) => [f.memberId, f]));
  const out = new Map<number, MemberYearFigures>();
  for (const m of ev.members) {
    const a = att.get(m.id);
    out.set(m.id, {
      memberId: m.id, books: 0, writings: 0, writingChars: 0, attended: a?.attended ?? 0, expected: a?.expected ?? 0,
      attendanceRate: a?.rate ?? null, studyHours: 0, talks: 0, researchDays: 0, examAverage: null,
    });
  }
  const each = <T extends { memberId: number }>(list: T[], day: (x: T) => string | undefined, f: (fig: MemberYearFigures, x: T) => void) => {
    for (const x of list) if (counts(day(x), x.memberId)) f(out.get(x.memberId)!, x);
  };
  each(ev.readings, (r) => r.finished, (f) => f.books++);
  each(ev.writings, (w) => w.date, (f, w) => { f.writings++; f.writingChars += w.chars; });
  each(ev.selfStudy, (s) => s.date, (f, s) => { f.studyHours += s.hours; });
  for (const [memberId, c] of study ?? []) {
    const f = out.get(memberId);
    if (f) for (let i = 0; i < c.days.length; i++) if (counts(fromDayNumber(c.days[i]!), memberId)) f.studyHours += c.hours[i]!;
  }
  each(ev.talks, (t) => t.date, (f) => f.talks++);
  // A trip's days inside the year while on the roll (one across New Year counts in part, as in the audit).
  for (const r of ev.research) {
    const m = byId.get(r.memberId);
    if (m) out.get(r.memberId)!.researchDays += spanDaysCounted(r, segmentsIn(judgedIntervals(m, 'all'), { start: range.from, end: range.toExclusive }));
  }
  const scores = new Map<number, number[]>();
  each(ev.exams, (e) => e.date, (_f, e) => { if (e.score !== undefined) scores.set(e.memberId, [...(scores.get(e.memberId) ?? []), e.score]); });
  for (const [id, list] of scores) out.get(id)!.examAverage = list.reduce((a, b) => a + b, 0) / list.length;
  for (const f of out.values()) { f.studyHours = Math.round(f.studyHours * 10) / 10; f.researchDays = Math.round(f.researchDays * 100) / 100; }
  return [...out.values()];
}
