// `shuxiang import FILE`: rosters (default) and, with --kind, the other sheets. Reads everything,
// validates everything, then writes in one transaction — or writes nothing and lists every problem.
import type { Command } from 'commander';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../program.js';
import { withAutoBackup } from './backup.js';

export interface ImportOptions {
  kind?: string;
  sheet?: string;
  branch?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sync?: boolean;
  yes?: boolean;
  /** false with --no-backup: no automatic backup before the import. */
  backup?: boolean;
}

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
  rejectsFile?: string;
  dryRun: boolean;
}

const KINDS = ['roster', 'signin', 'ledger', 'books', 'plan', 'json'];

export function registerImport(program: Command, act: Act): void {
  program
    .command('import')
    .description('从 Excel/CSV 导入：花名册（默认）、签到表、学习台账等')
    .argument('<文件...>', '.xlsx 或 .csv 文件')
    .option('--kind <类型>', '文件类型：roster 花名册（默认）、signin 签到表、ledger 个人学习台账（可一次给多个文件）、books 书目、plan 年度学习计划、json 由 shuxiang export 导出的整库数据')
    .option('--sheet <工作表>', '指定工作表名称（默认自动找出花名册所在的表）')
    .option('--branch <支部>', '表中没有“所在支部”列时，这些人属于哪个支部（默认为 init 时的支部）')
    .option('--dry-run', '只显示将会新增、修改哪些人，不写入')
    .option('--skip-invalid', '跳过有问题的行，导入其余的行；有问题的行写到“原文件名.rejects.xlsx”')
    .option('--sync', '名单里没有的人（同一支部）标记为今天转出；会先确认')
    .option('-y, --yes', '不再询问确认（用于 --sync）')
    .option('--no-backup', '导入前不自动备份数据库（默认备份到数据库旁的 shuxiang-backups 文件夹，保留最近 10 份）')
    .addHelpText('after', `
示例：
  shuxiang import 花名册.xlsx
  shuxiang import 花名册.xlsx --dry-run             先看看会改动什么
  shuxiang import 花名册.xlsx --skip-invalid        有问题的行另存，其余照常导入
  shuxiang import 新花名册.xlsx --sync --yes        以新名单为准，名单外的人标记为转出
  shuxiang import 党员名单.csv --branch 机关第二党支部
  shuxiang import --kind signin 签到表_2026-03-10.xlsx

说明：整个文件先全部检查，只要有一处问题就什么也不写入，并列出每处问题所在的工作表、单元格和改法。
同一个文件重复导入不会产生重复记录。旧版 .xls/.et 文件请先在 Excel 或 WPS 中另存为 .xlsx。
`)
    .action(act(withAutoBackup(async (ctx: AppContext, files: string[], opts: ImportOptions) => {
      const kind = opts.kind ?? 'roster';
      if (!KINDS.includes(kind)) {
        throw new UserError(`--kind 的取值“${kind}”无效，可选：roster（花名册）、signin（签到表）、ledger（个人学习台账）、books（书目）、plan（年度学习计划）、json（shuxiang export 导出的整库数据）。`);
      }
      if (kind === 'json') return (await import('./json.js')).importJsonFiles(ctx, files.map((f) => ctx.path(f)), opts);
      if (kind === 'signin') {
        const { importSignin } = await import('./signin.js');
        return importSignin(ctx, files.map((f) => ctx.path(f)), opts);
      }
      if (kind === 'ledger' || kind === 'books') {
        const m = await import('./ledger.js');
        return (kind === 'ledger' ? m.importLedger : m.importBooks)(ctx, files.map((f) => ctx.path(f)), opts);
      }
      if (kind === 'plan') {
        if (files.length !== 1) throw new UserError(`学习计划一次只能导入一个文件，您给了 ${files.length} 个。`);
        return (await import('../plan/run.js')).importPlan(ctx, ctx.path(files[0]!), { branch: opts.branch, dryRun: opts.dryRun });
      }
      if (kind !== 'roster') throw new UserError(`--kind ${kind} 的导入将在后续版本提供。`);
      if (files.length !== 1) throw new UserError(`花名册一次只能导入一个文件，您给了 ${files.length} 个。请逐个导入。`);
      const summary = await importRosterFile(ctx, ctx.path(files[0]!), opts);
      printSummary(ctx, summary);
    })));
}

