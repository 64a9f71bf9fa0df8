// Copies of the database through SQLite's online backup API: consistent while another shuxiang process
// writes (WAL readers never block writers), written 0600 from the first byte. Automatic copies before
// imports and undo go to `shuxiang-backups/` beside the database; only the newest 10 are kept.
import { chmodSync, closeSync, existsSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../shared/errors.js';
import { backupFolder } from '../shared/storageFault.js';
import { ensureFolder } from '../shared/folders.js';
import type { Db } from './db.js';
import { newDatabase, schemaVersion } from './dbConnect.js';
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
    if (!existsSync(f) && !existsSync(`${f}.partial`)) return f;
  }
}

/** Copies the open database to `file` (created 0600; must not exist yet). */
export async function backupTo(db: Db, file: string): Promise<void> {
  ensureFolder(dirname(file));
  if (existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST', path: file });
  // Filled under a .partial name and renamed when complete: a killed backup never looks like a good one.
  // Claimed with O_EXCL: a second shuxiang making a backup in the same second gets EEXIST and another name.
  const partial = `${file}.partial`;
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    // Under the planning lock (planLock.ts) the copy is read through a second connection: SQLite's backup
    // from a connection inside its own write transaction copies nothing usable.
    const source = db.inTransaction ? newDatabase(db.name, { readonly: true }) : db;
    try {
      await source.backup(partial, { progress: () => 1 << 30 });
    } finally {
      if (source !== db) source.close();
    }
    standalone(partial);
    if (existsSync(file)) throw Object.assign(new Error(`${file} exists`), { code: 'EEXIST', path: file });
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
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

/** An automatic backup before a risky write (call pruneAutoBackups once it is kept). Returns the file. */
export async function autoBackup(db: Db, dbPath: string, stamp: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const file = datedBackupName(dbPath, stamp, '自动');
    try {
      await backupTo(db, file);
      return file;
    } catch (e) {
      // Another shuxiang took this name between the look and the claim: take the next one.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 50) throw e;
    }
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
  if (statSync(file).isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个备份文件（.db）。`);
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

/** Replaces the database at `dbPath` by the backup `file` (through the backup API, so WAL stays consistent). */
export async function restoreInto(file: string, dbPath: string): Promise<void> {
  if (!existsSync(dbPath)) closeSync(openSync(dbPath, 'wx', 0o600));
  const src = newDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbPath, { progress: () => 1 << 30 });
  } finally {
    src.close();
  }
  chmodSync(dbPath, 0o600);
}
