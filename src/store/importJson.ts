// Loading an export document (see exportJson.ts) into a database — a new one, or the organ's, which holds
// other branches. Every id is renumbered and references follow. Shared rows (settings, the book
// catalogue) are matched by their unique key instead of duplicated. Each branch in the document
// REPLACES that branch's records exactly (issue 18): its rows are matched to the ones already held (by
// unique key, natural key, or the id they had in the branch's own database last time), changed ones are
// updated, new ones added, and rows the document no longer holds removed — nothing of other branches is
// touched, and the same document loaded twice changes nothing. The export time is kept per branch, so an
// older file is refused (unless forced).
import { UserError } from '../shared/errors.js';
import type { BatchCounts } from './batches.js';
import type { Db } from './db.js';
import type { ExportDocument } from './exportJson.js';
import { tableLabel } from '../domain/tableLabels.js';
import { branchKey } from '../domain/branchMatch.js';
import { maskIdCard } from '../domain/idcard.js';
import { dataTables, q } from './undoTriggers.js';
import { MIGRATIONS } from './migrations/index.js';
import { branchOfHeld, findExisting, keyOf, keySets, keyWhere, ownedTables, ownerSql, plans, same, type Plan } from './importJsonPlan.js';

/** Per table: rows added, matched to ones already held (unchanged or changed), changed and removed. */
export interface TableChange {
  added: number;
  matched: number;
  changed: number;
  removed: number;
}

/** Per table, over the whole document. */
export type JsonImportOutcome = Record<string, TableChange>;

/** What happened to one branch of the document. */
export interface BranchChange {
  branch: string;
  /** The document's export time; `previous` is that of the file imported for this branch before. */
  exportedAt: string;
  previous?: string;
  /** Whether the branch was new to this database. */
  added: boolean;
  tables: JsonImportOutcome;
}

/** The outcome of one document. */
export interface JsonImportResult {
  file: string;
  tables: JsonImportOutcome;
  branches: BranchChange[];
}

/** How to import. */
export interface JsonImportOptions {
  /** Import even when the file is older than the one imported for its branch before. */
  force?: boolean;
  onRow?: (n: number) => void;
}

/** The settings key under which a branch's last import is remembered (export time, ids it had there). */
const SOURCE_KEY = 'branch-export:';

/** The branch held whose name is `name` but for spaces (domain/branchMatch.ts branchKey). */
function branchByKey(db: Db, name: string): number | undefined {
  const key = branchKey(name);
  return (db.prepare('SELECT id, name FROM branches').all() as { id: number; name: string }[]).find((b) => branchKey(b.name) === key)?.id;
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
  if (typeof d.exportedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.test(d.exportedAt)) {
    problems.push(`${file} › exportedAt：导出时间${d.exportedAt === undefined ? '缺失' : `“${String(d.exportedAt)}”不是有效的时间`}（应为 2026-06-20T09:00:00 这样）`);
  }
  const shapes = new Map(dataTables(db).map((t) => [t.name, new Set(t.columns)]));
  // Every table an export of that schema holds: one left out would remove all of the branch's rows of it.
  for (const name of tablesAt(d.schemaVersion)) {
    if (shapes.has(name) && !(name in d.tables)) problems.push(`${file}：缺少“${name}”（${tableLabel(name)}）表——文件不完整或被手工删改过`);
  }
  for (const [name, rows] of Object.entries(d.tables)) {
    const cols = shapes.get(name);
    if (!cols) { problems.push(`${file} › ${name}：本版本没有这张表`); continue; }
    if (!Array.isArray(rows)) { problems.push(`${file} › ${name}：应为由记录组成的数组`); continue; }
    rows.forEach((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) { problems.push(`${rowAt(file, name, i)}：应为一个对象`); return; }
      for (const [k, v] of Object.entries(row)) {
        if (!cols.has(k)) problems.push(`${rowAt(file, name, i)}：没有“${k}”这一列`);
        else if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) problems.push(`${rowAt(file, name, i)} › ${k}：取值应为文字、数字或 null`);
      }
    });
    if (problems.length > 40) break;
  }
  return problems;
}

/** The tables the schema held at `version` (made by the migrations up to it). */
function tablesAt(version: number): string[] {
  return MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]!));
}

