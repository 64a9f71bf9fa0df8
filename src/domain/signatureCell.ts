// What a 签名 cell on a paper sign-in sheet says. Secretaries do not only collect signatures there: they
// write 请假 or 缺席 for someone who did not come, or strike the cell through with “/” or “—”. Read as a
// signature, each of those became 出席.
import { parseStatusText, type ParsedStatus } from './attendanceStatus.js';

/** blank: nothing written; signed: a signature (出席 unless the 状态 says otherwise); struck: a dash, slash or
 * 无 — deliberately not signed, read as a blank line; status: a status word (请假, 缺席, 迟到, 病假 …). */
export type SignatureReading =
  | { kind: 'blank' }
  | { kind: 'signed' }
  | { kind: 'struck'; text: string }
  | { kind: 'status'; text: string; parsed: ParsedStatus };

/** Dashes, slashes, tildes, underscores and crosses drawn through a cell, in every width Excel and IMEs type. */
const STRUCK = /^[-‐‑‒–—―─━﹣－_＿\/／\\＼~～〜]+$/;
const NOT_SIGNED = new Set(['无', '没有', '空', '空白', '未签', '未签名', '未签到', '未签字']);

/** Reads one 签名 cell (already trimmed); `name` is the row's name, so a signature that is a person's own
 * name is never taken for a status word. */
export function readSignature(text: string, name = ''): SignatureReading {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return { kind: 'blank' };
  if (STRUCK.test(t) || NOT_SIGNED.has(t)) return { kind: 'struck', text };
  if (name && t === name.normalize('NFKC').replace(/\s+/g, '')) return { kind: 'signed' };
  const parsed = parseStatusText(t);
  return parsed ? { kind: 'status', text, parsed } : { kind: 'signed' };
}
