// Copies of the database through SQLite's online backup API: consistent while another shuxiang process
// writes (WAL readers never block writers), written 0600 from the first byte. Automatic copies before
// imports and undo go to `shuxiang-backups/` beside the database; only the newest 10 are kept.
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../shared/errors.js';
import { nameRoom } from '../shared/nameLimit.js';
import { backupFolder, copyFault, readOnlyDatabase } from '../shared/storageFault.js';
import type { Db } from './db.js';
import { newDatabase, schemaVersion } from './dbConnect.js';
import { assertIntact } from './integrity.js';
import { SCHEMA_VERSION } from './migrations/index.js';

/** How many automatic backups are kept per database. */
export const KEEP_AUTO_BACKUPS = 10;

/** What a backup file holds, as far as a check can tell. */
export interface BackupInfo {
  file: string;
  schemaVersion: number;
  members: number;
  batches: number;
  lastBatchAt?: string;
  bytes: number;
}

export { backupFolder };

/** A not-yet-existing file name in the backup folder: `<db>.<label>.<YYYYMMDD-HHMMSS>.db` (with -2, -3… on a clash). */
export function datedBackupName(dbPath: string, stamp: string, label: string): string {
  const base = basename(dbPath, extname(dbPath));
  const when = stamp.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const folder = backupFolder(dbPath);
  for (let i = 1; ; i++) {
    const f = join(folder, `${base}.${label}.${when}${i > 1 ? `-${i}` : ''}.db`);
    if (!existsSync(f) && !existsSync(partialName(f))) return f;
  }
}

/** The name a copy to `file` is filled under: `file.partial` — the name cut where needed so that it, and
 * the -journal SQLite writes beside it, stay within the system's limit for a name that is itself valid. */
export function partialName(file: string): string {
  return join(dirname(file), `${nameRoom(basename(file), '.partial-journal'.length)}.partial`);
}

/** How a copy is made: over an existing file (--force), and checked before it takes its name. */
export interface BackupOptions {
  /** Replace an existing `file` (only once the copy is complete: a failed copy leaves the old file as it was). */
  replace?: boolean;
  /** Checks the finished copy (still under its .partial name); a throw removes it. */
  verify?: (partial: string) => void;
}

/** Copies the open database to `file` (created 0600; must not exist yet unless `replace`). A failure leaves
 * nothing behind: no partial file, and no folder this call created. Returns the folder it created, if any. */
