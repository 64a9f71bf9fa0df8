// The one place that turns whatever exceljs returns for a cell into a plain Cell.
import type { Cell } from '../../domain/grid.js';

/** Normalises string, number, Date, rich text, hyperlink, formula (result) and error values. */
export function normaliseCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('error' in o) return { error: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) return { formula: String(o.formula ?? o.sharedFormula), noResult: true };
      return normaliseCell(o.result);
    }
    if ('hyperlink' in o || 'text' in o) return normaliseCell(o.text);
  }
  return String(v);
}
