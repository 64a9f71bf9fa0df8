// Who is judged over which days: the on-roll interval (∩ the committee post for leader rules), cut to a
// period; and the proration and skipping SPEC §3.3 derives from the days on the roll.
import type { EvidenceMember } from '../evidence.js';
import { covers } from '../member.js';
import { type DateRange, type Period, type PeriodKind, addDaysIso, daysIn } from '../periods.js';
import type { AppliesTo } from '../ruleSet.js';

const FOREVER: DateRange = { start: '0000-01-01', end: '9999-12-31' };

const intersect = (a: DateRange, b: DateRange): DateRange | undefined => {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start < end ? { start, end } : undefined;
};

/** The days a member is judged by a rule: on the roll, and for leader rules also in post; sorted, disjoint. */
export function judgedIntervals(m: EvidenceMember, appliesTo: AppliesTo): DateRange[] {
  // Every spell on a roll (someone who left and came back, or moved branch on a day, has several).
  const rolls = m.rollTerms
    ? merge(m.rollTerms.map((t) => ({ start: t.from ?? FOREVER.start, end: t.to ?? FOREVER.end })).filter((r) => r.start < r.end))
    : [{ start: m.onRollFrom ?? FOREVER.start, end: m.onRollLeft ?? FOREVER.end }].filter((r) => r.start < r.end);
  if (appliesTo !== 'leaders' || rolls.length === 0) return rolls;
  const posts: DateRange[] = [];
  for (const roll of rolls) for (const p of m.leaderIntervals) {
    const r = intersect(roll, { start: p.from ?? FOREVER.start, end: p.to ?? FOREVER.end });
    if (r) posts.push(r);
  }
  return merge(posts);
}

/** The days a member was on one branch's roll (someone moved on a day: the spells in that branch only). */
export function rollIntervalsIn(m: EvidenceMember, branchId: number): DateRange[] {
  if (!m.rollTerms) return m.branchId === branchId ? judgedIntervals(m, 'all') : [];
  return merge(m.rollTerms.filter((t) => t.branchId === branchId).map((t) => ({ start: t.from ?? FOREVER.start, end: t.to ?? FOREVER.end })).filter((r) => r.start < r.end));
}

/** The branch whose roll the member was on on `day` (the current one when no spell covers it). */
export function branchOn(m: EvidenceMember, day: string): number {
  if (!m.rollTerms) return m.branchId;
  for (let i = m.rollTerms.length - 1; i >= 0; i--) {
    const t = m.rollTerms[i]!;
    if (covers(t, day)) return t.branchId;
  }
  return m.branchId;
}

/** Ranges sorted and joined where they meet or overlap. */
function merge(ranges: DateRange[]): DateRange[] {
  const merged: DateRange[] = [];
  for (const r of [...ranges].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = r.end > last.end ? r.end : last.end;
    else merged.push({ ...r });
  }
  return merged;
}

/** The judged days inside one period. */
export function segmentsIn(intervals: DateRange[], period: DateRange): DateRange[] {
  return intervals.map((r) => intersect(r, period)).filter((r): r is DateRange => r !== undefined);
}

/** The segments cut at the as-of date (evidence after it does not count yet). */
export function cutAt(segments: DateRange[], asOf: string): DateRange[] {
  return segmentsIn(segments, { start: FOREVER.start, end: addDaysIso(asOf, 1) });
}

/** Total days of some ranges. */
export function totalDays(ranges: DateRange[]): number {
  return ranges.reduce((n, r) => n + daysIn(r), 0);
}

/** Counts scale for yearly and half-yearly rules; monthly/weekly/quarterly (and daily) ones are skipped instead. */
export function isProratedKind(kind: PeriodKind): boolean {
  return kind === 'year' || kind === 'half';
}

/** A quota scaled by the share of days on the roll, rounded to the nearest whole number, halves up. */
export function prorate(threshold: number, daysOn: number, daysTotal: number): number {
  if (daysOn >= daysTotal) return threshold;
  // Integer thresholds: exact rational rounding, floor((2·t·on + total) / (2·total)).
  if (Number.isInteger(threshold)) return Math.floor((2 * threshold * daysOn + daysTotal) / (2 * daysTotal));
  return Math.floor((threshold * daysOn) / daysTotal + 0.5 + 1e-9);
}

/** Whether a short-period rule skips the period: on the roll for fewer than half its days. */
export function tooFewDays(daysOn: number, period: Period): boolean {
  return 2 * daysOn < daysIn(period);
}
