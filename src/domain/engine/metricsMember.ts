// The counters behind member rules: each reads one member's evidence inside the counted days of a period.
import { type AttendanceStatus, type BookCategory, type EvidenceMember, type EvidenceReading, type EvidenceSession, type SessionType, TALK_KINDS, WRITING_KINDS } from '../evidence.js';
import { isExpectedAt } from '../attendees.js';
import { covers } from '../member.js';
import type { AttendanceCounts } from '../attendanceStats.js';
import type { MetricName } from '../ruleSet.js';
import { NO_ITEMS, dayOf, firstOnOrAfter, idsWithin, overlapping, within } from './evidenceIndex.js';
import { spanDaysCounted } from '../periods.js';
import { STATUS_CODES, eachWithin } from './columns.js';
import type { Measure, MemberMetricContext } from './types.js';

type Ctx = MemberMetricContext;

/** Rounds to `digits` decimals, as every figure of a verdict is rounded. */
export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The self-study quota of some working days: hours and days with notes, per the rule's per-day rates. */
export function selfStudyRequired(t: Record<string, number>, workingDays: number): { hours: number; noteDays: number } {
  return { hours: round((t.hoursPerWorkingDay ?? 0) * workingDays, 2), noteDays: Math.max(0, Math.ceil((t.noteDaysPerWorkingDay ?? 0) * workingDays - 1e-9)) };
}
const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

/** Whether a sign-in status counts as attending: 出席/迟到 always, 请假 only when the rule set says so. */
export function countsAsAttended(status: AttendanceStatus, excusedCounts: boolean): boolean {
  return status === 'present' || status === 'late' || (excusedCounts && status === 'excused');
}

/** Whether the member is expected at a session held inside the counted days (so on the roll that day):
 * always for a session of everyone; for the committee's or named people's, only if among them. */
const expectedHere = (c: Ctx, s: EvidenceSession) => expectedAtSession(s, c.member);

/** Whether the member is expected at a session held on a day they are on the roll (see expectedHere). */
export const expectedAtSession = (s: EvidenceSession, m: EvidenceMember) => s.attendees === undefined || s.attendees === 'all' || isExpectedAt(s, m);

/** The member's sign-ins at sessions of the given types they were expected at: the ids of those that
 * count (one per session) and the number of excused ones. */
function attendanceOf(c: Ctx, fallback: SessionType[]): { counted: number[] } & Pick<AttendanceCounts, 'excused'> {
  const types = c.rule.options.sessionTypes ?? fallback;
  const a = c.idx.byMember(c.member.id).attendance;
  const counted: number[] = [];
  let excused = 0;
  let seen: Set<number> | undefined;
  eachWithin(a.days, c.counted, (i) => {
    const session = a.sessions[i]!;
    const s = c.idx.sessionById.get(session);
    if (s === undefined || !types.includes(s.type) || !expectedHere(c, s)) return;
    const status = STATUS_CODES[a.status[i]!]!;
    if (status === 'excused') excused++;
    if (!countsAsAttended(status, c.excusedCounts) || seen?.has(session)) return;
    (seen ??= new Set()).add(session);
    counted.push(a.ids[i]!);
  });
  return { counted, excused };
}

/** The sessions held in the counted days by the member's branch — with several spells on rolls, by the
 * branch of the spell each day falls in (someone moved on 1 July: the old branch's sessions before it). */
function expectedSessions(c: Ctx): EvidenceSession[] {
  const terms = c.member.rollTerms;
  if (!terms) return within(c.idx.sessionsByBranch.get(c.member.branchId) ?? NO_ITEMS, c.counted);
  const out: EvidenceSession[] = [];
  for (const b of new Set(terms.map((t) => t.branchId))) {
    for (const s of within(c.idx.sessionsByBranch.get(b) ?? NO_ITEMS, c.counted)) {
      if (terms.some((t) => t.branchId === b && covers(t, s.date))) out.push(s);
    }
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id));
}

/** Books finished in the counted days, each book once. */
function booksFinished(c: Ctx): EvidenceReading[] {
  const seen = new Set<number>();
  return within(c.idx.byMember(c.member.id).readings, c.counted).filter((r) => !seen.has(r.bookId) && seen.add(r.bookId));
}


