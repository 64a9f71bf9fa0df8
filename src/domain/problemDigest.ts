// Many warnings of one kind (a whole column of mismatches) are shown as one line with the cells.
import { cellRef } from './grid.js';
import type { CellProblem } from './rosterRows.js';

/** Groups warnings by message shape; small groups stay one line each, large ones collapse. */
export function digestWarnings(file: string, sheet: string, warnings: CellProblem[], limit = 3): string[] {
  const groups = new Map<string, CellProblem[]>();
  for (const w of warnings) {
    const shape = w.message.replace(/[“"][^”"]*[”"]|\d[\d\-.]*|[（(][^）)]*[）)]/g, '…');
    groups.set(shape, [...(groups.get(shape) ?? []), w]);
  }
  const out: string[] = [];
  const where = (w: CellProblem) => (w.col === undefined ? `第 ${w.row + 1} 行` : cellRef(w.row, w.col));
  for (const list of groups.values()) {
    if (list.length <= limit) {
      for (const w of list) out.push(`${file} › ${sheet || 'CSV'} › ${where(w)}：${w.message}`);
    } else {
      const cells = list.slice(0, 8).map(where).join('、') + (list.length > 8 ? ' 等' : '');
      // "…不一致，请核对" → "…不一致 等，请核对", said once
      const first = list[0]!.message.replace(/[，,]?\s*请核对[。.]?$/, '');
      out.push(`${file} › ${sheet || 'CSV'} › ${list.length} 处（${cells}）：${first} 等，请核对`);
    }
  }
  return out;
}