export async function backupTo(db: Db, file: string, opts: BackupOptions = {}): Promise<{ createdFolder?: string }> {
  const createdFolder = makeFolder(dirname(file));
  // Filled under a .partial name and renamed when complete: a killed backup never looks like a good one.
  // Claimed with O_EXCL: a second shuxiang making a backup in the same second gets EEXIST and another name.
  const partial = partialName(file);
  let claimed = false;
  try {
    if (!opts.replace && existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST', path: file });
    closeSync(openSync(partial, 'wx', 0o600));
    claimed = true;
    // Under the planning lock (planLock.ts) the copy is read through a second connection: SQLite's backup
    // from a connection inside its own write transaction copies nothing usable.
    const source = db.inTransaction ? newDatabase(db.name, { readonly: true }) : db;
    try {
      await source.backup(partial, { progress: () => 1 << 30 });
    } finally {
      if (source !== db) source.close();
    }
    standalone(partial);
    opts.verify?.(partial);
    if (!opts.replace && existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST', path: file });
    renameSync(partial, file);
  } catch (e) {
    if (claimed) rmSync(partial, { force: true });
    removeFolders(dirname(file), createdFolder);
    throw e;
  }
  return { createdFolder };
}

/** Creates `dir` (0700) and returns the first folder it had to create, if any. A path through a file is
 * ENOTDIR (mkdir says EEXIST, which would read as "the backup file exists"). */
function makeFolder(dir: string): string | undefined {
  try {
    const first = mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (first) chmodSync(dir, 0o700);
    return first;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR', path: dir });
    // Node's recursive mkdir says ENOENT on a read-only disk too: ask the nearest folder that is there.
    if (code === 'ENOENT') {
      let up = dirname(dir);
      while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
      accessSync(up, constants.W_OK); // throws EROFS / EACCES when that is the real reason
    }
    throw e;
  }
}

/** Removes `dir` and its parents up to `first` (the folders one backup created), each only when empty. */
function removeFolders(dir: string, first: string | undefined): void {
  if (!first) return;
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (another backup's file is there): kept, and its parents with it
    }
    if (d === first || dirname(d) === d) return;
  }
}

/** Deletes a backup that is not needed after all, and the folder its backupTo created (when empty). */
export function discardBackup(file: string, createdFolder?: string): void {
  rmSync(file, { force: true });
  removeFolders(dirname(file), createdFolder);
}

/** True when the file at `path` cannot be opened as a database at all (not SQLite, a damaged header) or
 * holds no table (0 bytes): a restore puts a backup in its place without opening it. */
export function unopenable(path: string): boolean {
  let db: Db | undefined;
  try {
    db = newDatabase(path, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() === 0;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
  } finally {
    db?.close();
  }
}

/** Moves a database file that cannot be opened (and its -wal) to `aside`; `putBack` undoes the move. */
export function moveAside(dbPath: string, aside: string): { putBack(): void } {
  const createdFolder = makeFolder(dirname(aside));
  const moved: [string, string][] = [];
  const putBack = () => {
    for (const [from, to] of moved.splice(0).reverse()) move(to, from);
    removeFolders(dirname(aside), createdFolder);
  };
  try {
    for (const [from, to] of [[dbPath, aside], [`${dbPath}-wal`, `${aside}-wal`]] as const) {
      if (!existsSync(from)) continue;
      if (existsSync(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST', path: to });
      move(from, to);
      moved.push([from, to]);
    }
    rmSync(`${dbPath}-shm`, { force: true });
  } catch (e) {
    putBack();
    throw e;
  }
  return { putBack };
}

/** rename, or copy and delete when the two are on different disks. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    rmSync(from);
  }
}

/** Makes a copied file self-contained (rollback journal, no -wal/-shm beside it) and 0600. */
function standalone(file: string): void {
  const copy = newDatabase(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(file, 0o600);
}

/** An automatic backup taken before a write; `discard` takes it back (with the folder it created) when
 * the write fails or changes nothing. */
export interface AutoBackup {
  file: string;
  discard(): void;
}

/** Takes the automatic backup before a risky write (call pruneAutoBackups once it is kept). A database that
 * cannot be written, or is damaged, is refused first: the write would fail, and must leave nothing behind. */
export async function takeAutoBackup(db: Db, dbPath: string, stamp: string): Promise<AutoBackup> {
  if (db.readonly) throw readOnlyDatabase(dbPath);
  assertIntact(db, dbPath);
  for (let attempt = 0; ; attempt++) {
    const file = datedBackupName(dbPath, stamp, '自动');
    try {
      const { createdFolder } = await backupTo(db, file);
      return {
        file,
        discard: () => discardBackup(file, createdFolder),
      };
    } catch (e) {
      // Another shuxiang took this name between the look and the claim: take the next one.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 50) throw copyFault(e, file, dbPath) ?? e;
    }
  }
}

/** An automatic backup before a risky write (call pruneAutoBackups once it is kept). Returns the file. */
export async function autoBackup(db: Db, dbPath: string, stamp: string): Promise<string> {
  return (await takeAutoBackup(db, dbPath, stamp)).file;
}

/** True when SQLite's quick check finds the open database sound (a damaged page read is not sound either). */
export function passesQuickCheck(db: Db): boolean {
  try {
    return (db.pragma('quick_check(1)', { simple: true }) as string) === 'ok';
  } catch {
    return false;
  }
}

/** Deletes all but the newest automatic backups of this database. */
export function pruneAutoBackups(dbPath: string, keep = KEEP_AUTO_BACKUPS): void {
  const folder = backupFolder(dbPath);
  const prefix = `${basename(dbPath, extname(dbPath))}.自动.`;
  const files = readdirSync(folder)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .map((f) => ({ f, t: statSync(join(folder, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t || b.f.localeCompare(a.f, 'en', { numeric: true }));
  for (const { f } of files.slice(keep)) rmSync(join(folder, f), { force: true });
  // A backup killed half-way leaves NAME.db.partial; one untouched for an hour is nobody's work in progress.
  for (const f of readdirSync(folder)) {
    if (f.endsWith('.partial') && Date.now() - statSync(join(folder, f)).mtimeMs > 3600_000) rmSync(join(folder, f), { force: true });
  }
}

/** Checks that `file` is a sound shuxiang database this version can open; throws a UserError saying why not. */
export function checkBackupFile(file: string): BackupInfo {
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`找不到备份文件 ${file}，请检查路径和文件名。`);
  const stat = statSync(file);
  if (stat.isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个备份文件（.db）。`);
  if (stat.size === 0) throw new UserError(`${name} 是空文件（0 字节），不是备份文件，不能用来恢复。`, ['请指定 shuxiang backup 生成的文件，通常在数据库旁的 shuxiang-backups 文件夹里。']);
  let src: Db | undefined;
  try {
    src = newDatabase(file, { readonly: true, fileMustExist: true });
    const ok = (src.pragma('quick_check', { simple: true }) as string) === 'ok';
    if (!ok) throw new UserError(`备份文件 ${name} 已损坏（完整性检查未通过），不能用来恢复。`, ['请换一个较早的备份文件。']);
    const version = schemaVersion(src);
    const tables = new Set((src.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('members') || !tables.has('batches') || version < 1) {
      throw new UserError(`${name} 不是 shuxiang 的数据库或备份文件（缺少花名册等数据表）。`, ['请指定 shuxiang backup 生成的文件，通常在数据库旁的 shuxiang-backups 文件夹里。']);
    }
    if (version > SCHEMA_VERSION) {
      throw new UserError(`${name} 由更新版本的 shuxiang 创建（数据结构版本 ${version}，本程序只认识到 ${SCHEMA_VERSION}）。`, ['请先升级 shuxiang 再恢复：npm install -g shuxiang@latest']);
    }
    const count = (sql: string) => (src!.prepare(sql).get() as { n: number }).n;
    const last = src.prepare('SELECT started_at AS at FROM batches ORDER BY id DESC LIMIT 1').get() as { at: string } | undefined;
    return { file, schemaVersion: version, members: count('SELECT count(*) AS n FROM members'), batches: count('SELECT count(*) AS n FROM batches'), lastBatchAt: last?.at, bytes: statSync(file).size };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${name} 不是有效的 SQLite 数据库文件，或已损坏。`, ['请指定 shuxiang backup 生成的文件。']);
  } finally {
    src?.close();
  }
}

/** Replaces the database at `dbPath` by the backup `file` (through the backup API, so WAL stays consistent).
 * SQLite writes the copy in one transaction: when this throws, the database is as it was (and a file this
 * call had to create is removed again). */
export async function restoreInto(file: string, dbPath: string): Promise<void> {
  const created = !existsSync(dbPath);
  if (created) closeSync(openSync(dbPath, 'wx', 0o600));
  try {
    const src = newDatabase(file, { readonly: true, fileMustExist: true });
    try {
      await src.backup(dbPath, { progress: () => 1 << 30 });
    } finally {
      src.close();
    }
  } catch (e) {
    if (created) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) rmSync(f, { force: true });
    throw e;
  }
  try {
    chmodSync(dbPath, 0o600);
  } catch {
    // the data is in place; a file system without modes (a FAT stick) keeps its own
  }
}
