// Reading one evidence field from whatever was typed — a ledger cell (text, number, Excel date) or a
// `log` flag — and checking one item as a whole (end not before start, research days). Both the
// ledger import and `log` use these, so a value is accepted or refused the same way everywhere.
import { futureDayReason, isFutureDay, parseDate } from './dates.js';
import type { EvidenceField, RecordSpec } from './evidenceKinds.js';
import { cellText, isBlank, type Cell } from './grid.js';
import { parseIsbn } from './isbn.js';
import { daysBetween } from './periods.js';
import { cleanText, keepText, parseYesNo } from './text.js';

/** A stored value: dates and text as strings, numbers, yes/no, or nothing. */
export type FieldValue = string | number | boolean | null;

/** One item's values by field key. */
export type ItemValues = Record<string, FieldValue>;

export type ParsedField = { ok: true; value: FieldValue } | { ok: false; message: string };

/** A problem with one field of one item (`key` names the field, so callers can point at a cell or flag). */
export interface ItemProblem {
  key: string;
  message: string;
}

/** A number as typed, and the unit words each field may carry after it (学时: hours, or minutes read as
 * hours; 字数: 字; 天数: 天; 听众人数: 人; 成绩: 分; 必学年度: 年) — a unit of another field (3天 as 学时) is refused. */
const NUM = String.raw`([+-]?\d+(?:\.\d+)?)`;
const HOUR_WORDS = '(?:个?小时|个?钟头|学时|课时|h|hrs?|hours?)';
const MINUTE_WORDS = '(?:分钟|分|min|mins|minutes?)';
const UNIT_WORDS: Record<string, string> = { chars: '个?字', days: '[天日]', audience: '(?:人次|人|名)', score: '分', requiredYear: '年度?' };
const unitRe = (words: string) => new RegExp(String.raw`^${NUM}\s*(?:${words})?$`, 'i');
const UNIT_RES = Object.fromEntries(Object.entries(UNIT_WORDS).map(([k, w]) => [k, unitRe(w)]));
const BARE = unitRe('(?!)');
const HOURS = unitRe(HOUR_WORDS);
const MINUTES = new RegExp(String.raw`^${NUM}\s*${MINUTE_WORDS}$`, 'i');
const HOURS_MINUTES = new RegExp(String.raw`^${NUM}\s*${HOUR_WORDS}\s*(\d{1,2})\s*${MINUTE_WORDS}$`, 'i');
const HALF_HOURS = /^(\d+)?\s*个?半\s*(?:个?小时|个?钟头)$/;
/** Digits grouped by thousands (1,500 or 12,345.5): the only commas a number may hold. */
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)/;

/** Minutes as hours, to two decimals (20 分钟 → 0.33, 90 分钟 → 1.5) — as a 1:20 time cell is read. */
const minutesAsHours = (min: number) => Math.round((min / 60) * 100) / 100;

/** The number typed text holds for field `key`: a bare number or one with the field's unit; for 学时 also
 * 90分钟, 1小时30分, 1:30, 半小时, 1个半小时. NaN when it holds none; a string when it cannot be told. */
function numberOfText(key: string, typed: string): number | string {
  let t = cleanText(typed);
  if (/\d[,]\d/.test(t)) {
    if (!THOUSANDS.test(t)) return `中的逗号看不出是小数点还是千位分隔：是小数请写成 ${t.replace(/,/g, '.')}，是整数请写成 ${t.replace(/,/g, '')}`;
    t = t.replace(/,/g, '');
  }
  if (key !== 'hours') return Number((UNIT_RES[key] ?? BARE).exec(t)?.[1] ?? NaN);
  let m: RegExpExecArray | null;
  if ((m = HOURS.exec(t))) return Number(m[1]);
  if ((m = MINUTES.exec(t))) return minutesAsHours(Number(m[1]));
  if ((m = HOURS_MINUTES.exec(t)) && Number(m[2]) < 60) return minutesAsHours(Number(m[1]) * 60 + Number(m[2]));
  if ((m = /^(\d{1,2})[:](\d{2})$/.exec(t)) && Number(m[2]) < 60) return minutesAsHours(Number(m[1]) * 60 + Number(m[2]));
  if ((m = HALF_HOURS.exec(t))) return Number(m[1] ?? 0) + 0.5;
  return NaN;
}

/** Hours typed as a time in a time-formatted cell (1:30 → 1.5): the cell holds a time of day on the
 * spreadsheet's day zero (1899-12-30, or 1904-01-01 in the 1904 date system); undefined otherwise. */
function hoursOfTime(v: Date): number | undefined {
  for (const zero of [Date.UTC(1899, 11, 30), Date.UTC(1904, 0, 1)]) {
    const ms = v.getTime() - zero;
    if (ms > 0 && ms < 2 * 86_400_000) return Math.round(ms / 36_000) / 100;
  }
  return undefined;
}

