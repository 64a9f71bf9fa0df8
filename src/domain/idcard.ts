// Chinese resident ID numbers (GB 11643-1999): checksum, birth date inside, and masking for display.
import { INVISIBLE } from './text.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCardResult = { ok: true; value: string; birthDate: string; gender: '男' | '女' } | { ok: false; reason: string };

/** The check character an 17-digit body must end with. */
export function idCardCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Validates an ID typed as text; a lower-case x is accepted and stored upper-case. */
export function validateIdCard(raw: string): IdCardResult {
  const s = raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(s)) {
    return { ok: false, reason: '这是 15 位的旧身份证号，请填写 18 位的新号码' };
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, reason: `“${raw}”不是 18 位身份证号（应为 17 位数字加 1 位数字或 X）` };
  }
  const y = +s.slice(6, 10), m = +s.slice(10, 12), d = +s.slice(12, 14);
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const realDay = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!realDay || y < 1900) return { ok: false, reason: `身份证号中的出生日期 ${birth} 不存在，请核对` };
  if (idCardCheckChar(s.slice(0, 17)) !== s[17]) {
    return { ok: false, reason: `身份证号 ${maskIdCard(s)} 校验位不对，可能有数字抄错，请核对` };
  }
  return { ok: true, value: s, birthDate: birth, gender: Number(s[16]) % 2 === 1 ? '男' : '女' };
}

/** 110101199003071234 → 110101********1234-style mask: first 6 and last 4 kept. */
export function maskIdCard(s: string): string {
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/** 13812345678 → 138****5678; landlines keep their last 4. */
export function maskPhone(s: string): string {
  const digits = s.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 4) + s.slice(-4);
}

/** Digits a Chinese phone number cannot be: 9–11 of them with no leading 0 that are neither a mobile nor a
 * 400/800 service number — a landline whose area code lost its 0 (010-66668888 typed into a 常规 cell is
 * the number 1066668888). Local numbers (7–8 digits) never start with 0, so they lose nothing. */
export function lostLeadingZero(digits: string): boolean {
  return /^[1-9]\d{8,10}$/.test(digits) && !/^1[3-9]\d{9}$/.test(digits) && !/^[48]00\d{7}$/.test(digits);
}

/** Validates a phone number (mobile or landline, with - or spaces); returns the cleaned text. `storedAsNumber`:
 * the cell held a number (a roster column in 常规 format), so a landline's leading 0 is gone, not mistyped. */
export function validatePhone(raw: string, opts: { storedAsNumber?: boolean } = {}): { ok: true; value: string } | { ok: false; reason: string } {
  const s = raw.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, '');
  // A mobile number however it is grouped (137-0013-7000, 137 0013 7000): its 11 digits.
  const mobile = s.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return { ok: true, value: mobile };
  if (lostLeadingZero(s)) {
    const shown = maskPhone(s);
    return {
      ok: false,
      reason: opts.storedAsNumber
        ? `电话号码被 Excel 存成了数字（${shown}），固定电话区号开头的 0 已丢失。请把该列设为“文本”格式后重新填写，如 010-66668888`
        : `“${shown}”不像电话号码：固定电话要带以 0 开头的区号，如 010-66668888；若开头的 0 是 Excel 去掉的，请把该列设为“文本”格式后重新填写`,
    };
  }
  if (/^(\+?\d{1,4}-?)?\d{2,4}-?\d{6,8}(-\d{1,6})?$/.test(s) || /^\(\d{2,4}\)\d{6,8}$/.test(s)) {
    return { ok: true, value: s };
  }
  return { ok: false, reason: `“${raw}”不像电话号码（手机号应为 11 位数字）` };
}
