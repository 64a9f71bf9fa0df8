// Command-line options made from the field specs in src/domain/evidenceKinds.ts: declaring them on a
// command, reading a typed flag value through the same checks a ledger cell gets, and the --kind flag
// and the item ids (<kind>:<id>) of `log list` / `log remove`.
import type { Command } from 'commander';
import { findKind, kindChoicesText, type EvidenceField, type EvidenceKindId, type EvidenceKindSpec } from '../../domain/evidenceKinds.js';
import { parseFieldValue, type FieldValue } from '../../domain/evidenceValues.js';
import { UserError } from '../../shared/errors.js';
import { isDecimalText, numberText, recordNumber } from './numbers.js';

/** The flag as typed: '--hours'. */
export function flagName(f: EvidenceField): string {
  return f.flag.split(' ')[0]!;
}

/** The property commander stores the flag under: '--hours' → hours, '--audience' → audience. */
export function flagAttr(f: EvidenceField): string {
  return flagName(f).slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Declares one option per field (skipping flags the command declares itself). */
export function addFieldOptions(cmd: Command, fields: EvidenceField[], skip: string[] = []): Command {
  for (const f of fields) {
    if (skip.includes(flagName(f))) continue;
    cmd.option(f.flag, f.help);
  }
  return cmd;
}

/** A flag's value, checked like a ledger cell; a bad value is an error naming the flag. */
export function parseFlagValue(f: EvidenceField, raw: string | boolean | undefined): FieldValue {
  if (raw === undefined) return f.fallback ?? null;
  if (typeof raw === 'boolean') return raw;
  if (f.type === 'number' || f.type === 'int') checkNumberText(f, raw);
  const p = parseFieldValue(f, raw);
  if (!p.ok) {
    const how = f.type === 'date' ? '请写成 2026-03-10 这样的“年-月-日”格式。' : f.options ? `可选：${f.options.join('、')}` : '';
    throw new UserError(`${flagName(f)}：${p.message}。`, how ? [how] : []);
  }
  return p.value;
}

/** A number flag typed empty (`--audience ""`) is a mistake, not “leave it out” (which would clear a stored
 * value); and a flag takes decimal digits only (numbers.ts) — no units, signs, hex or exponents. */
function checkNumberText(f: EvidenceField, raw: string): void {
  const t = numberText(raw);
  const example = `如 ${flagName(f)} ${f.example}`;
  if (t === '') throw new UserError(`${flagName(f)}：${f.label}没有填写。`, [`请写一个数字，${example}；不需要时请去掉 ${flagName(f)}。`]);
  if (!isDecimalText(t)) throw new UserError(`${flagName(f)}：${f.label}“${raw}”不是数字，只能用 0–9 这十个数字${f.type === 'int' ? '' : '和小数点'}。`, [`${example}。`]);
}

/** An evidence kind as typed (`self-study`, `自学` …), or an error naming the flag. */
export function kindFlag(typed: string, flag = '--kind'): EvidenceKindSpec {
  const k = findKind(typed);
  if (!k) throw new UserError(`${flag} 的取值“${typed}”不是已知的记录类别。`, [`可选：${kindChoicesText()}`]);
  return k;
}

/** `self-study:12`, `自学:12`, `自学#12`, or `12` with --kind → kind and id. */
export function parseEvidenceRef(ref: string, kindText?: string): { kind: EvidenceKindId; id: number } {
  const m = /^(?:(.+?)\s*[:：#＃]\s*)?(\d+)$/.exec(ref.normalize('NFKC').trim());
  if (!m) throw new UserError(`“${ref}”不是记录编号。编号写成 类别:数字，如 self-study:12（见 shuxiang log list）。`);
  const typed = m[1] ?? kindText;
  if (!typed) throw new UserError(`编号“${ref}”没有写类别：每类记录单独编号，请写成 self-study:${m[2]}，或加 --kind 指明类别。`, [`类别：${kindChoicesText()}`]);
  const kind = kindFlag(typed, m[1] ? '编号中的类别' : '--kind');
  if (m[1] && kindText && findKind(kindText)?.id !== kind.id) throw new UserError(`编号 ${ref} 与 --kind ${kindText} 不一致，请只写一处。`);
  return { kind: kind.id, id: recordNumber(m[2]!, ref, '记录编号', '编号见 shuxiang log list。') };
}
