// `log list` and `log remove`: the evidence items of a member, kinds and period, and deleting one item
// (ids are per kind) in its own batch.
import { findKind, type EvidenceKindId } from '../../domain/evidenceKinds.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import type { Db } from '../../store/db.js';
import { getEvidenceItem, listEvidence, removeEvidenceItem, type EvidenceFilter, type EvidenceItem } from '../../store/evidence.js';

/** The items, and how many of each kind (by Chinese name, in the order first met). */
export function evidenceItems(db: Db, f: EvidenceFilter): { items: EvidenceItem[]; counts: Map<string, number> } {
  const items = listEvidence(db, f);
  const counts = new Map<string, number>();
  for (const i of items) counts.set(findKind(i.kind)!.name, (counts.get(findKind(i.kind)!.name) ?? 0) + 1);
  return { items, counts };
}

/** Deletes one item; an error says where to look when there is no such item. */
export function removeEvidence(db: Db, kind: EvidenceKindId, id: number, now: string): EvidenceItem {
  const item = getEvidenceItem(db, kind, id);
  if (!item) throw new UserError(`没有编号为 ${kind}:${id} 的${findKind(kind)!.name}记录。可用 shuxiang log list --kind ${kind} 查看。`);
  inBatch(db, { command: 'log remove', args: item.ref, at: now }, (_batchId, counts) => {
    if (removeEvidenceItem(db, kind, id)) counts.removed++;
  });
  return item;
}
