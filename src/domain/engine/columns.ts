// The engine's organ-scale evidence, column by column in typed arrays: a year of an organ holds ~1.8
// million days of self-study, a quarter million lectures and as many sign-ins; as typed arrays they cost
// the garbage collector nothing, where one object per row cost it seconds. Days are day numbers
// (toDayNumber), so comparing them is comparing integers.
import type { AttendanceStatus } from '../evidence.js';
import { type DateRange, toDayNumber } from '../periods.js';

/** One member's self-study in (date, id) order. */
export interface StudyColumns {
  days: Int32Array;
  ids: Float64Array;
  hours: Float64Array;
  /** 1 when the day's row has notes; for a month's total (see below), the days with notes it stands for. */
  notes: Uint8Array;
  /** Present when some entries are a whole month's totals (dated the 1st, id 0; the audit's organ-scale
   * path when it cites no self-study ids): the rows each entry stands for, and of them the rows with
   * notes. Absent: every entry is one row. */
  rows?: Uint16Array;
  noteRows?: Uint16Array;
  /** With month totals and ids to cite: every row's day and id, in (date, id) order — what a verdict cites
   * (the entries above then count, these are listed). */
  cite?: DayIds;
}

/** Ids of one member's dated records (lectures logged), in date order. */
export interface DayIds {
  days: Int32Array;
  ids: Float64Array;
}

/** One member's sign-ins in date order: the session, the id a verdict cites, and the status (STATUS_CODES). */
export interface AttendanceColumns {
  days: Int32Array;
  sessions: Float64Array;
  ids: Float64Array;
  status: Uint8Array;
}

/** Sign-in statuses by their code in AttendanceColumns.status. */
export const STATUS_CODES: readonly AttendanceStatus[] = ['present', 'late', 'excused', 'absent'];

/** The code of a status (an unknown one counts as absent: neither attended nor excused). */
export function statusCode(s: AttendanceStatus): number {
  const i = STATUS_CODES.indexOf(s);
  return i < 0 ? 3 : i;
}

/** No self-study (a member without any). */
export const NO_STUDY: StudyColumns = { days: new Int32Array(0), ids: new Float64Array(0), hours: new Float64Array(0), notes: new Uint8Array(0) };
/** No dated ids. */
export const NO_IDS: DayIds = { days: new Int32Array(0), ids: new Float64Array(0) };
/** No sign-ins. */
export const NO_ATTENDANCE: AttendanceColumns = { days: new Int32Array(0), sessions: new Float64Array(0), ids: new Float64Array(0), status: new Uint8Array(0) };

const DAYS = new Map<string, number>();

/** toDayNumber, remembered: the engine asks for the same few hundred period bounds ~10⁶ times an audit. */
export function dayOf(iso: string): number {
  let d = DAYS.get(iso);
  if (d === undefined) {
    d = toDayNumber(iso);
    if (DAYS.size < 100_000) DAYS.set(iso, d);
  }
  return d;
}

/** The first index of a sorted list of dates (or day numbers) at or after `date`. */
export function firstOnOrAfter<T extends string | number>(dates: ArrayLike<T>, date: T): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls `each` with the index of every row whose day falls inside the ranges (sorted, not overlapping). */
export function eachWithin(days: Int32Array, ranges: DateRange[], each: (i: number) => void): void {
  for (const r of ranges) {
    const end = dayOf(r.end);
    for (let i = firstOnOrAfter(days, dayOf(r.start)); i < days.length && days[i]! < end; i++) each(i);
  }
}

/** The ids whose days fall inside any of the ranges. */
export function idsWithin(c: DayIds, ranges: DateRange[]): number[] {
  const out: number[] = [];
  eachWithin(c.days, ranges, (i) => out.push(c.ids[i]!));
  return out;
}

/** The row order that sorts by day, rows of one day kept in their given order. */
function byDay(days: number[]): number[] {
  const order = days.map((_, i) => i);
  for (let i = 1; i < days.length; i++) if (days[i - 1]! > days[i]!) return order.sort((a, b) => days[a]! - days[b]! || a - b);
  return order;
}

/** Self-study rows gathered loose (the engine's item path), as columns. */
export function studyColumnsOf(r: { days: number[]; ids: number[]; hours: number[]; notes: number[] }): StudyColumns {
  const order = byDay(r.days);
  return {
    days: Int32Array.from(order, (i) => r.days[i]!), ids: Float64Array.from(order, (i) => r.ids[i]!),
    hours: Float64Array.from(order, (i) => r.hours[i]!), notes: Uint8Array.from(order, (i) => r.notes[i]!),
  };
}

/** Dated ids gathered loose, as columns. */
export function dayIdsOf(r: { days: number[]; ids: number[] }): DayIds {
  const order = byDay(r.days);
  return { days: Int32Array.from(order, (i) => r.days[i]!), ids: Float64Array.from(order, (i) => r.ids[i]!) };
}

/** Sign-ins gathered loose, as columns. */
export function attendanceColumnsOf(r: { days: number[]; sessions: number[]; ids: number[]; status: number[] }): AttendanceColumns {
  const order = byDay(r.days);
  return {
    days: Int32Array.from(order, (i) => r.days[i]!), sessions: Float64Array.from(order, (i) => r.sessions[i]!),
    ids: Float64Array.from(order, (i) => r.ids[i]!), status: Uint8Array.from(order, (i) => r.status[i]!),
  };
}
