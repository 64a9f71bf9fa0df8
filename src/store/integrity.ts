// A damaged database is found before a command writes to it, not after: `PRAGMA quick_check` once per
// connection, before its first batch (reading commands do not pay for it). Measured: 2–8 ms on the demo
// database (0.9 MiB), ≈ 1.1 s on the 212 MiB organ benchmark database — so a file above FULL_CHECK_BYTES
// has its core tables checked (settings, batches, branches, members, sessions, books: ≈ 4 ms there); a
// damaged page elsewhere still stops the write with SQLITE_CORRUPT (storageFault: exit 3, restore hint)
// and `doctor` checks the whole file.
import { DbError } from '../shared/errors.js';
import { restoreHint } from '../shared/storageFault.js';
import type { Db } from './db.js';

const checked = new WeakSet<Db>();

/** Files up to this size get the whole-file quick check before the first write. */
export const FULL_CHECK_BYTES = 32 * 1024 * 1024;
const CORE_TABLES = ['settings', 'batches', 'branches', 'members', 'sessions', 'books'];

function problems(db: Db): string[] {
  const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const run = (arg: string) => (db.pragma(`quick_check(${arg})`) as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
  if (bytes <= FULL_CHECK_BYTES) return run('5');
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return CORE_TABLES.filter((t) => tables.has(t)).flatMap((t) => run(t));
}

/** Throws a DbError naming the newest backup when the file fails SQLite's quick check. */
export function assertIntact(db: Db, dbPath = db.name): void {
  if (checked.has(db)) return;
  if (problems(db).length) {
    throw new DbError(`数据库 ${dbPath} 已损坏（完整性检查未通过），为免损坏扩大，本次没有写入。`, [restoreHint(dbPath), '运行 shuxiang doctor 可查看损坏情况。']);
  }
  checked.add(db);
}
