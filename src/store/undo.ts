// Taking a batch back exactly: rows it inserted are deleted, rows it changed or removed get their
// before-images back from the undo journal (newest first). A batch that a later batch built on (changed
// its rows, or points at them) is refused, naming the later batch.
import { UserError } from '../shared/errors.js';
import type { Db } from './db.js';
import { prunedThrough } from './journalBound.js';
import { inWrite } from './planLock.js';
import { dataTables, q, type TableShape } from './undoTriggers.js';

/** What an undo took back. */
export interface UndoResult {
  batchId: number;
  command: string;
  deleted: number;
  restored: number;
}

interface LogRow {
  id: number;
  tbl: string;
  key: string;
  op: 'insert' | 'update' | 'delete';
  old: string | null;
}


/** The later batch that depends on `batchId`, if any (the earliest one). */
export function laterDependent(db: Db, batchId: number, tables: TableShape[] = dataTables(db)): number | undefined {
  const found: number[] = [];
  const inserted = db.prepare("SELECT min(batch_id) AS b FROM undo_log WHERE batch_id > ? AND json_extract(old, '$.batch_id') = ?").get(batchId, batchId) as { b: number | null };
  const changed = db.prepare(`
    SELECT min(l.batch_id) AS b FROM undo_log l JOIN (SELECT DISTINCT tbl, key FROM undo_log WHERE batch_id = :b) m ON m.tbl = l.tbl AND m.key = l.key
    WHERE l.batch_id > :b`).get({ b: batchId }) as { b: number | null };
  for (const r of [inserted, changed]) if (r.b !== null) found.push(r.b);
  const withBatch = new Set(tables.filter((t) => t.hasBatchId).map((t) => t.name));
  for (const t of tables) {
    if (!t.hasBatchId) continue;
    const fks = db.prepare(`PRAGMA foreign_key_list(${q(t.name)})`).all() as { id: number; table: string; from: string; to: string | null }[];
    for (const fk of fks) {
      if (!withBatch.has(fk.table) || fk.table === 'batches') continue;
      const to = fk.to ?? 'id';
      const r = db.prepare(`SELECT min(c.batch_id) AS b FROM ${q(t.name)} c JOIN ${q(fk.table)} p ON c.${q(fk.from)} = p.${q(to)} WHERE p.batch_id = ? AND c.batch_id > ?`).get(batchId, batchId) as { b: number | null };
      if (r.b !== null) found.push(r.b);
    }
  }
  return found.length ? Math.min(...found) : undefined;
}

/** Throws the UserError naming the later batch when `batchId` cannot be undone on its own. */
export function assertUndoable(db: Db, batchId: number): void {
  const later = laterDependent(db, batchId);
  if (later !== undefined) throw dependentError(db, batchId, later);
}

/** Undoes batch `batchId` in one transaction (at `now`, kept as undo_horizon.last_undo_at: an undo removes its
 * batch, so the last batch's time alone would go back — see exportDbFile); throws a UserError when it cannot
 * be done exactly. */
