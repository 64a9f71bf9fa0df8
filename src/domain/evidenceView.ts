// Evidence items as text for people: one value, or a whole item on one line (log, log list, member show).
import type { EvidenceField, RecordSpec } from './evidenceKinds.js';
import type { FieldValue, ItemValues } from './evidenceValues.js';

/** One value as shown: yes/no in Chinese, blanks as empty. */
export function formatValue(f: EvidenceField, v: FieldValue | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** “学时 1.5，学习内容 …，笔记 是” — every filled field but those named in `skip`. */
export function describeValues(kind: RecordSpec, values: ItemValues, skip: string[] = []): string {
  return kind.fields
    .filter((f) => !skip.includes(f.key))
    .map((f) => [f.label, formatValue(f, values[f.key])] as const)
    .filter(([, v]) => v !== '')
    .map(([l, v]) => `${l} ${v}`)
    .join('，');
}
