// `shuxiang import --kind json FILE`: loads an export document into this database (creating it when
// missing — the way to move to a new computer), as one batch that `undo` can take back.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { ImportOptions } from '../../importing/options.js';

/** Reads, checks and (unless --dry-run) merges the JSON export documents. */
export async function importJsonFiles(ctx: AppContext, files: string[], opts: ImportOptions): Promise<void> {
  if (files.length !== 1) throw new UserError(`--kind json 一次只能导入一个文件，您给了 ${files.length} 个。请逐个导入。`);
  const file = files[0]!;
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}，请检查路径和文件名。`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError(`${name} 不是有效的 JSON 文件（内容不是 JSON，或已被改坏）。`, ['请使用 shuxiang export --json 导出的文件，不要手工修改。']);
  }
  const fresh = !existsSync(ctx.dbPath());
  try {
    await importInto(ctx, fresh, doc, name, opts);
  } catch (e) {
    // A database this command created for the import is removed again: a failed import leaves nothing.
    if (fresh) {
      ctx.closeAll();
      for (const f of ['', '-wal', '-shm']) rmSync(ctx.dbPath() + f, { force: true });
    }
    throw e;
  }
}

async function importInto(ctx: AppContext, fresh: boolean, doc: unknown, name: string, opts: ImportOptions): Promise<void> {
  const db = await ctx.openDb({ create: fresh });
  const { SCHEMA_VERSION } = await import('../../../store/migrations/index.js');
  const { checkDocument, importDocument } = await import('../../../store/importJson.js');
  const problems = checkDocument(db, doc, name, SCHEMA_VERSION);
  if (problems.length) throw new UserError(`${name} 有 ${problems.length} 处问题，未导入任何数据：`, [...problems.slice(0, 40), '请使用 shuxiang export --json 重新导出，不要手工修改。']);
  const { writeOrPreview } = await import('../../importing/preview.js');
  const { faultHook } = await import('../../../shared/faults.js');
  const onRow = faultHook(ctx.env, ctx.io.stderr);
  const outcome = await writeOrPreview(ctx, db, opts, { command: 'import json', args: name }, (batchId, counts) =>
    importDocument(db, doc as import('../../../store/exportJson.js').ExportDocument, name, batchId, counts, onRow));
  if (ctx.json) {
    ctx.outJson({ file: name, dryRun: !!opts.dryRun, tables: outcome });
    return;
  }
  const label: Record<string, string> = { settings: '设置', branches: '支部', members: '人员', sessions: '学习活动', attendance: '签到', books: '书目' };
  const lines = [`${opts.dryRun ? '试运行（--dry-run），未写入任何数据' : '导入完成'}：${name}`];
  const verb = opts.dryRun ? '将' : '已';
  for (const [t, o] of Object.entries(outcome)) lines.push(`  ${label[t] ?? t}：${verb}新增 ${o.added} 条${o.matched ? `，${o.matched} 条已存在（未重复导入）` : ''}`);
  if (lines.length === 1) lines.push('  （文件中没有记录）');
  ctx.out(lines.join('\n'));
}
