// Normalising text typed by many hands: full-width characters, stray spaces, the many "middle dots".

const DOTS = /[•・･∙⋅●．.]/g;

/** Full-width digits/letters/spaces to ASCII, trimmed, inner runs of spaces collapsed. */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(/[\u00a0\u3000\s]+/g, ' ').trim();
}

/** A person's name: no spaces at all (张 三 → 张三), one kind of middle dot (阿依古丽•买买提 → ·). */
export function cleanName(s: string): string {
  return cleanText(s)
    .replace(/\s+/g, '')
    .replace(DOTS, '·')
    .replace(/·+/g, '·');
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
