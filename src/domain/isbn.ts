// ISBN checking (GB/T 5795): ISBN-13 (978/979, weights 1,3) and ISBN-10 (weights 10…1, X = 10), with
// hyphens and spaces ignored; stored as the bare digits.

/** The ISBN as stored (digits, with a final X for ISBN-10), or a reason in Chinese. */
export function parseIsbn(raw: string): { ok: true; isbn: string } | { ok: false; reason: string } {
  const t = raw.normalize('NFKC').replace(/^ISBN[:：]?\s*/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{13}$/.test(t)) {
    if (!t.startsWith('978') && !t.startsWith('979')) return { ok: false, reason: '13 位书号应以 978 或 979 开头' };
    const sum = [...t.slice(0, 12)].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
    const check = (10 - (sum % 10)) % 10;
    return check === Number(t[12]) ? { ok: true, isbn: t } : { ok: false, reason: `校验位应为 ${check}，请核对是否抄错` };
  }
  if (/^\d{9}[\dX]$/.test(t)) {
    const sum = [...t].reduce((s, c, i) => s + (c === 'X' ? 10 : Number(c)) * (10 - i), 0);
    return sum % 11 === 0 ? { ok: true, isbn: t } : { ok: false, reason: '校验位不对，请核对是否抄错' };
  }
  return { ok: false, reason: '应为 13 位（978 开头）或 10 位数字，可带短横线' };
}
