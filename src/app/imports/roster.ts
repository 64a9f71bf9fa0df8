// Importing one roster file, in three steps because the CLI acts in between: readRosterFile reads and lays
// out the sheet (before the database is opened); planRoster matches the rows against the roll and refuses
// on problems (unless --skip-invalid); after the CLI has shown a --dry-run, asked to confirm a --sync and
// written the rejects workbook, writeRoster writes the plan in one batch.
import { basename } from 'node:path';
import { branchKey } from '../../domain/branchMatch.js';
import { sheetsShown, skippedSheetsNote, type Grid } from '../../domain/grid.js';
import { digestWarnings } from '../../domain/problemDigest.js';
import { branchInTitle, pickRosterSheet, rosterLayouts, type RosterLayout } from '../../domain/rosterHeader.js';
import { planRosterImport, type RosterPlan } from '../../domain/rosterPlan.js';
import { describeProblem, parseRosterRows } from '../../domain/rosterRows.js';
import { readGrids } from '../../io/readGrids.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { listBranches } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import { applyRosterPlan } from '../../store/rosterWrite.js';
import { readSettings } from '../../store/settings.js';
import type { ImportHooks } from './batch.js';

/** The counts and names a roster import ends with. */
export interface ImportSummary {
  file: string;
  sheet: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  left: number;
  leaders: number;
  branches: string[];
  /** Branches the file's 所在支部 column creates (the only way besides branch add / --new-branch). */
  newBranches: string[];
  rejectsFile?: string;
  dryRun: boolean;
}

export interface RosterRead {
  name: string;
  layout: RosterLayout;
  parsed: ReturnType<typeof parseRosterRows>;
}

