// Calendar periods (day, ISO week, month, quarter, half, year) as ids and [start, endExclusive) ranges.
// Dates are 'YYYY-MM-DD' strings; arithmetic runs on integer day numbers, so no time zone can shift a day.

/** The kinds of period a rule is judged over (SPEC §3.3). */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';

/** Every period kind, smallest first; validators and option lists use it. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'half', 'year'];

/** A half-open range of calendar dates: start inclusive, end exclusive. */
export interface DateRange {
  start: string;
  end: string;
}

/** A named period: its canonical id (`2026`, `2026-H1`, `2026-Q3`, `2026-03`, `2026-W10`, `2026-03-05`). */
export interface Period extends DateRange {
  kind: PeriodKind;
  id: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM-DD' → day number; the caller guarantees the shape (see isIsoDate). */
export function toDayNumber(iso: string): number {
  // Read digit by digit (no substrings): the engine turns period bounds into day numbers ~10⁶ times an audit.
  if (iso.length === 10) {
    const y0 = iso.charCodeAt(0) - 48, y1 = iso.charCodeAt(1) - 48, y2 = iso.charCodeAt(2) - 48, y3 = iso.charCodeAt(3) - 48;
    const m0 = iso.charCodeAt(5) - 48, m1 = iso.charCodeAt(6) - 48, d0 = iso.charCodeAt(8) - 48, d1 = iso.charCodeAt(9) - 48;
    // Every one a digit: as unsigned numbers, all of them below 10.
    if ((y0 >>> 0) < 10 && (y1 >>> 0) < 10 && (y2 >>> 0) < 10 && (y3 >>> 0) < 10 && (m0 >>> 0) < 10 && (m1 >>> 0) < 10 && (d0 >>> 0) < 10 && (d1 >>> 0) < 10) {
      return dayNumberOf(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
    }
  }
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Day number → 'YYYY-MM-DD' (civil_from_days). */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return fromDayNumber(toDayNumber(s)) === s;
}

/** The date n days after (or before, n < 0) a date. */
export function addDaysIso(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Whole days from a to b (b − a); daysBetween('2026-01-01', '2027-01-01') = 365. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

/** Monday of ISO week 1 of an ISO year: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumberOf(year, 1, 4);
  return jan4 - (isoWeekday(fromDayNumber(jan4)) - 1);
}

/** 52 or 53: the number of ISO weeks in an ISO year. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The ISO week id (2026-W10) of a calendar day; the ISO year may differ from the calendar year at its edges. */
export function isoWeekId(iso: string): string {
  const n = toDayNumber(iso);
  let year = Number(iso.slice(0, 4)) + 1;
  while (isoWeekOneMonday(year) > n) year--;
  return `${year}-W${pad2(Math.floor((n - isoWeekOneMonday(year)) / 7) + 1)}`;
}

/** Builds a period from its parts, or undefined when they name no real period. */
function make(kind: PeriodKind, year: number, index: number): Period | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  switch (kind) {
    case 'year':
      return { kind, id: String(year), start: `${year}-01-01`, end: `${year + 1}-01-01` };
    case 'half':
      if (index < 1 || index > 2) return undefined;
      return { kind, id: `${year}-H${index}`, start: index === 1 ? `${year}-01-01` : `${year}-07-01`, end: index === 1 ? `${year}-07-01` : `${year + 1}-01-01` };
    case 'quarter': {
      if (index < 1 || index > 4) return undefined;
      const m = (index - 1) * 3 + 1;
      return { kind, id: `${year}-Q${index}`, start: `${year}-${pad2(m)}-01`, end: index === 4 ? `${year + 1}-01-01` : `${year}-${pad2(m + 3)}-01` };
    }
    case 'month':
      if (index < 1 || index > 12) return undefined;
      return { kind, id: `${year}-${pad2(index)}`, start: `${year}-${pad2(index)}-01`, end: index === 12 ? `${year + 1}-01-01` : `${year}-${pad2(index + 1)}-01` };
    case 'week': {
      if (index < 1 || index > isoWeeksInYear(year)) return undefined;
      const monday = isoWeekOneMonday(year) + (index - 1) * 7;
      return { kind, id: `${year}-W${pad2(index)}`, start: fromDayNumber(monday), end: fromDayNumber(monday + 7) };
    }
    case 'day':
      return undefined;
  }
}

/** Reads a period id as typed on the command line — the one parser every period flag uses: `2026`,
 * `2026-H1`/`2026H1`, `2026-Q3`/`2026Q3`, `2026-03`/`2026-3`/`202603`, `2026-W10`/`2026W10`, `2026-03-05`. */
export function parsePeriodId(raw: string): Period | undefined {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return make('year', +m[1]!, 0);
  if ((m = /^(\d{4})-?H([12])$/.exec(s))) return make('half', +m[1]!, +m[2]!);
  if ((m = /^(\d{4})-?Q([1-4])$/.exec(s))) return make('quarter', +m[1]!, +m[2]!);
  if ((m = /^(\d{4})-?W(\d{1,2})$/.exec(s))) return make('week', +m[1]!, +m[2]!);
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)) || (m = /^(\d{4})(\d{2})$/.exec(s))) return make('month', +m[1]!, +m[2]!);
  if (isIsoDate(s)) return dayPeriod(s);
  return undefined;
}

function dayPeriod(iso: string): Period {
  return { kind: 'day', id: iso, start: iso, end: addDaysIso(iso, 1) };
}

/** The [start, endExclusive) range of a period id, or undefined for a bad id. */
export function periodRange(id: string): DateRange | undefined {
  const p = parsePeriodId(id);
  return p && { start: p.start, end: p.end };
}

