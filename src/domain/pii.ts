// Masking personal numbers inside free text (messages, kept columns, file cells): anything that looks
// like an ID-card number (18 characters ending in a digit or X, the old 15-digit ones, or any longer run
// of 15–20 digits, e.g. a mistyped 19-digit ID) or a mobile number (11 digits 1[3-9]…, also written
// 138-1234-5678 or +86 …) is shown masked, so nothing leaks by accident — wherever it was typed.
import { maskIdCard, maskPhone } from './idcard.js';

/** Looks like an ID-card number: a run of 15–20 digits (17 digits + X included), bounded by non-digits —
 * not the fraction of a decimal number (0.33333333333333331 in JSON stays as it is). */
const ID_LIKE = /(?<![0-9])(?<![0-9]\.)(?:\d{17}[Xx]|\d{15,20})(?!\.?[0-9])/g;
/** Looks like a mobile number, with optional +86 and -, space or full-width space separators (138 1234 5678,
 * 138　1234　5678 as an input method types it), or written with two points (138.1234.5678 — never a number). */
const MOBILE_LIKE = /(?<![0-9])(?<![0-9]\.)(?:\+?86[- \u3000]?)?1[3-9]\d(?:(?:[- \u3000]?\d{4}){2}|\.\d{4}\.\d{4})(?!\.?[0-9])/g;

/** Looks like an ID-card number written in groups (110101 19900307 1233, 110101-1990-0307-123X): six digits,
 * then groups joined by one space, '-' or full-width space; masked when the digits add up to an ID's (18 or
 * 17 + X, or the old 15). */
const GROUPED_ID = /(?<![0-9])(?<![0-9]\.)\d{6}(?:[ \-\u3000]\d{2,8}){1,4}[Xx]?(?![0-9])/g;

/** Where a pattern could match: the start of a number (their look-behinds), then 11 digits with at most one
 * separator between two, or the two-point mobile (a superset of all; a fraction's digits never start one). */
const MAYBE_PERSONAL = /(?<![0-9])(?<![0-9]\.)(?:\d(?:[- \u3000]?\d){10}|(?:86[- \u3000]?)?1[3-9]\d\.\d{4}\.\d{4})/;

/** A grouped match of GROUPED_ID masked when it holds an ID's digits, else as it is. */
const maskGrouped = (m: string) => {
  const digits = m.replace(/[ \-\u3000]/g, '');
  return /^(?:\d{17}[\dXx]|\d{15,20})$/.test(digits) ? maskIdCard(digits.toUpperCase()) : m;
};

/** The patterns, for the property test that the quick check never skips a match (test/unit/pii.test.ts). */
export const MASK_PATTERNS = { ID_LIKE, MOBILE_LIKE, GROUPED_ID, MAYBE_PERSONAL } as const;

// What the scanner of tests and `doctor` calls a full number: a real-shaped 18-digit ID (birth date
// inside), an old 15-digit ID, and a plain mobile number.
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const OLD_ID_CARD = /(?<![0-9])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

/** The text with every ID-card-looking and mobile-looking number masked (110101********123X, 138****5678). */
export function maskPersonalData(text: string): string {
  if (FULL_WIDTH.test(text)) return maskWide(text);
  // Either pattern starts a run of at least 11 digits joined by single separators where a number starts
  // (no digit, and no digit and point, before it): text without one — the common case, a JSON list of
  // record ids or of rates like 0.9182653960790899 — is returned after one scan.
  if (!MAYBE_PERSONAL.test(text)) return text;
  let out = text;
  if (hasDigitRun(text, 15)) out = out.replace(ID_LIKE, (m) => maskIdCard(m.toUpperCase()));
  out = out.replace(GROUPED_ID, maskGrouped);
  return out.replace(MOBILE_LIKE, (m) => {
    const prefix = /^\+?86[- \u3000]?(?=1[3-9])/.exec(m)?.[0] ?? '';
    return prefix + maskPhone(m.slice(prefix.length));
  });
}

/** Full-width digits (１３９…), as a Chinese input method types them. */
const FULL_WIDTH = /[\uff10-\uff19]/;

/** The text with full-width digits, Ｘ, ＋ and － as their ASCII forms: one UTF-16 unit each, so every
 * index is the same as in the text. */
const asciiDigits = (text: string) => text.replace(/[\uff10-\uff19\uff38\uff58\uff0b\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** maskPersonalData of a text with full-width digits: the numbers found in its ASCII form are masked (the
 * masks are ASCII), everything else is kept as typed. */
function maskWide(text: string): string {
  const probe = asciiDigits(text);
  const spans: [number, number, string][] = [];
  for (const m of probe.matchAll(ID_LIKE)) spans.push([m.index, m.index + m[0].length, maskIdCard(m[0].toUpperCase())]);
  for (const m of probe.matchAll(GROUPED_ID)) {
    const [from, to] = [m.index, m.index + m[0].length];
    const masked = maskGrouped(m[0]);
    if (masked !== m[0] && !spans.some(([a, b]) => from < b && to > a)) spans.push([from, to, masked]);
  }
  for (const m of probe.matchAll(MOBILE_LIKE)) {
    const [from, to] = [m.index, m.index + m[0].length];
    if (spans.some(([a, b]) => from < b && to > a)) continue;
    const prefix = /^\+?86[- \u3000]?(?=1[3-9])/.exec(m[0])?.[0] ?? '';
    spans.push([from, to, prefix + maskPhone(m[0].slice(prefix.length))]);
  }
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to, masked] of spans) {
    out += text.slice(at, from) + masked;
    at = to;
  }
  return out + text.slice(at);
}