export function undoBatch(db: Db, batchId: number, now?: string): UndoResult {
  const batch = db.prepare('SELECT id, command FROM batches WHERE id = ?').get(batchId) as { id: number; command: string } | undefined;
  if (!batch) throw new UserError(`没有编号为 ${batchId} 的写入记录。`, ['请用 shuxiang history 查看可以撤销的写入及其编号。']);
  if (batchId <= prunedThrough(db)) {
    throw new UserError(`第 ${batchId} 次写入（${batch.command}）的撤销记录已按保留期限清除，不能再撤销。`, [
      '撤销记录只保留最近的写入（默认最近 50 次、90 天内）；需要回到更早的状态，请用 shuxiang restore 恢复当时的备份。',
    ]);
  }
  const tables = dataTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const run = (): UndoResult => {
    const later = laterDependent(db, batchId, tables);
    if (later !== undefined) throw dependentError(db, batchId, later);
    db.pragma('defer_foreign_keys = ON');
    const mark = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM undo_log').get() as { m: number }).m;
    // Rows carrying this batch's id: inserted by it — or older rows it updated and stamped (kept; replayed below).
    const deleteInserted = () => {
      let n = 0;
      for (const t of tables) {
        if (!t.hasBatchId) continue;
        n += db.prepare(`DELETE FROM ${q(t.name)} WHERE batch_id = :b AND json_array(${t.key.map(q).join(', ')}) NOT IN
          (SELECT key FROM undo_log WHERE batch_id = :b AND tbl = :t AND op = 'update' AND json_extract(old, '$.batch_id') IS NOT :b)`).run({ b: batchId, t: t.name }).changes;
      }
      return n;
    };
    let deleted = deleteInserted();
    const log = db.prepare('SELECT id, tbl, key, op, old FROM undo_log WHERE batch_id = ? AND id <= ? ORDER BY id DESC').all(batchId, mark) as LogRow[];
    let restored = 0;
    for (const e of log) {
      const t = byName.get(e.tbl);
      if (!t) continue;
      restored += replay(db, t, e);
    }
    deleted += deleteInserted();
    db.prepare('DELETE FROM undo_log WHERE batch_id = ? OR id > ?').run(batchId, mark);
    db.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
    if (now) db.prepare('UPDATE undo_horizon SET last_undo_at = ?').run(now);
    return { batchId, command: batch.command, deleted, restored };
  };
  try {
    return inWrite(db, run);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new UserError(`无法撤销第 ${batchId} 次写入（${batch.command}）：之后的操作与它有关联，撤销会破坏数据的一致性，数据库未做任何修改。`, [
        '请先用 shuxiang history 查看之后的写入，从最近的一次开始依次撤销。',
      ]);
    }
    throw e;
  }
}

const replaySql = new WeakMap<Db, Map<string, import('better-sqlite3').Statement>>();

function replay(db: Db, t: TableShape, e: LogRow): number {
  let cache = replaySql.get(db);
  if (!cache) replaySql.set(db, (cache = new Map()));
  const id = `${t.name}\u0001${e.op}`;
  let st = cache.get(id);
  if (!st) cache.set(id, (st = db.prepare(replayStatement(t, e.op))));
  return st.run(e.op === 'insert' ? { key: e.key } : e.op === 'update' ? { key: e.key, old: e.old } : { old: e.old }).changes;
}

function replayStatement(t: TableShape, op: LogRow['op']): string {
  const keyWhere = t.key.map((c, i) => `${q(c)} IS json_extract(:key, '$[${i}]')`).join(' AND ');
  if (op === 'insert') return `DELETE FROM ${q(t.name)} WHERE ${keyWhere}`;
  const cols = [...(t.key[0] === 'rowid' ? ['rowid'] : []), ...t.columns];
  const val = (c: string) => `json_extract(:old, '$."${c.replace(/"/g, '\\"')}"')`;
  if (op === 'update') return `UPDATE ${q(t.name)} SET ${t.columns.map((c) => `${q(c)} = ${val(c)}`).join(', ')} WHERE ${keyWhere}`;
  return `INSERT INTO ${q(t.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(val).join(', ')})`;
}

function dependentError(db: Db, batchId: number, later: number): UserError {
  const b = db.prepare('SELECT command, args, started_at FROM batches WHERE id = ?').get(later) as { command: string; args: string; started_at: string } | undefined;
  const what = b ? `第 ${later} 次写入（${b.started_at.replace('T', ' ')} ${b.command}${b.args ? ` ${b.args}` : ''}）` : `第 ${later} 次写入`;
  return new UserError(`不能单独撤销第 ${batchId} 次写入：之后的${what}修改或引用了它写入的数据。`, [
    `请先撤销第 ${later} 次写入（shuxiang undo ${later}），或从最近的一次开始依次撤销（shuxiang undo）。`,
  ]);
}
