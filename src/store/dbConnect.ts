// Connecting to the one SQLite file: created 0600, WAL + synchronous=FULL, foreign keys, busy timeout —
// without the migrations (db.ts adds them). Split out so that commands opening an up-to-date database
// (nearly every run) do not load the schema's migration modules at start-up (issue 7).
import { createRequire } from 'node:module';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { DbError, UserError } from '../shared/errors.js';

// better-sqlite3 is CommonJS: required directly, it skips Node's ESM wrapper and its export scan (start-up, issue 7).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

/** An open shuxiang database. */
export type Db = import('better-sqlite3').Database;

/** How to open the file. */
export interface OpenOptions {
  /** Create the file when missing (only `init` and `demo` do). */
  create?: boolean;
  readonly?: boolean;
}

/** The schema version this program writes: SCHEMA_VERSION of migrations.ts (test/store/dbConnect.test.ts keeps them equal). */
export const CURRENT_SCHEMA = 6;

/** The schema version a database file is at (PRAGMA user_version). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Opens (or creates) the database file at `path`, not yet migrated. */
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
      throw new DbError(`无法创建数据库文件 ${path}：${(e as Error).message}`);
    }
  } else if (statSync(path).isDirectory()) {
    throw new UserError(`${path} 是一个文件夹，不是数据库文件。请用 --db 指定文件路径。`);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false });
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw new DbError(`无法打开数据库 ${path}：${describeSqliteError(e)}`, [
      '如果这不是 shuxiang 的数据库，请用 --db 指定正确的文件；如果文件损坏，可运行 shuxiang doctor 检查。',
    ]);
  }
  return db;
}

function describeSqliteError(e: unknown): string {
  const msg = (e as Error).message ?? String(e);
  if (/not a database|file is encrypted/i.test(msg)) return '这不是 SQLite 数据库文件，或文件已损坏';
  if (/readonly|read-only|permission/i.test(msg)) return '没有读写权限';
  return msg;
}
