// Opening the one SQLite file (dbConnect.ts), migrated forward (with the undo journal's triggers in
// place); a file made by a newer shuxiang is refused.
import { connect, schemaVersion, type Db, type OpenOptions } from './dbConnect.js';
import { DbError } from '../shared/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { ensureUndoTriggers } from './undoTriggers.js';

export type { Db, OpenOptions };

/** Opens (or creates) the database at `path`, migrated to the current schema. */
export function openDb(path: string, opts: OpenOptions = {}): Db {
  return finishOpen(connect(path, opts), path, opts);
}

/** Migrates a connected database and checks its journal triggers. */
export function finishOpen(db: Db, path: string, opts: OpenOptions = {}): Db {
  migrate(db, path);
  if (!db.readonly) ensureUndoTriggers(db);
  return db;
}

/** Applies every pending migration, each in one transaction with its user_version. */
export function migrate(db: Db, path = ''): void {
  const current = schemaVersion(db);
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
