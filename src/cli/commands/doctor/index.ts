// `shuxiang doctor`: named health checks of the database — integrity, foreign keys, schema version, file
// permissions, orphan rows, impossible member dates, records outside the on-roll interval — each with
// the fix to apply. Exit 0 when all pass, 1 when something needs attention.
import type { Command } from 'commander';
import { doctorText } from '../../../render/terminal/doctorText.js';
import { AuditGaps } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';

/** Registers `doctor`. */
export function registerDoctor(program: Command, act: Act): void {
  program
    .command('doctor')
    .summary('检查数据库是否健康，并给出改法')
    .description('检查数据库是否健康：文件完整、关联完整、版本、文件权限、孤立记录、不合理的日期等，并给出改法')
    .addHelpText('after', `
示例：
  shuxiang doctor
  shuxiang --db 备份/shuxiang.db doctor
  shuxiang doctor --json

退出码：0 全部通过；1 发现需要处理的问题（逐项列出改法）。
`)
    .action(act(runDoctor));
}

/** Runs the checks and prints each with its fix; exit 1 when any fails. */
export async function runDoctor(ctx: AppContext): Promise<void> {
  const { checkDatabase } = await import('../../../app/health/checkDatabase.js');
  const { database, checks, failed } = checkDatabase(ctx.dbPath(), ctx.today());
  if (ctx.json) {
    ctx.outJson({ database, ok: failed.length === 0, checks: checks.map((c) => ({ id: c.id, title: c.title, ok: c.problems.length === 0, problems: c.problems, fix: c.problems.length ? c.fix : undefined })) });
  } else {
    ctx.out(doctorText(ctx.paint, database, checks));
  }
  if (failed.length) throw new AuditGaps(ctx.json ? '' : `doctor：${failed.length} 项检查未通过。`);
}
