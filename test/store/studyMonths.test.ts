// study_months (migration 6, issue 18): the monthly self-study totals the store keeps by trigger stay
// equal to a fresh aggregation of self_study through inserts, edits, deletes and undo; and an audit over
// them (no ids cited) judges exactly what the day-by-day audit judges, members joining, leaving and
// taking a post mid-month included.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';
import { openDb } from '../../src/store/db.js';
import { buildAudit } from '../../src/reports/audit.js';
import { loadRuleSet } from '../../src/io/ruleSetFile.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';
import { parsePeriodId } from '../../src/domain/periods.js';
import { loadEvidence } from '../../src/store/evidence.js';
import { judge } from '../../src/domain/engine/judge.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[], now = '2026-07-15') => runCli(args, { cwd: dir, now });

const FRESH = `SELECT member_id, substr(date, 1, 7) AS month, sum(CAST(round(hours * 1000000) AS INTEGER)) AS micro_hours, count(*) AS rows,
  sum(notes <> 0) AS note_rows, count(DISTINCT CASE WHEN notes <> 0 THEN date END) AS note_days FROM self_study GROUP BY member_id, month ORDER BY member_id, month`;

function totals(): { kept: unknown[]; fresh: unknown[] } {
  const db = openDb(join(dir, 'shuxiang.db'));
  try {
    return { kept: db.prepare('SELECT * FROM study_months ORDER BY member_id, month').all(), fresh: db.prepare(FRESH).all() };
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-03-12', leader: true }, { name: '王五', from: '2025-01-01', left: '2026-05-20' }]);
});
afterEach(() => cleanup());

async function log(member: string, date: string, hours: string, notes = false, content?: string): Promise<void> {
  // Written on the year's last day: issue 14 refuses a record dated after the clock's today, and these
  // tests put records after the audits' as-of date on purpose.
  const r = await run(['log', 'self-study', '--member', member, '--date', date, '--hours', hours, ...(notes ? ['--notes'] : []), ...(content ? ['--content', content] : [])], '2026-12-31');
  expect(r.code, r.stderr).toBe(0);
}

describe('study_months', () => {
  it('follows every write, edit, delete and undo exactly', async () => {
    await log('张三', '2026-03-02', '0.1', true);
    await log('张三', '2026-03-02', '0.2', true, '党章');
    await log('张三', '2026-03-03', '1.5');
    await log('李四', '2026-03-20', '2', true);
    expect(totals().kept).toEqual(totals().fresh);
    expect(totals().kept).toContainEqual({ member_id: 1, month: '2026-03', micro_hours: 1_800_000, rows: 3, note_rows: 2, note_days: 1 });
    expect((await run(['log', 'remove', 'self-study:1'])).code).toBe(0);
    expect(totals().kept).toEqual(totals().fresh);
    expect((await run(['undo', '--yes'])).code).toBe(0);
    expect(totals().kept).toEqual(totals().fresh);
    // An edit moving a row to another month and dropping its notes; then removing every row of a month.
    const db = openDb(join(dir, 'shuxiang.db'));
    db.prepare("UPDATE self_study SET date = '2026-04-01', notes = 0 WHERE id = 2").run();
    db.prepare("DELETE FROM self_study WHERE member_id = 2").run();
    db.close();
    expect(totals().kept).toEqual(totals().fresh);
    expect(totals().kept.some((r) => (r as { member_id: number }).member_id === 2)).toBe(false);
  });

  it('an audit over the monthly totals judges what the day-by-day audit judges', async () => {
    for (const [m, days] of [['张三', ['2026-01-05', '2026-02-02', '2026-03-02', '2026-07-01', '2026-07-14', '2026-07-16']], ['李四', ['2026-03-11', '2026-03-12', '2026-03-13', '2026-04-01']], ['王五', ['2026-05-19', '2026-05-20', '2026-02-10']]] as const) {
      for (const [i, d] of days.entries()) await log(m, d, String(1 + i / 4), i % 2 === 0);
    }
    const db = openDb(join(dir, 'shuxiang.db'));
    try {
      const ruleSet = loadRuleSet(undefined, join(dir, 'shuxiang.db')).ruleSet;
      for (const [asOf, scope] of [['2026-07-15', '2026'], ['2026-07-15', '2026-Q3'], ['2026-03-12', '2026-H1'], ['2027-01-10', '2026']] as const) {
        const input = { ruleSet, calendar: createWorkCalendar({}), asOf, scope: parsePeriodId(scope)! };
        const strip = (v: { evidence: Record<string, unknown> }) => ({ ...v, evidence: { ...v.evidence, selfStudy: undefined } });
        const monthly = buildAudit(db, { ...input, citeSelfStudy: false });
        const daily = buildAudit(db, input);
        expect(monthly.verdicts.map(strip), `${asOf} ${scope}`).toEqual(daily.verdicts.map(strip));
        expect(monthly.verdicts.filter((v) => v.rule === 'P1-daily').length).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });

  it('monthly totals with the ids apart cite exactly the self-study rows the day-by-day columns cite', async () => {
    // Two rows on one day (ids out of content order), a noted and an unnoted day, months cut by joining and leaving.
    await log('张三', '2026-03-02', '0.5', true, '乙');
    await log('张三', '2026-03-02', '0.5', false, '甲');
    for (const [m, days] of [['张三', ['2026-01-05', '2026-02-02', '2026-07-01', '2026-07-14', '2026-07-16']], ['李四', ['2026-03-11', '2026-03-12', '2026-03-13', '2026-04-01']], ['王五', ['2026-05-19', '2026-05-20', '2026-02-10']]] as const) {
      for (const [i, d] of days.entries()) await log(m, d, String(1 + i / 4), i % 2 === 0);
    }
    const db = openDb(join(dir, 'shuxiang.db'));
    try {
      const ruleSet = loadRuleSet(undefined, join(dir, 'shuxiang.db')).ruleSet;
      for (const [asOf, scope] of [['2026-07-15', '2026'], ['2026-07-15', '2026-Q3'], ['2026-03-12', '2026-H1'], ['2027-01-10', '2026']] as const) {
        const p = parsePeriodId(scope)!;
        const range = { from: '2025-12-25', toExclusive: '2027-01-08' };
        const daily = loadEvidence(db, range, true);
        const monthly = loadEvidence(db, { ...range, studyMonths: { asOf, scope: { start: '2026-01-01', end: '2027-01-01' }, cite: true } }, true);
        const opts = { asOf, scope: p.id, calendar: createWorkCalendar({}) };
        const run = (ev: typeof daily) => judge(ruleSet, ev, { ...opts, selfStudy: ev.study, lectures: ev.lectureIds, attendance: ev.signIns });
        const got = run(monthly);
        expect(got, `${asOf} ${scope}`).toEqual(run(daily));
        expect(got.filter((v) => v.rule === 'P1-daily' && (v.evidence.selfStudy?.length ?? 0) > 1).length, `${asOf} ${scope}`).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });
});
