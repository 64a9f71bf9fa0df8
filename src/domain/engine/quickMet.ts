// The count-only judgement behind an organ's audit: most (member, week) judgements of a count rule end
// 'met', and a caller that only counts those (JudgeOptions.onMet) need not pay for a Measure, its id
// arrays and a Subject each. For a member on the roll for the whole of an ended period, this counts what
// the rule's metric would count, straight over the typed columns, allocating nothing; the judge then
// reports 'met' when the count reaches the quota and judges the period the ordinary way when it does not.
import type { EvidenceMember, SessionType } from '../evidence.js';
import type { Period } from '../periods.js';
import type { Rule } from '../ruleSet.js';
import type { WorkCalendar } from '../workdays.js';
import { STATUS_CODES, firstOnOrAfter } from './columns.js';
import type { EvidenceIndex, StudyColumns } from './evidenceIndex.js';
import type { MetParts } from './types.js';
import { gapOf, isZero } from './figures.js';
import { countsAsAttended, expectedAtSession, round, selfStudyRequired } from './metricsMember.js';

/** Whether one member certainly met the rule in the period [startDay, endDay) (on the roll throughout, ended):
 * false means “judge it in full”, not “short”. */
export type QuickMet = (m: EvidenceMember, p: Period, startDay: number, endDay: number) => boolean;

/** The quick test of a rule that, when the member met it, fills in `into` the figures and the ids the rule's
 * metric would give the verdict (the caller empties the id lists first): for the rules counting sign-ins
 * and lectures, and self-study (citing its ids unless `citeSelfStudy` is false); undefined for the others. */
export function quickCited(rule: Rule, idx: EvidenceIndex, calendar: WorkCalendar, citeSelfStudy: boolean | undefined): QuickCited | undefined {
  const excused = rule.options.excusedCountsAsAttended === true;
  if (typeof rule.threshold === 'number') {
    const threshold = rule.threshold;
    const reaches = (n: number) => n >= 0 && isZero(gapOf(threshold, n));
    if (rule.metric === 'sessions-attended') {
      const types = rule.options.sessionTypes ?? ['collective-study'];
      return (m, _p, from, to, into) => {
        const n = attendedAt(idx, m, types, excused, from, to, into.cites.attendance);
        into.required = threshold;
        into.actual = n;
        return reaches(n);
      };
    }
    if (rule.metric === 'lectures-heard') {
      const types = rule.options.sessionTypes ?? ['lecture'];
      return (m, _p, from, to, into) => {
        const n = attendedAt(idx, m, types, excused, from, to, into.cites.attendance);
        if (n < 0) return false;
        const logged = idx.byMember(m.id).lectures;
        const end = firstOnOrAfter(logged.days, to);
        for (let i = firstOnOrAfter(logged.days, from); i < end; i++) into.cites.lectures.push(logged.ids[i]!);
        into.required = threshold;
        into.actual = n + into.cites.lectures.length;
        return reaches(into.actual);
      };
    }
  }
  if (rule.metric === 'self-study' && typeof rule.threshold === 'object') {
    const t = rule.threshold;
    const working = new Map<string, number>();
    return (m, p, from, to, into) => {
      let wd = working.get(p.id);
      if (wd === undefined) working.set(p.id, (wd = calendar.workingDaysIn(p.start, p.end)));
      const s = idx.byMember(m.id).selfStudy;
      const required = selfStudyRequired(t, wd);
      const actual = studyCounted(s, from, to);
      if (!isZero(gapOf(required, actual))) return false;
      into.required = required;
      into.actual = actual;
      if (citeSelfStudy !== false) {
        // As the counter cites them: the rows' own ids, or (month totals) the ids read apart.
        const c = s.cite ?? s;
        const last = firstOnOrAfter(c.days, to);
        for (let i = firstOnOrAfter(c.days, from); i < last; i++) into.cites.selfStudy.push(c.ids[i]!);
      }
      return true;
    };
  }
  return undefined;
}

/** A member's self-study hours and days with notes over [startDay, endDay), as the counter
 * (metricsMember.ts) works them out for a period wholly on the roll. */
function studyCounted(s: StudyColumns, from: number, to: number): { hours: number; noteDays: number } {
  let hours = 0;
  let noteDays = 0;
  let lastNoted = NaN;
  const end = firstOnOrAfter(s.days, to);
  for (let i = firstOnOrAfter(s.days, from); i < end; i++) {
    hours += s.hours[i]!;
    // Days are sorted, so a day's rows are adjacent: a noted day is counted once.
    if (s.notes[i] && s.days[i] !== lastNoted) { noteDays += s.notes[i]!; lastNoted = s.days[i]!; }
  }
  return { hours: round(hours, 2), noteDays };
}

/** See quickCited: true when met, with `into` filled. */
export type QuickCited = (m: EvidenceMember, p: Period, startDay: number, endDay: number, into: MetParts) => boolean;

/** The quick test of a rule, or undefined for metrics it does not cover (they are judged in full). */
export function quickMet(rule: Rule, idx: EvidenceIndex, calendar: WorkCalendar): QuickMet | undefined {
  const excused = rule.options.excusedCountsAsAttended === true;
  const reaches = (n: number) => n >= 0 && isZero(gapOf(rule.threshold, n));
  if (rule.metric === 'sessions-attended' && typeof rule.threshold === 'number') {
    const types = rule.options.sessionTypes ?? ['collective-study'];
    return (m, _p, from, to) => reaches(attendedAt(idx, m, types, excused, from, to));
  }
  if (rule.metric === 'lectures-heard' && typeof rule.threshold === 'number') {
    const types = rule.options.sessionTypes ?? ['lecture'];
    return (m, _p, from, to) => {
      const n = attendedAt(idx, m, types, excused, from, to);
      const logged = idx.byMember(m.id).lectures.days;
      return reaches(n < 0 ? n : n + firstOnOrAfter(logged, to) - firstOnOrAfter(logged, from));
    };
  }
  if (rule.metric === 'self-study' && typeof rule.threshold === 'object') {
    // As the self-study counter (metricsMember.ts) works it out for a period wholly on the roll.
    const t = rule.threshold;
    const working = new Map<string, number>();
    return (m, p, from, to) => {
      let wd = working.get(p.id);
      if (wd === undefined) working.set(p.id, (wd = calendar.workingDaysIn(p.start, p.end)));
      return isZero(gapOf(selfStudyRequired(t, wd), studyCounted(idx.byMember(m.id).selfStudy, from, to)));
    };
  }
  return undefined;
}

/** Sessions of the given types attended in [from, to), each once, as attendanceOf (metricsMember.ts)
 * counts them; -1 when a session's rows are not adjacent (rows of a day not in session order), where
 * counting each session once would need a set. */
function attendedAt(idx: EvidenceIndex, m: EvidenceMember, types: SessionType[], excused: boolean, from: number, to: number, ids?: number[]): number {
  const a = idx.byMember(m.id).attendance;
  let n = 0;
  let lastDay = -1;
  let lastSession = -1;
  let counted = -1;
  for (let i = firstOnOrAfter(a.days, from); i < a.days.length && a.days[i]! < to; i++) {
    const day = a.days[i]!;
    const session = a.sessions[i]!;
    if (day === lastDay && session < lastSession) return -1;
    lastDay = day;
    lastSession = session;
    if (session === counted || !countsAsAttended(STATUS_CODES[a.status[i]!]!, excused)) continue;
    const s = idx.sessionById.get(session);
    if (s === undefined || !types.includes(s.type) || !expectedAtSession(s, m)) continue;
    counted = session;
    n++;
    ids?.push(a.ids[i]!);
  }
  return n;
}
