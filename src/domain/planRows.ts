// Reading a filled-in plan workbook (年度学习计划): find the header row (月份 and 主题 among the first
// rows of a sheet), then one plan month per row — month, theme, form, required books, co-host unit,
// speaker — with every problem located by cell. Pure: takes grids, returns rows and problems.
import { cellText, isBlank, type Cell, type Grid } from './grid.js';
import type { CellProblem } from './rosterRows.js';
import { parsePlanForm, PLAN_FORMS, readPlanMonth, type PlanForm, type PlanMonth } from './studyPlan.js';
import { cleanText, keepText } from './text.js';

/** One month as read from the sheet (0-based row). */
export interface PlanSheetRow extends Omit<PlanMonth, 'id' | 'branchId'> {
  row: number;
}

/** What a sheet gave: rows, problems, and the year it read from the title (if any). */
export interface PlanSheetRead {
  sheet: string;
  rows: PlanSheetRow[];
  problems: CellProblem[];
}

type Col = 'month' | 'theme' | 'form' | 'books' | 'cohost' | 'speaker';
const HEADERS: Record<Col, string[]> = {
  month: ['月份', '月', '时间', '计划月份'],
  theme: ['学习主题', '主题', '月度主题', '学习内容', '内容'],
  form: ['形式', '学习形式', '活动形式', '方式'],
  books: ['必学书目', '学习书目', '书目', '推荐书目', '必读书目'],
  cohost: ['承办单位', '协办单位', '承办支部', '轮值单位', '承办处室', '联办单位'],
  speaker: ['主讲人', '领学人', '主讲', '辅导人', '报告人'],
};

const norm = (c: Cell | undefined) => cleanText(cellText(c)).replace(/[\s（(][^）)]*[）)]?$/, '').replace(/\s/g, '');

/** The header row and its columns in a grid, when the sheet has 月份 and 主题 columns. */
function findHeader(g: Grid): { row: number; cols: Partial<Record<Col, number>> } | undefined {
  for (let r = 0; r < Math.min(g.rows.length, 15); r++) {
    const cols: Partial<Record<Col, number>> = {};
    (g.rows[r] ?? []).forEach((c, i) => {
      const t = norm(c);
      for (const [k, names] of Object.entries(HEADERS) as [Col, string[]][]) if (cols[k] === undefined && names.includes(t)) cols[k] = i;
    });
    if (cols.month !== undefined && cols.theme !== undefined) return { row: r, cols };
  }
  return undefined;
}

/** The year a title above the header names (2027年度学习计划), if any. */
export function yearInTitle(g: Grid, headerRow: number): number | undefined {
  for (let r = 0; r < headerRow; r++) {
    const m = /(20\d{2})\s*年/.exec((g.rows[r] ?? []).map((c) => cellText(c)).join(' '));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Reads the plan sheets of a workbook; `year` places bare months (3月). Undefined when no sheet has the header. */
export function readPlanGrids(grids: Grid[], year: number | undefined): PlanSheetRead[] | undefined {
  const out: PlanSheetRead[] = [];
  for (const g of grids) {
    const h = findHeader(g);
    if (!h) continue;
    const y = year ?? yearInTitle(g, h.row);
    const read: PlanSheetRead = { sheet: g.name, rows: [], problems: [] };
    const seen = new Map<string, number>();
    for (let r = h.row + 1; r < g.rows.length; r++) {
      const cells = g.rows[r] ?? [];
      const at = (k: Col) => (h.cols[k] === undefined ? undefined : cells[h.cols[k]!]);
      const text = (k: Col) => cleanText(cellText(at(k)));
      // Themes, book lists, co-hosts and speakers are kept as typed (text.ts keepText).
      const plain = (k: Col) => keepText(cellText(at(k)));
      if ((Object.keys(h.cols) as Col[]).every((k) => isBlank(at(k)))) continue;
      if (/^(示例|例)/.test(text('month')) || /^(说明|注[:：])/.test(cleanText(cellText(cells[0])))) continue;
      // A month left unfilled (only its month and form, as plan init writes them) is not planned: skipped.
      if (!plain('theme') && !plain('books') && !plain('cohost') && !plain('speaker')) continue;
      const problem = (k: Col, message: string) => read.problems.push({ row: r, col: h.cols[k], message });
      const rawMonth = at('month');
      let month: string | undefined;
      if (isBlank(rawMonth)) problem('month', '月份没有填写');
      else {
        // A number goes in as the number (2027.1 and 2027.10 are one number, text would hide it).
        const read = readPlanMonth(rawMonth instanceof Date || typeof rawMonth === 'number' ? rawMonth : text('month'), y ?? 0);
        if (read.ok) month = read.month;
        else if (read.reason) problem('month', `月份：${read.reason}`);
        else problem('month', y === undefined && /^\D*\d{1,2}\s*月份?$|^([一二三四五六七八九十]+|元)月份?$/.test(text('month'))
          ? `月份“${text('month')}”没有写年份：请写成 2027-03，或在标题中写明年度（如“2027年度学习计划”），或加 --year 2027`
          : `月份“${text('month')}”无法识别，请写成 2027-03、3月 或 3月份`);
      }
      const theme = plain('theme');
      if (!theme) problem('theme', '学习主题没有填写（一月一主题）');
      let form: PlanForm | undefined = '集中学习';
      if (!isBlank(at('form'))) {
        form = parsePlanForm(text('form'));
        if (!form) problem('form', `形式“${text('form')}”无效，请从下拉列表中选择：${PLAN_FORMS.join('、')}`);
      }
      if (month && seen.has(month)) problem('month', `${month} 与第 ${seen.get(month)! + 1} 行重复：每月一个主题，请合并成一行`);
      if (month) seen.set(month, r);
      if (!month || !theme || !form || read.problems.some((p) => p.row === r)) continue;
      read.rows.push({
        row: r, month, theme, form, books: plain('books'),
        ...(plain('cohost') ? { cohost: plain('cohost') } : {}), ...(plain('speaker') ? { speaker: plain('speaker') } : {}),
      });
    }
    out.push(read);
  }
  return out.length ? out : undefined;
}
