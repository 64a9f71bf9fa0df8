// Period ids (SPEC §3.3: 2026, 2026-H1, 2026-Q3, 2026-03, 2026-W10) turned into [start, endExclusive) date
// ranges, for the --month/--quarter/--year/--period flags. Small and self-contained; pure calendar maths.

/** The kinds of period a flag can name. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'week';

/** A calendar period: canonical id and the dates it covers, end exclusive (YYYY-MM-DD). */
export interface PeriodRange {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (y: number, m: number, d: number) => ymd(new Date(Date.UTC(y, m - 1, d)));

/** The Monday that starts ISO week 1 of `isoYear` (the week holding 4 January). */
export function isoWeekOneMonday(isoYear: number): Date {
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const dow = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(isoYear, 0, 4 - dow));
}

/** How many ISO weeks `isoYear` has (52 or 53). */
export function isoWeeksInYear(isoYear: number): number {
  const next = isoWeekOneMonday(isoYear + 1).getTime();
  return Math.round((next - isoWeekOneMonday(isoYear).getTime()) / (7 * 86400000));
}

/** The ISO week id (2026-W10) of a calendar day. */
export function isoWeekId(dayIso: string): string {
  const [y, m, d] = dayIso.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  let isoYear = y + 1;
  while (isoWeekOneMonday(isoYear).getTime() > t) isoYear--;
  const week = Math.floor((t - isoWeekOneMonday(isoYear).getTime()) / (7 * 86400000)) + 1;
  return `${isoYear}-W${pad(week)}`;
}

/** Parses a period id (also 2026Q1, 2026-q1, 2026H2, 2026W5, 2026-3); undefined when it is not one. */
export function parsePeriodId(text: string): PeriodRange | undefined {
  const t = text.normalize('NFKC').trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    const y = +m[1]!;
    return { id: `${y}`, kind: 'year', start: day(y, 1, 1), end: day(y + 1, 1, 1) };
  }
  if ((m = /^(\d{4})-?H([12])$/.exec(t))) {
    const y = +m[1]!, h = +m[2]!;
    return { id: `${y}-H${h}`, kind: 'half', start: day(y, h * 6 - 5, 1), end: day(y, h * 6 + 1, 1) };
  }
  if ((m = /^(\d{4})-?Q([1-4])$/.exec(t))) {
    const y = +m[1]!, q = +m[2]!;
    return { id: `${y}-Q${q}`, kind: 'quarter', start: day(y, q * 3 - 2, 1), end: day(y, q * 3 + 1, 1) };
  }
  if ((m = /^(\d{4})-?W(\d{1,2})$/.exec(t))) {
    const y = +m[1]!, w = +m[2]!;
    if (w < 1 || w > isoWeeksInYear(y)) return undefined;
    const mon = isoWeekOneMonday(y);
    const start = new Date(mon.getTime() + (w - 1) * 7 * 86400000);
    return { id: `${y}-W${pad(w)}`, kind: 'week', start: ymd(start), end: ymd(new Date(start.getTime() + 7 * 86400000)) };
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t)) || (m = /^(\d{4})(\d{2})$/.exec(t))) {
    const y = +m[1]!, mo = +m[2]!;
    if (mo < 1 || mo > 12) return undefined;
    return { id: `${y}-${pad(mo)}`, kind: 'month', start: day(y, mo, 1), end: day(y, mo + 1, 1) };
  }
  return undefined;
}

/** Whether a calendar day lies in the period. */
export function inPeriod(p: Pick<PeriodRange, 'start' | 'end'>, dayIso: string): boolean {
  return p.start <= dayIso && dayIso < p.end;
}
