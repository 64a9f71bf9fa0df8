// The one rule for text typed by many hands (SPEC §5.1 "kept as typed"): only what identifies or counts
// is normalised — names (cleanName), and ID/phone numbers, dates, numbers, category and status words
// (cleanText, through their own parsers) — so that the same thing typed two ways matches. Every other text
// (titles, topics, places, 职务, notes, reasons, unknown columns) goes through keepText: stored exactly as
// typed, full-width punctuation included (`线上党课：党的创新理论（第一讲）` stays byte for byte).

/** Every mark typed as the 间隔号 in a name: · U+00B7 (the one kept), • U+2022, ‧ U+2027 (the hyphenation point
 * Word and some input methods give), ・ U+30FB, ･ U+FF65, ∙ U+2219, ⋅ U+22C5, ● U+25CF, ． U+FF0E, a plain
 * full stop, ⸱ U+2E31, ⸳ U+2E33, ꞏ U+A78F. (Greek · U+0387 is U+00B7 after NFKC.) */
const DOTS = /[•\u2027・･∙⋅●．.\u2e31\u2e33\ua78f]/g;

/** Text kept as typed: only the blank space around it is dropped (an all-blank cell is empty). */
export function keepText(s: string): string {
  return s.trim();
}

/** For words that identify or count only (never stored text): full-width digits/letters/spaces to ASCII,
 * trimmed, inner runs of spaces collapsed. */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').replace(/[\u00a0\u3000\s]+/g, ' ').trim();
}

/** Characters that show as nothing — zero-width spaces and joiners, a BOM, a soft hyphen — which text pasted
 * from WeChat or a web page carries: dropped from what identifies or counts. */
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** A person's name: no spaces at all (张 三 → 张三), one kind of middle dot (阿依古丽•买买提 → ·). */
export function cleanName(s: string): string {
  return cleanText(s)
    .replace(/\s+/g, '')
    .replace(DOTS, '·')
    .replace(/·+/g, '·');
}

/** Kept text as compared when looking something up by it (a book by its title): full-width forms folded
 * and spaces dropped on both sides, so 之江新语(第二版) finds 之江新语（第二版）. Never stored. */
export function textKey(s: string): string {
  return cleanText(s).replace(/\s/g, '');
}

/** A name as compared when looking someone up: cleaned, and without its 间隔号 (古丽娜尔艾买提). */
export function nameWithoutDots(s: string): string {
  return cleanName(s).replace(/·/g, '');
}

/** Whether a cleaned name looks like a person's name (CJK with optional ·, or Latin letters). */
export function isPlausibleName(s: string): boolean {
  if (s.length < 1 || s.length > 30) return false;
  return /^[\p{Script=Han}A-Za-z·\-'’\p{Script=Latin}]+$/u.test(s) && !/\d/.test(s);
}

/** Chinese display of a yes/no column: 是/否, ✓, √, Y, 1 … */
export function parseYesNo(s: string): boolean | undefined {
  const t = cleanText(s).toLowerCase();
  if (t === '') return undefined;
  if (['是', '√', '✓', '✔', 'y', 'yes', '1', 'true', '班子成员', '支委'].includes(t)) return true;
  if (['否', '×', '✗', 'x', 'n', 'no', '0', 'false', '不是', '-', '/'].includes(t)) return false;
  return undefined;
}

/**
 * A title in 《》, added only when needed: 《之江新语》 stays as typed, 之江新语 becomes 《之江新语》, and a
 * topic that already holds a title (学习《中国共产党纪律处分条例》) is quoted “…” instead of wrapped twice.
 */
export function bookTitle(t: string): string {
  const s = t.trim();
  if (/^《[^《》]*》$/.test(s)) return s;
  if (/[《》]/.test(s)) return `“${s}”`;
  return `《${s}》`;
}

/** Longest cell value a message quotes; a longer one is cut with “…”. */
export const QUOTE_LIMIT = 50;

/** A message with every quoted value (“…” or "…") longer than QUOTE_LIMIT cut to it, and the whole bounded. */
export function clipQuotes(message: string): string {
  const out = message.replace(/“([^”]*)”/g, (m, v: string) => ([...v].length > QUOTE_LIMIT ? `“${[...v].slice(0, QUOTE_LIMIT).join('')}…”` : m));
  return out.length > 2000 ? `${out.slice(0, 2000)}…` : out;
}