/** A number token of JSON text (outside strings). */
const JSON_NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON text (one or more whole values, keys or punctuation, starting outside a string) masked as
 * maskPersonalData would mask it, but still JSON: inside strings the same masking; a number that looks like a
 * phone or ID number becomes the masked number as a string ("138****5678") — masked in place, its digits
 * would leave `[138****5678]`, which no JSON reader accepts.
 */
export function maskJsonText(text: string): string {
  if (!MAYBE_PERSONAL.test(text) && !FULL_WIDTH.test(text)) return text;
  let out = '';
  let at = 0;
  while (at < text.length) {
    const quote = text.indexOf('"', at);
    const outside = text.slice(at, quote < 0 ? text.length : quote);
    out += MAYBE_PERSONAL.test(outside) ? outside.replace(JSON_NUMBER, (n) => { const m = maskPersonalData(n); return m === n ? n : JSON.stringify(m); }) : outside;
    if (quote < 0) break;
    let end = quote + 1;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 92) end += 2;
      else if (c === 34) break;
      else end++;
    }
    // Masking puts '*' over digits only: the literal stays a literal (its quotes and escapes untouched).
    out += maskPersonalData(text.slice(quote, end + 1));
    at = end + 1;
  }
  return out;
}

/** One cell or text of an output file: masked unless the user asked for full numbers (--reveal). */
export function maskedText(text: string, reveal = false): string {
  return reveal ? text : maskPersonalData(text);
}

/** Any cell value: strings masked (see maskedText), numbers that look like a phone or ID become masked text. */
export function maskedCell<T>(value: T, reveal = false): T | string {
  if (reveal) return value;
  if (typeof value === 'string') return maskPersonalData(value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1e10) {
    const s = String(value);
    const m = maskPersonalData(s);
    return m === s ? value : m;
  }
  return value;
}

/** A renderer's whole input with every string in it masked (plain objects, arrays, Maps; Dates and other
 * class instances kept as they are): the one call a file writer makes so no cell or paragraph leaks. */
export function maskDeep<T>(value: T, reveal = false): T {
  if (reveal) return value;
  const seen = new WeakMap<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskPersonalData(v);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const x of v) out.push(walk(x));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(k, walk(x));
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  return walk(value) as T;
}

/** maskDeep for a model its maker owns and nobody reads unmasked afterwards (the year report): the
 * strings that hold personal data are replaced where they are, so no copy as large as the model is made
 * (at organ scale the copy alone was ~40 MiB of the report's peak). Returns `value`. */
export function maskInPlace<T>(value: T, reveal = false): T {
  if (reveal) return value;
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') {
          const m = maskPersonalData(x);
          if (m !== x) v[i] = m;
        } else walk(x);
      }
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        if (typeof x === 'string') {
          const m = maskPersonalData(x);
          if (m !== x) v.set(k, m);
        } else walk(x);
      }
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return;
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') {
        const m = maskPersonalData(x);
        if (m !== x) o[k] = m;
      } else walk(x);
    }
  };
  walk(value);
  return value;
}

/** True when `text` holds `n` ASCII digits in a row: far cheaper than the patterns. */
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

const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** The characters a number may be written with (digits, X, +, -, space, the decimal point): a chunk
 * ending in them may be cut mid-number. */
const isNumberish = (c: number) => isDigit(c) || c === 88 || c === 120 || c === 43 || c === 45 || c === 46 || c === 32 || c === 0xff38 || c === 0xff58 || c === 0xff0b || c === 0xff0d;

/** Where the trailing run of number characters of `text` starts (text.length when there is none), and
 * whether it holds a digit: a backward scan, where the anchored pattern /[0-9Xx+\-. ]+$/ would try every
 * start position of a long chunk. */
function numberishTail(text: string): { at: number; digit: boolean } {
  let at = text.length;
  let digit = false;
  while (at > 0 && isNumberish(text.charCodeAt(at - 1))) {
    if (isDigit(text.charCodeAt(at - 1))) digit = true;
    at--;
  }
  return { at, digit };
}

/**
 * A stream filter for text written in pieces: each piece is masked, except a trailing run that may be the
 * start of a number cut by the chunking — that is held back and masked with what follows (`flush` at the end).
 */
export class PersonalDataFilter {
  private carry = '';

  /** The maskable text of `chunk` (with what was held back before); may hold back a trailing run. */
  push(chunk: string): string {
    const text = this.carry + chunk;
    const tail = numberishTail(text);
    if (!tail.digit || text.length - tail.at > 4096) {
      this.carry = '';
      return maskPersonalData(text);
    }
    this.carry = text.slice(tail.at);
    return maskPersonalData(text.slice(0, tail.at));
  }

  /** What is still held back, masked. */
  flush(): string {
    const rest = this.carry;
    this.carry = '';
    return maskPersonalData(rest);
  }
}

/** The unmasked ID-card and mobile numbers found in `text` (used by tests and `doctor`). */
export function findPersonalData(raw: string): string[] {
  const text = FULL_WIDTH.test(raw) ? asciiDigits(raw) : raw;
  return [...(text.match(ID_CARD) ?? []), ...(text.match(OLD_ID_CARD) ?? []), ...(text.match(MOBILE) ?? [])];
}
