// `shuxiang branch list|add|rename|merge|remove`: branches managed on purpose. A typo in any --branch is
// an error with suggestions (src/cli/args/branch.ts), so new branches come only from here, --new-branch
// and a roster's 所在支部 column. The work is in src/app/branches/manage.ts.
import type { Command } from 'commander';
import type { AppContext } from '../../context.js';
import type { Act } from '../../program.js';
import { requireBranch } from '../../args/branch.js';
import { printListing } from '../../output.js';

const manage = () => import('../../../app/branches/manage.js');
const resolve = async (ctx: AppContext, typed: string, what: string) => {
  const db = await ctx.openDb();
  return { db, branch: requireBranch(db, typed, what) };
};

async function runList(ctx: AppContext): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const rows = (await manage()).branchRows(db, ctx.today());
  printListing(ctx, rows, [
    { header: '编号', value: (r) => r.id, align: 'right' },
    { header: '支部', value: (r) => `${r.name}${r.default ? '（默认）' : ''}` },
    { header: '今日在册', value: (r) => r.onRoll, align: 'right' },
    { header: '人员', value: (r) => r.members, align: 'right' },
    { header: '活动', value: (r) => r.sessions, align: 'right' },
  ], rows, rows.length ? `共 ${rows.length} 个支部。“人员”含已转出的人。` : '还没有支部：请先运行 shuxiang init。');
}

async function runAdd(ctx: AppContext, name: string): Promise<void> {
  const db = await ctx.openDb();
  const b = (await manage()).addBranchCase(db, name, ctx.nowStamp());
  if (ctx.json) return ctx.outJson(b);
  ctx.out(`已新建支部“${b.name}”（编号 #${b.id}）。添加人员：shuxiang member add --name 姓名 --branch ${b.name}`);
}

async function runRename(ctx: AppContext, from: string, to: string): Promise<void> {
  const { db, branch } = await resolve(ctx, from, '支部');
  const r = (await manage()).renameBranchCase(db, branch, to, ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ id: branch.id, ...r });
  ctx.out(r.from === r.to ? `支部名称没有变化：“${r.to}”。` : `已把支部“${r.from}”改名为“${r.to}”，人员和活动都不变。可用 shuxiang undo 撤销。`);
}

async function runMerge(ctx: AppContext, from: string, into: string): Promise<void> {
  const a = await resolve(ctx, from, '要并入的支部');
  const { branch: b } = await resolve(ctx, into, '并入到的支部');
  const r = (await manage()).mergeBranchCase(a.db, a.branch, b, ctx.nowStamp());
  if (ctx.json) return ctx.outJson(r);
  ctx.out(`已把支部“${r.from}”并入“${r.into}”：${r.members} 人、${r.sessions} 次活动${r.planMonths ? `、${r.planMonths} 个月的学习计划` : ''}；支部“${r.from}”已删除。可用 shuxiang undo 撤销。`);
}

async function runRemove(ctx: AppContext, name: string): Promise<void> {
  const { db, branch } = await resolve(ctx, name, '支部');
  (await manage()).removeBranchCase(db, branch, ctx.today(), ctx.nowStamp());
  if (ctx.json) return ctx.outJson({ id: branch.id, name: branch.name, removed: true });
  ctx.out(`已删除支部“${branch.name}”。`);
}

/** Registers `branch` and its subcommands. */
export function registerBranch(program: Command, act: Act): void {
  const branch = program
    .command('branch')
    .description('支部：列出、新建、改名、合并、删除（--branch 写错时不会新建支部）')
    .addHelpText('after', `
示例：
  shuxiang branch list                               各支部的在册人数和活动次数
  shuxiang branch add 机关第二党支部
  shuxiang branch rename 机关一支部 机关第一党支部
  shuxiang branch merge 机关第一支部 机关第一党支部   把误建的支部并入正确的支部（人员、活动一并移过去）
  shuxiang branch remove 临时支部                    只能删除没有人员和活动的支部
`);
  branch
    .command('list')
    .description('列出全部支部：今日在册人数、人员（含已转出）、活动次数')
    .addHelpText('after', '\n示例：\n  shuxiang branch list\n  shuxiang --json branch list\n')
    .action(act(runList));
  branch
    .command('add')
    .description('新建一个支部')
    .argument('<名称>', '支部的全称，如 机关第二党支部')
    .addHelpText('after', '\n示例：\n  shuxiang branch add 机关第二党支部\n')
    .action(act(runAdd));
  branch
    .command('rename')
    .description('给支部改名（人员、活动、学习计划都不变）')
    .argument('<原名称>', '现在的支部名称')
    .argument('<新名称>', '新的支部名称')
    .addHelpText('after', '\n示例：\n  shuxiang branch rename 机关一支部 机关第一党支部\n')
    .action(act(runRename));
  branch
    .command('merge')
    .description('把一个支部并入另一个：人员、活动、签到和学习计划都移过去，原支部删除；一次写入，可撤销')
    .argument('<要并入的支部>', '合并后不再存在的支部')
    .argument('<并入到的支部>', '保留的支部')
    .addHelpText('after', '\n两个支部同一个月都有学习计划时，保留后者的计划。\n\n示例：\n  shuxiang branch merge 机关第一支部 机关第一党支部\n  shuxiang undo                       撤销刚才的合并\n')
    .action(act(runMerge));
  branch
    .command('remove')
    .description('删除一个没有人员和活动的支部（有人员时请用 branch merge）')
    .argument('<名称>', '支部名称')
    .addHelpText('after', '\n示例：\n  shuxiang branch remove 临时支部\n')
    .action(act(runRemove));
}
