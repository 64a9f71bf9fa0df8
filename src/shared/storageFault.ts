// The one place that turns a storage failure — SQLite's or the file system's — into a message a user can
// act on: a full disk, a read-only disk or file, a damaged database, a folder that is not there. The
// database's troubles are exit 3 and name the newest automatic backup to restore; an output file's are
// exit 2 and say to choose another folder. Nothing here is "内部错误": the disk is not shuxiang's defect.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { DbError, ShuxiangError, UserError } from './errors.js';
import { NAME_LIMIT } from './nameLimit.js';

/** What the failing command was working on, so the message can name it. */
export interface FaultScene {
  /** The database file of the command. */
  dbPath?: string;
  /** The output file the failure happened on (when a writer knows it). */
  file?: string;
}

/** The folder automatic (and default manual) backups go to: `shuxiang-backups/` beside the database. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'shuxiang-backups');
}

/** The newest backup of the database (automatic ones first looked at by time), if any is there. */
export function newestBackup(dbPath: string): string | undefined {
  const folder = backupFolder(dbPath);
  const base = basename(dbPath, extname(dbPath));
  try {
    return readdirSync(folder)
      .filter((f) => f.startsWith(`${base}.`) && f.endsWith('.db'))
      .map((f) => ({ f: join(folder, f), t: statSync(join(folder, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t || b.f.localeCompare(a.f, 'en', { numeric: true }))[0]?.f;
  } catch {
    return undefined;
  }
}

/** The line telling how to get the data back: `shuxiang restore <the newest backup>`, or that there is none. */
export function restoreHint(dbPath: string): string {
  const b = newestBackup(dbPath);
  return b
    ? `可用最近的备份恢复：shuxiang restore ${JSON.stringify(b)}（恢复前会先把当前文件另存一份）。`
    : '没有找到自动备份（shuxiang-backups 文件夹）。如另有备份文件，可用 shuxiang restore <备份文件> 恢复。';
}

const FS_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'EBUSY', 'EISDIR', 'ENOTDIR', 'EIO', 'EFBIG', 'EMFILE', 'ENFILE', 'EEXIST', 'ENAMETOOLONG']);

/** The SQLite result code of an error (SQLITE_FULL, SQLITE_IOERR_WRITE…), if it is one. */
function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** A storage failure said in Chinese with what to do, or undefined when `e` is not one. */
export function storageFault(e: unknown, scene: FaultScene = {}): ShuxiangError | undefined {
  if (e instanceof ShuxiangError) return e;
  const sql = sqliteCode(e);
  if (sql) return sqliteFault(sql, scene);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !FS_CODES.has(code)) return undefined;
  const path = scene.file ?? (e as NodeJS.ErrnoException).path;
  return fileFault(code, path ? resolve(path) : undefined, scene.dbPath);
}

/** The database cannot be written (a read-only file, folder or disk): exit 3, said before anything is written. */
export function readOnlyDatabase(dbPath: string | undefined): DbError {
  // Its -wal and -shm files (made by SQLite with the database's own mode, read-only too when it was) need it
  // as well: named, so that the chmod advised is the whole of it.
  const files = dbPath ? [dbPath, ...['-wal', '-shm'].map((x) => dbPath + x).filter((f) => existsSync(f))] : [];
  const chmod = files.length ? `chmod 600 ${files.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(' ')}` : 'chmod 600';
  return new DbError(`数据库 ${dbPath ?? '数据库'} 是只读的（文件或所在文件夹没有写权限，或在只读的磁盘上），无法写入，本次没有写入任何内容。`, [
    `查看类命令（member list、audit、report 等）仍可使用。要写入，请用 ${chmod} 恢复${files.length > 1 ? '这些文件' : '文件'}的写权限，或把数据库复制到可写的文件夹后用 --db 指定。`,
  ]);
}

/** A failure while SQLite copies the database into `file` (a backup): a full, read-only or failing disk is
 * that file's trouble, named as it (exit 2, or 3 when the file is beside the database); a damaged page read
 * from the database is the database's. Undefined when `e` is no storage failure. */
export function copyFault(e: unknown, file: string, dbPath?: string): ShuxiangError | undefined {
  if (e instanceof ShuxiangError) return e;
  const sql = sqliteCode(e);
  const target = resolve(file);
  if (sql) {
    if (sql === 'SQLITE_FULL') return fileFault('ENOSPC', target, dbPath);
    if (sql.startsWith('SQLITE_READONLY')) return fileFault('EROFS', target, dbPath);
    if (sql.startsWith('SQLITE_CANTOPEN')) return fileFault('EACCES', target, dbPath);
    if (sql.startsWith('SQLITE_IOERR') && !/_(READ|SHORT_READ)$/.test(sql)) return fileFault('EIO', target, dbPath);
    return sqliteFault(sql, { dbPath });
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !FS_CODES.has(code)) return undefined;
  return fileFault(code, target, dbPath);
}

function sqliteFault(code: string, scene: FaultScene): ShuxiangError | undefined {
  const db = scene.dbPath ?? '数据库';
  if (code === 'SQLITE_FULL') {
    return new DbError(`写入数据库 ${db} 失败：磁盘已满。本次操作没有写入任何内容，数据库未损坏。`, [
      '请清理磁盘空间（删除不需要的文件、清空回收站）后重试。',
    ]);
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new DbError(`数据库 ${db} 已损坏（database disk image is malformed），为免损坏扩大，本次操作没有写入。`, [
      scene.dbPath ? restoreHint(scene.dbPath) : '请用 shuxiang restore <备份文件> 从最近的备份恢复。',
      '运行 shuxiang doctor 可查看损坏情况。',
    ]);
  }
  if (code.startsWith('SQLITE_READONLY')) return readOnlyDatabase(scene.dbPath);
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DbError(`无法打开数据库 ${db}（或它旁边的 -wal/-shm 日志文件）。`, [
      '请检查文件夹是否存在、是否有读写权限、磁盘是否只读或已拔出。',
    ]);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DbError(`读写数据库 ${db} 时磁盘出错（${code}）。本次操作没有写入任何内容。`, [
      '请检查磁盘空间是否已满、U 盘或网络盘是否已断开，然后重试。',
      '运行 shuxiang doctor 可检查数据库是否完好。',
    ]);
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    // SQLite cannot say who holds the lock: another shuxiang, or a program that opened the file (DB Browser…).
    return new DbError('数据库正被其他程序占用（可能是另一个正在运行的 shuxiang 命令，也可能是用别的软件打开了这个数据库文件），等待后仍未释放，没有写入任何内容。', ['请等它结束或关闭占用它的软件后再试。']);
  }
  return undefined;
}

