// `import --kind json FILE…` / `--kind db FILE…`: export documents (or branches' own database files)
// loaded into this database as one batch that `undo` can take back. Each branch in a file replaces that
// branch's records here (issue 18): the organ collects its branches, file after file, and a newer file
// of a branch replaces the older one exactly; a file older than the one held is refused unless `force`.
// Two steps: readDocuments before the database is opened (or created), importDocuments into it.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { addDaysIso } from '../../domain/periods.js';
import { DbError, UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { EXPORT_FORMAT_VERSION, exportDbFile, type ExportDocument } from '../../store/exportJson.js';
import { checkDocument, importDocument, type JsonImportOutcome, type JsonImportResult } from '../../store/importJson.js';
import { SCHEMA_VERSION } from '../../store/migrations/index.js';
import { checkInputFile } from '../../io/readGrids.js';
import { writeOrPreview, type ImportHooks } from './batch.js';
import { documentValueProblems } from './documentChecks.js';

export interface ReadDocument {
  name: string;
  doc: unknown;
}

/** Each file as an export document: parsed JSON, or (`db`) a branch's database file exported as one;
 * `self` is this database's path (a file that is this database is refused). */
export function readDocuments(files: string[], kind: 'json' | 'db', self?: string): ReadDocument[] {
  if (!files.length) throw new UserError(`--kind ${kind} 需要至少一个文件。`);
  if (kind === 'db' && self) for (const file of files) {
    if (sameFile(file, self)) throw new UserError(`${basename(file)} 就是本数据库（--db ${self}），不能导入到自己里面，未导入任何数据。`, ['请指定支部发来的数据库文件或 export 导出的 .json 文件。']);
  }
  return files.map((file) => ({ name: basename(file), doc: readDocument(file, kind) }));
}

/** Whether two paths name one file (links and different spellings included); false if either is missing. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

function readDocument(file: string, kind: 'json' | 'db'): unknown {
  const name = basename(file);
  checkInputFile(file);
  if (kind === 'db') return readDbFile(file);
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError(`${name} 不是有效的 JSON 文件（内容不是 JSON，或已被改坏）。`, ['请使用 shuxiang export --json 导出的文件，不要手工修改。']);
  }
}

/** A branch's database file as an export document; a file that is not one, or is damaged, is refused as
 * the input it is (exit 2): this database is not touched, so there is nothing here to restore or check. */
function readDbFile(file: string): unknown {
  const name = basename(file);
  const again = '请让该支部重新发送：用 shuxiang export 导出的 .json 文件，或用 shuxiang backup 备份的数据库文件。';
  const st = statSync(file);
  if (st.isDirectory()) throw new UserError(`${file} 是文件夹，请指定支部的数据库文件（.db）。`);
  if (st.size === 0) throw new UserError(`${name} 是空文件（0 字节），不是 shuxiang 的数据库文件，未导入任何数据。`, [again]);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try { readSync(fd, head, 0, 16, 0); } finally { closeSync(fd); }
  if (head.toString('latin1') !== 'SQLite format 3\0') {
    throw new UserError(`${name} 不是 shuxiang 的数据库文件（不是 SQLite 数据库），未导入任何数据。`, ['导入 export 导出的 JSON 文件请用 --kind json。', again]);
  }
  try {
    return exportDbFile(file, st.mtime.toISOString().slice(0, 19));
  } catch (e) {
    if (!(e instanceof DbError)) throw e;
    throw new UserError(`${name} 已损坏或不完整，无法读取，未导入任何数据（本数据库没有改动）。`, [again]);
  }
}

export interface JsonImport {
  /** The file names, space-separated. */
  file: string;
  dryRun: boolean;
  /** Per table, summed over the files. */
  tables: JsonImportOutcome;
  files: JsonImportResult[];
}

/** Checks every document (refusing on any problem), then merges them oldest first in one batch stamped `now`
 * (each branch's export time remembered, so an older file of it is refused later — also in a database
 * this import creates, the organ's first collection). */
export function importDocuments(db: Db, input: { docs: ReadDocument[]; dryRun?: boolean; force?: boolean; today: string }, now: string, hooks: ImportHooks = {}): JsonImport {
  const { docs } = input;
  for (const { name, doc } of docs) {
    const d = doc as Partial<ExportDocument> | null;
    if (typeof d?.formatVersion === 'number' && d.formatVersion > EXPORT_FORMAT_VERSION) {
      throw new UserError(`${name} 由更新版本的 shuxiang 导出（导出格式版本 ${d.formatVersion}，本程序只认识到 ${EXPORT_FORMAT_VERSION}），未导入任何数据。`, ['请先升级 shuxiang（在项目文件夹里 git pull 后 npm install），再导入。']);
    }
    let problems = checkDocument(db, doc, name, SCHEMA_VERSION);
    if (!problems.length) problems = documentValueProblems(name, (doc as ExportDocument).tables, input.today);
    // A time to come would make every genuine later export of the branch look older.
    const at = (doc as ExportDocument).exportedAt;
    if (!problems.length && at.slice(0, 10) > addDaysIso(input.today, 1)) problems = [`${name} › exportedAt：导出时间 ${at.replace('T', ' ').slice(0, 16)} 在今天（${input.today}）之后，不可能是真实的导出时间（文件被改过，或导出它的电脑日期不对）`];
    if (problems.length) throw new UserError(`${name} 有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请使用 shuxiang export --json 重新导出，不要手工修改。']);
  }
  // Oldest first, so that two files of one branch leave the newer one in place.
  const ordered = [...docs].sort((a, b) => ((a.doc as ExportDocument).exportedAt < (b.doc as ExportDocument).exportedAt ? -1 : 1));
  const names = docs.map((d) => d.name).join(' ');
  const results = writeOrPreview(db, input.dryRun, { command: 'import json', args: names }, now, (batchId, counts) =>
    ordered.map(({ name, doc }) => importDocument(db, doc as ExportDocument, name, batchId, counts, { onRow: hooks.onRow, force: input.force })));
  const tables: JsonImportOutcome = {};
  for (const r of results) for (const [t, o] of Object.entries(r.tables)) {
    const s = (tables[t] ??= { added: 0, matched: 0, changed: 0, removed: 0 });
    for (const k of ['added', 'matched', 'changed', 'removed'] as const) s[k] += o[k];
  }
  return { file: names, dryRun: !!input.dryRun, tables, files: results };
}
