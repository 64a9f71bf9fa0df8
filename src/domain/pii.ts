// Masking personal numbers inside free text (batch arguments, messages): an 18-digit ID-card number or an
// 11-digit mobile number anywhere in a string is shown masked, so nothing leaks by accident.
import { maskIdCard, maskPhone } from './idcard.js';

const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

/** The text with every full ID-card and mobile number masked (110101********123X, 138****5678). */
export function maskPersonalData(text: string): string {
  if (!hasDigitRun(text, 11)) return text;
  return text.replace(ID_CARD, (m) => maskIdCard(m.toUpperCase())).replace(MOBILE, (m) => maskPhone(m));
}

/** True when `text` holds `n` ASCII digits in a row (both numbers need 11 or more): most text has none,
 * and this scan is far cheaper than the first run of the two patterns. */
function hasDigitRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= n) return true;
    } else run = 0;
  }
  return false;
}

/** The unmasked ID-card and mobile numbers found in `text` (used by tests and `doctor`). */
export function findPersonalData(text: string): string[] {
  return [...(text.match(ID_CARD) ?? []), ...(text.match(MOBILE) ?? [])];
}
