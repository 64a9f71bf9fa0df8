// The write history as a terminal table: number, time, command, what (clipped), rows added/changed/removed.
import { clipDisplay, displayWidth, padDisplay } from '../../shared/width.js';

/** A batch as the table shows it. */
export interface ShownBatch {
  id: number;
  startedAt: string;
  command: string;
  args: string;
  counts: { added: number; changed: number; removed: number };
}

/** The table, numbers right-aligned. */
export function historyTable(rows: ShownBatch[]): string {
  const table = [['编号', '时间', '命令', '内容', '新增', '修改', '删除'], ...rows.map((b) => [
    String(b.id), b.startedAt.replace('T', ' ').slice(0, 16), b.command, clipDisplay(b.args, 40),
    String(b.counts.added), String(b.counts.changed), String(b.counts.removed),
  ])];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => displayWidth(r[c]!))));
  const right = new Set([0, 4, 5, 6]);
  return table.map((r) => r.map((v, c) => padDisplay(v, widths[c]!, right.has(c) ? 'right' : 'left')).join('  ').trimEnd()).join('\n');
}

