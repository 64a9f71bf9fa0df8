// `shuxiang sheet SESSION [FILE]`: a printable A4 sign-in sheet with the names pre-filled, to sign on
// paper and read back with `import --kind signin`.
import type { Command } from 'commander';
import { signinSheetRows } from '../../../app/signin/signinSheet.js';
import { maskDeep } from '../../../domain/pii.js';
import { sessionTypeName } from '../../../domain/sessionTypes.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { writeOutput } from '../../writeOutput.js';
import { loadSession, sessionTitle } from '../../args/session.js';
import { typedOutput } from '../../../io/outputFile.js';

export function registerSheet(program: Command, act: Act): void {
  program
    .command('sheet')
    .summary('生成可打印的纸质签到表（A4 .xlsx）')
    .description('生成纸质签到表（A4 .xlsx，已填好当天在册人员的姓名），签完后可用 import --kind signin 导入')
    .argument('<活动编号>', '活动编号（session list 中的“编号”）')
    .argument('[文件]', '输出文件（默认 签到表_日期_类型.xlsx，保存在当前目录）')
    .option('-f, --force', '文件已存在时覆盖')
    .addHelpText('after', `
示例：
  shuxiang sheet 12
  shuxiang sheet 12 三月集中学习签到表.xlsx
  shuxiang import --kind signin 签到表_2026-03-10_集中学习.xlsx

已登记的请假等状态会预先填在“状态”栏里。
`)
    .action(act(runSheet));
}

/** File-name-safe text (no path separators or characters Windows refuses). */
function safe(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export async function runSheet(ctx: AppContext, idText: string, fileArg: string | undefined, o: { force?: boolean }): Promise<void> {
  const db = await ctx.openDb({ readonly: true });
  const s = loadSession(db, idText);
  const { members, rows } = await signinSheetRows(db, s);
  const file = fileArg === undefined ? `签到表_${s.date}_${safe(sessionTypeName(s.type))}.xlsx` : typedOutput(ctx.path(fileArg), 'xlsx');
  const { writeSigninSheet } = await import('../../../render/excel/signinSheet.js');
  const path = await writeOutput(ctx, { file: ctx.path(file), named: fileArg !== undefined, force: o.force }, (tmp) => writeSigninSheet(tmp, maskDeep({
      sessionId: s.id, branch: s.branch, typeName: sessionTypeName(s.type), topic: s.topic, date: s.date,
      startTime: s.startTime, endTime: s.endTime, hours: s.hours, place: s.place, speaker: s.speaker, recorder: s.recorder,
      rows,
    })));
  if (ctx.json) {
    ctx.outJson({ file: path, session: s.id, members: members.length });
    return;
  }
  ctx.out(`已生成签到表 ${path}`);
  ctx.info(`${sessionTitle(s)}，${members.length} 人。打印时为 A4 纵向，表头每页重复。\n签完后把状态填进“状态”栏（或只看签名），再运行：shuxiang import --kind signin ${file}`);
}
