// `shuxiang session add|list|show|edit|remove`: the branch's organised sessions (学习活动). The
// definitions and help are here; each subcommand runs in its own file.
import type { Command } from 'commander';
import type { Act } from '../../programBase.js';
import { sessionFieldOptions } from './fields.js';
import { runSessionAdd } from './add.js';
import { runSessionEdit } from './edit.js';
import { runSessionList } from './list.js';
import { runSessionRemove } from './remove.js';
import { runSessionShow } from './show.js';

export function registerSession(program: Command, act: Act): void {
  const session = program
    .command('session')
    .summary('学习活动：登记、列出、查看、修改、删除')
    .description('学习活动：集中学习、专题报告（讲座）、读书交流、主题党日、务虚会、联学共建、红色教育、知识测试等的登记与查询')
    .addHelpText('after', `
示例：
  shuxiang session add --type 集中学习 --date 2026-03-10 --topic "学习党的二十届四中全会精神" --hours 2
  shuxiang session list --month 2026-03
  shuxiang session show 12
  shuxiang session remove 12
`);

  sessionFieldOptions(session.command('add').description('登记一次学习活动，输出它的编号'))
    .addHelpText('after', `
示例：
  shuxiang session add --type 集中学习 --date 2026-03-10 --topic "学习党的二十届四中全会精神" --hours 2
  shuxiang session add --type 讲座 --date 2026-03-12 --topic "数字财政建设" --start 14:30 --end 16:00 --place 三楼会议室 --speaker 李明
  shuxiang --json session add --type 读书交流 --date 2026-03-20 --topic "《习近平新时代中国特色社会主义思想学习纲要》"
  shuxiang session add --type 务虚会 --date 2026-06-26 --topic "上半年工作务虚" --attendees leaders   只请支委
  shuxiang session add --type 讲座 --date 2026-05-12 --topic "数字财政" --attendees 张三,李四          只请指定的人

只有应到人员计入应到人数、出席率、达标检查和报表；签到表也只列应到人员。
`)
    .action(act(runSessionAdd));

  session
    .command('list')
    .description('列出学习活动及每次的应到、实到、请假、缺席人数')
    .option('--month <月份>', '某月，如 2026-03')
    .option('--quarter <季度>', '某季度，如 2026-Q1')
    .option('--half <半年>', '某半年，如 2026-H1')
    .option('--year <年份>', '某年，如 2026')
    .option('--period <期间>', '任意期间编号：2026、2026-H1、2026-Q3、2026-03、2026-W10')
    .option('--type <类型>', '只看某类活动，如 集中学习')
    .option('--branch <支部>', '支部名称（默认为 init 时的支部）')
    .addHelpText('after', `
示例：
  shuxiang session list
  shuxiang session list --quarter 2026-Q1 --type 读书交流
  shuxiang session list --year 2026 --json
`)
    .action(act(runSessionList));

  session
    .command('show')
    .description('查看一次活动的详情和签到名单')
    .argument('<编号>', '活动编号（session list 中的“编号”）')
    .addHelpText('after', `
示例：
  shuxiang session show 12
  shuxiang --json session show 12
`)
    .action(act(runSessionShow));

  sessionFieldOptions(session.command('edit').description('修改一次活动的信息（只改给出的项）').argument('<编号>', '活动编号'))
    .addHelpText('after', `
示例：
  shuxiang session edit 12 --topic "学习党的二十届四中全会精神（第二次）"
  shuxiang session edit 12 --date 2026-03-11 --start 15:00 --end 17:00
  shuxiang session edit 12 --attendees leaders      改为只请支委
  shuxiang session edit 12 --attendees all          改回全体在册人员
`)
    .action(act(runSessionEdit));

  session
    .command('remove')
    .description('删除一次活动（连同它的签到记录）')
    .argument('<编号>', '活动编号')
    .option('-y, --yes', '不再询问，直接删除')
    .addHelpText('after', `
示例：
  shuxiang session remove 12
  shuxiang session remove 12 --yes
`)
    .action(act(runSessionRemove));
}
