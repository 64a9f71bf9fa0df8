// `shuxiang rules list|show|init|use|calendar`: which quotas the database checks (SPEC §3) and the
// working-day calendar they count with. This file declares the subcommands; they run in run.ts.
import type { Command } from 'commander';
import type { Act } from '../../programBase.js';
import { runRulesCalendar, runRulesInit, runRulesList, runRulesShow, runRulesUse } from './run.js';

/** Declares `rules` and its subcommands; their bodies are in run.ts. */
export function registerRules(program: Command, act: Act): void {
  const rules = program
    .command('rules')
    .description('规则集：查看各项指标，复制一份自行修改，切换规则集，补充节假日安排')
    .addHelpText('after', `
示例：
  shuxiang rules list                         当前规则集的全部指标
  shuxiang rules show L1-books                一条指标的出处、要求和设置
  shuxiang rules init 本局规则.json --use     复制一份规则集来修改，并让数据库使用它
  shuxiang rules use shuxiang-organ           改用内置的“书香机关”规则集
  shuxiang rules calendar 节假日.json         补充官方日历尚未收录的节假日和调休
`);

  rules
    .command('list')
    .description('列出当前规则集（或 --preset 指定的内置规则集）的全部指标')
    .option('--preset <编号>', '看内置规则集：learning-org 或 shuxiang-organ')
    .addHelpText('after', `
示例：
  shuxiang rules list
  shuxiang rules list --preset shuxiang-organ
  shuxiang --json rules list > 规则.json
`)
    .action(act(runRulesList));

  rules
    .command('show')
    .description('显示规则集的概况，或一条指标的详细内容（出处、要求、设置）')
    .argument('[编号]', '指标编号，如 L1-books（不给时显示规则集概况）')
    .option('--preset <编号>', '看内置规则集：learning-org 或 shuxiang-organ')
    .addHelpText('after', `
示例：
  shuxiang rules show
  shuxiang rules show P1-daily
  shuxiang rules show S3-reflection-share --preset shuxiang-organ
`)
    .action(act(runRulesShow));

  rules
    .command('init')
    .description('把当前规则集（或 --preset 指定的）复制成一个 JSON 文件，供本单位修改')
    .argument('[文件]', '复制到哪个文件（默认 ./规则集.json）')
    .option('--preset <编号>', '复制哪个内置规则集：learning-org 或 shuxiang-organ（默认当前使用的）')
    .option('--use', '复制后让数据库改用这个文件')
    .option('--force', '文件已存在时覆盖它')
    .addHelpText('after', `
示例：
  shuxiang rules init                         生成 ./规则集.json
  shuxiang rules init 本局规则.json --preset shuxiang-organ --use

改好后运行 shuxiang rules use 本局规则.json（会先检查文件，有错会指出是哪条规则的哪个字段）。
`)
    .action(act(runRulesInit));

  rules
    .command('use')
    .description('让数据库改用一个规则集：内置规则集的编号，或本单位的 JSON 文件（先检查再切换）')
    .argument('<规则集>', 'learning-org、shuxiang-organ，或 JSON 文件路径')
    .addHelpText('after', `
示例：
  shuxiang rules use shuxiang-organ
  shuxiang rules use 本局规则.json
`)
    .action(act(runRulesUse));

  rules
    .command('calendar')
    .description('工作日日历：查看收录情况，或指定补充节假日/调休的 JSON 文件')
    .argument('[文件]', '调整文件，格式 {"说明": "…", "holidays": ["2027-01-01"], "workdays": ["2027-02-20"]}')
    .option('--clear', '不再使用调整文件')
    .option('--example <文件>', '生成一份调整文件的示例（2027 年），照着改写')
    .addHelpText('after', `
“每个工作日自学 1 小时”按国家法定节假日和调休计算。内置日历来自 chinese-days 数据包；尚未收录的年份
按周一至周五计算，达标检查会注明。国务院公布新一年的安排后，可把放假日期写进 holidays、调休上班的
周末写进 workdays、通知的名称写进“说明”，再用本命令指定该文件（会先检查每个日期）。

示例：
  shuxiang rules calendar                     查看日历收录到哪一年
  shuxiang rules calendar --example 2027节假日.json
  shuxiang rules calendar 2027节假日.json     检查并启用
  shuxiang rules calendar --clear
`)
    .action(act(runRulesCalendar));
}
