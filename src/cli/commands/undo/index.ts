// `shuxiang undo [BATCH]`: takes back the last write batch (or a named one nothing later depends on),
// exactly — the database afterwards equals the database before it. Asks first on a terminal; `--yes`
// for scripts. A backup is taken first, since an undo cannot itself be undone.
import type { Command } from 'commander';
import { batchWords } from '../../../render/terminal/undoText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { findUndo, undo } from '../../../app/history/undoBatch.js';
import { numberText, recordNumber } from '../../args/numbers.js';

/** Registers `undo`. */
export function registerUndo(program: Command, act: Act): void {
  program
    .command('undo')
    .summary('撤销最近一次（或指定的一次）写入')
    .description('撤销最近一次写入（或指定编号的一次），数据库恢复到那次操作之前的样子')
    .argument('[编号]', '要撤销的写入记录编号（shuxiang history 中的“编号”；默认最近一次）')
    .option('-y, --yes', '不再询问确认（用于脚本）')
    .option('--no-backup', '撤销前不自动备份数据库')
    .addHelpText('after', `
示例：
  shuxiang history                  先看看最近做了哪些写入
  shuxiang undo                     撤销最近一次（会先确认）
  shuxiang undo 12 --yes            撤销第 12 次写入，不再确认

说明：如果之后的写入修改或用到了这次写入的数据（例如撤销导入花名册，但之后已为这些人签到），
会拒绝撤销并指出是哪一次；请从最近的一次开始依次撤销。撤销本身不能再撤销，
所以撤销前会自动备份到数据库旁的 shuxiang-backups 文件夹，需要时可用 shuxiang restore 恢复。
`)
    .action(act(runUndo));
}

/** Checks, confirms, backs up, then undoes one batch. */
export async function runUndo(ctx: AppContext, idText: string | undefined, o: { yes?: boolean; backup?: boolean }): Promise<void> {
  let id: number | undefined;
  if (idText !== undefined) {
    const digits = /^#?(\d+)$/.exec(numberText(idText))?.[1];
    const hint = '请写 shuxiang history 中显示的编号，例如 shuxiang undo 12。';
    if (digits === undefined) throw new UserError(`编号“${idText}”无效：${hint}`);
    id = recordNumber(digits, idText, '编号', hint);
  }
  const db = await ctx.openDb();
  const b = findUndo(db, id);
  const what = batchWords(b);
  if (!o.yes) {
    ctx.info(`将撤销${what}`);
    const { askConfirm } = await import('../../prompts.js');
    if (!(await askConfirm(ctx, '--yes', '确认撤销吗？撤销后不能再恢复（除非用自动备份）。'))) throw new UserError('已取消，未做任何修改。');
  }
  const r = await undo(db, { batch: b, backupOf: o.backup !== false ? ctx.dbPath() : undefined }, ctx.nowStamp());
  ctx.noteDone(`第 ${b.id} 次写入（${b.command}）已经撤销`);
  const backupFile = r.backupFile;
  if (ctx.json) {
    ctx.outJson({ undone: b.id, command: b.command, args: b.args, deletedRows: r.deleted, restoredRows: r.restored, backup: backupFile ?? null });
    return;
  }
  ctx.out(`已撤销${what}。`);
  if (backupFile) ctx.info(`撤销前的数据库已备份到 ${backupFile}（撤销不能再撤销；需要时用 shuxiang restore 恢复）。`);
}
