// The `backup` and `restore` use cases. A backup is SQLite's online copy (safe while another shuxiang
// writes), checked afterwards; a restore checks the backup first and keeps the current database aside.
import { UserError } from '../../shared/errors.js';
import { backupTo, checkBackupFile, datedBackupName, restoreInto, type BackupInfo } from '../../store/backup.js';
import type { Db } from '../../store/db.js';

/** Copies the database to `file` (a dated file beside the database when undefined) and checks the copy. */
export async function backupDatabase(db: Db, input: { dbPath: string; file?: string }, now: string): Promise<{ file: string; info: BackupInfo }> {
  const file = input.file ?? datedBackupName(input.dbPath, now, '备份');
  try {
    await backupTo(db, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`无法写入 ${file}：所在文件夹不存在。`, ['请先建好文件夹，或换一个路径。']);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`无法写入 ${file}：没有写权限。`, ['请换一个有写权限的文件夹。']);
    if (code === 'ENOSPC') throw new UserError(`无法写入 ${file}：磁盘空间不足。`);
    throw e;
  }
  return { file, info: checkBackupFile(file) };
}

/** What a restore is about to put in place (checked: sound, and from this version or an older one). */
export function inspectBackup(input: { file: string; dbPath: string }): BackupInfo {
  if (input.file === input.dbPath) throw new UserError('备份文件就是当前数据库本身，无需恢复。请指定一个备份文件。');
  return checkBackupFile(input.file);
}

/** Keeps the current database (`current`, when there is one) aside as a dated copy, closes it, and puts the
 * backup in its place; the caller opens the result again, which migrates an older backup forward. */
export async function restoreDatabase(current: Db | undefined, input: { file: string; dbPath: string }, now: string): Promise<{ aside?: string }> {
  let aside: string | undefined;
  if (current) {
    aside = datedBackupName(input.dbPath, now, '恢复前');
    await backupTo(current, aside);
    current.close();
  }
  await restoreInto(input.file, input.dbPath);
  return { aside };
}
