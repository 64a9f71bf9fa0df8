// Date-like flags shared by several commands: --as-of and --year.
import { parseIsoDay } from '../../domain/dates.js';
import { UserError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';

/** The as-of date from --as-of (2026-07-15, 2026/7/15, 2026年7月15日…) or today. */
export function auditAsOf(ctx: AppContext, raw: string | undefined): string {
  if (raw === undefined) return ctx.today();
  const d = parseIsoDay(raw);
  if (!d) throw new UserError(`--as-of 的取值“${raw}”不是有效日期，请写成 2026-07-15 这样的格式。`);
  return d;
}

/** The year a --year flag names (2000–2100; “2027” or “2027年”), or the current year. */
export function yearOf(ctx: AppContext, raw: string | undefined): number {
  if (raw === undefined) return Number(ctx.today().slice(0, 4));
  const y = Number(raw.normalize('NFKC').trim().replace(/年$/, ''));
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UserError(`--year 的取值“${raw}”无效，应写成 2027 这样的年份。`);
  return y;
}
