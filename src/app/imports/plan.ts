// `import --kind plan` = `plan import`: an annual study plan workbook. Every row checked first (readPlanFile,
// before the database is opened), then one batch for the branch (writePlan); importing it again changes nothing.
import { basename } from 'node:path';
import { sheetsToRead, skippedSheetsNote } from '../../domain/grid.js';
import { readPlanGrids, type PlanSheetRow } from '../../domain/planRows.js';
import { describeProblem } from '../../domain/rosterRows.js';
import { readGrids } from '../../io/readGrids.js';
import { UserError } from '../../shared/errors.js';
import type { Branch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { upsertPlanMonth } from '../../store/plan.js';
import { writeOrPreview } from './batch.js';

/** The plan's months (of sheet `sheet` only, when --sheet names one), every problem refused with its sheet and cell. */
export async function readPlanFile(file: string, year: number | undefined, warn?: (message: string) => void, sheet?: string): Promise<{ name: string; rows: PlanSheetRow[] }> {
  const name = basename(file);
  // --sheet: only that sheet (a hidden one too); else every visible sheet.
  const shown = sheetsToRead(await readGrids(file), sheet);
  if ('error' in shown) throw new UserError(`${name}：${shown.error}`, ['请确认 --sheet 写的工作表名称（区分全角半角），未导入任何数据。']);
  const { grids, skipped } = shown;
  if (skipped.length) warn?.(skippedSheetsNote(name, skipped));
  const read = readPlanGrids(grids, year);
  if (!read) throw new UserError(`${name}${sheet === undefined ? '' : ` › ${sheet}`}：没有找到学习计划的表头（前 15 行里没有“月份”和“学习主题”列）。`, ['请使用 shuxiang plan init --year 年份 生成的计划表。']);
  const problems = read.flatMap((s) => s.problems.map((p) => describeProblem(name, s.sheet, p)));
  if (problems.length) {
    throw new UserError(`${name} 中有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请按提示改正后重新导入。']);
  }
  const rows = read.flatMap((s) => s.rows);
  if (rows.length === 0) throw new UserError(`${name}：计划表中没有填写任何月份的学习主题。`, ['请在“学习主题”列填写每月主题后再导入。']);
  return { name, rows };
}

export interface PlanResult {
  dryRun: boolean;
  branch: string;
  from: string;
  to: string;
  added: number;
  updated: number;
  unchanged: number;
}

/** Writes the months for `branch` as one batch stamped `now` (rolled back after counting when `dryRun`). */
export function writePlan(db: Db, input: { name: string; rows: PlanSheetRow[]; branch: Branch; dryRun?: boolean }, now: string): PlanResult {
  const { rows, branch } = input;
  const n = writeOrPreview(db, input.dryRun, { command: 'import plan', args: input.name }, now, (batchId, counts) => {
    const c = { added: 0, updated: 0, unchanged: 0 };
    for (const r of rows) c[upsertPlanMonth(db, { branchId: branch.id, month: r.month, theme: r.theme, form: r.form, books: r.books, cohost: r.cohost, speaker: r.speaker }, batchId)]++;
    counts.added += c.added;
    counts.changed += c.updated;
    return c;
  });
  const months = rows.map((r) => r.month).sort();
  return { dryRun: !!input.dryRun, branch: branch.name, from: months[0]!, to: months[months.length - 1]!, ...n };
}
