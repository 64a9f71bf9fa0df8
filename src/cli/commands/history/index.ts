// `shuxiang history`: every write batch, newest first — when, which command with what (personal numbers
// masked), how many rows it added, changed and removed — with the number `undo` takes.
import type { Command } from 'commander';
import { historyTable } from '../../../render/terminal/historyText.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { listHistory } from '../../../app/history/listHistory.js';
import { dropJournal } from '../../../store/journalBound.js';
import { intFlag } from '../../args/numbers.js';

/** The most --limit may ask for (more is what --all is for). */
const MAX_LIMIT = 1_000_000;

/** Registers `history`. */
export function registerHistory(program: Command, act: Act): void {
  program
    .command('history')
    .summary('写入记录：每次写入的时间、命令和增删改行数')
    .description('查看写入记录：每次导入、登记、修改的时间、命令和增删改行数（可用 undo 撤销）')
    .option('-n, --limit <条数>', '最多显示多少条（默认 20）')
    .option('--all', '显示全部记录')
    .option('--prune', '立即清除全部撤销记录（被修改、删除前的旧数据）；之前的写入从此不能再撤销')
    .addHelpText('after', `
示例：
  shuxiang history                  最近 20 次写入
  shuxiang history --limit 5
  shuxiang history --all --json     全部记录，JSON 格式
  shuxiang undo                     撤销最近一次写入

说明：身份证号、手机号在记录中一律打码保存。撤销记录（被修改、删除前的旧数据）只保留最近 50 次、
90 天以内的写入（设置项 undoKeepBatches、undoKeepDays），更早的写入不能再撤销；
shuxiang history --prune 立即清除全部撤销记录。
`)
    .action(act(runHistory));
}

/** Lists the batches, newest first (text table or JSON). */
export async function runHistory(ctx: AppContext, o: { limit?: string; all?: boolean; prune?: boolean }): Promise<void> {
  if (o.prune) return pruneHistory(ctx);
  let limit = 20;
  if (o.all) limit = -1;
  else if (o.limit !== undefined) limit = intFlag('--limit', o.limit, { min: 1, max: MAX_LIMIT, what: '显示多少条', example: 10 });
  const db = await ctx.openDb({ readonly: true });
  const { total, batches: rows, policy, through } = listHistory(db, limit);
  if (ctx.json) {
    ctx.outJson({ total, batches: rows.map((b) => ({ ...b, undoable: b.id > through })), journal: { keepBatches: policy.batches, keepDays: policy.days, prunedThrough: through } });
    return;
  }
  if (rows.length === 0) {
    ctx.out('还没有任何写入记录。');
    return;
  }
  ctx.out(historyTable(rows));
  if (total > rows.length) ctx.info(`共 ${total} 条记录，只显示了最近 ${rows.length} 条；加 --all 显示全部。`);
  ctx.info(`撤销最近一次：shuxiang undo；撤销指定的一次：shuxiang undo ${rows[0]!.id}`);
  ctx.info(`撤销记录只保留最近 ${policy.batches} 次、${policy.days} 天以内的写入${through ? `；第 ${through} 次及更早的写入已不能撤销` : ''}。立即清除全部撤销记录：shuxiang history --prune`);
}

/** `history --prune`: the whole undo journal dropped on purpose (old phone numbers and the like go with it). */
async function pruneHistory(ctx: AppContext): Promise<void> {
  const db = await ctx.openDb();
  const r = dropJournal(db);
  if (ctx.json) return ctx.outJson({ prunedThrough: r.through, entries: r.entries });
  ctx.out(`已清除撤销记录 ${r.entries} 条：第 ${r.through} 次及更早的写入从此不能再撤销（写入记录仍保留在 history 中）。`);
}