/** The database file itself, its -wal/-shm/-journal, or a file in its backup folder. */
function besideDb(path: string, db: string): boolean {
  if (path.startsWith(db) && /^(-wal|-shm|-journal)?$/.test(path.slice(db.length))) return true;
  return path.startsWith(resolve(backupFolder(db)) + sep);
}

/** What is too long in `path`: its file name or a folder's name (each at most NAME_LIMIT bytes, a Chinese
 * character taking 3), a name that leaves no room for the file written beside it, or the whole path. */
function tooLong(path: string | undefined): string {
  const parts = (path ?? '').split(sep).filter(Boolean);
  const name = parts[parts.length - 1] ?? '';
  const folder = parts.slice(0, -1).find((p) => Buffer.byteLength(p) > NAME_LIMIT);
  const bytes = Buffer.byteLength(name);
  const limit = `系统最多允许 ${NAME_LIMIT} 字节，一个汉字占 3 字节`;
  if (folder) return `文件夹名“${folder}”太长（${Buffer.byteLength(folder)} 字节，${limit}）。没有写入任何文件。`;
  if (bytes > NAME_LIMIT) return `文件名太长（${bytes} 字节，${limit}，约 80 个汉字）。没有写入任何文件。`;
  if (bytes > NAME_LIMIT - 30) return `文件名太长（${bytes} 字节）：写入时要在旁边建一个名字更长的日志文件，超过了系统允许的 ${NAME_LIMIT} 字节。没有写入任何文件。`;
  return '路径太长（文件夹层级太深，超过了系统允许的长度）。没有写入任何文件。';
}

/** The file that stands where `path` needs a folder (ENOTDIR: `afile/x.xlsx`), if one does. */
function fileOnTheWay(path: string | undefined): string | undefined {
  if (!path) return undefined;
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
      return undefined;
    } catch {
      // not there, or not reachable: look further up
    }
  }
  return undefined;
}

function fileFault(code: string, path: string | undefined, dbPath: string | undefined): ShuxiangError {
  const name = path ?? '文件';
  // A file beside the database (its backups, its -wal) is the database's trouble: exit 3.
  const ofDb = !!(path && dbPath && besideDb(path, resolve(dbPath)));
  const make = (message: string, details: string[]) => (ofDb ? new DbError(message, details) : new UserError(message, details));
  const elsewhere = ofDb ? '请检查数据库所在的文件夹。' : '请换一个文件夹保存（在文件名前写上另一个文件夹），或检查该文件夹。';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return make(`无法写入 ${name}：磁盘空间不足${code === 'EDQUOT' ? '（超出配额）' : ''}。没有留下写了一半的文件。`, [
        `请清理磁盘空间后重试，${ofDb ? '数据库未做任何修改。' : '或保存到另一块磁盘上的文件夹。'}`,
      ]);
    case 'EROFS':
      return make(`无法写入 ${name}：所在的磁盘是只读的。`, [elsewhere]);
    case 'EACCES':
    case 'EPERM':
      return make(`无法写入 ${name}：没有写权限（也可能文件正在 Excel/WPS/Word 中打开）。`, ['请关闭该文件后重试，或换一个有写权限的文件夹。']);
    case 'EBUSY':
      return make(`无法写入 ${name}：文件正被其他程序占用（可能正在 Excel/WPS/Word 中打开）。`, ['请关闭该文件后重试，或换一个文件名。']);
    case 'ENOTDIR': {
      const file = fileOnTheWay(path);
      if (file) return make(`无法写入 ${name}：路径中的 ${file} 是一个文件，不是文件夹。`, ['请换一个路径，或给出一个文件夹下的文件名。']);
      return make(`无法写入 ${name}：所在文件夹不存在。`, ['请先建好文件夹，或换一个路径。']);
    }
    case 'ENOENT':
      return make(`无法写入 ${name}：所在文件夹不存在。`, ['请先建好文件夹，或换一个路径。']);
    case 'EISDIR':
      return make(`无法写入 ${name}：这是一个文件夹。`, ['请指定文件名。']);
    case 'EEXIST':
      return make(`${name} 已存在。`, ['请换一个文件名，或加 --force 覆盖。']);
    case 'ENAMETOOLONG':
      return make(`无法写入 ${name}：${tooLong(path)}`, [
        ofDb ? '请把数据库放在名字短一些的文件夹里，或用 --db 指定一个短一些的文件名。' : '请换一个短一些的文件名（或放在名字短一些的文件夹里）。',
      ]);
    case 'EMFILE':
    case 'ENFILE':
      return make(`无法打开 ${name}：系统打开的文件太多。`, ['请关闭一些程序后重试。']);
    default:
      return make(`读写 ${name} 时磁盘出错（${code}）。`, ['请检查磁盘是否正常（U 盘、网络盘是否已断开），然后重试。']);
  }
}
