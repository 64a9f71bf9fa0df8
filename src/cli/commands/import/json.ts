// `shuxiang import --kind json FILE…` / `--kind db FILE…`: loads export documents (or branches' own
// database files) into this database — creating it when missing, the way to move to a new computer —
// as one batch that `undo` can take back (src/app/imports/json.ts). A database this command created is
// removed again when the import fails.
import { existsSync, rmSync } from 'node:fs';
import { importDocuments, readDocuments, type JsonImport } from '../../../app/imports/json.js';
import type { JsonImportOutcome, JsonImportResult } from '../../../store/importJson.js';
import type { AppContext } from '../../context.js';
import { importHooks, type ImportOptions } from '../../importing/options.js';
import { tableLabel } from '../../../domain/tableLabels.js';

/** Reads, checks and (unless --dry-run) merges the documents, in one batch. */
export async function importJsonFiles(ctx: AppContext, files: string[], opts: ImportOptions, kind: 'json' | 'db' = 'json'): Promise<void> {
  const fresh = !existsSync(ctx.dbPath());
  const docs = readDocuments(files, kind, ctx.dbPath());
  try {
    const db = await ctx.openDb({ create: fresh });
    printJsonImport(ctx, importDocuments(db, { docs, dryRun: opts.dryRun, force: opts.force, today: ctx.today() }, ctx.nowStamp(), importHooks(ctx)));
  } catch (e) {
    // A database this command created for the import is removed again: a failed import leaves nothing.
    if (fresh) {
      ctx.closeAll();
      for (const f of ['', '-wal', '-shm']) rmSync(ctx.dbPath() + f, { force: true });
    }
    throw e;
  }
}

function printJsonImport(ctx: AppContext, r: JsonImport): void {
  if (ctx.json) {
    ctx.outJson(r);
    return;
  }
  ctx.out([`${r.dryRun ? '试运行（--dry-run），未写入任何数据' : '导入完成'}：${r.file}`, ...r.files.flatMap((f) => fileLines(f, r.dryRun))].join('\n'));
}

/** Per file, per branch: what was added, changed and removed, table by table. */
function fileLines(r: JsonImportResult, dryRun: boolean): string[] {
  const verb = dryRun ? '将' : '已';
  const out: string[] = [];
  const line = (t: string, o: JsonImportOutcome[string]) => {
    const parts = [o.added && `新增 ${o.added}`, o.changed && `修改 ${o.changed}`, o.removed && `删除 ${o.removed}`].filter(Boolean);
    return `${tableLabel(t)} ${parts.length ? `${verb}${parts.join('、')}` : '无变化'}`;
  };
  for (const b of r.branches) {
    const when = `${b.exportedAt.replace('T', ' ').slice(0, 16)} 导出${b.previous ? `，替换 ${b.previous.replace('T', ' ').slice(0, 16)} 导出的数据` : ''}`;
    const changed = Object.entries(b.tables).filter(([, o]) => o.added || o.changed || o.removed);
    const none = b.added ? `${verb}新增支部（文件中没有人员、活动等记录）` : '与已有数据相同，没有变化';
    out.push(`  ${b.branch}（${r.file}，${when}）：${b.added && changed.length ? `${verb}新增支部；` : ''}${changed.length ? changed.map(([t, o]) => line(t, o)).join('；') : none}`);
  }
  const shared = Object.entries(r.tables).filter(([t, o]) => ['books', 'settings'].includes(t) && (o.added || o.changed));
  const sharedLine = (t: string, o: JsonImportOutcome[string]) =>
    `${tableLabel(t)}${verb}${[o.added && `新增 ${o.added}`, o.changed && `修改 ${o.changed}${t === 'books' ? '（几个支部同时借出同一本书：册数增加到在借的本数）' : ''}`].filter(Boolean).join('、')}`;
  if (shared.length) out.push(`  共用：${shared.map(([t, o]) => sharedLine(t, o)).join('；')}`);
  if (!r.branches.length) out.push(`  ${r.file}：（文件中没有支部的记录）`);
  return out;
}