/** The roster sheet of `file` (or `sheet`), its rows parsed; refuses a file with no roster or no one on it. */
export async function readRosterFile(file: string, sheet: string | undefined, today: string, hooks: ImportHooks = {}): Promise<RosterRead> {
  const name = basename(file);
  hooks.progress?.({ stage: `读取 ${name}` });
  const shown = sheetsShown(await readGrids(file), sheet);
  const layout = pickRosterSheet(shown.grids, sheet);
  if (shown.skipped.length) hooks.warn?.(skippedSheetsNote(name, shown.skipped));
  if ('error' in layout) throw new UserError(`${name}：${layout.error}`, [sheet ? '请确认工作表名称（区分全角半角）和表头行含有“姓名”列。' : '请确认表头行含有“姓名”列，或用 --sheet 指定工作表。']);
  const parsed = parseRosterRows(layout, today);
  // A workbook with people on more than one roster sheet (a sheet per branch): importing only the one that
  // looks most like a roster dropped the others without a word. Refused, naming them, one --sheet each.
  if (!sheet) {
    const others = rosterLayouts(shown.grids).filter((l) => l.grid !== layout.grid).map((l) => ({ sheet: l.grid.name, people: parseRosterRows(l, today) }))
      .filter((o) => o.people.rows.length + o.people.problems.length > 0);
    if (others.length) {
      const all = [{ sheet: layout.grid.name, people: parsed }, ...others].sort((a, b) => shown.grids.findIndex((g) => g.name === a.sheet) - shown.grids.findIndex((g) => g.name === b.sheet));
      const arg = (s: string) => (/^[^\s"'\\$`]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);
      throw new UserError(`${name} 有 ${all.length} 个工作表都填有人员：${all.map((o) => `“${o.sheet}”（${o.people.rows.length} 人）`).join('、')}。只导入其中一张会漏掉其余的人，因此没有导入。`, [
        '请用 --sheet 逐个导入每个工作表（表中没有“所在支部”列时，可同时加 --branch 指定这张表的人属于哪个支部）：',
        ...all.map((o) => `  shuxiang import ${arg(name)} --sheet ${arg(o.sheet)}`),
      ]);
    }
  }
  if (parsed.rows.length === 0 && parsed.problems.length === 0) {
    throw new UserError(`${name} 只有表头，没有可导入的人员。`, ['请在表头下面逐行填写人员（至少填写姓名）；如果人员在另一个工作表里，请用 --sheet 指定。']);
  }
  hooks.progress?.({ stage: `已读取 ${name}`, done: parsed.rows.length, unit: '行' });
  return { name, layout, parsed };
}

export interface RosterImport {
  plan: RosterPlan;
  summary: ImportSummary;
  /** The rejected rows (with --skip-invalid) as the rejects workbook takes them, when there are any. */
  rejects?: { grid: Grid; headerEnd: number; rows: { row: number; reasons: string[] }[] };
}

/** The change the roster makes; `branch` is the --branch already resolved (the branch of rows without a 所在支部 column). */
export function planRoster(db: Db, read: RosterRead, input: { branch?: string; sync?: boolean; skipInvalid?: boolean; dryRun?: boolean }, today: string, hooks: ImportHooks = {}): RosterImport {
  const { name, layout, parsed } = read;
  const sheet = layout.grid.name;
  const existing = listMembers(db);
  const settings = readSettings(db);
  const nameCol = layout.columns.find((c) => c.role.kind === 'field' && c.role.field === 'name')?.col;
  const hasBranchColumn = layout.columns.some((c) => c.role.kind === 'field' && c.role.field === 'branch');
  let defaultBranch = input.branch ?? settings.defaultBranch;
  if (!hasBranchColumn && !input.branch) {
    const inTitle = branchInTitle(layout.title);
    const known = listBranches(db).map((b) => b.name);
    // The title may put the organ before the branch (“XX委机关第二党支部”): the longest branch it ends with.
    const titled = inTitle && (known.includes(inTitle) ? inTitle : known.filter((b) => branchKey(inTitle).endsWith(branchKey(b))).sort((a, b) => b.length - a.length)[0] ?? inTitle);
    if (titled && known.includes(titled)) defaultBranch = titled;
    else if (titled && titled !== defaultBranch) {
      hooks.warn?.(`表格标题写的是“${layout.title}”，但数据库里没有“${titled}”，这些人已归入“${defaultBranch}”。如不对，请加 --branch 指定支部。`);
    }
  }
  const problems = [...parsed.problems];
  let plan;
  for (;;) {
    const bad = new Set(problems.map((p) => p.row));
    plan = planRosterImport({
      rows: parsed.rows.filter((r) => !bad.has(r.row)),
      existing,
      existingBranches: listBranches(db).map((b) => b.name),
      defaultBranch,
      keepBranch: !hasBranchColumn && !input.branch,
      importDate: today,
      sync: !!input.sync,
      nameCol,
    });
    if (plan.problems.length === 0) break;
    problems.push(...plan.problems);
  }
  for (const w of digestWarnings(name, sheet, [...parsed.warnings, ...plan.warnings])) hooks.warn?.(w);
  const describe = problems
    .sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0))
    .map((p) => describeProblem(name, sheet, p));
  if (problems.length > 0 && !input.skipInvalid) {
    const shown = describe.slice(0, 40);
    if (describe.length > 40) shown.push(`……另有 ${describe.length - 40} 处问题未列出。`);
    throw new UserError(`${name} 有 ${problems.length} 处问题，未导入任何数据：`, [
      ...shown,
      '请按提示改正后重新导入；或加 --skip-invalid 先导入没有问题的行（问题行另存为 .rejects.xlsx）。',
    ]);
  }
  const rejectedRows = [...new Set(problems.map((p) => p.row))];
  const summary: ImportSummary = {
    file: name, sheet, added: plan.adds.length, updated: plan.updates.length, unchanged: plan.unchanged.length,
    rejected: rejectedRows.length, left: plan.leaves.length, leaders: plan.leaders, branches: plan.branches,
    newBranches: plan.newBranches, dryRun: !!input.dryRun,
  };
  if (rejectedRows.length === 0) return { plan, summary };
  const byRow = new Map<number, string[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), describeProblem(name, sheet, p).split('：').slice(1).join('：')]);
  return { plan, summary, rejects: { grid: layout.grid, headerEnd: layout.headerEnd, rows: [...byRow].map(([row, reasons]) => ({ row, reasons })) } };
}

/** Writes the plan as one batch stamped `now` (the day of any --sync leaving is `today`). */
export function writeRoster(db: Db, imp: RosterImport, today: string, now: string, hooks: ImportHooks = {}): void {
  const { plan } = imp;
  const total = plan.adds.length + plan.updates.length + plan.leaves.length;
  const onRow = (n: number) => {
    hooks.onRow?.(n);
    hooks.progress?.({ stage: '写入', done: n, total, unit: '行' });
  };
  inBatch(db, { command: 'import', args: imp.summary.file, at: now }, (batchId, counts) => applyRosterPlan(db, plan, batchId, counts, today, onRow));
}
