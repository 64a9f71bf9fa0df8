// `shuxiang plan init|import|show|rotate|link`: the annual study plan (年度学习计划) — a theme per month
// (一月一主题), its form, required books, the co-host unit (units take turns) and the speaker; compared
// with the sessions held by `plan show`, `audit` and `report`. Each subcommand runs in its own file; the
// importer behind `plan import` is src/cli/importing/plan.ts.
import type { Command } from 'commander';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { importPlan } from '../../importing/plan.js';
import { runPlanInit } from './init.js';
import { runPlanLink } from './link.js';
import { runPlanRotate } from './rotate.js';
import { runPlanShow } from './show.js';

/** Declares `plan` and its subcommands. */
export function registerPlan(program: Command, act: Act): void {
  const plan = program
    .command('plan')
    .description('年度学习计划：一月一主题、形式、必学书目、承办单位轮值，对照实际开展情况')
    .addHelpText('after', `
示例：
  shuxiang plan init --year 2027                生成 2027年度学习计划.xlsx，填好后导入
  shuxiang import --kind plan 2027年度学习计划.xlsx
  shuxiang plan rotate --units 办公室,财务处,人事处 --year 2027
  shuxiang plan show --year 2027                每月计划与实际开展情况
  shuxiang plan link 12 --month 2027-03         把活动 #12 关联到 3 月的计划
`);

  plan
    .command('init')
    .description('生成年度学习计划 Excel（12 个月，每月一行；已有计划时按已有内容填好）')
    .argument('[文件]', '保存为哪个文件（默认“2027年度学习计划.xlsx”）')
    .requiredOption('--year <年份>', '计划年度，如 2027')
    .option('--branch <支部>', '哪个支部的计划（默认 init 时的支部）')
    .option('-f, --force', '文件已存在时覆盖它')
    .addHelpText('after', `
示例：
  shuxiang plan init --year 2027
  shuxiang plan init --year 2027 第一支部学习计划.xlsx --force
`)
    .action(act((ctx: AppContext, file: string | undefined, o: { year: string; branch?: string; force?: boolean }) => runPlanInit(ctx, file, o)));

  plan
    .command('import')
    .description('导入填好的年度学习计划（同 shuxiang import --kind plan）')
    .argument('<文件>', '表格文件（.xlsx、.xls、WPS .et、.ods 或 .csv）')
    .option('--year <年份>', '月份只写了“3月”且标题里没有年度时，用这个年度')
    .option('--branch <支部>', '哪个支部的计划（默认 init 时的支部）')
    .option('--sheet <工作表>', '只读这个工作表（默认读所有可见的工作表；隐藏的工作表须用它指定）')
    .option('--dry-run', '只显示将会新增、修改几个月，不写入')
    .addHelpText('after', `
表头：月份（必填）、学习主题（必填）、形式（集中学习/读书会/讲座/参观）、必学书目、承办单位、主讲人。

示例：
  shuxiang plan import 2027年度学习计划.xlsx
  shuxiang plan import 计划.xlsx --year 2027 --dry-run
`)
    .action(act((ctx: AppContext, file: string, o: { year?: string; branch?: string; dryRun?: boolean; sheet?: string }) => importPlan(ctx, ctx.path(file), o)));

  plan
    .command('show')
    .description('查看年度学习计划，以及每月是否已开展（未开展的月份标为未开展）')
    .option('--year <年份>', '哪一年（默认今年）')
    .option('--as-of <日期>', '按哪一天判断（默认今天）')
    .option('--branch <支部>', '只看一个支部')
    .addHelpText('after', `
示例：
  shuxiang plan show
  shuxiang plan show --year 2027 --as-of 2027-06-30
  shuxiang --json plan show --year 2027
`)
    .action(act((ctx: AppContext, o: { year?: string; asOf?: string; branch?: string }) => runPlanShow(ctx, o)));

  plan
    .command('rotate')
    .description('承办单位轮值：按月份顺序把各单位轮流填入“承办单位”')
    .requiredOption('--units <单位>', '参加轮值的单位，逗号分隔，如 办公室,财务处,人事处')
    .option('--year <年份>', '哪一年的计划（默认今年）')
    .option('--branch <支部>', '哪个支部的计划（默认 init 时的支部）')
    .addHelpText('after', `
示例：
  shuxiang plan rotate --units 办公室,财务处,人事处 --year 2027
`)
    .action(act((ctx: AppContext, o: { units: string; year?: string; branch?: string }) => runPlanRotate(ctx, o)));

  plan
    .command('link')
    .description('把一次学习活动关联到某月的计划（类型与计划形式不同、或跨月举办时用）')
    .argument('<活动编号>', '学习活动的编号，如 12（见 shuxiang session list）')
    .requiredOption('--month <月份>', '计划的月份，如 2027-03')
    .option('--force', '活动与计划月份相隔一个月以上时，确认仍要关联')
    .addHelpText('after', `
示例：
  shuxiang plan link 12 --month 2027-03
  shuxiang plan link 12 --month 2027-08 --force   3 月举办的活动算作 8 月的计划
`)
    .action(act((ctx: AppContext, id: string, o: { month: string; force?: boolean }) => runPlanLink(ctx, id, o)));
}
