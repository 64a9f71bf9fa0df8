// How a report period is named in Chinese (2026年第一季度, 2026年上半年, 2026年3月, 2026年度) and the
// default file names `report` writes when --xlsx/--docx/--md are given without one.
import { PERIOD_NOUNS, periodWordsTight, quarterWords, type Period } from '../domain/periods.js';

/** The period kinds a report covers. */
export type ReportKind = 'month' | 'quarter' | 'half' | 'year';
const REPORT_KINDS: readonly ReportKind[] = ['month', 'quarter', 'half', 'year'];

/** “2026年第一季度”, “2026年上半年”, “2026年3月”, “2026年度”: the period model's words, as prose writes them. */
export const periodLabel = periodWordsTight;

/** “本年度”, “本季度”…: how the summary refers to its own period. */
export function periodNoun(kind: string): string {
  return REPORT_KINDS.includes(kind as ReportKind) ? PERIOD_NOUNS[kind as ReportKind] : '本期';
}

/** A date as Chinese text: 2026-12-31 → 2026年12月31日. */
export function dateText(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Default output names: 2026年度学习台账.xlsx, 2026年度学习型党组织建设工作总结.docx / .md. */
export function defaultFileName(p: Pick<Period, 'kind' | 'id'>, what: 'xlsx' | 'docx' | 'md' | 'pdf'): string {
  const label = periodLabel(p);
  return what === 'xlsx' ? `${label}学习台账.xlsx` : `${label}学习型党组织建设工作总结.${what}`;
}

/** A verdict period in words for the written summary: 3月, 第三季度, 上半年, 第6周, 2026年. */
export function shortPeriodText(id: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^\d{4}-(\d{2})$/.exec(id))) return `${Number(m[1])}月`;
  if ((m = /^\d{4}-Q([1-4])$/.exec(id))) return quarterWords(Number(m[1]));
  if ((m = /^\d{4}-H([12])$/.exec(id))) return m[1] === '1' ? '上半年' : '下半年';
  if ((m = /^\d{4}-W(\d{2})$/.exec(id))) return `第${Number(m[1])}周`;
  if (/^\d{4}$/.test(id)) return `${id}年`;
  return id;
}

/** Drops the spaces the engine puts around numbers next to Chinese (“差 1 次” → “差1次”), as official prose has none. */
export function tightCjk(s: string): string {
  return s.replace(/(?<=[\u3000-\u9fff\uff00-\uffef（）])\s+(?=[\w.%-])|(?<=[\w.%])\s+(?=[\u3000-\u9fff\uff00-\uffef（）])/g, '');
}
