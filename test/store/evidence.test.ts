// loadEvidence: the bundle the rule engine judges, with table ids, for a small scripted dataset written
// through the same store functions the commands use (writeEvidenceBatch is also the demo's entry point).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { inBatch } from '../../src/store/batches.js';
import { ensureBranch } from '../../src/store/branches.js';
import { insertMember } from '../../src/store/members.js';
import { addSession } from '../../src/store/sessions.js';
import { recordAttendance } from '../../src/store/attendance.js';
import { writeEvidenceBatch } from '../../src/store/evidenceWrite.js';
import { attendanceId, listEvidence, loadEvidence } from '../../src/store/evidence.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
let db: Db;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = openDb(join(dir, 'shuxiang.db'), { create: true });
  inBatch(db, { command: 'test', at: '2026-01-01T09:00:00' }, (batchId, counts) => {
    const b1 = ensureBranch(db, '一支部', batchId, counts).id;
    const b2 = ensureBranch(db, '二支部', batchId, counts).id;
    insertMember(db, { branchId: b1, name: '张三', leader: true, leaderFrom: '2026-07-01', extra: {} }, batchId);
    insertMember(db, { branchId: b1, name: '李四', leader: false, extra: {}, onRollLeft: '2026-03-01' }, batchId);
    insertMember(db, { branchId: b2, name: '王五', leader: false, extra: {}, onRollFrom: '2026-02-01' }, batchId);
    insertMember(db, { branchId: b1, name: '赵六', leader: false, extra: {}, onRollLeft: '2025-06-01' }, batchId);
    const s = addSession(db, { branchId: b1, type: 'collective-study', date: '2026-03-10', topic: '学习' }, batchId);
    addSession(db, { branchId: b1, type: 'lecture', date: '2025-12-10', topic: '去年' }, batchId);
    recordAttendance(db, s, [{ memberId: 1, status: 'present' }, { memberId: 2, status: 'excused', excuseKind: '病假' }], batchId);
  });
  writeEvidenceBatch(db, [
    { kind: 'self-study', memberId: 1, values: { date: '2026-03-01', hours: 1.5, content: 'A', notes: true } },
    { kind: 'self-study', memberId: 1, values: { date: '2025-12-31', hours: 1, content: 'old', notes: false } },
    { kind: 'self-study', memberId: 3, values: { date: '2026-03-01', hours: 2, content: null, notes: false } },
    { kind: 'lecture', memberId: 1, values: { date: '2026-03-02', title: '讲座', speaker: null, notes: false } },
    { kind: 'book', memberId: 1, values: { title: '之江新语', author: '习近平', isbn: null, category: '政治理论', started: null, finished: '2026-03-20' } },
    { kind: 'book', memberId: 1, values: { title: '某书', author: null, isbn: null, category: null, started: '2026-03-01', finished: null } },
    { kind: 'writing', memberId: 1, values: { kind: '心得体会', title: '有感', date: '2026-03-25', chars: 1800 } },
    { kind: 'research', memberId: 1, values: { from: '2025-12-30', to: '2026-01-02', days: 4, place: null, topic: null } },
    { kind: 'talk', memberId: 1, values: { kind: '理论宣讲', date: '2026-04-01', topic: '宣讲', audience: 20 } },
    { kind: 'training', memberId: 1, values: { name: '培训', from: '2026-05-01', to: '2026-05-03', hours: null } },
    { kind: 'exam', memberId: 1, values: { name: '考试', date: '2026-06-01', score: null, passed: null } },
    { kind: 'exchange', memberId: 1, values: { date: '2026-03-30', book: null, place: null } },
  ], { command: 'test evidence', at: '2026-04-01T09:00:00' });
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('loadEvidence', () => {
  it('returns the Evidence bundle for a year, with ids', () => {
    const ev = loadEvidence(db, { from: '2026-01-01', toExclusive: '2027-01-01' });
    expect(ev.members).toEqual([
      { id: 1, name: '张三', branchId: 1, leaderIntervals: [{ from: '2026-07-01' }] },
      { id: 2, name: '李四', branchId: 1, onRollLeft: '2026-03-01', leaderIntervals: [] },
      { id: 3, name: '王五', branchId: 2, onRollFrom: '2026-02-01', leaderIntervals: [] },
    ]);
    expect(ev.sessions).toEqual([{ id: 1, branchId: 1, type: 'collective-study', date: '2026-03-10' }]);
    expect(ev.attendance).toEqual([
      { id: attendanceId(1, 1), sessionId: 1, memberId: 1, status: 'present' },
      { id: attendanceId(1, 2), sessionId: 1, memberId: 2, status: 'excused' },
    ]);
    expect(ev.selfStudy).toEqual([
      { id: 1, memberId: 1, date: '2026-03-01', hours: 1.5, notes: true },
      { id: 3, memberId: 3, date: '2026-03-01', hours: 2, notes: false },
    ]);
    expect(ev.lectures).toEqual([{ id: 1, memberId: 1, date: '2026-03-02' }]);
    expect(ev.readings).toEqual([
      { id: 2, memberId: 1, bookId: 2 },
      { id: 1, memberId: 1, bookId: 1, category: '政治理论', finished: '2026-03-20' },
    ]);
    expect(ev.writings).toEqual([{ id: 1, memberId: 1, kind: '心得体会', date: '2026-03-25', chars: 1800 }]);
    expect(ev.research).toEqual([{ id: 1, memberId: 1, from: '2025-12-30', to: '2026-01-02', days: 4 }]);
    expect(ev.talks).toEqual([{ id: 1, memberId: 1, kind: '理论宣讲', date: '2026-04-01' }]);
    expect(ev.trainings).toEqual([{ id: 1, memberId: 1, from: '2026-05-01', to: '2026-05-03' }]);
    expect(ev.exams).toEqual([{ id: 1, memberId: 1, date: '2026-06-01' }]);
    expect(ev.exchanges).toEqual([{ id: 1, memberId: 1, date: '2026-03-30' }]);
  });

  it('narrows to one branch and one period', () => {
    const ev = loadEvidence(db, { from: '2026-03-01', toExclusive: '2026-04-01', branchId: 2 });
    expect(ev.members.map((m) => m.name)).toEqual(['王五']);
    expect(ev.selfStudy.map((s) => s.id)).toEqual([3]);
    expect(ev.sessions).toEqual([]);
    expect(ev.readings).toEqual([]);
  });

  it('lists items per member and kind with their refs', () => {
    const items = listEvidence(db, { memberId: 1, kinds: ['self-study', 'book'], from: '2026-01-01', toExclusive: '2027-01-01' });
    expect(items.map((i) => i.ref)).toEqual(['self-study:1', 'book:2', 'book:1']);
    expect(items[2]).toMatchObject({ member: '张三', date: '2026-03-20', bookId: 1, values: { title: '之江新语', category: '政治理论' } });
  });
});
