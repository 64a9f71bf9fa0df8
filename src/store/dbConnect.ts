// Connecting to the one SQLite file: created 0600, WAL + synchronous=FULL, foreign keys, busy timeout —
// without the migrations (db.ts adds them). Split out so that commands opening an up-to-date database
// (nearly every run) do not load the schema's migration modules at start-up (issue 7).
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, existsSync, linkSync, mkdtempSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DbError, UserError } from '../shared/errors.js';
import { restoreHint, storageFault } from '../shared/storageFault.js';

// The shipped bundle holds better-sqlite3's JavaScript (src/build/bundle.ts): only the addon is loaded from the package.
const require = createRequire(import.meta.url);
let addon: object | undefined;

/** better-sqlite3's compiled addon, loaded straight from the package's build folder: its own lookup (the
 * `bindings` package) stats a dozen paths and costs ~3 ms of every start-up, and from inside the bundle it
 * would search the wrong folder. A differently built install that put the file elsewhere is still found
 * by `bindings`, told where the package is. */
function nativeAddon(): object {
  if (addon) return addon;
  const dir = dirname(require.resolve('better-sqlite3/package.json'));
  try {
    addon = require(join(dir, 'build', 'Release', 'better_sqlite3.node')) as object;
  } catch {
    const bindings = require('bindings') as (o: { bindings: string; module_root: string }) => object;
    addon = bindings({ bindings: 'better_sqlite3.node', module_root: dir });
  }
  return addon;
}

/** Opens a better-sqlite3 connection with the addon found once (see nativeAddon). */
export function newDatabase(file: string, opts: import('better-sqlite3').Options = {}): Db {
  return new Database(file, { ...opts, nativeBinding: nativeAddon() as unknown as string });
}

/** An open shuxiang database. */
export type Db = import('better-sqlite3').Database;

/** How to open the file. */
export interface OpenOptions {
  /** Create the file when missing (only `init` and `demo` do). */
  create?: boolean;
  readonly?: boolean;
  /** Fault injection for tests (SHUXIANG_FAULT_MAX_PAGES): the file may grow by this many pages only. */
  maxExtraPages?: number;
  /** How long to wait for a lock another connection holds (default 10 s; tests shorten it). */
  busyTimeoutMs?: number;
}

/** The schema version this program writes: SCHEMA_VERSION of migrations.ts (test/store/dbConnect.test.ts keeps them equal). */
export const CURRENT_SCHEMA = 10;

/** The schema version a database file is at (PRAGMA user_version). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A file with no table and schema version 0 — 0 bytes, or emptied — is not a shuxiang database: only
 * `init` (and `demo`, `import --kind json` into a new file) may make one of it. Refused for every other
 * command (exit 3), before anything is written into it. */
export function refuseBlank(db: Db, path: string): void {
  if (schemaVersion(db) !== 0 || db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() !== 0) return;
  db.close();
  throw new DbError(`${path} 是空的数据库文件（没有任何表），不是 shuxiang 的数据库，没有改动它。`, [
    '如要在这里新建数据库，请运行 shuxiang init（可用 --db 指定文件）。',
    restoreHint(path),
  ]);
}

/** Opens (or creates) the database file at `path`, not yet migrated. */
/** A --db that names a folder is refused with the file name to use instead. */
export function assertNotFolder(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UserError(`${path} 是一个文件夹，不是数据库文件。`, [`请用 --db 写出数据库文件的名字，如 --db ${join(path, 'shuxiang.db')}。`]);
  }
}

