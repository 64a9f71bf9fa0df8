// Calendar dates as typed in Chinese spreadsheets: serials, 1985-03-01, 1985/3/1, 1985.03, 1985年3月, 198503,
// and date-times typed as text (2026-03-05 14:30, 2026/3/6 9:00:00), whose time is read past and not kept.

/** A parsed calendar date: `iso` is YYYY-MM-DD, or YYYY-MM when only the month is known. */
export interface ParsedDate {
  iso: string;
  precision: 'day' | 'month';
}

export type DateResult = { ok: true; value: ParsedDate } | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** True when y-m-d names a real day of the Gregorian calendar. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function build(y: number, m: number, d: number | undefined, raw: string): DateResult {
  if (y < 1900 || y > 2100) return { ok: false, reason: `年份 ${y} 不合理` };
  if (m < 1 || m > 12) return { ok: false, reason: `“${raw}”中的月份 ${m} 不存在` };
  if (d === undefined) return { ok: true, value: { iso: `${y}-${pad(m)}`, precision: 'month' } };
  if (!isRealDate(y, m, d)) return { ok: false, reason: `“${raw}”不是真实存在的日期` };
  return { ok: true, value: { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' } };
}

/** Excel's day serial (1900 system, with its phantom 1900-02-29) to a calendar date. */
export function fromExcelSerial(serial: number): DateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) {
    return { ok: false, reason: `数字 ${serial} 不是日期` };
  }
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const dt = new Date(ms);
  return build(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), String(serial));
}

/** A JS Date from exceljs: its UTC fields carry the calendar date typed in the cell. */
export function fromCellDate(d: Date): DateResult {
  if (Number.isNaN(d.getTime())) return { ok: false, reason: '无效日期' };
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.toISOString().slice(0, 10));
}

/** Any spelling of a date we accept; strings, numbers and Dates. */
export function parseDate(value: unknown): DateResult {
  if (value instanceof Date) return fromCellDate(value);
  if (typeof value === 'number') return parseNumberDate(value);
  if (typeof value !== 'string') return { ok: false, reason: '不是日期' };
  const raw = value.normalize('NFKC').trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw))) {
    return build(+m[1]!, +m[2]!, +m[3]!, raw);
  }
  if ((m = DATE_TIME.exec(raw))) {
    const bad = badTime(m[4]!);
    if (bad) return { ok: false, reason: bad };
    return build(+m[1]!, +m[2]!, +m[3]!, raw);
  }
  if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(raw))) return build(+m[1]!, +m[2]!, undefined, raw);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw))) return build(+m[1]!, +m[2]!, +m[3]!, raw);
  if ((m = /^(\d{4})(\d{2})$/.exec(raw))) return build(+m[1]!, +m[2]!, undefined, raw);
  if (/^\d+(\.\d+)?$/.test(raw)) return parseNumberDate(Number(raw));
  return { ok: false, reason: `无法识别“${raw}”，请写成 1985-03-01 或 1985年3月 这样的格式` };
}

/** A day followed by a time of day: `2026-03-05 14:30`, `2026/3/6 9:00:00`, `2026-03-05T14:30:00Z`,
 * `2026年3月5日 下午2:30`, `2026年3月5日14时30分`. Groups: year, month, day, the time as typed. */
const HALF_DAY = '(?:[上下中]午|早上|晚上|凌晨|am|pm)';
const DATE_TIME = new RegExp(
  String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日\s*|\s+|T)` +
    String.raw`(${HALF_DAY}?\s*\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:\.\d+)?)?|时(?:\d{1,2}分(?:\d{1,2}秒)?)?|点(?:\d{1,2}分?)?)` +
    String.raw`\s*(?:am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?)$`,
  'i',
);

/** Why a time of day typed after a date cannot be a real one (25:00, 14:75), or undefined. The time itself
 * is not kept — dates are calendar days — but a time that does not exist points at a typing slip. */
function badTime(time: string): string | undefined {
  const [h = 0, min = 0, sec = 0] = (time.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const hourLimit = new RegExp(HALF_DAY, 'i').test(time) ? 12 : 24;
  if (h > hourLimit || min > 59 || sec >= 60 || (h === 24 && (min > 0 || sec > 0))) {
    return `“${time.replace(/[+-]\d{2}:?\d{2}$|z$/i, '').trim()}”不是真实的时间，请核对；只需写日期，如 2026-03-05`;
  }
  return undefined;
}

/** Why a number like 1985.1 cannot be read as a month (Chinese, naming both readings and the fix). */
function ambiguousMonthReason(n: number, y: number): string {
  return `“${n}”是数字，看不出是 ${y} 年 1 月还是 10 月（Excel 会把输入的 ${y}.10 存成 ${y}.1）。` +
    `请把该列设为“文本”格式后写成 ${y}.01 或 ${y}-01（也可写 ${y}年1月）`;
}

function parseNumberDate(n: number): DateResult {
  if (Number.isInteger(n)) {
    const s = String(n);
    if (s.length === 8) return parseDate(s);
    if (s.length === 6) return parseDate(s);
    return fromExcelSerial(n);
  }
  const y = Math.floor(n);
  if (y < 1900 || y > 2100) return fromExcelSerial(n);
  // A year and month typed into a number cell (常规 format): Excel keeps the number, not the text, so
  // 1985.03 arrives as 1985.03 but 1985.10 as 1985.1. Two decimals are the month; one decimal 2–9 can only
  // be that month (20–90 are no months); 1985.1 is January or October, and is refused rather than guessed.
  const hundredths = Math.round((n - y) * 100);
  if (Math.abs((n - y) * 100 - hundredths) > 1e-6) return { ok: false, reason: `“${n}”不是日期，请写成 1985-03-01 或 1985年3月 这样的格式` };
  if (hundredths === 10) return { ok: false, reason: ambiguousMonthReason(n, y) };
  const month = hundredths % 10 === 0 ? hundredths / 10 : hundredths;
  return build(y, month, undefined, String(n));
}

/** A full date for an interval boundary: a month-only date means its first day. */
export function toDayIso(p: ParsedDate): string {
  return p.precision === 'day' ? p.iso : `${p.iso}-01`;
}

/** Strict YYYY-MM-DD (flags, JSON); returns undefined when it is not a real day. */
export function parseIsoDay(s: string): string | undefined {
  const r = parseDate(s);
  return r.ok && r.value.precision === 'day' ? r.value.iso : undefined;
}

/** The one test of "in the future": a day (or a month, a year) after `today` (the clock's day, SHUXIANG_NOW
 * in tests). Evidence dated so is refused; only a session may lie ahead, and only 请假 be registered for it. */
export function isFutureDay(day: string, today: string): boolean {
  return day.slice(0, 10) > today;
}

/** Why a record dated `day` cannot be recorded as done yet (Chinese), for every importer and flag. */
export function futureDayReason(label: string, day: string, today: string): string {
  return `${label} ${day} 在今天（${today}）之后：还没有发生的事不能登记为已完成，请核对日期`;
}
