// Self-study as typed columns (the audit's organ-scale path): read straight from SQLite's group_concat
// text, it must give the very figures, ids and verdicts the plain item path gives — odd hours (0.1, 1/3,
// 1e-05 printed by SQLite in exponent form), several rows a day, rows written out of date order.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judge } from '../../src/domain/engine/judge.js';
import { fromDayNumber } from '../../src/domain/periods.js';
import { openDb, type Db } from '../../src/store/db.js';
import { inBatch } from '../../src/store/batches.js';
import { ensureBranch } from '../../src/store/branches.js';
import { insertMember } from '../../src/store/members.js';
import { writeEvidenceBatch } from '../../src/store/evidenceWrite.js';
import { loadEvidence } from '../../src/store/evidence.js';
import { tempDir } from '../helpers/cli.js';
import { preset } from '../unit/engineFixtures.js';

let cleanup: () => void;
let db: Db;

const study = (memberId: number, date: string, hours: number, content: string, notes: boolean) =>
  ({ kind: 'self-study' as const, memberId, values: { date, hours, content, notes } });

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openDb(join(dir, 'shuxiang.db'), { create: true });
  inBatch(db, { command: 'test', at: '2026-01-01T09:00:00' }, (batchId, counts) => {
    const b = ensureBranch(db, '一支部', batchId, counts).id;
    insertMember(db, { branchId: b, name: '张三', leader: false, extra: {} }, batchId);
    insertMember(db, { branchId: b, name: '李四', leader: false, extra: {}, onRollFrom: '2026-03-12' }, batchId);
  });
  writeEvidenceBatch(db, [
    study(1, '2026-03-20', 0.1, 'B', true),
    study(1, '2026-03-02', 0.2, 'A', false),
    study(1, '2026-03-02', 1 / 3, 'C', true),
    study(1, '2026-03-02', 23.75, 'D', true),
    study(2, '2026-03-31', 1.25, 'E', false),
    study(2, '2026-03-12', 2, 'F', true),
    study(1, '2026-04-01', 1, 'G', false),
  ], { command: 'test evidence', at: '2026-04-01T09:00:00' });
  // A value SQLite prints in exponent form (1.0e-05), read by the slower fallback.
  db.prepare("INSERT INTO self_study (member_id, date, hours, content, notes) VALUES (2, '2026-03-13', 0.00001, 'H', 0)").run();
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('self-study columns', () => {
  it('hold every row in (date, id) order with exact hours and notes', () => {
    const { study: columns } = loadEvidence(db, { from: '2026-01-01', toExclusive: '2027-01-01' }, true);
    const rows = (id: number) => {
      const c = columns.get(id)!;
      return Array.from(c.ids, (x, i) => [x, fromDayNumber(c.days[i]!), c.hours[i], c.notes[i]]);
    };
    expect(rows(1)).toEqual([[2, '2026-03-02', 0.2, 0], [3, '2026-03-02', 1 / 3, 1], [4, '2026-03-02', 23.75, 1], [1, '2026-03-20', 0.1, 1], [7, '2026-04-01', 1, 0]]);
    expect(rows(2)).toEqual([[6, '2026-03-12', 2, 1], [8, '2026-03-13', 0.00001, 0], [5, '2026-03-31', 1.25, 0]]);
  });

  it('judge as the item path does, to the byte', () => {
    const range = { from: '2025-12-25', toExclusive: '2027-01-08' };
    const withColumns = loadEvidence(db, range, true);
    const items = loadEvidence(db, range);
    expect(items.selfStudy).toHaveLength(8);
    const calendar = { workingDaysIn: () => 22, calendarNote: () => undefined } as never;
    for (const asOf of ['2026-03-15', '2026-03-31', '2026-04-20']) {
      const opts = { asOf, scope: '2026', calendar, ruleIds: ['P1-daily'] };
      const a = judge(preset('learning-org'), withColumns, { ...opts, selfStudy: withColumns.study });
      const b = judge(preset('learning-org'), items, opts);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const march = a.find((v) => v.memberId === 1 && v.period === '2026-03')!;
      expect(march.actual).toEqual({ hours: Math.round((0.2 + 1 / 3 + 23.75 + (asOf >= '2026-03-20' ? 0.1 : 0)) * 100) / 100, noteDays: asOf >= '2026-03-20' ? 2 : 1 });
      expect(march.evidence).toEqual({ selfStudy: asOf >= '2026-03-20' ? [2, 3, 4, 1] : [2, 3, 4] });
    }
  });
});
