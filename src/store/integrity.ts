// A damaged database is found before a command writes to it, not after: `PRAGMA quick_check` once per
// connection, before its first batch (reading commands do not pay for it).
import { DbError } from '../shared/errors.js';
import { restoreHint } from '../shared/storageFault.js';
import type { Db } from './db.js';

const checked = new WeakSet<Db>();

/** Throws a DbError naming the newest backup when the file fails SQLite's quick check. */
export function assertIntact(db: Db, dbPath = db.name): void {
  if (checked.has(db)) return;
  const found = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
  if (found.length !== 1 || found[0] !== 'ok') {
    throw new DbError(`数据库 ${dbPath} 已损坏（完整性检查未通过），为免损坏扩大，本次没有写入。`, [restoreHint(dbPath), '运行 shuxiang doctor 可查看损坏情况。']);
  }
  checked.add(db);
}
