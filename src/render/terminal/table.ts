// Terminal tables: CJK-width aware and borderless, so they paste cleanly into a chat or a document.
import { displayWidth, padDisplay } from '../../shared/width.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | undefined;
  align?: 'left' | 'right';
}

/** Renders rows as an aligned text table with a header and a rule line. */
export function formatTable<T>(columns: Column<T>[], rows: T[]): string {
  const cells = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return v === undefined || v === null ? '' : String(v);
  }));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i]!))));
  const line = (vals: string[]) =>
    vals.map((v, i) => padDisplay(v, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}
