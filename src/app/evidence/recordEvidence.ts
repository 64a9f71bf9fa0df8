// `log <kind>`: one evidence item of one member, written in its own batch (a book logged for the first
// time joins the catalogue); a book logged without a category takes the catalogue's.
import type { EvidenceKindSpec } from '../../domain/evidenceKinds.js';
import type { ItemValues } from '../../domain/evidenceValues.js';
import { describeValues } from '../../domain/evidenceView.js';
import type { Member } from '../../domain/member.js';
import { textKey } from '../../domain/text.js';
import { UserError } from '../../shared/errors.js';
import { inBatch } from '../../store/batches.js';
import { listBooks } from '../../store/books.js';
import type { Db } from '../../store/db.js';
import { getEvidenceItem, type EvidenceItem } from '../../store/evidence.js';
import { writeEvidence } from '../../store/evidenceWrite.js';

/** The catalogue's category (and author, when one book matches) of a book logged by title; undefined when
 * no catalogue book of that title (and author) has a category; an error when several differ. */
export function catalogueCategory(db: Db, title: string, author: string | undefined): { category: string; author?: string } | undefined {
  const key = author === undefined ? undefined : textKey(author);
  const same = listBooks(db).filter((b) => textKey(b.title) === textKey(title) && (key === undefined || textKey(b.author ?? '') === key) && b.category);
  const categories = new Set(same.map((b) => b.category));
  if (categories.size === 1) {
    return { category: same[0]!.category!, author: same.length === 1 && author === undefined && same[0]!.author ? same[0]!.author : undefined };
  }
  if (categories.size > 1) {
    throw new UserError(`书目库中有 ${same.length} 本《${title}》，类别不同：${same.map((b) => `${b.author || '（无作者）'}，${b.category}`).join('；')}。`, [
      '请加 --author 指明是哪一本，或直接加 --category。',
    ]);
  }
  return undefined;
}

export interface RecordedEvidence {
  item: EvidenceItem;
  outcome: 'added' | 'updated' | 'unchanged';
  /** Books the item added to the catalogue. */
  booksAdded: number;
}

export function recordEvidence(db: Db, kind: EvidenceKindSpec, member: Member, values: ItemValues, now: string): RecordedEvidence {
  const o = inBatch(db, { command: `log ${kind.id}`, args: `${member.name} ${describeValues(kind, values)}`, at: now }, (batchId, counts) =>
    writeEvidence(db, [{ kind: kind.id, memberId: member.id, values }], batchId, counts, { ids: true }));
  const item = getEvidenceItem(db, kind.id, o.ids[0]!)!;
  const k = o.kinds[kind.id]!;
  return { item, outcome: k.added ? 'added' : k.updated ? 'updated' : 'unchanged', booksAdded: o.books.added };
}
