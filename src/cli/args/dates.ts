// Date-like flags, parsed once for every command: a day (--date, --from, --as-of …) and --year, each error
// in one wording that names the flag, says what is wrong and how to write it.
import { parseDate } from '../../domain/dates.js';
import { UserError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { yearFlag } from './numbers.js';

const DAY_HINT = '请写成 2026-03-01 这样的“年-月-日”格式。';

/** A calendar day typed after a flag: 2026-03-01, 2026/3/1, 2026年3月1日 … but not a month alone. */
export function dayFlag(flag: string, raw: string): string {
  const r = parseDate(raw);
  if (!r.ok) throw new UserError(`${flag} 的取值“${raw}”不是有效日期：${r.reason}。`, [DAY_HINT]);
  if (r.value.precision !== 'day') throw new UserError(`${flag} 的取值“${raw}”只写到了月份，这里需要具体到哪一天。`, [DAY_HINT]);
  return r.value.iso;
}

/** The day a flag names, or `fallback` (today, as a rule) when the flag is absent. */
export function dayFlagOr(flag: string, raw: string | undefined, fallback: string): string {
  return raw === undefined ? fallback : dayFlag(flag, raw);
}

/** The as-of date from --as-of, or today. */
export function auditAsOf(ctx: AppContext, raw: string | undefined): string {
  return dayFlagOr('--as-of', raw, ctx.today());
}

/** The year a --year flag names (2000–2100; “2027” or “2027年”), or the current year. */
export function yearOf(ctx: AppContext, raw: string | undefined): number {
  return raw === undefined ? Number(ctx.today().slice(0, 4)) : yearFlag('--year', raw);
}
