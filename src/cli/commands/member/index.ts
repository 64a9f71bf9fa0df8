// `shuxiang member list|show|add|edit|leave`: the roster by hand. This file declares the subcommands and
// their Chinese help; each runs from its own file (list, show, add, edit, leave), the use cases in src/app/members.
import type { Command } from 'commander';
import type { Act } from '../../programBase.js';
import { runMemberAdd } from './add.js';
import { runMemberEdit } from './edit.js';
import { runMemberLeave } from './leave.js';
import { runMemberList } from './list.js';
import { runMemberShow } from './show.js';

export function registerMember(program: Command, act: Act): void {
  const member = program
    .command('member')
    .description('花名册：查看、添加、修改人员，登记转出')
    .addHelpText('after', `
示例：
  shuxiang member list                       今天在册的全部人员
  shuxiang member show 张三                  一个人的全部信息（也可输入拼音首字母 zs 或编号 '#3'）
  shuxiang member add --name 张三 --post 组织委员 --from 2026-03-01
  shuxiang member edit 张三 --leader --from 2026-07-01
  shuxiang member leave 张三 --date 2026-12-01
`);

  member
    .command('list')
    .description('列出花名册（默认只列今天在册的人员；手机号、身份证号默认打码）')
    .option('--branch <支部>', '只列这个支部')
    .option('--leaders', '只列班子成员（支委）')
    .option('--all', '包括已转出的人员')
    .option('--reveal', '显示完整的手机号和身份证号')
    .addHelpText('after', `
示例：
  shuxiang member list
  shuxiang member list --branch 机关第一党支部 --leaders
  shuxiang member list --all
  shuxiang --json member list --reveal > 名单.json
`)
    .action(act(runMemberList));

  member
    .command('show')
    .description('显示一个人的全部信息、在册期间和班子成员任职期间')
    .argument('<姓名>', '姓名、拼音首字母（如 zs）或编号（如 #3）')
    .option('--branch <支部>', '只在这个支部中查找')
    .option('--reveal', '显示完整的手机号和身份证号')
    .addHelpText('after', `
示例：
  shuxiang member show 张三
  shuxiang member show zs
  shuxiang member show '#3' --reveal
  shuxiang member show 张三 --branch 机关第二党支部
`)
    .action(act(runMemberShow));

  member
    .command('add')
    .description('添加一名人员（默认从今天起在册，加入默认支部）')
    .requiredOption('--name <姓名>', '姓名（必填）')
    .option('--branch <支部>', '所在支部（默认是 init 时填写的支部；须是已有的支部，见 shuxiang branch list）')
    .option('--new-branch', '--branch 写的是一个新支部：确认新建它')
    .option('--leader', '是班子成员（支委）')
    .option('--post <职务>', '党内职务，如书记、组织委员（支委职务即为班子成员）')
    .option('--from <日期>', '转入日期，即在册的第一天（默认今天），如 2026-03-01')
    .option('--id-card <号码>', '18 位身份证号（会校验）')
    .option('--phone <号码>', '联系电话')
    .option('--gender <性别>', '男 或 女（填了身份证号可不填）')
    .option('--birth <日期>', '出生年月，如 1985-03 或 1985-03-01（填了身份证号可不填）')
    .option('--category <类别>', '人员类别：正式、预备 或 群众')
    .option('--job <职务>', '行政职务，如 科长')
    .addHelpText('after', `
示例：
  shuxiang member add --name 张三
  shuxiang member add --name 李四 --post 组织委员 --from 2026-03-01 --phone 13812345678
  shuxiang member add --name 王五 --branch 机关第二党支部 --category 预备 --id-card 11010519491231002X
  shuxiang member add --name 赵六 --branch 机关第三党支部 --new-branch    同时新建“机关第三党支部”
`)
    .action(act(runMemberAdd));

  member
    .command('edit')
    .description('修改一个人的信息；班子成员任职、卸任；调到其他支部')
    .argument('<姓名>', '姓名、拼音首字母（如 zs）或编号（如 #3）')
    .option('--branch <支部>', '只在这个支部中查找此人')
    .option('--name <新姓名>', '改名')
    .option('--leader', '任班子成员（可加 --from 指定起任日期）')
    .option('--no-leader', '卸任班子成员（可加 --from 指定卸任日期，默认今天）')
    .option('--from <日期>', '单独使用时修改转入日期（或登记重新转入）；见下方说明')
    .option('--post <职务>', '党内职务（写“无”则清空）；见下方说明')
    .option('--phone <号码>', '联系电话')
    .option('--id-card <号码>', '18 位身份证号')
    .option('--gender <性别>', '男 或 女')
    .option('--birth <日期>', '出生年月，如 1985-03 或 1985-03-01')
    .option('--category <类别>', '人员类别：正式、预备 或 群众')
    .option('--job <职务>', '行政职务')
    .option('--move-to <支部>', '调到另一个已有的支部（加 --from 写调动日期）')
    .option('--new-branch', '--move-to 写的是一个新支部：确认新建它')
    .addHelpText('after', `
说明：
  --from 单独使用时修改转入日期（在册的第一天）；
  与 --leader 同用时是起任班子成员的日期；不加 --from 的 --leader 表示任职期间与在册期间相同；
  与 --no-leader 同用时是卸任日期（不再任职的第一天）；
  与 --move-to 同用时是调动日期（在新支部的第一天）：此前在原支部的在册期间保留，按原支部的活动计参加率；
  不写 --from 的 --move-to 把整段在册期间都改为新支部（用于更正支部填错）。
  已转出的人，--from 写转出之后的日期即登记为重新转入，之前的在册期间保留；
  已卸任的人再次 --leader --from 日期，之前的任职期间保留。
  --post 填支委职务（书记、副书记、组织委员等）时，对还不是班子成员的人视同加了 --leader。

示例：
  shuxiang member edit 张三 --phone 13812345678
  shuxiang member edit 张三 --leader --from 2026-07-01       从 7 月 1 日起任班子成员
  shuxiang member edit 张三 --no-leader --from 2026-10-01    从 10 月 1 日起不再是班子成员
  shuxiang member edit 张三 --from 2026-02-01                转入日期改为 2 月 1 日
  shuxiang member edit zs --post 副书记 --move-to 机关第二党支部
  shuxiang member edit 张三 --move-to 机关第二党支部 --from 2026-07-01   7 月 1 日起调到第二党支部
  shuxiang member edit 张三 --from 2026-10-01                已于 4 月转出的张三 10 月 1 日重新转入
`)
    .action(act(runMemberEdit));

  member
    .command('leave')
    .description('登记转出：从该日起不再在册（该日是不在册的第一天）')
    .argument('<姓名>', '姓名、拼音首字母（如 zs）或编号（如 #3）')
    .requiredOption('--date <日期>', '转出日期，即不在册的第一天，如 2026-03-01（必填）')
    .option('--branch <支部>', '只在这个支部中查找此人')
    .addHelpText('after', `
示例：
  shuxiang member leave 张三 --date 2026-03-01
  shuxiang member leave zs --date 2026-03-01 --branch 机关第一党支部
`)
    .action(act(runMemberLeave));
}
