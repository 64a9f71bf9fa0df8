// How `undo` names a batch: number, time, command and what it wrote.
import type { ShownBatch } from './historyText.js';

/** “第 3 次写入：2026-11-22 09:00:00 import 花名册.xlsx（新增 14，修改 0，删除 0）” */
export function batchWords(b: ShownBatch): string {
  return `第 ${b.id} 次写入：${b.startedAt.replace('T', ' ')} ${b.command}${b.args ? ` ${b.args}` : ''}（新增 ${b.counts.added}，修改 ${b.counts.changed}，删除 ${b.counts.removed}）`;
}
