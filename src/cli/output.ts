// Terminal tables (CJK-width aware, borderless so they paste cleanly) and the shared render switch.
import { displayWidth, padDisplay } from '../shared/width.js';
import type { AppContext } from './context.js';

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

/** Prints either the JSON form or the table form of a listing, as the global flags ask. */
export function printListing<T>(ctx: AppContext, json: unknown, columns: Column<T>[], rows: T[], footer?: string): void {
  if (ctx.json) {
    ctx.outJson(json);
    return;
  }
  if (rows.length === 0) {
    ctx.info(footer ?? '（无记录）');
    return;
  }
  ctx.out(formatTable(columns, rows));
  if (footer) ctx.info(footer);
}