/** The period of a kind holding a date; weeks belong to the ISO year of their Thursday. */
export function periodContaining(kind: PeriodKind, iso: string): Period {
  const y = Number(iso.slice(0, 4));
  const mo = Number(iso.slice(5, 7));
  switch (kind) {
    case 'year': return make('year', y, 0)!;
    case 'half': return make('half', y, mo <= 6 ? 1 : 2)!;
    case 'quarter': return make('quarter', y, Math.floor((mo - 1) / 3) + 1)!;
    case 'month': return make('month', y, mo)!;
    case 'day': return dayPeriod(iso);
    case 'week': {
      const thursday = toDayNumber(iso) - isoWeekday(iso) + 4;
      const wy = Number(fromDayNumber(thursday).slice(0, 4));
      return make('week', wy, (thursday - isoWeekOneMonday(wy) - 3) / 7 + 1)!;
    }
  }
}

/** Every period of a kind that belongs to a year (ISO weeks W01…W52/53 for weeks; every day for days). */
export function periodsInYear(kind: PeriodKind, year: number): Period[] {
  const count = { year: 1, half: 2, quarter: 4, month: 12, week: isoWeeksInYear(year), day: 0 }[kind];
  if (kind === 'day') {
    const out: Period[] = [];
    for (let n = dayNumberOf(year, 1, 1); n < dayNumberOf(year + 1, 1, 1); n++) out.push(dayPeriod(fromDayNumber(n)));
    return out;
  }
  return Array.from({ length: count }, (_, i) => make(kind, year, kind === 'year' ? 0 : i + 1)!);
}

/** The periods of a kind that belong to a date range: weeks by their Thursday, other kinds by overlap. */
export function periodsInRange(kind: PeriodKind, range: DateRange): Period[] {
  const out: Period[] = [];
  if (range.start >= range.end) return out;
  // The week holding start+3 is the first whose Thursday (its start+3) is not before range.start.
  let p = periodContaining(kind, kind === 'week' ? addDaysIso(range.start, 3) : range.start);
  while (kind === 'week' ? addDaysIso(p.start, 3) < range.end : p.start < range.end) {
    out.push(p);
    p = periodContaining(kind, p.end);
  }
  return out;
}

/** The periods of a kind an audit of `range` as of `asOf` judges: those that belong to the range and have
 * begun by `asOf`, and the period still running on `asOf` when it reaches into the range though it
 * belongs elsewhere (a week across New Year: on 2027-01-02 the open week is 2026-W53, owed this week). */
export function periodsToJudge(kind: PeriodKind, range: DateRange, asOf: string): Period[] {
  const out = periodsInRange(kind, range).filter((p) => p.start <= asOf);
  const running = periodContaining(kind, asOf);
  if (running.start < range.end && running.end > range.start && !out.some((p) => p.id === running.id)) {
    out.push(running);
    out.sort((a, b) => (a.start < b.start ? -1 : 1));
  }
  return out;
}

/** Number of days in a period or range. */
export function daysIn(range: DateRange): number {
  return daysBetween(range.start, range.end);
}

/** Days two ranges share (0 when they do not meet). */
export function overlapDays(a: DateRange, b: DateRange): number {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start < end ? daysBetween(start, end) : 0;
}

/** The days of a span given by its first and last day (a research trip, a training: `to` inclusive) that
 * fall in some ranges (sorted, disjoint). */
export function spanDaysIn(from: string, to: string, ranges: readonly DateRange[]): number {
  const span = { start: from, end: addDaysIso(to, 1) };
  let n = 0;
  for (const r of ranges) n += overlapDays(span, r);
  return n;
}

/** A span's recorded days (at most its length) counted in some ranges: all of them when it lies wholly
 * inside, else in proportion to the days inside (a 7-day trip recorded as 5 days, 3 of its days inside: 2.14). */
export function spanDaysCounted(x: { from: string; to: string; days: number }, ranges: readonly DateRange[]): number {
  const inside = spanDaysIn(x.from, x.to, ranges);
  const length = daysBetween(x.from, x.to) + 1;
  if (inside >= length) return x.days;
  return Math.round((x.days * inside * 100) / length) / 100;
}

/** Whether a date lies in [start, end). */
export function inRange(iso: string, range: DateRange): boolean {
  return range.start <= iso && iso < range.end;
}

const QUARTER_NUMERALS = ['一', '二', '三', '四'];

/** A period in Chinese words as the terminal prints them, numbers set apart: “2026 年度”, “2026 年上半年”,
 * “2026 年第一季度”, “2026 年 3 月”; a week or a day by its id. */
export function periodWords(p: Pick<Period, 'kind' | 'id'>): string {
  const y = p.id.slice(0, 4);
  switch (p.kind) {
    case 'year': return `${y} 年度`;
    case 'half': return `${y} 年${p.id.endsWith('H1') ? '上' : '下'}半年`;
    case 'quarter': return `${y} 年第${QUARTER_NUMERALS[Number(p.id.slice(-1)) - 1]}季度`;
    case 'month': return `${y} 年 ${Number(p.id.slice(5, 7))} 月`;
    default: return p.id;
  }
}

/** The same words as official prose writes them, with no spaces: “2026年第一季度”, “2026年3月”. */
export function periodWordsTight(p: Pick<Period, 'kind' | 'id'>): string {
  return periodWords(p).replaceAll(' ', '');
}

/** The quarter as a Chinese ordinal: 2026-Q3 → “第三季度”. */
export function quarterWords(q: number): string {
  return `第${QUARTER_NUMERALS[q - 1]}季度`;
}

/** “本年度” … “本周”: how a period names itself (“…剩余 N 天”, “本季度”). */
export const PERIOD_NOUNS: Record<PeriodKind, string> = { year: '本年度', half: '本半年', quarter: '本季度', month: '本月', week: '本周', day: '当天' };

