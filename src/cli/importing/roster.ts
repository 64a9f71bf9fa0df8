// Importing one roster file from the CLI (`import` and `demo`): the use case (src/app/imports/roster.ts)
// reads and plans; here the --dry-run listing, the --sync confirmation and the rejects workbook.
import { planRoster, readRosterFile, writeRoster, type ImportSummary } from '../../app/imports/roster.js';
import type { RosterPlan } from '../../domain/rosterPlan.js';
import { writeAtomically } from '../../io/atomicWrite.js';
import { writeRejects } from '../../render/excel/writeRejects.js';
import { UserError } from '../../shared/errors.js';
import { branchToWrite } from '../args/branch.js';
import type { AppContext } from '../context.js';
import { askConfirm } from '../prompts.js';
import { importHooks, type ImportOptions } from './options.js';
import { rejectsFileFor } from './preview.js';

/** Imports one roster file (used by the command and by `demo`). */
export async function importRosterFile(ctx: AppContext, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const today = ctx.today();
  const hooks = importHooks(ctx);
  const read = await readRosterFile(file, opts.sheet, today, hooks);
  const db = await ctx.openDb();
  let branch: string | undefined;
  if (opts.branch) {
    const target = branchToWrite(db, opts.branch, '--branch', !!opts.newBranch);
    branch = 'branch' in target ? target.branch.name : target.create;
  }
  const imp = planRoster(db, read, { branch, sync: opts.sync, skipInvalid: opts.skipInvalid, dryRun: opts.dryRun }, today, hooks);
  const { plan, summary } = imp;
  if (opts.dryRun) {
    printPlan(ctx, plan);
    return summary;
  }
  if (plan.leaves.length > 0 && !opts.yes) {
    const list = plan.leaves.map((m) => `${m.name}（${m.branch}）`).join('、');
    ctx.info(`名单中没有以下 ${plan.leaves.length} 人，--sync 将把他们标记为 ${today} 转出：${list}`);
    if (!(await askConfirm(ctx, '--yes', '确认标记为转出吗？'))) {
      throw new UserError('已取消，未做任何修改。');
    }
  }
  if (imp.rejects) {
    const { grid, headerEnd, rows } = imp.rejects;
    summary.rejectsFile = rejectsFileFor(file);
    await writeAtomically(summary.rejectsFile, (tmp) => writeRejects(tmp, grid, headerEnd, rows));
  }
  writeRoster(db, imp, today, ctx.nowStamp(), hooks);
  return summary;
}

function printPlan(ctx: AppContext, plan: RosterPlan): void {
  if (ctx.json) return;
  const lines: string[] = ['试运行（--dry-run），未写入任何数据：'];
  for (const a of plan.adds) lines.push(`  + 新增 ${a.draft.fields.name}（${a.draft.branch}${a.draft.leader ? '，班子成员' : ''}）`);
  for (const u of plan.updates) lines.push(`  ~ 修改 ${u.member.name}：${u.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join('；')}`);
  for (const m of plan.leaves) lines.push(`  - 转出 ${m.name}（${m.branch}）`);
  if (plan.unchanged.length) lines.push(`  = 不变 ${plan.unchanged.length} 人`);
  ctx.out(lines.join('\n'));
}
