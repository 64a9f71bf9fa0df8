// `shuxiang remind`: for the periods still open on a date, one short message per member with what is
// still needed and by when, ready to paste into a chat group; `--xlsx` writes the same as a table.
import type { Command } from 'commander';
import { remind } from '../../../app/audit/remind.js';
import { maskDeep } from '../../../domain/pii.js';
import { writeRemindSheet } from '../../../render/excel/remindSheet.js';
import { remindBranchDuties, remindFooter, remindMessages } from '../../../render/terminal/remindText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { requireBranch } from '../../args/branch.js';
import { auditAsOf } from '../../args/dates.js';
import { writeOutput } from '../../writeOutput.js';

/** The flags of `remind`. */
export interface RemindOptions {
  force?: boolean;
  asOf?: string;
  branch?: string;
  xlsx?: string;
}

/** Declares `remind` and its Chinese help. */
export function registerRemind(program: Command, act: Act): void {
  program
    .command('remind')
    .description('提醒：当前周期每人还差什么、截至何时，一人一句，可直接发到工作群')
    .option('--as-of <日期>', '按哪一天的情况提醒（默认今天）')
    .option('--branch <支部>', '只提醒一个支部（默认全部支部）')
    .option('--xlsx <文件>', '同时写成 Excel 表格（姓名、支部、待完成事项、截止日期）')
    .option('-f, --force', '--xlsx 的文件已存在时覆盖它')
    .addHelpText('after', `
示例：
  shuxiang remind                            今天的提醒，复制后粘贴到工作群
  shuxiang remind --as-of 2026-09-20
  shuxiang remind --xlsx 九月提醒.xlsx

只列还没完成的人；已结束周期的未达标情况请用 shuxiang audit 查看。
`)
    .action(act(runRemind));
}

/** Audits the year of the as-of date and prints one message per member with something open. */
export async function runRemind(ctx: AppContext, o: RemindOptions): Promise<void> {
  const asOf = auditAsOf(ctx, o.asOf);
  const db = await ctx.openDb({ readonly: true });
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  const { remind: r, calendarNote } = remind(db, { dbPath: ctx.dbPath(), asOf, branchId: branch?.id });

  if (o.xlsx) {
    const file = ctx.path(o.xlsx);
    if (!/\.xlsx$/i.test(file)) throw new UserError(`--xlsx 的文件名“${o.xlsx}”应以 .xlsx 结尾。`);
    const written = await writeOutput(ctx, { file, named: true, force: o.force, flag: '--xlsx' }, (tmp) => writeRemindSheet(tmp, maskDeep(r)));
    ctx.info(`已写入 ${written}`);
  }
  if (ctx.json) {
    const items = (m: (typeof r.messages)[number]) => m.items.map(({ rule, period, when, todo, due, daysLeft }) => ({ rule, period, when, todo, due, daysLeft }));
    ctx.outJson({
      asOf,
      messages: r.messages.map((m) => ({ member: m.name, branch: m.branch, text: m.text, items: items(m) })),
      branches: r.branches.map((b) => ({ branch: b.branch, text: b.text, items: items(b) })),
    });
    return;
  }
  if (calendarNote) ctx.warn(calendarNote);
  if (r.messages.length) ctx.out(remindMessages(r));
  ctx.info(remindFooter(r, asOf));
  if (r.branches.length) ctx.info(remindBranchDuties(r));
}
