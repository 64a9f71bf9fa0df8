// `log remove KIND:ID`: deletes one item. Ids are per table, so an item is addressed as `<kind>:<id>`
// (self-study:12, or 自学:12), or as `12 --kind self-study`.
import { removeEvidence } from '../../../app/evidence/listEvidence.js';
import { findKind } from '../../../domain/evidenceKinds.js';
import { describeValues } from '../../../domain/evidenceView.js';
import type { AppContext } from '../../context.js';
import { parseEvidenceRef } from '../../args/evidenceFlags.js';

/** `shuxiang log remove KIND:ID`: deletes one item, as its own batch. */
export async function runLogRemove(ctx: AppContext, ref: string, opts: { kind?: string }): Promise<void> {
  const { kind, id } = parseEvidenceRef(ref, opts.kind);
  const db = await ctx.openDb();
  const item = removeEvidence(db, kind, id, ctx.nowStamp());
  const spec = findKind(kind)!;
  if (ctx.json) return ctx.outJson({ removed: item });
  ctx.out(`已删除 ${item.member} 的${spec.name}（${item.ref}）：${item.date ?? ''} ${describeValues(spec, item.values, [spec.dateKey])}`);
}
