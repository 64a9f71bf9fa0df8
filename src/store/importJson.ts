// Loading an export document (see exportJson.ts) into a database — a new one, or one that already holds
// other branches. Every id is renumbered and references follow; a row that is already there (same
// unique key, e.g. the same ID-card number, branch name or book) is matched instead of duplicated, so
// two branches' exports merge without colliding and the same document loaded twice adds nothing.
import { UserError } from '../shared/errors.js';
import type { BatchCounts } from './batches.js';
import type { Db } from './db.js';
import type { ExportDocument } from './exportJson.js';
import { dataTables, q, type TableShape } from './undoTriggers.js';

/** Per table: rows added, and rows matched to ones already in the database. */
export type JsonImportOutcome = Record<string, { added: number; matched: number }>;

/** Natural keys for tables whose rows have no UNIQUE constraint to be matched by. */
const NATURAL: Record<string, string[]> = { members: ['branch_id', 'name'], sessions: ['branch_id', 'type', 'date', 'topic'] };

interface Fk {
  from: string;
  table: string;
  to: string;
}

interface Plan {
  t: TableShape;
  alias?: string;
  fks: Fk[];
  uniques: string[][];
}

/** Tables in an order where every referenced table comes first. */
function plans(db: Db): Plan[] {
  const tables = dataTables(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: Plan[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name) || !byName.has(name)) return;
    path.add(name);
    const t = byName.get(name)!;
    const fks = (db.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { table: string; from: string; to: string | null }[])
      .filter((f) => f.table !== 'batches')
      .map((f) => ({ from: f.from, table: f.table, to: f.to ?? 'id' }));
    for (const f of fks) if (f.table !== name) visit(f.table, path);
    const info = db.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; type: string; pk: number }[];
    const pk = info.filter((c) => c.pk > 0);
    const alias = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : undefined;
    const uniques = (db.prepare(`PRAGMA index_list(${q(name)})`).all() as { name: string; unique: number }[])
      .filter((i) => i.unique)
      .map((i) => (db.prepare(`PRAGMA index_info(${q(i.name)})`).all() as { name: string }[]).map((c) => c.name));
    if (!alias && pk.length) uniques.unshift(pk.sort((a, b) => a.pk - b.pk).map((c) => c.name));
    if (NATURAL[name]) uniques.push(NATURAL[name]!);
    out.push({ t, alias, fks, uniques });
    done.add(name);
    path.delete(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return out;
}

/** Checks the document's shape against this database's schema; returns every problem found. */
export function checkDocument(db: Db, doc: unknown, file: string, schemaVersion: number): string[] {
  const d = doc as Partial<ExportDocument> | null;
  if (!d || typeof d !== 'object' || d.format !== 'shuxiang-export' || typeof d.tables !== 'object' || d.tables === null) {
    return [`${file} 不是 shuxiang export 导出的 JSON 文件（缺少 "format": "shuxiang-export" 或 "tables"）`];
  }
  if (typeof d.schemaVersion !== 'number' || d.schemaVersion > schemaVersion) {
    return [`${file} 由更新版本的 shuxiang 导出（数据结构版本 ${String(d.schemaVersion)}，本程序只认识到 ${schemaVersion}），请先升级 shuxiang`];
  }
  const problems: string[] = [];
  const shapes = new Map(dataTables(db).map((t) => [t.name, new Set(t.columns)]));
  for (const [name, rows] of Object.entries(d.tables)) {
    const cols = shapes.get(name);
    if (!cols) { problems.push(`${file} › ${name}：本版本没有这张表`); continue; }
    if (!Array.isArray(rows)) { problems.push(`${file} › ${name}：应为由记录组成的数组`); continue; }
    rows.forEach((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) { problems.push(`${file} › ${name} 第 ${i + 1} 条：应为一个对象`); return; }
      for (const [k, v] of Object.entries(row)) {
        if (!cols.has(k)) problems.push(`${file} › ${name} 第 ${i + 1} 条：没有“${k}”这一列`);
        else if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) problems.push(`${file} › ${name} 第 ${i + 1} 条 › ${k}：取值应为文字、数字或 null`);
      }
    });
    if (problems.length > 40) break;
  }
  return problems;
}

/** Writes the (checked) document (caller holds the batch transaction); throws a UserError naming the row on a bad one. */
export function importDocument(db: Db, doc: ExportDocument, file: string, batchId: number, counts: BatchCounts, onRow?: (n: number) => void): JsonImportOutcome {
  let n = 0;
  const idMaps = new Map<string, Map<unknown, unknown>>();
  const outcome: JsonImportOutcome = {};
  for (const p of plans(db)) {
    const rows = doc.tables[p.t.name];
    if (!rows?.length) continue;
    const map = new Map<unknown, unknown>();
    idMaps.set(p.t.name, map);
    const o = (outcome[p.t.name] = { added: 0, matched: 0 });
    rows.forEach((raw, i) => {
      const where = `${file} › ${p.t.name} 第 ${i + 1} 条`;
      const row: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) if (k !== 'batch_id' && k !== p.alias) row[k] = typeof v === 'boolean' ? Number(v) : v;
      for (const fk of p.fks) {
        const parent = idMaps.get(fk.table);
        const v = row[fk.from];
        if (v === null || v === undefined || !parent) continue;
        if (!parent.has(v)) throw new UserError(`${where}：${fk.from} = ${String(v)} 指向的 ${fk.table} 记录在文件中不存在。`, ['文件可能被手工改过或不完整，请重新导出。']);
        row[fk.from] = parent.get(v);
      }
      if (p.t.hasBatchId) row.batch_id = batchId;
      const existing = findExisting(db, p, row);
      if (existing !== undefined) {
        o.matched++;
        if (p.alias) map.set(raw[p.alias], existing);
        return;
      }
      const cols = Object.keys(row);
      try {
        const r = db.prepare(`INSERT INTO ${q(p.t.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
        if (p.alias) map.set(raw[p.alias], Number(r.lastInsertRowid));
      } catch (e) {
        throw new UserError(`${where}：无法写入（${describe(e)}），未导入任何数据。`, ['文件可能被手工改过，请重新导出后再导入。']);
      }
      o.added++;
      onRow?.(++n);
      if (p.t.hasBatchId) counts.added++; // inserts elsewhere (settings) are counted from the undo journal
    });
  }
  return outcome;
}

function findExisting(db: Db, p: Plan, row: Record<string, unknown>): unknown {
  for (const cols of p.uniques) {
    // Two people may share a name: the name is only a key for someone without an ID-card number.
    if (p.t.name === 'members' && row.id_card && cols === NATURAL.members) continue;
    if (cols.some((c) => row[c] === undefined || row[c] === null)) continue;
    const hit = db.prepare(`SELECT ${p.alias ? q(p.alias) : '1'} AS id FROM ${q(p.t.name)} WHERE ${cols.map((c) => `${q(c)} = ?`).join(' AND ')} LIMIT 1`).get(...cols.map((c) => row[c])) as { id: unknown } | undefined;
    if (hit) return hit.id;
  }
  return undefined;
}

function describe(e: unknown): string {
  const m = (e as Error).message ?? String(e);
  if (/NOT NULL/.test(m)) return `缺少必填的一列：${m.replace(/^.*NOT NULL constraint failed: /, '')}`;
  if (/CHECK/.test(m)) return '有取值不符合要求（如日期先后、学时范围）';
  if (/FOREIGN KEY/.test(m)) return '引用的记录不存在';
  return m;
}