export function connect(path: string, opts: OpenOptions = {}): Db {
  if (!existsSync(path)) {
    if (!opts.create) {
      throw new UserError(`找不到数据库文件 ${path}。`, [
        '请先运行 shuxiang init 创建数据库，或用 --db 指定已有的数据库文件（也可设置环境变量 SHUXIANG_DB）。',
        '想先看看效果，可以运行 shuxiang demo。',
      ]);
    }
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (e) {
      // Another `init` made it a moment ago: go on as with any existing file (init then says it exists).
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw storageFault(e, { dbPath: path }) ?? new DbError(`无法创建数据库文件 ${path}。`, ['请检查文件夹是否存在、是否有写入权限。']);
    }
  } else if (statSync(path).isDirectory()) {
    assertNotFolder(path);
  } else if (opts.create && statSync(path).size === 0) {
    // `init` taking over an empty file someone made (touch, an editor): it will hold ID numbers — owner-only.
    try {
      chmodSync(path, 0o600);
    } catch (e) {
      throw storageFault(e, { dbPath: path }) ?? e;
    }
  }
  // A file (or folder) that cannot be written — a read-only mount, chmod 0400 — is opened read-only, so
  // the reading commands still work; a write then fails with SQLITE_READONLY, said in Chinese (storageFault).
  const readonly = opts.readonly || !writable(path);
  let db: Db | undefined;
  try {
    db = openFile(path, readonly);
    // Before any pragma that writes (journal_mode writes the header): an empty file is left as it is.
    if (!opts.create) refuseBlank(db, path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(opts.busyTimeoutMs ?? 10000))}`);
    // What is deleted or undone is overwritten with zeros, not left readable in the file (issue 16).
    db.pragma('secure_delete = ON');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (opts.maxExtraPages !== undefined) db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + opts.maxExtraPages}`);
  } catch (e) {
    if (db?.open) db.close();
    if (e instanceof DbError) throw e;
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DbError(`无法打开数据库 ${path}：这不是 SQLite 数据库文件，或文件已损坏。`, [
        '如果这不是 shuxiang 的数据库，请用 --db 指定正确的文件。', restoreHint(path),
      ]);
    }
    throw storageFault(e, { dbPath: path }) ?? new DbError(`无法打开数据库 ${path}：${(e as Error).message}`, ['可运行 shuxiang doctor 检查该文件。']);
  }
  return db;
}

/** True when the file and its folder (for -wal/-shm) can be written. */
export function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens the file as it is (no pragmas). A database in a folder that cannot be written (a read-only share,
 * a write-protected stick) cannot be read in place: SQLite must create its -shm file beside it (better-sqlite3
 * is built without URI names, so `immutable` is not available). It is then read from a private copy. */
export function openFile(path: string, readonly: boolean): Db {
  const db = newDatabase(path, { readonly });
  try {
    // Waits for another process holding the file (two commands started together) from the first read on.
    db.pragma('busy_timeout = 10000');
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // SQLite opens lazily: this is where it fails
    return db;
  } catch (e) {
    db.close();
    if (!readonly || !/^SQLITE_(CANTOPEN|READONLY)/.test((e as { code?: string }).code ?? '')) throw e;
  }
  return openPrivateCopy(path);
}

const copies = new Set<string>();
let copiesRemovedAtExit = false;

/** A read-only connection to a copy of `path` (and its -wal) in a folder of the user's own (0700, removed
 * on close and when the process ends). */
function openPrivateCopy(path: string): Db {
  const dir = mkdtempSync(join(tmpdir(), 'shuxiang-readonly-'));
  copies.add(dir);
  if (!copiesRemovedAtExit) {
    copiesRemovedAtExit = true;
    process.once('exit', () => { for (const d of copies) rmSync(d, { recursive: true, force: true }); });
  }
  const remove = () => { copies.delete(dir); rmSync(dir, { recursive: true, force: true }); };
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = newDatabase(copy, { readonly: true });
    const close = db.close.bind(db);
    db.close = () => { close(); remove(); return db; };
    return db;
  } catch (e) {
    remove();
    throw e;
  }
}

/** Closes a connection; a writable one first checkpoints the WAL into the main file and truncates it, so
 * a copy of shuxiang.db alone is complete even while another shuxiang still has the file open. A reader
 * holding old pages is not waited for long: the checkpoint then copies what it can (the rest follows later). */
export function closeDb(db: Db): void {
  if (!db.open) return;
  if (!db.readonly) {
    try {
      db.pragma('busy_timeout = 200');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // busy or read-only after all: the WAL stays, and the next writer checkpoints it
    }
  }
  db.close();
}

/** Puts the finished database at `path` unless something is there by now: an empty file (touch) is taken
 * over; where hard links are not to be had (a FAT USB stick) it is copied, refusing an existing file too. */
export function placeNewDatabase(aside: string, path: string): void {
  const exists = () => new UserError(`数据库 ${path} 已经存在，init 不会覆盖它。`, ['可能另一个 shuxiang init 刚刚创建了它；直接运行其他命令即可使用。']);
  if (existsSync(path) && statSync(path).size === 0) {
    renameSync(aside, path);
    return;
  }
  try {
    linkSync(aside, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists();
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    try {
      copyFileSync(aside, path, constants.COPYFILE_EXCL);
    } catch (c) {
      if ((c as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
      rmSync(path, { force: true });
      throw c;
    }
  }
}
