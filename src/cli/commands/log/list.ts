// `log list` (per member, per kind, per period, with ids) and `log remove KIND:ID`. Ids are per table,
// so an item is addressed as `<kind>:<id>` (self-study:12, or 自学:12), or as `12 --kind self-study`.
import { findKind, kindChoicesText, type EvidenceKindId, type EvidenceKindSpec } from '../../../domain/evidenceKinds.js';
import { describeValues } from '../../../domain/evidenceView.js';
import { parsePeriodId } from '../../../domain/periods.js';
import { UserError } from '../../../shared/errors.js';
import type { EvidenceItem } from '../../../store/evidence.js';
import type { AppContext } from '../../context.js';
import { printListing, type Column } from '../../output.js';

function kindFlag(typed: string, flag = '--kind'): EvidenceKindSpec {
  const k = findKind(typed);
  if (!k) throw new UserError(`${flag} 的取值“${typed}”不是已知的记录类别。`, [`可选：${kindChoicesText()}`]);
  return k;
}

/** `self-study:12`, `自学:12`, `自学#12`, or `12` with --kind → kind and id. */
export function parseEvidenceRef(ref: string, kindText?: string): { kind: EvidenceKindId; id: number } {
  const m = /^(?:(.+?)\s*[:：#＃]\s*)?(\d+)$/.exec(ref.normalize('NFKC').trim());
  if (!m) throw new UserError(`“${ref}”不是记录编号。编号写成 类别:数字，如 self-study:12（见 shuxiang log list）。`);
  const typed = m[1] ?? kindText;
  if (!typed) throw new UserError(`编号“${ref}”没有写类别：每类记录单独编号，请写成 self-study:${m[2]}，或加 --kind 指明类别。`, [`类别：${kindChoicesText()}`]);
  const kind = kindFlag(typed, m[1] ? '编号中的类别' : '--kind');
  if (m[1] && kindText && findKind(kindText)?.id !== kind.id) throw new UserError(`编号 ${ref} 与 --kind ${kindText} 不一致，请只写一处。`);
  return { kind: kind.id, id: Number(m[2]) };
}

const COLUMNS: Column<EvidenceItem>[] = [
  { header: '编号', value: (i) => i.ref },
  { header: '姓名', value: (i) => i.member },
  { header: '类别', value: (i) => findKind(i.kind)!.name },
  { header: '日期', value: (i) => i.date ?? '' },
  { header: '内容', value: (i) => describeValues(findKind(i.kind)!, i.values, [findKind(i.kind)!.dateKey]) },
];

/** `shuxiang log list [--member] [--kind] [--period]`. */
export async function runLogList(ctx: AppContext, opts: { member?: string; kind?: string; period?: string }): Promise<void> {
  const kind = opts.kind === undefined ? undefined : kindFlag(opts.kind);
  const period = opts.period === undefined ? undefined : parsePeriodId(opts.period);
  if (opts.period !== undefined && !period) {
    throw new UserError(`--period 的取值“${opts.period}”不是期间。`, ['请写成 2026（全年）、2026-H1（上半年）、2026-Q1（季度）、2026-03（月）或 2026-W10（周）。']);
  }
  const db = await ctx.openDb();
  let memberId: number | undefined;
  if (opts.member !== undefined) {
    const { listMembers } = await import('../../../store/members.js');
    const { resolveMember } = await import('../../resolveMember.js');
    memberId = (await resolveMember(opts.member, listMembers(db), '--member')).id;
  }
  const { listEvidence } = await import('../../../store/evidence.js');
  const items = listEvidence(db, { memberId, kinds: kind ? [kind.id] : undefined, from: period?.start, toExclusive: period?.end });
  const counts = new Map<string, number>();
  for (const i of items) counts.set(findKind(i.kind)!.name, (counts.get(findKind(i.kind)!.name) ?? 0) + 1);
  const footer = items.length
    ? `共 ${items.length} 条（${[...counts].map(([k, n]) => `${k} ${n}`).join('，')}）；删除某条：shuxiang log remove 编号`
    : '没有符合条件的学习记录。';
  printListing(ctx, items, COLUMNS, items, footer);
}

/** `shuxiang log remove KIND:ID`: deletes one item, as its own batch. */
export async function runLogRemove(ctx: AppContext, ref: string, opts: { kind?: string }): Promise<void> {
  const { kind, id } = parseEvidenceRef(ref, opts.kind);
  const db = await ctx.openDb();
  const { getEvidenceItem, removeEvidenceItem } = await import('../../../store/evidence.js');
  const item = getEvidenceItem(db, kind, id);
  const spec = findKind(kind)!;
  if (!item) throw new UserError(`没有编号为 ${kind}:${id} 的${spec.name}记录。可用 shuxiang log list --kind ${kind} 查看。`);
  const { inBatch } = await import('../../../store/batches.js');
  inBatch(db, { command: 'log remove', args: item.ref, at: ctx.nowStamp() }, (_batchId, counts) => {
    if (removeEvidenceItem(db, kind, id)) counts.removed++;
  });
  if (ctx.json) return ctx.outJson({ removed: item });
  ctx.out(`已删除 ${item.member} 的${spec.name}（${item.ref}）：${item.date ?? ''} ${describeValues(spec, item.values, [spec.dateKey])}`);
}
