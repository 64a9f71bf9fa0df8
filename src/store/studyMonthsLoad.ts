// Self-study for the audit's organ-scale path when no ids are cited (terminal audit, period report,
// branch comparison): whole months from study_months (kept by triggers, migration 6) — one entry a
// month, dated the 1st — and the single days only where a period can cut a month: the month holding
// the as-of date, the months at the edges of the loaded span, and a member's months of joining,
// leaving, taking or leaving a post. Month-aligned rules (month, quarter, half, year) then count exactly
// what the day-by-day columns would.
import type { StudyColumns } from '../domain/engine/columns.js';
import { addDaysIso, toDayNumber } from '../domain/periods.js';
import type { Member } from '../domain/member.js';
import type { Db } from './db.js';
import { readInts } from './groupedText.js';

/** Where the aggregate path needs days: the span, the as-of date, the members (for their own cut days). */
export interface StudyMonthsRange {
  from: string;
  toExclusive: string;
  branchId?: number;
  asOf: string;
  /** The audited span (month-aligned): only its months are loaded — the week either side of it that the
   * loaded span adds is there for weekly rules, which self-study rules are not. */
  scope: { start: string; end: string };
  /** The members loaded (already limited to the branch, when one is asked for). */
  members: Pick<Member, 'id' | 'onRollFrom' | 'onRollLeft' | 'leaderFrom' | 'leaderTo'>[];
}

const monthOf = (d: string) => d.slice(0, 7);
const nextMonth = (m: string) => (m.endsWith('-12') ? `${Number(m.slice(0, 4)) + 1}-01` : `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}`);

