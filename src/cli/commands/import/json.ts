// `shuxiang import --kind json FILE…` / `--kind db FILE…`: loads export documents (or branches' own
// database files) into this database — creating it when missing, the way to move to a new computer —
// as one batch that `undo` can take back. Each branch in a file replaces that branch's records here
// (issue 18): the organ collects its branches, file after file, and a newer file of a branch replaces
// the older one exactly. A file older than the one already held for its branch is refused unless --force.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';
import type { ExportDocument } from '../../../store/exportJson.js';
import type { JsonImportOutcome, JsonImportResult } from '../../../store/importJson.js';

/** Reads, checks and (unless --dry-run) merges the documents, in one batch. */
export async function importJsonFiles(ctx: AppContext, files: string[], opts: ImportOptions, kind: 'json' | 'db' = 'json'): Promise<void> {
  if (!files.length) throw new UserError(`--kind ${kind} 需要至少一个文件。`);
  const fresh = !existsSync(ctx.dbPath());
  const docs: { name: string; doc: unknown }[] = [];
  for (const file of files) docs.push({ name: basename(file), doc: await readDocument(file, kind) });
  try {
    await importInto(ctx, fresh, docs, opts);
  } catch (e) {
    // A database this command created for the import is removed again: a failed import leaves nothing.
    if (fresh) {
      ctx.closeAll();
      for (const f of ['', '-wal', '-shm']) rmSync(ctx.dbPath() + f, { force: true });
    }
    throw e;
  }
}

async function readDocument(file: string, kind: 'json' | 'db'): Promise<unknown> {
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}，请检查路径和文件名。`);
  if (kind === 'db') {
    const { exportDbFile } = await import('../../../store/exportJson.js');
    return exportDbFile(file, statSync(file).mtime.toISOString().slice(0, 19));
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError(`${name} 不是有效的 JSON 文件（内容不是 JSON，或已被改坏）。`, ['请使用 shuxiang export --json 导出的文件，不要手工修改。']);
  }
}

const LABEL: Record<string, string> = {
  settings: '设置', branches: '支部', members: '人员', sessions: '学习活动', attendance: '签到', books: '书目', self_study: '自学', lectures: '听课',
  readings: '读书', writings: '心得文章', research: '调研', talks: '宣讲', trainings: '培训', exams: '考试', exchanges: '读书交流', loans: '借阅',
  plan_months: '学习计划', plan_links: '计划关联',
};

async function importInto(ctx: AppContext, fresh: boolean, docs: { name: string; doc: unknown }[], opts: ImportOptions): Promise<void> {
  const db = await ctx.openDb({ create: fresh });
  const { SCHEMA_VERSION } = await import('../../../store/migrations/index.js');
  const { checkDocument, importDocument } = await import('../../../store/importJson.js');
  for (const { name, doc } of docs) {
    const problems = checkDocument(db, doc, name, SCHEMA_VERSION);
    if (problems.length) throw new UserError(`${name} 有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请使用 shuxiang export --json 重新导出，不要手工修改。']);
  }
  // Oldest first, so that two files of one branch leave the newer one in place.
  const ordered = [...docs].sort((a, b) => ((a.doc as ExportDocument).exportedAt < (b.doc as ExportDocument).exportedAt ? -1 : 1));
  const { writeOrPreview } = await import('../../importing/preview.js');
  const { faultHook } = await import('../../../shared/faults.js');
  const onRow = faultHook(ctx.env, ctx.io.stderr);
  const names = docs.map((d) => d.name).join(' ');
  const results = await writeOrPreview(ctx, db, opts, { command: 'import json', args: names }, (batchId, counts) =>
    ordered.map(({ name, doc }) => importDocument(db, doc as ExportDocument, name, batchId, counts, { onRow, remember: !fresh, force: opts.force })));
  const tables: JsonImportOutcome = {};
  for (const r of results) for (const [t, o] of Object.entries(r.tables)) {
    const s = (tables[t] ??= { added: 0, matched: 0, changed: 0, removed: 0 });
    for (const k of ['added', 'matched', 'changed', 'removed'] as const) s[k] += o[k];
  }
  if (ctx.json) {
    ctx.outJson({ file: names, dryRun: !!opts.dryRun, tables, files: results });
    return;
  }
  ctx.out([`${opts.dryRun ? '试运行（--dry-run），未写入任何数据' : '导入完成'}：${names}`, ...results.flatMap((r) => fileLines(r, !!opts.dryRun))].join('\n'));
}

/** Per file, per branch: what was added, changed and removed, table by table. */
function fileLines(r: JsonImportResult, dryRun: boolean): string[] {
  const verb = dryRun ? '将' : '已';
  const out: string[] = [];
  const line = (t: string, o: JsonImportOutcome[string]) => {
    const parts = [o.added && `新增 ${o.added}`, o.changed && `修改 ${o.changed}`, o.removed && `删除 ${o.removed}`].filter(Boolean);
    return `${LABEL[t] ?? t} ${parts.length ? `${verb}${parts.join('、')}` : '无变化'}`;
  };
  for (const b of r.branches) {
    const when = `${b.exportedAt.replace('T', ' ').slice(0, 16)} 导出${b.previous ? `，替换 ${b.previous.replace('T', ' ').slice(0, 16)} 导出的数据` : ''}`;
    const changed = Object.entries(b.tables).filter(([, o]) => o.added || o.changed || o.removed);
    out.push(`  ${b.branch}（${r.file}，${when}）：${changed.length ? changed.map(([t, o]) => line(t, o)).join('；') : '与已有数据相同，没有变化'}`);
  }
  const shared = Object.entries(r.tables).filter(([t, o]) => ['books', 'settings'].includes(t) && o.added);
  if (shared.length) out.push(`  共用：${shared.map(([t, o]) => `${LABEL[t] ?? t}${verb}新增 ${o.added}`).join('；')}`);
  if (!r.branches.length) out.push(`  ${r.file}：（文件中没有支部的记录）`);
  return out;
}
