// Command-line options made from the field specs in src/domain/evidenceKinds.ts: declaring them on a
// command, and reading a typed flag value through the same checks a ledger cell gets.
import type { Command } from 'commander';
import type { EvidenceField } from '../../domain/evidenceKinds.js';
import { parseFieldValue, type FieldValue } from '../../domain/evidenceValues.js';
import { UserError } from '../../shared/errors.js';

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
  const p = parseFieldValue(f, raw);
  if (!p.ok) {
    const how = f.type === 'date' ? '请写成 2026-03-10 这样的“年-月-日”格式。' : f.options ? `可选：${f.options.join('、')}` : '';
    throw new UserError(`${flagName(f)}：${p.message}。`, how ? [how] : []);
  }
  return p.value;
}
