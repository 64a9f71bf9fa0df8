// `shuxiang export --json FILE`: the whole database as one portable JSON document (mode 0600: it holds
// full ID-card and phone numbers), to move to a new computer or merge a branch into the organ's
// database with `import --kind json`.
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { exportSummary } from '../../../render/terminal/exportText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { exportDatabase } from '../../../app/transfer/exportDatabase.js';
import { writeAtomically } from '../../../io/atomicWrite.js';
import { typedOutput } from '../../../io/outputFile.js';

/** Registers `export`. */
export function registerExport(program: Command, act: Act): void {
  program
    .command('export')
    .summary('把整个数据库导出为一个 JSON 文件')
    .description('把整个数据库导出为一个 JSON 文件（换电脑、把支部数据合并到机关党委的数据库）')
    .argument('<文件>', '导出的 .json 文件')
    .option('-f, --force', '文件已存在时覆盖')
    .addHelpText('after', `
示例：
  shuxiang export --json 第一支部-2026.json
  shuxiang --db 机关党委.db import --kind json 第一支部-2026.json    合并到另一个数据库

说明：--json 可以省略（目前只有 JSON 一种格式）。文件包含全部数据，包括完整的身份证号和手机号，权限为 0600（仅本人可读写），请妥善保管。
导入时所有编号会重新编排，多个支部的导出文件可以导入同一个数据库而不会冲突；
已有的人员（按身份证号，或无身份证号时按支部 + 姓名）、支部、书目不会重复。
`)
    .action(act(runExport));
}

/** Writes the export document (0600) and says what it holds. */
export async function runExport(ctx: AppContext, fileArg: string, o: { force?: boolean }): Promise<void> {
  // “-” (stdout, as other tools read it) is refused: the export holds the full ID-card and phone numbers, which
  // never go to the screen or a pipe — only into a file of the owner's (0600).
  if (fileArg.trim() === '-') throw new UserError('export 不写到屏幕或管道（“-”）：导出文件包含完整的身份证号和手机号，只写进文件（权限 0600）。', ['请给出文件名，如 shuxiang export 全库.json。']);
  const file = typedOutput(ctx.path(fileArg), 'json');
  if (existsSync(file) && !o.force) throw new UserError(`文件 ${file} 已经存在，未覆盖。`, ['请换一个文件名，或加 --force 覆盖它。']);
  const db = await ctx.openDb({ readonly: true });
  const { doc, counts } = exportDatabase(db, ctx.nowStamp());
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, JSON.stringify(doc, null, 1) + '\n', { mode: 0o600 }), { replace: !!o.force });
  if (ctx.json) {
    ctx.outJson({ file, schemaVersion: doc.schemaVersion, rows: counts });
    return;
  }
  ctx.out(exportSummary(file, counts));
  ctx.info('文件含完整的身份证号和手机号（权限 0600），请妥善保管。在另一台电脑上：shuxiang import --kind json 文件');
}
