// `shuxiang backup [FILE]` and `shuxiang restore FILE`: a dated copy of the database through SQLite's
// online backup (safe while another shuxiang writes), mode 0600; restoring checks the file first and
// keeps the current database aside in shuxiang-backups/.
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { backupDetails, backupSummary } from '../../../render/terminal/backupText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { backupDatabase, folderGiven, inspectBackup, restoreDatabase, unopenable } from '../../../app/backup/backupDatabase.js';
import { schemaVersion } from '../../../store/dbConnect.js';

/** Registers `backup` and `restore`. */
export function registerBackup(program: Command, act: Act): void {
  program
    .command('backup')
    .summary('备份数据库（带日期的文件，权限 0600）')
    .description('备份数据库到一个带日期的文件（权限 0600；其他 shuxiang 正在写入时也可以备份）')
    .argument('[文件]', '备份文件（默认 shuxiang-backups/shuxiang.备份.日期-时间.db）')
    .option('-f, --force', '文件已存在时覆盖')
    .addHelpText('after', `
示例：
  shuxiang backup                           备份到 shuxiang-backups 文件夹
  shuxiang backup D:/U盘/书香备份-年底.db     备份到指定文件
  shuxiang restore shuxiang-backups/shuxiang.备份.20261122-090000.db

说明：每次导入（import）和撤销（undo）之前会自动备份（文件名带“自动”），只保留最近 10 份；
手动备份不会被自动删除。备份文件含完整的身份证号和手机号，请妥善保管。
`)
    .action(act(runBackup));
  program
    .command('restore')
    .summary('用备份文件恢复数据库')
    .description('用备份文件恢复数据库（先检查备份文件，当前数据库另存到 shuxiang-backups 文件夹）')
    .argument('<文件>', 'shuxiang backup 生成的备份文件')
    .option('-y, --yes', '不再询问确认（用于脚本）')
    .addHelpText('after', `
示例：
  shuxiang restore shuxiang-backups/shuxiang.自动.20261122-090000.db
  shuxiang restore 书香备份-年底.db --yes

说明：恢复前会检查备份文件是否完好、是否由本版本或更早版本的 shuxiang 生成；
当前的数据库会先另存为 shuxiang-backups/shuxiang.恢复前.日期-时间.db，恢复错了可以再恢复回来。
`)
    .action(act(runRestore));
}

/** Writes the backup (a dated file in shuxiang-backups/ by default) and checks it. */
export async function runBackup(ctx: AppContext, fileArg: string | undefined, o: { force?: boolean }): Promise<void> {
  let file: string | undefined;
  let replace = false;
  if (fileArg) {
    const given = ctx.path(fileArg);
    // “文件夹/” names a folder (made or not): a backup is a file in one, named.
    if (isFolder(given) || /[\\/]$/.test(fileArg)) throw folderGiven(given);
    file = /\.(db|sqlite3?)$/i.test(fileArg) ? given : `${given}.db`;
    if (file === ctx.dbPath()) throw new UserError('备份文件不能就是数据库本身，请换一个文件名。');
    if (isFolder(file)) throw folderGiven(file);
    if (existsSync(file)) {
      if (!o.force) throw new UserError(`文件 ${file} 已经存在，未覆盖。`, ['请换一个文件名，或加 --force 覆盖它。']);
      replace = true; // replaced only once the new copy is complete and checked
    }
  }
  const db = await ctx.openDb({ readonly: true });
  const { file: written, info } = await backupDatabase(db, { dbPath: ctx.dbPath(), file, replace }, ctx.nowStamp());
  if (ctx.json) {
    ctx.outJson(info);
    return;
  }
  ctx.out(`已备份到 ${written}`);
  ctx.info(backupDetails(written, info));
}

/** Checks the backup, confirms, keeps the current database aside, then restores. */
export async function runRestore(ctx: AppContext, fileArg: string, o: { yes?: boolean }): Promise<void> {
  const file = ctx.path(fileArg);
  const dbPath = ctx.dbPath();
  const info = inspectBackup({ file, dbPath });
  const summary = backupSummary(info);
  if (!o.yes) {
    ctx.info(`备份文件 ${file}：${summary}。`);
    const { askConfirm } = await import('../../prompts.js');
    if (!(await askConfirm(ctx, '--yes', `用它替换当前数据库 ${dbPath} 吗？（当前数据库会先另存）`))) throw new UserError('已取消，未做任何修改。');
  }
  // A file that cannot be opened at all (a damaged header, a blank file) is what a restore is for: it is
  // moved aside as it is instead of being opened.
  const current = !existsSync(dbPath) ? undefined : unopenable(dbPath) ? 'unopenable' : await ctx.openDb();
  const { aside, movedAside } = await restoreDatabase(current, { file, dbPath }, ctx.nowStamp());
  ctx.noteDone(`数据库已经从 ${file} 恢复${aside ? `（恢复前的数据库另存为 ${aside}）` : ''}`);
  ctx.closeAll();
  const db = await ctx.openDb(); // migrates an older backup forward and re-creates the journal triggers
  const version = schemaVersion(db);
  if (ctx.json) {
    ctx.outJson({ restoredFrom: file, database: dbPath, previousSavedTo: aside ?? null, members: info.members, batches: info.batches, schemaVersion: version });
    return;
  }
  ctx.out(`已用 ${file} 恢复数据库 ${dbPath}（${summary}）。`);
  if (aside && movedAside) ctx.info(`原来的 ${dbPath} 无法作为数据库打开（已损坏或是空文件），已原样移到 ${aside}。`);
  else if (aside) ctx.info(`恢复前的数据库已另存为 ${aside}；如需退回：shuxiang restore ${aside}`);
  if (info.schemaVersion < version) ctx.info(`备份来自较早的版本，已自动升级数据结构（版本 ${info.schemaVersion} → ${version}）。`);
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
