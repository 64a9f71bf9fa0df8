// The period report's lean listing (listItemValues: the member's name and a reading's book looked up by
// id, not joined into each row) against the full listing `log list` uses (listEvidence: every column,
// joined), on the demo's year: the same items, values and order, for every kind, a period, one branch.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS } from '../../src/domain/evidenceKinds.js';
import { openDb, type Db } from '../../src/store/db.js';
import { listEvidence, listItemValues, type EvidenceFilter } from '../../src/store/evidence.js';
import { runCli, tempDir } from '../helpers/cli.js';

let cleanup: () => void;
let db: Db;

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  expect((await runCli(['demo', 'demo'], { cwd: dir, now: '2026-11-15' })).code).toBe(0);
  db = openDb(join(dir, 'demo', 'shuxiang.db'));
  // A second branch with a reading of a book that has no category or ISBN, so the lookups are by id.
  db.exec(`INSERT INTO branches (name) VALUES ('第二支部');
    INSERT INTO members (name, branch_id, leader, extra) VALUES ('李四', (SELECT id FROM branches WHERE name = '第二支部'), 0, '{}');
    INSERT INTO books (title, author) VALUES ('无类别的书', '某人');
    INSERT INTO readings (member_id, book_id, started, finished) VALUES ((SELECT max(id) FROM members), (SELECT max(id) FROM books), '2026-03-01', '2026-03-20');`);
}, 60_000);
afterAll(() => {
  db.close();
  cleanup();
});

const listed = (f: EvidenceFilter) => listEvidence(db, f).map(({ kind, memberId, member, date, values }) => ({ kind, memberId, member, date, values }));

describe('listItemValues', () => {
  const all = EVIDENCE_KINDS.map((k) => k.id);
  const second = () => (db.prepare("SELECT id FROM branches WHERE name = '第二支部'").get() as { id: number }).id;
  it.each<[string, () => EvidenceFilter]>([
    ['every kind, all time', () => ({ kinds: all })],
    ['the year 2026', () => ({ kinds: all, from: '2026-01-01', toExclusive: '2027-01-01' })],
    ['readings of March', () => ({ kinds: ['book'], from: '2026-03-01', toExclusive: '2026-04-01' })],
    ['one branch', () => ({ kinds: all, branchId: second() })],
  ])('%s: what listEvidence lists', (_, filter) => {
    const f = filter();
    const lean = listItemValues(db, f);
    expect(lean.length).toBeGreaterThan(0);
    expect(lean).toEqual(listed(f));
  });

  it('a book without category is listed with its own (empty) columns, and under its reader', () => {
    const mine = listItemValues(db, { kinds: ['book'], branchId: second() });
    expect(mine).toEqual([expect.objectContaining({ member: '李四', date: '2026-03-20', values: expect.objectContaining({ title: '无类别的书', author: '某人', category: null, isbn: null }) })]);
  });
});