function parseNumber(f: EvidenceField, v: Cell | string): ParsedField {
  const time = v instanceof Date && f.key === 'hours' ? hoursOfTime(v) : undefined;
  const raw = time ?? (typeof v === 'number' ? v : numberOfText(f.key, cellText(v)));
  const shown = v instanceof Date && time !== undefined ? `${Math.floor(time)}:${String(Math.round((time % 1) * 60)).padStart(2, '0')}` : cellText(v);
  if (typeof raw === 'string') return { ok: false, message: `${f.label}“${shown}”${raw}` };
  if (!Number.isFinite(raw)) {
    if (f.key === 'hours') return { ok: false, message: `${f.label}“${shown}”不是小时数，请填写数字（如 1 或 1.5）；按分钟计的请写明分钟（如 90分钟）` };
    return { ok: false, message: `${f.label}“${shown}”不是数字，请填写数字` };
  }
  if (f.type === 'int' && !Number.isInteger(raw)) return { ok: false, message: `${f.label}“${shown}”应为整数` };
  const low = f.min !== undefined && (f.minExclusive ? raw <= f.min : raw < f.min);
  const high = f.max !== undefined && raw > f.max;
  if (low || high) {
    const lower = f.min === undefined ? '' : f.minExclusive ? `大于 ${f.min}` : `不小于 ${f.min}`;
    const upper = f.max === undefined ? '' : `不超过 ${f.max}`;
    return { ok: false, message: `${f.label}“${shown}”超出范围：须${lower && upper ? `${lower} 且${upper}` : lower || upper}` };
  }
  return { ok: true, value: raw };
}

function parseEnum(f: EvidenceField, v: Cell | string): ParsedField {
  const t = cleanText(cellText(v)).replace(/\s/g, '');
  const options = f.options ?? [];
  const near = t.length >= 2 ? options.filter((o) => o.startsWith(t) || t.startsWith(o)) : [];
  const hit = options.find((o) => o === t) ?? (near.length === 1 ? near[0] : undefined);
  if (hit) return { ok: true, value: hit };
  return { ok: false, message: `${f.label}“${cellText(v)}”无效，请从下拉列表中选择：${options.join('、')}` };
}

/** One field from a cell or typed text; blank gives the fallback (or null), or a problem when required. */
export function parseFieldValue(f: EvidenceField, v: Cell | string | undefined): ParsedField {
  if (v === undefined || isBlank(v as Cell)) {
    if (f.required) return { ok: false, message: `${f.label}没有填写` };
    return { ok: true, value: f.fallback ?? null };
  }
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    if ('error' in v) return { ok: false, message: `单元格是错误值 ${v.error}，请改成正确的${f.label}` };
    return { ok: false, message: '公式没有计算结果，请在 Excel 或 WPS 中打开此文件、保存后再导入' };
  }
  switch (f.type) {
    case 'date': {
      const d = parseDate(v);
      if (!d.ok) return { ok: false, message: `${f.label}“${cellText(v)}”不是有效日期：${d.reason}` };
      if (d.value.precision !== 'day') return { ok: false, message: `${f.label}“${cellText(v)}”只写到了月份，请写到哪一天，如 2026-03-10` };
      return { ok: true, value: d.value.iso };
    }
    case 'number':
    case 'int':
      return parseNumber(f, v);
    case 'enum':
      return parseEnum(f, v);
    case 'bool': {
      const t = cleanText(cellText(v));
      const b = parseYesNo(t) ?? ({ 有: true, 无: false, 没有: false, 合格: true, 不合格: false, 通过: true, 未通过: false } as Record<string, boolean>)[t];
      if (b === undefined) return { ok: false, message: `${f.label}“${t}”无法识别，请填“是”或“否”` };
      return { ok: true, value: b };
    }
    default: {
      const t = keepText(cellText(v));
      if (t.length > 500) return { ok: false, message: `${f.label}太长（${t.length} 字），请控制在 500 字以内` };
      return { ok: true, value: t };
    }
  }
}

/** Checks across the fields of one item and fills derived values (research days, the bare ISBN); mutates
 * `values`. With `today`, a date after it is refused: nothing in the future is recorded as done. */
export function checkItem(kind: RecordSpec, values: ItemValues, today?: string): ItemProblem[] {
  const out: ItemProblem[] = [];
  if (today !== undefined) {
    for (const f of kind.fields) {
      const v = values[f.key];
      if (f.type === 'date' && typeof v === 'string' && isFutureDay(v, today)) out.push({ key: f.key, message: futureDayReason(f.label, v, today) });
    }
    if (out.length) return out;
  }
  const from = values.from ?? values.started;
  const to = values.to ?? values.finished;
  const toKey = 'to' in values ? 'to' : 'finished';
  if (typeof from === 'string' && typeof to === 'string' && to < from) {
    const f = kind.fields.find((x) => x.key === toKey)!;
    out.push({ key: toKey, message: `${f.label} ${to} 早于${kind.fields.find((x) => x.key === (toKey === 'to' ? 'from' : 'started'))!.label} ${from}，请核对` });
  } else if (kind.id === 'research' && typeof from === 'string' && typeof to === 'string') {
    const span = daysBetween(from, to) + 1;
    if (values.days === null || values.days === undefined) values.days = span;
    else if ((values.days as number) > span) out.push({ key: 'days', message: `天数 ${values.days} 多于 ${from} 至 ${to} 的 ${span} 天，请核对` });
  }
  // Wherever a book enters (the catalogue, a reading), its ISBN is checked by its check digit and kept as bare digits.
  if (typeof values.isbn === 'string' && values.isbn) {
    const r = parseIsbn(values.isbn);
    if (r.ok) values.isbn = r.isbn;
    else out.push({ key: 'isbn', message: `ISBN“${values.isbn}”无效：${r.reason}。不清楚时可留空` });
  }
  return out;
}

/** The natural key of an item as one string (member first), to find duplicates within a file. */
export function itemKey(kind: RecordSpec, memberId: number, values: ItemValues): string {
  return [memberId, ...kind.key.map((k) => String(values[k] ?? ''))].join('\u0001');
}
