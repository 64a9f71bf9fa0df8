// Importing one roster file: read, validate every row, plan the change, confirm, write in one batch (used by
// `import` and by `demo`).
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import type { ImportOptions, ImportSummary } from './options.js';

/** Imports one roster file (used by the command and by `demo`). */
export async function importRosterFile(ctx: AppContext, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const { readGrids } = await import('../../io/readGrids.js');
  const { pickRosterSheet } = await import('../../domain/rosterHeader.js');
  const { parseRosterRows, describeProblem } = await import('../../domain/rosterRows.js');
  const name = basename(file);
  ctx.progress({ stage: `读取 ${name}` });
  const grids = await readGrids(file);
  const layout = pickRosterSheet(grids, opts.sheet);
  if ('error' in layout) throw new UserError(`${name}：${layout.error}`, ['请确认表头行含有“姓名”列，或用 --sheet 指定工作表。']);
  const sheet = layout.grid.name;
  const today = ctx.today();
  const parsed = parseRosterRows(layout, today);
  if (parsed.rows.length === 0 && parsed.problems.length === 0) {
    throw new UserError(`${name} 只有表头，没有可导入的人员。`, ['请在表头下面逐行填写人员（至少填写姓名）；如果人员在另一个工作表里，请用 --sheet 指定。']);
  }
  ctx.progress({ stage: `已读取 ${name}`, done: parsed.rows.length, unit: '行' });

  const db = await ctx.openDb();
  const { listMembers } = await import('../../store/members.js');
  const { listBranches } = await import('../../store/branches.js');
  const { readSettings } = await import('../../store/settings.js');
  const { planRosterImport } = await import('../../domain/rosterPlan.js');
  const existing = listMembers(db);
  const settings = readSettings(db);
  const nameCol = layout.columns.find((c) => c.role.kind === 'field' && c.role.field === 'name')?.col;
  const hasBranchColumn = layout.columns.some((c) => c.role.kind === 'field' && c.role.field === 'branch');
  let defaultBranch = settings.defaultBranch;
  if (opts.branch) {
    const { branchToWrite } = await import('../args/branch.js');
    const target = branchToWrite(db, opts.branch, '--branch', !!opts.newBranch);
    defaultBranch = 'branch' in target ? target.branch.name : target.create;
  }
  if (!hasBranchColumn && !opts.branch) {
    const { branchInTitle } = await import('../../domain/rosterHeader.js');
    const titled = branchInTitle(layout.title);
    const known = listBranches(db).map((b) => b.name);
    if (titled && known.includes(titled)) defaultBranch = titled;
    else if (titled && titled !== defaultBranch) {
      ctx.warn(`表格标题写的是“${layout.title}”，但数据库里没有“${titled}”，这些人已归入“${defaultBranch}”。如不对，请加 --branch 指定支部。`);
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
      importDate: today,
      sync: !!opts.sync,
      nameCol,
    });
    if (plan.problems.length === 0) break;
    problems.push(...plan.problems);
  }
  const { digestWarnings } = await import('../../domain/problemDigest.js');
  for (const w of digestWarnings(name, sheet, [...parsed.warnings, ...plan.warnings])) ctx.warn(w);
  const describe = problems
    .sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0))
    .map((p) => describeProblem(name, sheet, p));
  if (problems.length > 0 && !opts.skipInvalid) {
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
    newBranches: plan.newBranches, dryRun: !!opts.dryRun,
  };
  if (opts.dryRun) {
    printPlan(ctx, plan);
    return summary;
  }
  if (plan.leaves.length > 0 && !opts.yes) {
    const { askConfirm } = await import('../prompts.js');
    const list = plan.leaves.map((m) => `${m.name}（${m.branch}）`).join('、');
    ctx.info(`名单中没有以下 ${plan.leaves.length} 人，--sync 将把他们标记为 ${today} 转出：${list}`);
    if (!(await askConfirm(ctx, '--yes', '确认标记为转出吗？'))) {
      throw new UserError('已取消，未做任何修改。');
    }
  }
  if (rejectedRows.length > 0) {
    const { writeRejects } = await import('../../render/excel/writeRejects.js');
    summary.rejectsFile = join(dirname(file), `${basename(file, extname(file))}.rejects.xlsx`);
    const byRow = new Map<number, string[]>();
    for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), describeProblem(name, sheet, p).split('：').slice(1).join('：')]);
    const { writeAtomically } = await import('../../io/atomicWrite.js');
    await writeAtomically(summary.rejectsFile, (tmp) => writeRejects(tmp, layout.grid, layout.headerEnd, [...byRow].map(([row, reasons]) => ({ row, reasons }))));
  }
  const { inBatch } = await import('../../store/batches.js');
  const { applyRosterPlan } = await import('../../store/rosterWrite.js');
  const { faultHook } = await import('../../shared/faults.js');
  const fault = faultHook(ctx.env, ctx.io.stderr);
  const total = plan.adds.length + plan.updates.length + plan.leaves.length;
  const onRow = (n: number) => {
    fault?.(n);
    ctx.progress({ stage: '写入', done: n, total, unit: '行' });
  };
  inBatch(db, { command: 'import', args: name, at: ctx.nowStamp() }, (batchId, counts) =>
    applyRosterPlan(db, plan, batchId, counts, today, onRow),
  );
  return summary;
}

function printPlan(ctx: AppContext, plan: import('../../domain/rosterPlan.js').RosterPlan): void {
  if (ctx.json) return;
  const lines: string[] = ['试运行（--dry-run），未写入任何数据：'];
  for (const a of plan.adds) lines.push(`  + 新增 ${a.draft.fields.name}（${a.draft.branch}${a.draft.leader ? '，班子成员' : ''}）`);
  for (const u of plan.updates) lines.push(`  ~ 修改 ${u.member.name}：${u.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join('；')}`);
  for (const m of plan.leaves) lines.push(`  - 转出 ${m.name}（${m.branch}）`);
  if (plan.unchanged.length) lines.push(`  = 不变 ${plan.unchanged.length} 人`);
  ctx.out(lines.join('\n'));
}
