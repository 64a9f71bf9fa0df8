// The shared render switch for listings (JSON or a terminal table); the table itself is render/terminal/table.ts.
import { formatTable, type Column } from '../render/terminal/table.js';
import type { AppContext } from './context.js';

export { formatTable, type Column };

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
