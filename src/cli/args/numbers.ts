// Numbers typed on the command line — after a flag (--limit, --top, --days, --hours, --year …) or as an
// argument (the number of a session, book, write batch or record) — read in this one place: decimal
// digits only (full-width digits and points are normalised), never hex, an exponent, an empty or blank
// value, and always within a range, so nothing odd reaches SQLite or sizes an array.
import { INVISIBLE } from '../../domain/text.js';
import { UserError } from '../../shared/errors.js';

/** How a number flag is bounded and described in its error. */
export interface NumberRule {
  min: number;
  max: number;
  /** The lower bound itself is not allowed (hours: more than 0). */
  minExclusive?: boolean;
  /** What the number counts, for the message: 条数, 人数, 天数 … */
  what: string;
  /** A value to show in the hint, e.g. 10. */
  example: string | number;
}

/** What was typed with full-width digits and points made ASCII and the blanks around it removed. */
export function numberText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** Digits only: 12, ０１２. */
export function isWholeText(t: string): boolean {
  return /^\d+$/.test(t);
}

/** Digits with an optional decimal part: 2, 1.5. */
export function isDecimalText(t: string): boolean {
  return /^\d+(?:\.\d+)?$/.test(t);
}

function rangeText(r: NumberRule): string {
  return r.minExclusive ? `大于 ${r.min} 且不超过 ${r.max}` : `${r.min} 到 ${r.max} 之间`;
}

function readNumber(flag: string, raw: string, r: NumberRule, whole: boolean): number {
  const t = numberText(raw);
  const kind = whole ? '整数' : '数';
  const how = `请写${rangeText(r)}的${kind}（${r.what}），如 ${flag} ${r.example}。`;
  if (t === '') throw new UserError(`${flag} 的取值为空：${r.what}没有填写。`, [how, `不需要时请去掉 ${flag}。`]);
  if (!(whole ? isWholeText(t) : isDecimalText(t))) {
    const why = whole && isDecimalText(t) ? '应为整数' : `不是${whole ? '整数' : '数字'}，只能用 0–9 这十个数字${whole ? '' : '和小数点'}`;
    throw new UserError(`${flag} 的取值“${raw}”无效：${why}。`, [how]);
  }
  const n = Number(t);
  const low = r.minExclusive ? n <= r.min : n < r.min;
  if (low || n > r.max || !Number.isFinite(n)) throw new UserError(`${flag} 的取值“${raw}”无效：超出范围。`, [how]);
  return n;
}

/** A whole number typed after `flag`, within the rule's range, or an error naming the flag. */
export function intFlag(flag: string, raw: string, r: NumberRule): number {
  return readNumber(flag, raw, r, true);
}

/** A number with an optional decimal part (2, 1.5) typed after `flag`, within the rule's range. */
export function decimalFlag(flag: string, raw: string, r: NumberRule): number {
  return readNumber(flag, raw, r, false);
}

/** A year typed after `flag` (2027, “2027年”, full-width digits too), 2000–2100. */
export function yearFlag(flag: string, raw: string): number {
  const t = numberText(raw).replace(/年$/, '');
  if (!/^\d{4}$/.test(t) || +t < 2000 || +t > 2100) throw new UserError(`${flag} 的取值“${raw}”无效，应写成 2027 这样的年份。`);
  return Number(t);
}

/** The number of a record (session, book, batch, evidence item, member) from the digits typed; `what`
 * names the argument or flag and `hint` says where the numbers are listed. */
export function recordNumber(digits: string, raw: string, what: string, hint: string): number {
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UserError(`${what}“${raw}”无效：编号是从 1 开始的整数${n < 1 ? '' : '，这个数太大'}，没有这样的编号。`, [hint]);
  }
  return n;
}