/** Writes the (checked) document (caller holds the batch transaction); throws a UserError naming the row on a bad one. */
/** Where a row of an export document is: file › table（its Chinese name）第 n 条. */
const rowAt = (file: string, table: string, i: number) => `${file} › ${table}（${tableLabel(table)}）第 ${i + 1} 条`;

export function importDocument(db: Db, doc: ExportDocument, file: string, batchId: number, counts: BatchCounts, opts: JsonImportOptions = {}): JsonImportResult {
  const all = plans(db);
  const owned = ownedTables(all);
  const idMaps = new Map<string, Map<unknown, unknown>>();
  const total: JsonImportOutcome = {};
  const tally = (t: string) => (total[t] ??= { added: 0, matched: 0, changed: 0, removed: 0 });
  let n = 0;
  const insert = (p: Plan, row: Record<string, unknown>, where: string): unknown => {
    const cols = Object.keys(row);
    let id: unknown;
    try {
      id = db.prepare(`INSERT INTO ${q(p.t.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c])).lastInsertRowid;
    } catch (e) {
      throw new UserError(`${where}：无法写入（${describe(e)}），未导入任何数据。`, ['文件可能被手工改过，请重新导出后再导入。']);
    }
    opts.onRow?.(++n);
    if (p.t.hasBatchId) counts.added++; // inserts elsewhere (settings) are counted from the undo journal
    return Number(id);
  };
  const mapped = (p: Plan, raw: Record<string, unknown>, i: number): Record<string, unknown> => {
    const where = rowAt(file, p.t.name, i);
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
    return row;
  };

  // 1. Shared rows (settings, books, branches): matched by unique key, else added; never removed.
  for (const p of all.filter((x) => !owned.has(x.t.name))) {
    const map = new Map<unknown, unknown>();
    idMaps.set(p.t.name, map);
    (doc.tables[p.t.name] ?? []).forEach((raw, i) => {
      // What a database says of the branches it collected stays its own.
      if (p.t.name === 'settings' && String(raw.key).startsWith(SOURCE_KEY)) return;
      const row = mapped(p, raw, i);
      const o = tally(p.t.name);
      // A branch is the one held under the same name written with other spaces (branchKey), as everywhere.
      const existing = findExisting(db, p, row) ?? (p.t.name === 'branches' ? branchByKey(db, String(row.name)) : undefined);
      if (existing !== undefined) { o.matched++; if (p.alias) map.set(raw[p.alias], existing); return; }
      const id = insert(p, row, rowAt(file, p.t.name, i));
      if (p.alias) map.set(raw[p.alias], id);
      o.added++;
    });
  }

  // 2. The document's branches, each checked against the export time held for it.
  const branchMap = idMaps.get('branches') ?? new Map<unknown, unknown>();
  const localName = db.prepare('SELECT name FROM branches WHERE id = ?').pluck();
  const docBranches = (doc.tables.branches ?? []).map((b) => {
    const local = branchMap.get(b.id) as number;
    return { name: localName.get(local) as string, local };
  });
  const changes: BranchChange[] = [];
  const sources = new Map<number, Source>();
  for (const b of docBranches) {
    const held = readSource(db, b.name);
    if (held && held.exportedAt > doc.exportedAt && !opts.force) {
      throw new UserError(`${file} 是 ${b.name} 在 ${stamp(doc.exportedAt)} 导出的，比数据库中已有的（${stamp(held.exportedAt)} 导出）更旧，未导入任何数据。`, [
        '请让支部重新导出最新的数据；如确要用这个较旧的文件替换，请加 --force。',
      ]);
    }
    sources.set(b.local, held ?? { exportedAt: '', ids: {} });
    changes.push({ branch: b.name, exportedAt: doc.exportedAt, ...(held ? { previous: held.exportedAt } : {}), added: !held && !hasRecords(db, b.local), tables: {} });
  }
  const branchIds = docBranches.map((b) => b.local);
  const change = (branchId: number, t: string) => {
    const c = changes[branchIds.indexOf(branchId)]!;
    return (c.tables[t] ??= { added: 0, matched: 0, changed: 0, removed: 0 });
  };

  // 3. The branches' own rows, parents first: match, update, add; what is left unmatched goes in 4.
  const leftover: { p: Plan; rows: Record<string, unknown>[]; branchOf: (r: Record<string, unknown>) => number }[] = [];
  const branchOfLocal = new Map<string, Map<unknown, number>>();
  for (const p of all.filter((x) => owned.has(x.t.name))) {
    const own = owned.get(p.t.name)!;
    const map = new Map<unknown, unknown>();
    idMaps.set(p.t.name, map);
    const localBranch = new Map<unknown, number>();
    branchOfLocal.set(p.t.name, localBranch);
    const branchOf = (r: Record<string, unknown>): number => (own.table === 'branches' ? (r[own.from] as number) : branchOfLocal.get(own.table)!.get(r[own.from])!);
    const locals = branchIds.length ? db.prepare(`SELECT ${p.alias ? `${q(p.alias)} AS "@id", ` : ''}* FROM ${q(p.t.name)} WHERE ${ownerSql(owned, p.t.name, branchIds)}`).all() as Record<string, unknown>[] : [];
    const keys = keySets(p);
    const index = keys.map((cols) => {
      const m = new Map<string, Record<string, unknown>>();
      for (const r of locals) { const k = keyOf(p, cols, r); if (k !== undefined && !m.has(k)) m.set(k, r); }
      return m;
    });
    const byAlias = p.alias ? new Map(locals.map((r) => [r['@id'], r])) : undefined;
    const taken = new Set<Record<string, unknown>>();
    (doc.tables[p.t.name] ?? []).forEach((raw, i) => {
      const row = mapped(p, raw, i);
      const b = branchOf(row);
      const c = change(b, p.t.name);
      const o = tally(p.t.name);
      let hit: Record<string, unknown> | undefined;
      for (let k = 0; k < keys.length && !hit; k++) {
        const key = keyOf(p, keys[k]!, row);
        const r = key === undefined ? undefined : index[k]!.get(key);
        if (r && !taken.has(r)) hit = r;
      }
      // A renamed person or an edited session: matched by the id it had in the branch's database last time.
      if (!hit && byAlias && p.alias) {
        const was = sources.get(b)?.ids[p.t.name]?.[String(raw[p.alias])];
        const r = was === undefined ? undefined : byAlias.get(was);
        if (r && !taken.has(r)) hit = r;
      }
      if (hit) {
        taken.add(hit);
        o.matched++; c.matched++;
        const diff = Object.keys(row).filter((k) => k !== 'batch_id' && !same(row[k], hit![k]));
        if (diff.length) {
          const where = keyWhere(p);
          try {
            db.prepare(`UPDATE ${q(p.t.name)} SET ${diff.map((k) => `${q(k)} = ?`).join(', ')} WHERE ${where.sql}`).run(...diff.map((k) => row[k]), ...where.args(hit));
          } catch (e) {
            throw new UserError(`${rowAt(file, p.t.name, i)}：无法更新（${describe(e)}），未导入任何数据。`, ['文件可能被手工改过，请重新导出后再导入。']);
          }
          o.changed++; c.changed++;
        }
        if (p.alias) { map.set(raw[p.alias], hit['@id']); localBranch.set(hit['@id'], b); }
        return;
      }
      if (p.t.name === 'members') refuseHeldElsewhere(db, row, rowAt(file, p.t.name, i), branchIds);
      const id = insert(p, row, rowAt(file, p.t.name, i));
      o.added++; c.added++;
      if (p.alias) { map.set(raw[p.alias], id); localBranch.set(id, b); }
    });
    // Rows held that the document no longer has; their branch is known from the locals' own parents.
    for (const r of locals) if (p.alias) localBranch.set(r['@id'], localBranch.get(r['@id']) ?? branchOfHeld(db, owned, p.t.name, r));
    leftover.push({ p, rows: locals.filter((r) => !taken.has(r)), branchOf: (r) => (p.alias ? localBranch.get(r['@id'])! : branchOfHeld(db, owned, p.t.name, r)) });
  }

  // 4. Removed: children first, so nothing is left pointing at a removed row.
  for (const { p, rows, branchOf } of leftover.reverse()) {
    if (!rows.length) continue;
    const where = keyWhere(p);
    const del = db.prepare(`DELETE FROM ${q(p.t.name)} WHERE ${where.sql}`);
    for (const r of rows) {
      const b = branchOf(r);
      const gone = del.run(...where.args(r)).changes;
      if (!gone) continue; // already taken with its parent (ON DELETE CASCADE)
      tally(p.t.name).removed++;
      change(b, p.t.name).removed++;
    }
  }

  // 5. The catalogue is shared: two branches' copies of one title are one row here, so a title out on loan in
  // two branches at once has more open loans than the copies the row says — raised to its open loans.
  if ((doc.tables.loans ?? []).length) {
    const open = '(SELECT count(*) FROM loans l WHERE l.book_id = books.id AND l.returned_on IS NULL)';
    const raised = db.prepare(`UPDATE books SET copies = ${open} WHERE copies < ${open}`).run().changes;
    if (raised) tally('books').changed += raised;
  }

  // 6. Remember, per branch, the export time and the ids its rows had there (for the next import).
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value');
  for (const b of docBranches) {
    const ids: Source['ids'] = {};
    for (const t of ['members', 'sessions']) {
      const m = idMaps.get(t);
      const o: Record<string, number> = (ids[t] = {});
      for (const raw of doc.tables[t] ?? []) {
        const local = m?.get(raw.id) as number | undefined;
        if (local !== undefined && branchOfLocal.get(t)?.get(local) === b.local) o[String(raw.id)] = local;
      }
    }
    set.run(SOURCE_KEY + b.name, JSON.stringify({ exportedAt: doc.exportedAt, ids }));
  }
  return { file, tables: total, branches: changes };
}

/** A person of the document whose ID card is held here under another branch (moved between branches, each
 * branch's file holding one spell): the two branches' records cannot yet be merged into one person. */
function refuseHeldElsewhere(db: Db, row: Record<string, unknown>, where: string, branchIds: number[]): void {
  if (typeof row.id_card !== 'string' || !row.id_card) return;
  const held = db.prepare('SELECT m.name, m.on_roll_from AS "from", m.on_roll_left AS "left", b.name AS branch, b.id AS branchId FROM members m JOIN branches b ON b.id = m.branch_id WHERE m.id_card = ?')
    .get(row.id_card) as { name: string; from: string | null; left: string | null; branch: string; branchId: number } | undefined;
  if (!held || branchIds.includes(held.branchId)) return;
  const spell = `${held.from ?? '（未填）'} 至 ${held.left ? `${held.left} 转出` : '今'}`;
  throw new UserError(`${where}：${String(row.name)}（身份证号 ${maskIdCard(row.id_card)}）已作为“${held.branch}”的人员在本数据库中（在册 ${spell}），同一个人出现在两个支部的文件里（支部间调动），未导入任何数据。`, [
    'shuxiang 目前不能把两个支部各自导出的同一个人的记录合并：请由其中一个支部登记此人（另一个支部的数据库里删除此人后重新导出），再导入。',
  ]);
}

/** What is remembered of a branch's last import. */
interface Source {
  exportedAt: string;
  ids: Record<string, Record<string, number>>;
}

function readSource(db: Db, branch: string): Source | undefined {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(SOURCE_KEY + branch) as { value: string } | undefined;
  if (!r) return undefined;
  try { return JSON.parse(r.value) as Source; } catch { return undefined; }
}

/** Whether the branch holds anything besides its name (a branch made by `init` before its data arrived). */
function hasRecords(db: Db, branchId: number): boolean {
  return !!db.prepare('SELECT 1 FROM members WHERE branch_id = ? UNION ALL SELECT 1 FROM sessions WHERE branch_id = ? LIMIT 1').get(branchId, branchId);
}

const stamp = (s: string) => s.replace('T', ' ').slice(0, 16);

function describe(e: unknown): string {
  const m = (e as Error).message ?? String(e);
  if (/NOT NULL/.test(m)) return `缺少必填的一列：${m.replace(/^.*NOT NULL constraint failed: /, '')}`;
  if (/CHECK/.test(m)) return '有取值不符合要求（如日期先后、学时范围）';
  if (/FOREIGN KEY/.test(m)) return '引用的记录不存在';
  const unique = /UNIQUE constraint failed: (.*)$/.exec(m);
  if (unique) return `与数据库中已有的记录重复（${unique[1]!.split(', ').map((c) => c.replace(/^\w+\./, '')).join('、')} 相同）`;
  return m;
}
