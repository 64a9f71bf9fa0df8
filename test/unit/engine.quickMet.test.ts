// The count-only path of the engine (quickMet.ts): when a caller only counts 'met' verdicts (onMet),
// an ended period wholly on the roll is tested straight over the columns. Whatever it decides must be
// what the full judgement decides: the same met (rule, member) pairs, and the very same other verdicts.
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, Evidence, SessionType } from '../../src/domain/evidence.js';
import type { Verdict } from '../../src/domain/engine/types.js';
import { addDaysIso } from '../../src/domain/periods.js';
import { seededRandom } from '../helpers/random.js';
import { bundle, leader, member, preset, run } from './engineFixtures.js';

/** A year of two branches: people joining and leaving mid-year, leaders, sessions of everyone, the
 * committee and named people, sign-ins of every status (some twice for one session, out of order),
 * lectures logged and self-study with and without notes — each often just at or below its quota. */
function year(seed: number): Evidence {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const members = Array.from({ length: 24 }, (_, i) => member(i + 1, {
    branchId: 1 + (i % 2),
    ...(i % 5 === 1 ? { onRollFrom: `2026-${String(1 + Math.floor(rnd() * 11)).padStart(2, '0')}-${String(2 + Math.floor(rnd() * 20)).padStart(2, '0')}` } : {}),
    ...(i % 7 === 3 ? { onRollLeft: `2026-${String(2 + Math.floor(rnd() * 10)).padStart(2, '0')}-15` } : {}),
    ...(i % 6 === 0 ? { leaderIntervals: [{ from: '2026-03-01' }] } : {}),
  }));
  const types: SessionType[] = ['lecture', 'lecture', 'collective-study', 'reading-exchange', 'retreat'];
  const statuses: AttendanceStatus[] = ['present', 'present', 'late', 'excused', 'absent'];
  const ev = bundle({ members });
  let id = 1;
  for (let day = 0; day < 372; day += 1 + Math.floor(rnd() * 6)) {
    const date = addDaysIso('2025-12-29', day);
    for (const branchId of [1, 2, 1]) {
      if (rnd() < 0.4) continue;
      const kind = rnd();
      const s = { id: id++, branchId, type: pick(types), date, ...(kind < 0.1 ? { attendees: 'leaders' as const } : kind < 0.2 ? { attendees: 'named' as const, attendeeIds: members.filter(() => rnd() < 0.5).map((m) => m.id) } : {}) };
      ev.sessions.push(s);
      for (const m of members.filter((x) => x.branchId === branchId)) {
        if (rnd() < 0.15) continue;
        ev.attendance.push({ id: id++, sessionId: s.id, memberId: m.id, status: pick(statuses) });
        if (rnd() < 0.05) ev.attendance.push({ id: id++, sessionId: s.id, memberId: m.id, status: pick(statuses) });
      }
    }
    for (const m of members) {
      if (rnd() < 0.12) ev.lectures.push({ id: id++, memberId: m.id, date });
    }
  }
  // Self-study most days (a month's quota is an hour and a noted day per working day), some days twice.
  for (let day = 0; day < 372; day++) {
    const date = addDaysIso('2025-12-29', day);
    for (const m of members) {
      // A third keep exactly to the quota (an hour with notes every day); the others now and then miss.
      const keen = m.id % 3 === 0;
      if (keen || rnd() < 0.7) for (let k = 0; k < (rnd() < 0.1 ? 2 : 1); k++) ev.selfStudy.push({ id: id++, memberId: m.id, date, hours: keen ? 1 : pick([0.5, 1, 1, 1.25, 2]), notes: keen || rnd() < 0.9 });
    }
  }
  // Sign-ins in no order (an imported sheet's): one session's rows need not be adjacent within a day.
  for (let i = ev.attendance.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ev.attendance[i], ev.attendance[j]] = [ev.attendance[j]!, ev.attendance[i]!];
  }
  return ev;
}

describe('the count-only path decides as the full judgement does', () => {
  for (const [seed, asOf] of [[1, '2027-01-10'], [2, '2026-07-15'], [3, '2026-12-31'], [4, '2027-01-10']] as const) {
    for (const excused of [false, true]) {
      it(`seed ${seed}, as of ${asOf}, excused ${excused ? 'counts' : 'does not count'}`, () => {
        const rs = preset('learning-org', excused);
        const ev = year(seed);
        const full = run(rs, ev, asOf, '2026');
        const met: string[] = [];
        const rest: Verdict[] = [];
        run(rs, ev, asOf, '2026', { onMet: (rule, memberId) => met.push(`${rule}/${memberId}`), sink: (v) => rest.push(v) });
        const isMemberMet = (v: Verdict) => v.memberId !== undefined && v.status === 'met';
        expect(met.sort()).toEqual(full.filter(isMemberMet).map((v) => `${v.rule}/${v.memberId}`).sort());
        expect(rest).toEqual(full.filter((v) => !isMemberMet(v)));
        // The data reach both sides of the quotas the quick path covers.
        for (const rule of ['P1-daily', 'P2-weekly', 'L1-monthly']) {
          expect(full.some((v) => v.rule === rule && v.status === 'met'), rule).toBe(true);
          expect(full.some((v) => v.rule === rule && v.status === 'gap'), rule).toBe(true);
        }
      });
    }
  }
});

describe('the count-only path counts a session once', () => {
  it('a leader signed in twice at one retreat, around another of the same day: 2 attended of 3 required is short', () => {
    const rs = preset('learning-org');
    rs.rules.find((r) => r.id === 'L4-retreat')!.threshold = 3;
    const sessions = [
      { id: 1, branchId: 1, type: 'retreat' as const, date: '2026-05-08' },
      { id: 2, branchId: 1, type: 'retreat' as const, date: '2026-05-08' },
    ];
    // Rows of session 1 apart, session 2 between them: not in session order within the day.
    const attendance = [
      { id: 11, sessionId: 1, memberId: 7, status: 'present' as const },
      { id: 12, sessionId: 2, memberId: 7, status: 'late' as const },
      { id: 13, sessionId: 1, memberId: 7, status: 'present' as const },
    ];
    const ev = bundle({ members: [leader(7)], sessions, attendance });
    const met: string[] = [];
    const rest: Verdict[] = [];
    run(rs, ev, '2027-01-10', '2026', { ruleIds: ['L4-retreat'], onMet: (rule) => met.push(rule), sink: (v) => rest.push(v) });
    expect(met).toEqual([]);
    expect(rest.map((v) => [v.rule, v.status, v.actual, v.required])).toEqual([['L4-retreat', 'gap', 2, 3]]);
  });
});
