// Checking the values typed after `member` flags: each check names the flag, says what is wrong and how
// to write it, so nothing half-valid reaches the database.
import { validateIdCard, validatePhone, maskIdCard, maskPhone } from '../../domain/idcard.js';
import { parseDate } from '../../domain/dates.js';
import { parseCategory } from '../../domain/member.js';
import { cleanName, cleanText, isPlausibleName, keepText } from '../../domain/text.js';
import { UserError } from '../../shared/errors.js';

/** A calendar day (interval bounds): the one day-flag parser, re-exported for the member commands. */
export { dayFlag } from './dates.js';

/** 出生年月: a month (1985-03) or a day (1985-03-01). */
export function birthFlag(raw: string): string {
  const r = parseDate(raw);
  if (!r.ok) throw new UserError(`--birth 的取值“${raw}”不是有效日期：${r.reason}。`, ['请写成 1985-03 或 1985-03-01 这样的格式。']);
  return r.value.iso;
}

export function nameFlag(flag: string, raw: string): string {
  const name = cleanName(raw);
  if (!isPlausibleName(name)) {
    throw new UserError(`${flag} 的取值“${raw}”不像人名。`, ['姓名只能由汉字、字母和间隔号“·”组成，不能含数字；请核对。']);
  }
  return name;
}

export function idCardFlag(raw: string): { value: string; birthDate: string; gender: '男' | '女' } {
  const r = validateIdCard(raw);
  if (!r.ok) throw new UserError(`--id-card：${r.reason}。`, ['没有写入任何数据。请核对身份证号后重新输入（18 位，末位可以是 X）。']);
  return r;
}

export function phoneFlag(raw: string): string | null {
  if (!cleanText(raw)) return null;
  const r = validatePhone(raw);
  if (!r.ok) throw new UserError(`--phone：${r.reason}。`, ['请写成 11 位手机号，或带区号的座机号（如 010-12345678）。']);
  return r.value;
}

export function genderFlag(raw: string): string {
  const t = cleanText(raw).replace(/性$/, '');
  if (t === '男' || t === '女') return t;
  throw new UserError(`--gender 的取值“${raw}”无效，只能写“男”或“女”。`);
}

export function categoryFlag(raw: string): string {
  const c = parseCategory(raw);
  if (!c) throw new UserError(`--category 的取值“${raw}”无效。`, ['人员类别只能是：正式、预备 或 群众（也可写 正式党员、预备党员）。']);
  return c;
}

/** 党内职务, kept as typed (text.ts keepText); “无” or an empty value clears it. */
export function postFlag(raw: string): string | null {
  const t = keepText(raw);
  return t === '' || t === '无' ? null : t;
}

const SECRET: Record<string, (s: string) => string> = { idCard: maskIdCard, phone: maskPhone };

/** The command line as recorded in the batch (for `history`), with ID and phone numbers masked. */
export function batchArgs(positional: string[], opts: object): string {
  const parts = [...positional];
  for (const [k, v] of Object.entries(opts)) {
    if (v === undefined) continue;
    const flag = `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (v === true) parts.push(flag);
    else if (v === false) parts.push(flag.replace(/^--/, '--no-'));
    else parts.push(flag, (SECRET[k] ?? String)(String(v)));
  }
  return parts.map((p) => (/[\s'"]/.test(p) ? JSON.stringify(p) : p)).join(' ');
}