/** One counter per member metric. */
export const MEMBER_METRICS: Partial<Record<MetricName, (c: Ctx) => Measure>> = {
  'sessions-attended': (c) => {
    const { counted, excused } = attendanceOf(c, ['collective-study']);
    return { actual: counted.length, evidence: { attendance: counted }, detail: { excused } };
  },

  'attendance-rate': (c) => {
    const types = c.rule.options.sessionTypes ?? ['collective-study'];
    const expected = expectedSessions(c).filter((s) => types.includes(s.type) && expectedHere(c, s));
    // The member's sign-in at each expected session (the last one, were there two).
    const a = c.idx.byMember(c.member.id).attendance;
    const rowOf = new Map<number, number>();
    eachWithin(a.days, c.counted, (i) => { rowOf.set(a.sessions[i]!, i); });
    const rows = expected.map((s) => rowOf.get(s.id)).filter((i) => i !== undefined);
    const attended = rows.filter((i) => countsAsAttended(STATUS_CODES[a.status[i]!]!, c.excusedCounts)).map((i) => a.ids[i]!);
    const excused = rows.filter((i) => STATUS_CODES[a.status[i]!] === 'excused').length;
    const detail = { attended: attended.length, expected: expected.length, excused };
    const m: Measure = { actual: expected.length ? round(attended.length / expected.length, 4) : 0, evidence: { attendance: attended }, detail };
    if (expected.length === 0) m.naReason = '期间支部没有举办应参加的活动，无从计算参加率';
    return m;
  },

  'books-by-category': (c) => {
    const wanted = Object.keys(c.rule.threshold as Record<string, number>);
    const map = c.rule.options.categoryMap ?? {};
    const actual: Record<string, number> = Object.fromEntries(wanted.map((k) => [k, 0]));
    const used: EvidenceReading[] = [];
    let uncategorized = 0;
    for (const r of booksFinished(c)) {
      if (!r.category) { uncategorized++; continue; }
      const cat: BookCategory = map[r.category] ?? r.category;
      if (cat in actual) { actual[cat]!++; used.push(r); }
    }
    return { actual, evidence: { readings: ids(used) }, detail: { uncategorized } };
  },

  'books-finished': (c) => {
    const books = booksFinished(c);
    return { actual: books.length, evidence: { readings: ids(books) } };
  },

  talks: (c) => {
    const kinds: string[] = c.rule.options.talkKinds ?? [...TALK_KINDS];
    const talks = within(c.idx.byMember(c.member.id).talks, c.counted).filter((t) => kinds.includes(t.kind));
    return { actual: talks.length, evidence: { talks: ids(talks) } };
  },

  // A trip counts with its days inside the counted days (one across New Year, or begun before the post: in part).
  'research-days': (c) => {
    const trips = overlapping(c.idx.byMember(c.member.id).research, c.counted);
    return { actual: round(trips.reduce((n, t) => n + spanDaysCounted(t, c.counted), 0), 2), evidence: { research: ids(trips) } };
  },

  writings: (c) => {
    const kinds: string[] = c.rule.options.writingKinds ?? [...WRITING_KINDS];
    const min = c.rule.options.minChars ?? 0;
    const all = within(c.idx.byMember(c.member.id).writings, c.counted).filter((w) => kinds.includes(w.kind));
    const ok = all.filter((w) => w.chars >= min);
    return { actual: ok.length, evidence: { writings: ids(ok) }, detail: { tooShort: all.length - ok.length } };
  },

  // Required per working day while on the roll: a member who joined on the 12th owes the working days
  // from the 12th (the month is still skipped when that is under half its days). The whole period is
  // required even while it is open; what is left is the gap.
  'self-study': (c) => {
    const t = c.rule.threshold as Record<string, number>;
    const workingDays = c.segments.reduce((n, s) => n + c.calendar.workingDaysIn(s.start, s.end), 0);
    const workingDaysLeft = c.segments.reduce((n, s) => n + (s.end > c.asOf ? c.calendar.workingDaysIn(s.start > c.asOf ? s.start : c.asOf, s.end) : 0), 0);
    // Straight over the member's typed columns: no object per day (a year of an organ is 1.8 million days).
    const s = c.idx.byMember(c.member.id).selfStudy;
    let hours = 0;
    let noteDays = 0;
    let lastNoted = NaN;
    const cited: number[] = [];
    // Month totals carry no ids: the ids to cite then come from their own columns.
    const cite = c.citeSelfStudy !== false && !s.cite;
    for (const r of c.counted) {
      const end = dayOf(r.end);
      for (let i = firstOnOrAfter(s.days, dayOf(r.start)); i < s.days.length && s.days[i]! < end; i++) {
        hours += s.hours[i]!;
        // Days are sorted, so a day's rows are adjacent: a noted day is counted once.
        if (s.notes[i] && s.days[i] !== lastNoted) { noteDays += s.notes[i]!; lastNoted = s.days[i]!; }
        if (cite) cited.push(s.ids[i]!);
      }
      if (s.cite && c.citeSelfStudy !== false) {
        const d = s.cite.days;
        for (let i = firstOnOrAfter(d, dayOf(r.start)); i < d.length && d[i]! < end; i++) cited.push(s.cite.ids[i]!);
      }
    }
    return {
      required: selfStudyRequired(t, workingDays),
      actual: { hours: round(hours, 2), noteDays },
      evidence: { selfStudy: cited },
      detail: { workingDays, workingDaysLeft },
    };
  },

  'lectures-heard': (c) => {
    const { counted, excused } = attendanceOf(c, ['lecture']);
    const logged = idsWithin(c.idx.byMember(c.member.id).lectures, c.counted);
    return { actual: counted.length + logged.length, evidence: { attendance: counted, lectures: logged }, detail: { excused } };
  },

  'books-and-exchanges': (c) => {
    const books = booksFinished(c);
    const { counted, excused } = attendanceOf(c, ['reading-exchange']);
    const logged = within(c.idx.byMember(c.member.id).exchanges, c.counted);
    return {
      actual: { books: books.length, exchanges: counted.length + logged.length },
      evidence: { readings: ids(books), attendance: counted, exchanges: ids(logged) },
      detail: { excused },
    };
  },

  'trainings-and-exams': (c) => {
    const ev = c.idx.byMember(c.member.id);
    // A training counts when some of its days are inside the counted days (not only by its first day).
    const trainings = overlapping(ev.trainings, c.counted);
    const exams = within(ev.exams, c.counted);
    return { actual: { trainings: trainings.length, exams: exams.length }, evidence: { trainings: ids(trainings), exams: ids(exams) } };
  },

  assessment: (c) => {
    const { counted, excused } = attendanceOf(c, ['assessment']);
    const exams = within(c.idx.byMember(c.member.id).exams, c.counted);
    return { actual: counted.length + exams.length, evidence: { attendance: counted, exams: ids(exams) }, detail: { excused } };
  },
};
