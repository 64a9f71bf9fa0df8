// The audit's organ-scale path reads sign-ins, self-study and lectures as typed columns straight from
// SQLite; every other caller of the engine passes the same rows as items. On the demo's year (several
// sessions a day, excused sign-ins, open periods) both paths must judge every rule identically, to the byte.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judge } from '../../src/domain/engine/judge.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';
import { openDb, type Db } from '../../src/store/db.js';
import { loadEvidence } from '../../src/store/evidence.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { preset } from '../unit/engineFixtures.js';

let cleanup: () => void;
let db: Db;

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  const r = await runCli(['demo', 'demo'], { cwd: dir, now: '2026-11-15' });
  expect(r.code).toBe(0);
  db = openDb(join(dir, 'demo', 'shuxiang.db'));
}, 60_000);
afterAll(() => {
  db.close();
  cleanup();
});

describe('columns and items judge alike', () => {
  it.each(['2026-06-17', '2026-11-15'])('as of %s', (asOf) => {
    const range = { from: '2025-12-25', toExclusive: '2027-01-08' };
    const cols = loadEvidence(db, range, true);
    const items = loadEvidence(db, range);
    expect(cols.attendance).toEqual([]);
    expect(items.attendance.length).toBeGreaterThan(100);
    expect(items.lectures.length).toBeGreaterThan(10);
    const opts = { asOf, scope: '2026', calendar: createWorkCalendar() };
    const a = judge(preset('learning-org'), cols, { ...opts, selfStudy: cols.study, lectures: cols.lectureIds, attendance: cols.signIns });
    const b = judge(preset('learning-org'), items, opts);
    expect(a.length).toBeGreaterThan(500);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // Sign-ins are cited, and a rate counts them.
    expect(a.some((v) => (v.evidence.attendance?.length ?? 0) > 0 && v.rule === 'L1-rate')).toBe(true);
  });

  it('a member numbered far beyond the others (a merged organ file) is read by id all the same', () => {
    // A copy of member 1 as #9000001, with member 1's sign-ins: the sign-in columns renumber ids densely.
    db.exec(`CREATE TEMP TABLE twin AS SELECT * FROM members WHERE id = 1;
      UPDATE twin SET id = 9000001, name = name || '乙', id_card = NULL;
      INSERT INTO members SELECT * FROM twin;
      INSERT INTO attendance (session_id, member_id, status) SELECT session_id, 9000001, status FROM attendance WHERE member_id = 1;`);
    try {
      const range = { from: '2025-12-25', toExclusive: '2027-01-08' };
      const cols = loadEvidence(db, range, true);
      const items = loadEvidence(db, range);
      expect(cols.signIns.get(9000001)?.ids.length).toBeGreaterThan(10);
      expect(Array.from(cols.signIns.get(9000001)!.status)).toEqual(Array.from(cols.signIns.get(1)!.status));
      const opts = { asOf: '2026-11-15', scope: '2026', calendar: createWorkCalendar() };
      const a = judge(preset('learning-org'), cols, { ...opts, selfStudy: cols.study, lectures: cols.lectureIds, attendance: cols.signIns });
      const b = judge(preset('learning-org'), items, opts);
      expect(a.some((v) => v.memberId === 9000001 && (v.evidence.attendance?.length ?? 0) > 0)).toBe(true);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    } finally {
      db.exec('DELETE FROM attendance WHERE member_id = 9000001; DELETE FROM members WHERE id = 9000001; DROP TABLE twin;');
    }
  });
});
