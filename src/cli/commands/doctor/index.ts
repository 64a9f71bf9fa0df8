// `shuxiang doctor`: named health checks of the database — integrity, foreign keys, schema version, file
// permissions, orphan rows, impossible member dates, records outside the on-roll interval — each with
// the fix to apply. Exit 0 when all pass, 1 when something needs attention.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { AuditGaps, UserError } from '../../../shared/errors.js';
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
  const path = ctx.dbPath();
  if (!existsSync(path)) throw new UserError(`找不到数据库文件 ${path}。`, ['请用 --db 指定要检查的数据库文件（也可设置环境变量 SHUXIANG_DB）。']);
  const { runDoctor: check } = await import('../../../store/doctor.js');
  const checks = check(path, ctx.today());
  const failed = checks.filter((c) => c.problems.length > 0);
  if (ctx.json) {
    ctx.outJson({ database: path, ok: failed.length === 0, checks: checks.map((c) => ({ id: c.id, title: c.title, ok: c.problems.length === 0, problems: c.problems, fix: c.problems.length ? c.fix : undefined })) });
  } else {
    const lines = [`检查数据库 ${path}：`];
    for (const c of checks) {
      lines.push(`  ${c.problems.length ? ctx.paint('red', '✗') : ctx.paint('green', '✓')} ${c.title}`);
      for (const p of c.problems) lines.push(`      ${p}`);
      if (c.problems.length && c.fix) lines.push(`      ${ctx.paint('cyan', '改法')}：${c.fix}`);
    }
    lines.push(failed.length ? `发现 ${failed.length} 项需要处理。` : '全部通过。');
    ctx.out(lines.join('\n'));
  }
  if (failed.length) throw new AuditGaps(ctx.json ? '' : `doctor：${failed.length} 项检查未通过。`);
}
