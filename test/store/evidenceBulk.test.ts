// The bulk path of writeEvidence (many rows per INSERT, issue 7) against the row-by-row path it replaces:
// the same items written both ways — fresh, repeated, changed, mixed, with namesakes inside one chunk —
// must leave the same rows (batch_id on every one) and report the same outcome and ids.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceKindId } from '../../src/domain/evidenceKinds.js';
import { inBatch } from '../../src/store/batches.js';
import { ensureBranch } from '../../src/store/branches.js';
import { openDb, type Db } from '../../src/store/db.js';
import { CHUNK } from '../../src/store/evidenceBulk.js';
import { writeEvidence, type EvidenceInput, type WriteOutcome } from '../../src/store/evidenceWrite.js';
import { insertMember } from '../../src/store/members.js';
import { tempDir } from '../helpers/cli.js';

let cleanup: () => void;
let bulk: Db;
let single: Db;

function fresh(file: string): Db {
  const db = openDb(file, { create: true });
  inBatch(db, { command: 'test', at: '2026-01-01T09:00:00' }, (batchId, counts) => {
    const b = ensureBranch(db, '一支部', batchId, counts).id;
    for (const name of ['张三', '李四', '王五']) insertMember(db, { branchId: b, name, leader: false, extra: {} }, batchId);
  });
  return db;
}

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  bulk = fresh(join(t.dir, 'bulk.db'));
  single = fresh(join(t.dir, 'single.db'));
});
afterEach(() => {
  bulk.close();
  single.close();
  cleanup();
});

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
const study = (memberId: number, i: number, hours = 1, content = '党章'): EvidenceInput => ({ kind: 'self-study', memberId, values: { date: day(i), hours, content, notes: i % 3 !== 0 } });
const lecture = (memberId: number, i: number): EvidenceInput => ({ kind: 'lecture', memberId, values: { date: day(i), title: `第${i}讲`, speaker: null, notes: true } });

/** Writes the items in one call (bulk) and one item per call (row by row); returns both outcomes. */
function both(items: EvidenceInput[]): { bulk: WriteOutcome; single: WriteOutcome } {
  const b = inBatch(bulk, { command: 'bulk', at: '2026-02-01T09:00:00' }, (id, counts) => writeEvidence(bulk, items, id, counts));
  const s = inBatch(single, { command: 'single', at: '2026-02-01T09:00:00' }, (id, counts) => {
    const out: WriteOutcome = { kinds: {}, books: { added: 0, updated: 0 }, ids: [] };
    for (const it of items) {
      const o = writeEvidence(single, [it], id, counts);
      out.ids.push(...o.ids);
      for (const [k, v] of Object.entries(o.kinds)) {
        const acc = (out.kinds[k as EvidenceKindId] ??= { added: 0, updated: 0, unchanged: 0 });
        acc.added += v.added; acc.updated += v.updated; acc.unchanged += v.unchanged;
      }
    }
    return out;
  });
  return { bulk: b, single: s };
}

const dump = (db: Db) => ({
  study: db.prepare('SELECT * FROM self_study ORDER BY id').all(),
  lectures: db.prepare('SELECT * FROM lectures ORDER BY id').all(),
  batches: db.prepare('SELECT command, added, changed, removed FROM batches ORDER BY id').all().map((b) => ({ ...(b as object), command: 'x' })),
});

describe('writeEvidence in chunks', () => {
  it('writes a fresh run in multi-row statements with the ids and batch the row-by-row path gives', () => {
    const items = [...Array.from({ length: CHUNK * 2 + 17 }, (_, i) => study(1 + (i % 3), i)), ...Array.from({ length: 40 }, (_, i) => lecture(2, i))];
    const r = both(items);
    expect(r.bulk).toEqual(r.single);
    expect(r.bulk.kinds['self-study']).toEqual({ added: CHUNK * 2 + 17, updated: 0, unchanged: 0 });
    expect(r.bulk.ids.slice(0, 3)).toEqual([1, 2, 3]);
    expect(dump(bulk)).toEqual(dump(single));
    const batchIds = bulk.prepare('SELECT DISTINCT batch_id FROM self_study').all();
    expect(batchIds).toEqual([{ batch_id: 2 }]);
  });

  it('falls back row by row where stored items meet new ones, changed ones and repeats', () => {
    both(Array.from({ length: 100 }, (_, i) => study(1, i)));
    const mixed = [
      ...Array.from({ length: 150 }, (_, i) => study(1, i, i === 20 ? 2.5 : 1)), // 100 stored (one changed), 50 new
      study(2, 5), study(2, 5, 3), // the same key twice in one chunk: added, then updated
      ...Array.from({ length: CHUNK * 10 }, (_, i) => study(3, i % 300, 1, `第${i}篇`)), // fresh again, after the cool-down
    ];
    const r = both(mixed);
    expect(r.bulk).toEqual(r.single);
    expect(r.bulk.kinds['self-study']).toEqual({ added: 50 + 1 + CHUNK * 10, updated: 1 + 1, unchanged: 99 });
    expect(dump(bulk)).toEqual(dump(single));
  });
});
