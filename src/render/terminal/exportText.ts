// What `export` says: where the document went and what it holds.

/** “已导出到 …：2 个支部，14 名人员，…” */
export function exportSummary(file: string, counts: Record<string, number>): string {
  const n = (t: string) => counts[t] ?? 0;
  return `已导出到 ${file}：${n('branches')} 个支部，${n('members')} 名人员，${n('sessions')} 次学习活动，${Object.values(counts).reduce((a, b) => a + b, 0)} 条记录。`;
}
