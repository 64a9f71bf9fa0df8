// Engine, issue 14: only the people expected at a session are judged by it (committee-only and invited
// sessions), and a week or month without a working day is 不适用 for rules that count sessions or lectures.
import { describe, expect, it } from 'vitest';
import { attendanceStats } from '../../src/domain/attendanceStats.js';
import type { EvidenceAttendance, EvidenceSession } from '../../src/domain/evidence.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';
import { bundle, leader, member, pick, preset, run } from './engineFixtures.js';

const LO = preset('learning-org');
const present = (id: number, sessionId: number, memberId: number): EvidenceAttendance => ({ id, sessionId, memberId, status: 'present' });

describe('expected people', () => {
  // 1 leads all year, 2 from 2026-07-01, 3 never. Collective studies: s1 everyone (03-06), s2 committee
  // (04-15), s3 committee (08-14), s4 named [1, 3] (09-11).
  const members = [leader(1), member(2, { leaderIntervals: [{ from: '2026-07-01' }] }), member(3)];
  const sessions: EvidenceSession[] = [
    { id: 1, branchId: 1, type: 'collective-study', date: '2026-03-06' },
    { id: 2, branchId: 1, type: 'collective-study', date: '2026-04-15', attendees: 'leaders' },
    { id: 3, branchId: 1, type: 'collective-study', date: '2026-08-14', attendees: 'leaders' },
    { id: 4, branchId: 1, type: 'collective-study', date: '2026-09-11', attendees: 'named', attendeeIds: [1, 3] },
  ];

  it('L1-rate: the rate is over the sessions the leader was expected at while in post', () => {
    const ev = bundle({ members, sessions, attendance: [present(1, 1, 1), present(2, 2, 1), present(3, 3, 1), present(4, 4, 1), present(5, 3, 2)] });
    const vs = run(LO, ev, '2027-01-10', '2026', { ruleIds: ['L1-rate'] });
    expect(pick(vs, 'L1-rate', 1, '2026')).toMatchObject({ status: 'met', actual: 1, detail: { expected: 4, attended: 4 } });
    // 2 is in post from 07-01: s3 (committee) only — not s4, to which he was not invited.
    expect(pick(vs, 'L1-rate', 2, '2026')).toMatchObject({ status: 'met', actual: 1, detail: { expected: 1, attended: 1 } });
  });

  it('a sign-in at a session one was not expected at counts for nothing', () => {
    // 3 signed in at the committee's s2 (a stray row, e.g. left after the attendees changed)
    const ev = bundle({ members, sessions, attendance: [present(1, 2, 3)] });
    const vs = run(LO, ev, '2026-04-30', '2026-04', { ruleIds: ['B1-monthly-study'] });
    expect(pick(vs, 'B1-monthly-study', undefined, '2026-04')).toMatchObject({ status: 'met', actual: 1 }); // the branch held it
    const retreat = bundle({
      members, sessions: [{ id: 9, branchId: 1, type: 'retreat', date: '2026-05-06', attendees: 'leaders' }],
      attendance: [present(1, 9, 2), present(2, 9, 1)],
    });
    const l4 = run(LO, retreat, '2027-01-10', '2026', { ruleIds: ['L4-retreat'] });
    // 2 was not on the committee on 05-06: his sign-in does not count when he is in post later
    expect(pick(l4, 'L4-retreat', 2, '2026')).toMatchObject({ actual: 0, required: 1 });
    expect(pick(l4, 'L4-retreat', 1, '2026')).toMatchObject({ actual: 1, required: 2 });
  });

  it('attendanceStats: 应到 per session is the expected people only', () => {
    const stats = attendanceStats(sessions, [
      { id: 1, branchId: 1, leaderIntervals: [{}] }, { id: 2, branchId: 1, leaderIntervals: [{ from: '2026-07-01' }] }, { id: 3, branchId: 1 },
    ], [present(1, 2, 3)]);
    expect(stats.sessions.map((s) => [s.sessionId, s.expected, s.extra])).toEqual([[1, 3, 0], [2, 1, 1], [3, 2, 0], [4, 2, 0]]);
    // the roster's shape (leader flag + interval) reads the same
    const roster = attendanceStats(sessions, [
      { id: 1, branchId: 1, leader: true }, { id: 2, branchId: 1, leader: true, leaderFrom: '2026-07-01' }, { id: 3, branchId: 1, leader: false },
    ], []);
    expect(roster.sessions.map((s) => s.expected)).toEqual([3, 1, 2, 2]);
  });
});

describe('a period without a working day', () => {
  it('2026-W08 (Spring Festival) is 不适用 for P2-weekly, W07 and W09 are judged', () => {
    const vs = run(LO, bundle({ members: [member(1)] }), '2026-03-10', '2026-Q1', { ruleIds: ['P2-weekly'] });
    expect(pick(vs, 'P2-weekly', 1, '2026-W08')).toMatchObject({ status: 'na', gap: 0, note: '本周（2026-02-16 至 2026-02-22）没有工作日（春节），不考核' });
    expect(pick(vs, 'P2-weekly', 1, '2026-W07').status).toBe('gap');
    expect(pick(vs, 'P2-weekly', 1, '2026-W09').status).toBe('gap');
  });

  it('rules that count no sessions (self-study) are unaffected; with the setting off W08 is judged', () => {
    const off = preset('learning-org');
    off.settings.skipPeriodsWithoutWorkdays = false;
    expect(pick(run(off, bundle({ members: [member(1)] }), '2026-03-10', '2026-Q1', { ruleIds: ['P2-weekly'] }), 'P2-weekly', 1, '2026-W08').status).toBe('gap');
  });

  it('a month declared all holidays is 不适用 for monthly session rules, members and branch alike', () => {
    const days: string[] = [];
    for (let d = 1; d <= 31; d++) days.push(`2027-08-${String(d).padStart(2, '0')}`);
    const calendar = createWorkCalendar({ holidays: days });
    const vs = run(LO, bundle({ members: [leader(1, { onRollFrom: '2027-01-01' })] }), '2027-09-10', '2027-Q3', { calendar, ruleIds: ['L1-monthly', 'B1-monthly-study', 'P1-daily'] });
    const note = '本月（2027-08-01 至 2027-08-31）没有工作日（全部为休息日），不考核';
    expect(pick(vs, 'L1-monthly', 1, '2027-08')).toMatchObject({ status: 'na', note });
    expect(pick(vs, 'B1-monthly-study', undefined, '2027-08')).toMatchObject({ status: 'na', note });
    expect(pick(vs, 'L1-monthly', 1, '2027-07').status).toBe('gap');
    // P1 owes 1 h per working day: 0 working days owe nothing (met), as before
    expect(pick(vs, 'P1-daily', 1, '2027-08')).toMatchObject({ status: 'met', required: { hours: 0, noteDays: 0 } });
  });
});
