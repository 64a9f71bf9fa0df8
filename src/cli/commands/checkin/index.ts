// `shuxiang checkin [SESSION]`: sign people in — by flags (scripts, after the meeting; scripted.ts), or
// interactively at the door (interactive.ts): pick or create today's session, tick who came in a
// searchable list, mark the rest 请假 or 缺席 and the late arrivals, confirm, and only then write (one batch).
import type { Command } from 'commander';
import { EXCUSE_KINDS } from '../../../domain/attendanceStatus.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { runInteractive } from './interactive.js';
import { NAME_SEPARATORS, runScripted, type CheckinOptions } from './scripted.js';

const FLAG_HINT = '--present、--late、--excused、--absent 或 --absent-rest';

/** Splits a name list typed with any Chinese or Latin separator; repeated flags add up. */
function collectNames(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(NAME_SEPARATORS).map((s) => s.trim()).filter(Boolean)];
}

/** --excused as typed, one string per flag: a 事由 may hold commas and spaces (split against the roll, scripted.ts). */
function collectRaw(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerCheckin(program: Command, act: Act): void {
  program
    .command('checkin')
    .summary('签到：交互勾选，或用 --present 等选项登记')
    .description('签到：在终端里逐人勾选，或用选项一次登记（重复运行会更新状态，不会重复记录）')
    .argument('[活动编号]', '活动编号（不给时：交互式选择或新建今天的活动；非交互时今天只有一次活动则用它）')
    .option('--present <姓名,...>', '出席的人，逗号分隔；可写全名或拼音首字母（zs 表示张三）', collectNames)
    .option('--late <姓名,...>', '迟到的人（计入实到）', collectNames)
    .option('--excused <姓名:类别:事由,...>', `请假的人，可带类别和事由，如 王五:病假 或 王五:公假:出差；类别：${EXCUSE_KINDS.join('、')}。事由原样保存，其中的逗号、空格也保留（紧跟其后的若是在册人员的姓名或“姓名:类别”，则算下一位请假的人；算作事由的部分会提示）`, collectRaw)
    .option('--absent <姓名,...>', '缺席的人', collectNames)
    .option('--absent-rest', '其余尚未登记的在册人员一律记为缺席')
    .option('--branch <支部>', '支部名称（只在不给活动编号时用于查找今天的活动）')
    .addHelpText('after', `
示例：
  shuxiang checkin                       在终端里交互签到（选择或新建今天的活动）
  shuxiang checkin 12                    为 12 号活动交互签到
  shuxiang checkin 12 --present 张三,李四 --late 赵六 --excused 王五:病假 --absent-rest
  shuxiang checkin 12 --excused "王五:公假:去北京，开会"   事由原样保存
  shuxiang checkin 12 --present zs,ls    用拼音首字母
  shuxiang --json checkin 12 --absent 孙七

只登记提到的人；没提到的人保持原状态，除非加 --absent-rest。
`)
    .action(act(runCheckin));
}

export async function runCheckin(ctx: AppContext, sessionArg: string | undefined, o: CheckinOptions): Promise<void> {
  const scripted = !!(o.present?.length || o.late?.length || o.excused?.length || o.absent?.length || o.absentRest);
  const db = await ctx.openDb();
  if (scripted) return runScripted(ctx, db, sessionArg, o);
  if (!ctx.interactive) {
    throw new UserError(`没有给出签到情况：当前不是交互式终端，无法逐人勾选。请用 ${FLAG_HINT} 指定。`, [
      `例如：shuxiang checkin ${sessionArg ?? '12'} --present 张三,李四 --excused 王五:病假 --absent-rest`,
    ]);
  }
  return runInteractive(ctx, db, sessionArg, o);
}
