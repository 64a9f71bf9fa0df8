// `import --kind json FILE…` / `--kind db FILE…`: export documents (or branches' own database files)
// loaded into this database as one batch that `undo` can take back. Each branch in a file replaces that
// branch's records here (issue 18): the organ collects its branches, file after file, and a newer file
// of a branch replaces the older one exactly; a file older than the one held is refused unless `force`.
// Two steps: readDocuments before the database is opened (or created), importDocuments into it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { exportDbFile, type ExportDocument } from '../../store/exportJson.js';
import { checkDocument, importDocument, type JsonImportOutcome, type JsonImportResult } from '../../store/importJson.js';
import { SCHEMA_VERSION } from '../../store/migrations/index.js';
import { writeOrPreview, type ImportHooks } from './batch.js';

export interface ReadDocument {
  name: string;
  doc: unknown;
}

/** Each file as an export document: parsed JSON, or (`db`) a branch's database file exported as one. */
export function readDocuments(files: string[], kind: 'json' | 'db'): ReadDocument[] {
  if (!files.length) throw new UserError(`--kind ${kind} 需要至少一个文件。`);
  return files.map((file) => ({ name: basename(file), doc: readDocument(file, kind) }));
}

function readDocument(file: string, kind: 'json' | 'db'): unknown {
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}，请检查路径和文件名。`);
  if (kind === 'db') return exportDbFile(file, statSync(file).mtime.toISOString().slice(0, 19));
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError(`${name} 不是有效的 JSON 文件（内容不是 JSON，或已被改坏）。`, ['请使用 shuxiang export --json 导出的文件，不要手工修改。']);
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

/** Checks every document (refusing on any problem), then merges them oldest first in one batch stamped `now`;
 * `fresh`: the database was created for this import (nothing to remember a previous import by). */
export function importDocuments(db: Db, input: { docs: ReadDocument[]; fresh: boolean; dryRun?: boolean; force?: boolean }, now: string, hooks: ImportHooks = {}): JsonImport {
  const { docs, fresh } = input;
  for (const { name, doc } of docs) {
    const problems = checkDocument(db, doc, name, SCHEMA_VERSION);
    if (problems.length) throw new UserError(`${name} 有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请使用 shuxiang export --json 重新导出，不要手工修改。']);
  }
  // Oldest first, so that two files of one branch leave the newer one in place.
  const ordered = [...docs].sort((a, b) => ((a.doc as ExportDocument).exportedAt < (b.doc as ExportDocument).exportedAt ? -1 : 1));
  const names = docs.map((d) => d.name).join(' ');
  const results = writeOrPreview(db, input.dryRun, { command: 'import json', args: names }, now, (batchId, counts) =>
    ordered.map(({ name, doc }) => importDocument(db, doc as ExportDocument, name, batchId, counts, { onRow: hooks.onRow, remember: !fresh, force: input.force })));
  const tables: JsonImportOutcome = {};
  for (const r of results) for (const [t, o] of Object.entries(r.tables)) {
    const s = (tables[t] ??= { added: 0, matched: 0, changed: 0, removed: 0 });
    for (const k of ['added', 'matched', 'changed', 'removed'] as const) s[k] += o[k];
  }
  return { file: names, dryRun: !!input.dryRun, tables, files: results };
}
