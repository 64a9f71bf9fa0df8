// The `backup` and `restore` use cases. A backup is SQLite's online copy (safe while another shuxiang
// writes), checked before it takes its name; a restore checks the backup first and keeps the current
// database aside. A failure of either leaves nothing new behind, and says which file is at fault.
import { existsSync, statSync } from 'node:fs';
import { DbError, UserError } from '../../shared/errors.js';
import { copyFault, readOnlyDatabase, restoreHint } from '../../shared/storageFault.js';
import { backupTo, checkBackupFile, datedBackupName, discardBackup, moveAside, passesQuickCheck, restoreInto, unopenable, type BackupInfo } from '../../store/backup.js';
import type { Db } from '../../store/db.js';

export { unopenable };

/** Copies the database to `file` (a dated file beside the database when undefined; an existing one is
 * replaced only with `replace`, once the new copy is complete and checked) and returns what it holds. */
export async function backupDatabase(db: Db, input: { dbPath: string; file?: string; replace?: boolean }, now: string): Promise<{ file: string; info: BackupInfo }> {
  const file = input.file ?? datedBackupName(input.dbPath, now, '备份');
  if (existsSync(file) && statSync(file).isDirectory()) throw folderGiven(file);
  let info: BackupInfo | undefined;
  try {
    await backupTo(db, file, { replace: input.replace, verify: (partial) => (info = { ...checkedCopy(db, partial, file, input.dbPath), file }) });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST' && err.path?.endsWith('.partial')) {
      throw new UserError(`${err.path} 已存在：可能另一个 shuxiang 正在备份到 ${file}，或上次备份被中断。`, ['请稍后再试；确认没有备份在进行时，删除该 .partial 文件后重试。']);
    }
    throw copyFault(e, file, input.dbPath) ?? e;
  }
  return { file, info: info! };
}

/** The error for a backup or restore target that is a folder. */
export function folderGiven(file: string): UserError {
  return new UserError(`${file} 是一个文件夹，请指定备份文件名。`, ['例如 shuxiang backup 文件夹/书香备份.db（文件名以 .db 结尾）。']);
}

/** Checks the finished copy. A copy that fails the check is a damaged database (the copy is page for page),
 * unless the database itself passes: then the copy was spoiled on the way (the target disk). */
function checkedCopy(db: Db, partial: string, file: string, dbPath: string): BackupInfo {
  try {
    return checkBackupFile(partial);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    if (!passesQuickCheck(db)) {
      throw new DbError(`数据库 ${dbPath} 已损坏（完整性检查未通过），没有生成备份：损坏的副本不能用来恢复。`, [
        restoreHint(dbPath),
        '运行 shuxiang doctor 可查看损坏情况。',
      ]);
    }
    throw new UserError(`写到 ${file} 的备份未通过完整性检查（目标磁盘可能有问题），已删除，没有留下备份文件。`, ['请换一个位置（另一块磁盘或文件夹）重新备份。']);
  }
}

/** What a restore is about to put in place (checked: sound, and from this version or an older one). */
export function inspectBackup(input: { file: string; dbPath: string }): BackupInfo {
  if (input.file === input.dbPath) throw new UserError('备份文件就是当前数据库本身，无需恢复。请指定一个备份文件。');
  return checkBackupFile(input.file);
}

/** Keeps the current database aside as a dated copy and puts the backup in its place: `current` is the open
 * database, 'unopenable' for a file that cannot be opened (damaged header, not SQLite, blank: moved aside
 * as it is), undefined when there is none. The caller opens the result again, which migrates an older
 * backup forward. When the restore fails, the database is as it was and nothing is kept aside. */
export async function restoreDatabase(current: Db | 'unopenable' | undefined, input: { file: string; dbPath: string }, now: string): Promise<{ aside?: string; movedAside?: boolean }> {
  if (!current) {
    await restoreInto(input.file, input.dbPath);
    return {};
  }
  const aside = datedBackupName(input.dbPath, now, '恢复前');
  let undoAside: () => void;
  try {
    if (current === 'unopenable') {
      undoAside = moveAside(input.dbPath, aside).putBack;
    } else {
      if (current.readonly) throw readOnlyDatabase(input.dbPath);
      const { createdFolder } = await backupTo(current, aside);
      undoAside = () => discardBackup(aside, createdFolder);
      current.close();
    }
  } catch (e) {
    throw copyFault(e, aside, input.dbPath) ?? e;
  }
  try {
    await restoreInto(input.file, input.dbPath);
  } catch (e) {
    undoAside(); // the database is as it was: the copy aside is not needed (a moved file goes back)
    throw e;
  }
  return { aside, movedAside: current === 'unopenable' };
}
