// The official Chinese working-day calendar: weekends and statutory holidays off, 调休 make-up days on.
// The official dates are data handed in (src/io/officialCalendar.ts reads them from the `chinese-days`
// package), plus the user's overrides for a year the package does not know yet.
import { type DateRange, dayNumberOf, fromDayNumber, isIsoDate, isoWeekday, toDayNumber } from './periods.js';

/** The official dates as the data package lists them: 'YYYY-MM-DD' → what the day is. */
export interface OfficialCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Dates the user declares off or on, overriding the package (e.g. a year it does not know yet). */
export interface CalendarOverrides {
  holidays?: string[];
  workdays?: string[];
  /** What the file is (its source, or that it is only an example), shown when it is enabled. */
  说明?: string;
}

/** The working-day questions the rule engine asks; one instance per audit (it caches per year). */
export interface WorkCalendar {
  isWorkingDay(iso: string): boolean;
  /** Working days in [start, endExclusive). */
  workingDaysIn(start: string, endExclusive: string): number;
  /** Whether the year's statutory holidays are known (package data or user overrides). */
  isYearCovered(year: number): boolean;
  /** The years of a range that fall back to Monday–Friday. */
  uncoveredYears(range: DateRange): number[];
  /** A sentence for the audit when some year of the range falls back to Monday–Friday. */
  calendarNote(range: DateRange): string | undefined;
  /** The Chinese names of the statutory holidays in [start, endExclusive) (春节, 国庆节…), each once. */
  holidayNames(start: string, endExclusive: string): string[];
}

/** Builds a calendar from the official data and the user's overrides (overrides win). */
export function buildWorkCalendar(official: OfficialCalendar, overrides: CalendarOverrides = {}): WorkCalendar {
  const packageHolidays = official.holidays;
  const packageWorkdays = official.workdays;
  const packageYears = new Set(Object.keys(packageHolidays).map((d) => Number(d.slice(0, 4))));
  const offs = new Set(overrides.holidays ?? []);
  const ons = new Set(overrides.workdays ?? []);
  const overrideYears = new Set([...offs].map((d) => Number(d.slice(0, 4))));
  const byYear = new Map<number, Uint8Array>();

  const isYearCovered = (year: number) => packageYears.has(year) || overrideYears.has(year);

  const flagsOf = (year: number): Uint8Array => {
    let flags = byYear.get(year);
    if (flags) return flags;
    const first = dayNumberOf(year, 1, 1);
    flags = new Uint8Array(dayNumberOf(year + 1, 1, 1) - first);
    for (let i = 0; i < flags.length; i++) {
      const iso = fromDayNumber(first + i);
      let work = isoWeekday(iso) <= 5;
      if (packageHolidays[iso] !== undefined) work = false;
      if (packageWorkdays[iso] !== undefined) work = true;
      if (offs.has(iso)) work = false;
      if (ons.has(iso)) work = true;
      flags[i] = work ? 1 : 0;
    }
    byYear.set(year, flags);
    return flags;
  };

  const isWorkingDay = (iso: string) => {
    const year = Number(iso.slice(0, 4));
    return flagsOf(year)[toDayNumber(iso) - dayNumberOf(year, 1, 1)] === 1;
  };

  // Audits ask for the same months for every member: remember each answer.
  const counts = new Map<string, number>();
  const workingDaysIn = (start: string, endExclusive: string) => {
    const key = `${start}/${endExclusive}`;
    let count = counts.get(key);
    if (count !== undefined) return count;
    count = 0;
    for (let n = toDayNumber(start), end = toDayNumber(endExclusive); n < end; n++) {
      if (isWorkingDay(fromDayNumber(n))) count++;
    }
    counts.set(key, count);
    return count;
  };

  const uncoveredYears = (range: DateRange) => {
    const out: number[] = [];
    if (range.start >= range.end) return out;
    const last = Number(fromDayNumber(toDayNumber(range.end) - 1).slice(0, 4));
    for (let y = Number(range.start.slice(0, 4)); y <= last; y++) if (!isYearCovered(y)) out.push(y);
    return out;
  };

  const calendarNote = (range: DateRange) => {
    const years = uncoveredYears(range);
    if (years.length === 0) return undefined;
    return `${years.join('、')} 年的法定节假日数据未收录，按周一至周五计算工作日；国务院公布安排后，可写一个调整文件并用 shuxiang rules calendar 启用（格式见该命令的 --help）`;
  };

  const holidayNames = (start: string, endExclusive: string) => {
    const names = new Set<string>();
    for (let n = toDayNumber(start), end = toDayNumber(endExclusive); n < end; n++) {
      const iso = fromDayNumber(n);
      // The package writes "Spring Festival,春节,4": the Chinese name is the second part.
      const entry = ons.has(iso) ? undefined : packageHolidays[iso];
      const name = entry?.split(',')[1]?.trim();
      if (name && !isWorkingDay(iso)) names.add(name);
    }
    return [...names];
  };

  return { isWorkingDay, workingDaysIn, isYearCovered, uncoveredYears, calendarNote, holidayNames };
}

/** Checks an overrides object read from the user's JSON file; every error names the entry. */
export function validateOverrides(json: unknown, sourceName: string):
  { ok: true; value: CalendarOverrides } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [`${sourceName}：应为 {"说明": "…", "holidays": [...], "workdays": [...]} 这样的对象`] };
  }
  const obj = json as Record<string, unknown>;
  const value: CalendarOverrides = {};
  for (const key of Object.keys(obj)) {
    if (key !== 'holidays' && key !== 'workdays' && key !== '说明') errors.push(`${sourceName}：不认识的字段“${key}”，只能有 说明、holidays（放假）和 workdays（上班）`);
  }
  if (obj.说明 !== undefined) {
    if (typeof obj.说明 === 'string') value.说明 = obj.说明;
    else errors.push(`${sourceName}：字段 说明 应为一段文字，如 "据国务院办公厅关于 2027 年部分节假日安排的通知"`);
  }
  for (const key of ['holidays', 'workdays'] as const) {
    const list = obj[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push(`${sourceName}：字段 ${key} 应为日期列表，如 ["2027-01-01"]`);
      continue;
    }
    list.forEach((d, i) => {
      if (!isIsoDate(d)) errors.push(`${sourceName}：${key} 第 ${i + 1} 项“${String(d)}”不是 YYYY-MM-DD 格式的日期`);
    });
    value[key] = list.filter(isIsoDate);
  }
  const both = (value.holidays ?? []).filter((d) => (value.workdays ?? []).includes(d));
  for (const d of both) errors.push(`${sourceName}：${d} 同时列在 holidays 和 workdays 中，请只保留一处`);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
