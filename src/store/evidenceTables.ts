// How the evidence kinds of src/domain/evidenceKinds.ts map onto their tables: table names, column
// names, and values both ways (yes/no as 0/1, blank key text as ''). Shared by the writer and the reader.
import type { EvidenceField, EvidenceKindId, EvidenceKindSpec } from '../domain/evidenceKinds.js';
import type { FieldValue, ItemValues } from '../domain/evidenceValues.js';

/** The table of each kind (readings for 读书; the book itself lives in `books`). */
export const TABLE: Record<EvidenceKindId, string> = {
  'self-study': 'self_study', lecture: 'lectures', book: 'readings', writing: 'writings', research: 'research',
  talk: 'talks', training: 'trainings', exam: 'exams', exchange: 'exchanges',
};

/** The column of a field key (from/to are SQL-unfriendly words). */
export function column(key: string): string {
  return key === 'from' ? 'date_from' : key === 'to' ? 'date_to' : key;
}

/** Fields stored on the kind's own row (the book's catalogue fields are not). */
export function rowFields(kind: EvidenceKindSpec): EvidenceField[] {
  return kind.fields.filter((f) => !f.onBook);
}

/** Key columns of the row, after member_id (a reading is keyed by its book). */
export function keyColumns(kind: EvidenceKindSpec): string[] {
  return kind.id === 'book' ? ['book_id'] : kind.key.map(column);
}

/** A value as SQLite stores it: booleans as 0/1; blank text '' in key columns, NULL elsewhere. */
export function toSql(kind: EvidenceKindSpec, f: EvidenceField, v: FieldValue | undefined): string | number | null {
  if (v === undefined || v === null || v === '') return f.type === 'text' && kind.key.includes(f.key) ? '' : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** A stored value back: 0/1 as booleans for yes/no fields, '' as nothing. */
export function fromSql(f: EvidenceField, v: unknown): FieldValue {
  if (v === null || v === undefined || v === '') return null;
  if (f.type === 'bool') return v === 1;
  return v as FieldValue;
}

/** A row read with `SELECT t.*` (plus b.title… for readings) as domain values. */
export function rowValues(kind: EvidenceKindSpec, row: Record<string, unknown>): ItemValues {
  const out: ItemValues = {};
  for (const f of kind.fields) out[f.key] = fromSql(f, row[column(f.key)]);
  return out;
}

/** The SELECT for a kind's rows with the member's name (and, for readings, the book's fields). */
export function selectSql(kind: EvidenceKindSpec): string {
  const t = TABLE[kind.id];
  const book = kind.id === 'book' ? ', b.title, b.author, b.isbn, b.category' : '';
  const join = kind.id === 'book' ? ' JOIN books b ON b.id = t.book_id' : '';
  return `SELECT t.*, m.name AS member_name, m.branch_id AS branch_id${book} FROM ${t} t JOIN members m ON m.id = t.member_id${join}`;
}