/** Self-study columns by member: monthly totals, and the cut months day by day. */
export function loadStudyMonths(db: Db, p: StudyMonthsRange): Map<number, StudyColumns> {
  // One index seek per member and cut month ((member_id, date) leads the table's unique index).
  const seek = db.prepare('SELECT id, date, hours, notes FROM self_study WHERE member_id = ? AND date >= ? AND date < ? ORDER BY date, id').raw(true);
  const days = (from: string, toExclusive: string, memberId: number): StudyColumns | undefined => {
    const got = seek.all(memberId, from, toExclusive) as [number, string, number, number][];
    if (!got.length) return undefined;
    const c: StudyColumns = { days: new Int32Array(got.length), ids: new Float64Array(got.length), hours: new Float64Array(got.length), notes: new Uint8Array(got.length) };
    got.forEach(([id, date, hours, notes], i) => { c.days[i] = toDayNumber(date); c.ids[i] = id; c.hours[i] = hours; c.notes[i] = notes ? 1 : 0; });
    return c;
  };
  // Months any period may cut, for everyone: the loaded span's edges and the as-of month.
  const from = p.scope.start > p.from ? p.scope.start : p.from;
  const toExclusive = p.scope.end < p.toExclusive ? p.scope.end : p.toExclusive;
  const shared = new Set<string>();
  for (const d of [from, toExclusive, addDaysIso(p.asOf, 1)]) if (!d.endsWith('-01') && d >= from && d < toExclusive) shared.add(monthOf(d));
  const own = new Map<number, Set<string>>();
  for (const m of p.members) {
    for (const d of [m.onRollFrom, m.onRollLeft, m.leaderFrom, m.leaderTo]) {
      if (!d || d.endsWith('-01') || d < from || d >= toExclusive || shared.has(monthOf(d))) continue;
      (own.get(m.id) ?? own.set(m.id, new Set()).get(m.id)!).add(monthOf(d));
    }
  }
  const fromMonth = monthOf(from);
  const toMonth = toExclusive.endsWith('-01') ? monthOf(toExclusive) : nextMonth(monthOf(toExclusive));
  const br = p.branchId === undefined ? '' : ' AND member_id IN (SELECT id FROM members WHERE branch_id = ?)';
  // One row per member (group_concat): SQLite walks its (member, month) key once, and a few thousand
  // strings are split here instead of ~60,000 row arrays made.
  const grouped = db.prepare(`SELECT member_id, count(*), group_concat(month), group_concat(micro_hours), group_concat(rows), group_concat(note_rows), group_concat(note_days) FROM study_months WHERE month >= ? AND month < ?${br} GROUP BY member_id ORDER BY member_id`)
    .raw(true).all(...[fromMonth, toMonth, ...(p.branchId === undefined ? [] : [p.branchId])]) as [number, number, string, string, string, string, string][];

  // The day-by-day parts: the shared cut months for everyone, each member's own cut months for them.
  const daily = new Map<number, { month: string; c: StudyColumns }[]>();
  const put = (id: number, month: string, c: StudyColumns | undefined) => { if (c) (daily.get(id) ?? daily.set(id, []).get(id)!).push({ month, c }); };
  for (const month of shared) {
    const start = `${month}-01` < from ? from : `${month}-01`;
    const end = `${nextMonth(month)}-01` > toExclusive ? toExclusive : `${nextMonth(month)}-01`;
    if (start < end) for (const m of p.members) put(m.id, month, days(start, end, m.id));
  }
  for (const [id, months] of own) for (const month of months) put(id, month, days(`${month}-01`, `${nextMonth(month)}-01`, id));

  // Per member: month by month, a total or that month's days. The totals come ordered by month; a
  // member's cut months (few) are merged in by month.
  const out = new Map<number, StudyColumns>();
  const monthDay = new Map<string, number>();
  const dayOfMonth = (month: string) => monthDay.get(month) ?? monthDay.set(month, toDayNumber(`${month}-01`)).get(month)!;
  const isCut = (id: number, month: string) => shared.has(month) || (own.get(id)?.has(month) ?? false);
  const build = (id: number, t: Totals) => {
    const cut = daily.get(id)?.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)) ?? [];
    let n = 0;
    for (const month of t.months) if (!isCut(id, month)) n++;
    for (const d of cut) n += d.c.days.length;
    const c: StudyColumns = { days: new Int32Array(n), ids: new Float64Array(n), hours: new Float64Array(n), notes: new Uint8Array(n), rows: new Uint16Array(n), noteRows: new Uint16Array(n) };
    let i = 0;
    let next = 0;
    const putCut = (d: { c: StudyColumns }) => {
      for (let k = 0; k < d.c.days.length; k++, i++) {
        c.days[i] = d.c.days[k]!; c.ids[i] = d.c.ids[k]!; c.hours[i] = d.c.hours[k]!; c.notes[i] = d.c.notes[k]!; c.rows![i] = 1; c.noteRows![i] = d.c.notes[k]!;
      }
    };
    for (let k = 0; k < t.months.length; k++) {
      const month = t.months[k]!;
      if (isCut(id, month)) continue;
      while (next < cut.length && cut[next]!.month < month) putCut(cut[next++]!);
      c.days[i] = dayOfMonth(month); c.hours[i] = t.micro[k]! / 1e6; c.notes[i] = t.noteDays[k]!; c.rows![i] = t.rows[k]!; c.noteRows![i] = t.noteRows[k]!; i++;
    }
    while (next < cut.length) putCut(cut[next++]!);
    out.set(id, c);
  };
  for (const [id, n, months, micro, rows, noteRows, noteDays] of grouped) {
    const t: Totals = { months: months.split(','), micro: readInts(micro, n), rows: readInts(rows, n), noteRows: readInts(noteRows, n), noteDays: readInts(noteDays, n) };
    // group_concat keeps the key's order in practice; sorted here when it did not.
    if (t.months.some((m, k) => k > 0 && t.months[k - 1]! > m)) sortTotals(t);
    build(id, t);
  }
  // Members with cut months and no whole month of totals.
  const none: Totals = { months: [], micro: new Float64Array(0), rows: new Float64Array(0), noteRows: new Float64Array(0), noteDays: new Float64Array(0) };
  for (const id of daily.keys()) if (!out.has(id)) build(id, none);
  return out;
}

/** One member's monthly totals, column by column, in month order. */
interface Totals {
  months: string[];
  micro: Float64Array;
  rows: Float64Array;
  noteRows: Float64Array;
  noteDays: Float64Array;
}

function sortTotals(t: Totals): void {
  const order = t.months.map((_, k) => k).sort((a, b) => (t.months[a]! < t.months[b]! ? -1 : 1));
  t.months = order.map((k) => t.months[k]!);
  for (const key of ['micro', 'rows', 'noteRows', 'noteDays'] as const) t[key] = Float64Array.from(order, (k) => t[key][k]!);
}
