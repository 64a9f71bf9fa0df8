// The years the database holds records for (sessions, sign-ins, study records), so that an audit of a
// year with none can say so instead of reporting every quota unmet.
import type { Db } from './db.js';

const DATED: [table: string, column: string][] = [
  ['sessions', 'date'], ['self_study', 'date'], ['lectures', 'date'], ['readings', 'finished'], ['writings', 'date'],
  ['research', 'date_from'], ['talks', 'date'], ['trainings', 'date_from'], ['exams', 'date'], ['exchanges', 'date'],
];

/** Every year with at least one session or study record, ascending (sign-ins belong to their session's year). */
export function yearsWithRecords(db: Db): number[] {
  const parts = DATED.map(([t, c]) => `SELECT DISTINCT substr(${c}, 1, 4) AS y FROM ${t} WHERE ${c} IS NOT NULL`);
  const rows = db.prepare(`SELECT DISTINCT y FROM (${parts.join(' UNION ')}) ORDER BY y`).all() as { y: string }[];
  return rows.map((r) => Number(r.y)).filter((y) => Number.isInteger(y));
}

/** Whether `year` holds any session or study record: the audit's cheap check before it runs (the first
 * table with a row in the year answers; sessions, the usual one, through its date index). */
export function hasRecordsIn(db: Db, year: number): boolean {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return DATED.some(([t, c]) => db.prepare(`SELECT 1 FROM ${t} WHERE ${c} >= ? AND ${c} < ? LIMIT 1`).get(from, to) !== undefined);
}
