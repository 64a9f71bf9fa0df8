// Opening the one SQLite file: created 0600, WAL + synchronous=FULL, foreign keys, busy timeout,
// migrated forward (with the undo journal's triggers in place); a file made by a newer shuxiang is refused.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { DbError, UserError } from '../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { ensureUndoTriggers } from './undoTriggers.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (only `init` and `demo` do). */
  create?: boolean;
  readonly?: boolean;
}

/** Opens (or creates) the database at `path`, migrated to the current schema. */
export function openDb(path: string, opts: OpenOptions = {}): Db {
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
  migrate(db, path);
  if (!opts.readonly) ensureUndoTriggers(db);
  return db;
}

function describeSqliteError(e: unknown): string {
  const msg = (e as Error).message ?? String(e);
  if (/not a database|file is encrypted/i.test(msg)) return '这不是 SQLite 数据库文件，或文件已损坏';
  if (/readonly|read-only|permission/i.test(msg)) return '没有读写权限';
  return msg;
}

/** Applies every pending migration, each in one transaction with its user_version. */
export function migrate(db: Db, path = ''): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new DbError(
      `数据库 ${path} 由更新版本的 shuxiang 创建（数据结构版本 ${current}，本程序只认识到 ${SCHEMA_VERSION}）。`,
      ['为避免损坏数据，本程序不会打开它。请升级 shuxiang：npm install -g shuxiang@latest'],
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      const journal = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_log'").get()
        ? (db.prepare('SELECT coalesce(max(id), 0) AS m FROM undo_log').get() as { m: number }).m : undefined;
      db.exec(m.sql);
      // A migration's own data changes are not a user's batch: nothing for undo to replay.
      if (journal !== undefined) db.prepare('DELETE FROM undo_log WHERE id > ?').run(journal);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