/** Imports one roster file (used by the command and by `demo`). */
export async function importRosterFile(ctx: AppContext, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const { readGrids } = await import('../../../io/readGrids.js');
  const { pickRosterSheet } = await import('../../../domain/rosterHeader.js');
  const { parseRosterRows, describeProblem } = await import('../../../domain/rosterRows.js');
  const name = basename(file);
  if (ctx.io.stderr.isTTY && !ctx.quiet) ctx.info(`正在读取 ${name} …`);
  const grids = await readGrids(file);
  const layout = pickRosterSheet(grids, opts.sheet);
  if ('error' in layout) throw new UserError(`${name}：${layout.error}`, ['请确认表头行含有“姓名”列，或用 --sheet 指定工作表。']);
  const sheet = layout.grid.name;
  const today = ctx.today();
  const parsed = parseRosterRows(layout, today);

  const db = await ctx.openDb();
  const { listMembers } = await import('../../../store/members.js');
  const { listBranches } = await import('../../../store/branches.js');
  const { readSettings } = await import('../../../store/settings.js');
  const { planRosterImport } = await import('../../../domain/rosterPlan.js');
  const existing = listMembers(db);
  const settings = readSettings(db);
  const nameCol = layout.columns.find((c) => c.role.kind === 'field' && c.role.field === 'name')?.col;
  const hasBranchColumn = layout.columns.some((c) => c.role.kind === 'field' && c.role.field === 'branch');
  let defaultBranch = opts.branch ?? settings.defaultBranch;
  if (!hasBranchColumn && !opts.branch) {
    const { branchInTitle } = await import('../../../domain/rosterHeader.js');
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
  const { digestWarnings } = await import('../../../domain/problemDigest.js');
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
    rejected: rejectedRows.length, left: plan.leaves.length, leaders: plan.leaders, branches: plan.branches, dryRun: !!opts.dryRun,
  };
  if (opts.dryRun) {
    printPlan(ctx, plan);
    return summary;
  }
  if (plan.leaves.length > 0 && !opts.yes) {
    const { askConfirm } = await import('../../prompts.js');
    const list = plan.leaves.map((m) => `${m.name}（${m.branch}）`).join('、');
    ctx.info(`名单中没有以下 ${plan.leaves.length} 人，--sync 将把他们标记为 ${today} 转出：${list}`);
    if (!(await askConfirm(ctx, '--yes', '确认标记为转出吗？'))) {
      throw new UserError('已取消，未做任何修改。');
    }
  }
  if (rejectedRows.length > 0) {
    const { writeRejects } = await import('../../../render/excel/writeRejects.js');
    summary.rejectsFile = join(dirname(file), `${basename(file, extname(file))}.rejects.xlsx`);
    const byRow = new Map<number, string[]>();
    for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), describeProblem(name, sheet, p).split('：').slice(1).join('：')]);
    await writeRejects(summary.rejectsFile, layout.grid, layout.headerEnd, [...byRow].map(([row, reasons]) => ({ row, reasons })));
  }
  const { inBatch } = await import('../../../store/batches.js');
  const { applyRosterPlan } = await import('../../../store/rosterWrite.js');
  const { faultHook } = await import('../../../shared/faults.js');
  const onRow = faultHook(ctx.env, ctx.io.stderr);
  inBatch(db, { command: 'import', args: name, at: ctx.nowStamp() }, (batchId, counts) =>
    applyRosterPlan(db, plan, batchId, counts, today, onRow),
  );
  return summary;
}

function printPlan(ctx: AppContext, plan: import('../../../domain/rosterPlan.js').RosterPlan): void {
  if (ctx.json) return;
  const lines: string[] = ['试运行（--dry-run），未写入任何数据：'];
  for (const a of plan.adds) lines.push(`  + 新增 ${a.draft.fields.name}（${a.draft.branch}${a.draft.leader ? '，班子成员' : ''}）`);
  for (const u of plan.updates) lines.push(`  ~ 修改 ${u.member.name}：${u.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join('；')}`);
  for (const m of plan.leaves) lines.push(`  - 转出 ${m.name}（${m.branch}）`);
  if (plan.unchanged.length) lines.push(`  = 不变 ${plan.unchanged.length} 人`);
  ctx.out(lines.join('\n'));
}

/** The one-paragraph result every roster import ends with. */
export function printSummary(ctx: AppContext, s: ImportSummary): void {
  if (ctx.json) {
    ctx.outJson(s);
    return;
  }
  const verb = s.dryRun ? '将' : '已';
  ctx.out(
    `${s.dryRun ? '试运行' : '导入完成'}：${s.file}${s.sheet ? ` › ${s.sheet}` : ''}\n` +
      `  ${verb}新增 ${s.added} 人，${verb}更新 ${s.updated} 人，未变 ${s.unchanged} 人，拒绝 ${s.rejected} 行` +
      (s.left ? `，${verb}标记转出 ${s.left} 人` : '') +
      `\n  班子成员 ${s.leaders} 人；支部 ${s.branches.length} 个` +
      (s.branches.length ? `（${s.branches.slice(0, 5).join('、')}${s.branches.length > 5 ? ' 等' : ''}）` : ''),
  );
  if (s.rejectsFile) ctx.info(`有问题的 ${s.rejected} 行已写入 ${s.rejectsFile}，改正后可再导入该文件。`);
}
