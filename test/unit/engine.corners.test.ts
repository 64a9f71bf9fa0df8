// Engine corners: leap-year proration, rounding halves up, the fallback calendar, future periods, filters.
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';
import { bundle, leader, member, pick, periodsOf, preset, run } from './engineFixtures.js';

const LO = preset('learning-org');

describe('proration', () => {
  it('leap year 2028: a leader from 1 July has 184 of 366 days → 60 research days becomes 30', () => {
    // 60 × 184 / 366 = 30.16 → 30.
    const vs = run(LO, bundle({ members: [leader(1, { onRollFrom: '2028-07-01' })] }), '2029-01-10', '2028', { ruleIds: ['L3-days'] });
    expect(pick(vs, 'L3-days', 1, '2028')).toMatchObject({ required: 30, note: '按任职 184/366 天折算' });
  });

  it('per-category quotas round each category: 183/365 → 1 book each, 182/365 → none, so n/a', () => {
    // From 2 July: 183 days, 1 × 183/365 = 0.501 → 1. From 3 July: 182 days, 0.4986 → 0 in every category.
    const vs = run(LO, bundle({ members: [leader(1, { onRollFrom: '2026-07-02' }), leader(2, { onRollFrom: '2026-07-03' })] }), '2027-01-10', '2026', { ruleIds: ['L1-books'] });
    expect(pick(vs, 'L1-books', 1, '2026')).toMatchObject({ status: 'gap', required: { 政治理论: 1, 业务: 1, 科学人文: 1 } });
    expect(pick(vs, 'L1-books', 2, '2026')).toMatchObject({ status: 'na', required: { 政治理论: 0, 业务: 0, 科学人文: 0 } });
  });

  it('a half exactly: joined 1 Oct, 92 of 184 days of H2 → 0.5 rounds up to 1 essay', () => {
    const vs = run(LO, bundle({ members: [member(1, { onRollFrom: '2026-10-01' })] }), '2027-01-10', '2026', { ruleIds: ['P4-half'] });
    expect(pick(vs, 'P4-half', 1, '2026-H2')).toMatchObject({ status: 'gap', required: 1, note: '按在册 92/184 天折算' });
  });

  it('a week with 4 of 7 days on the roll is judged, with 3 it is n/a', () => {
    // 2026-W10 is Mon 2 … Sun 8 March. From Thu 5 March: 4 days; from Fri 6 March: 3 days (< 3.5).
    const vs = run(LO, bundle({ members: [member(1, { onRollFrom: '2026-03-05' }), member(2, { onRollFrom: '2026-03-06' })] }), '2026-03-20', '2026-W10', { ruleIds: ['P2-weekly'] });
    expect(pick(vs, 'P2-weekly', 1, '2026-W10').status).toBe('gap');
    expect(pick(vs, 'P2-weekly', 2, '2026-W10')).toMatchObject({ status: 'na', note: '在册 3/7 天，不足半数，本期不考核' });
  });

  it('a daily rule skipped for too few days states its quota as the period states it (hours, note days), not per working day', () => {
    // From Fri 20 March 2026: 12 of 31 days (< 15.5) → n/a. Working days on the roll: 20, 23–27, 30, 31 = 8,
    // at 1 hour and 1 note day each.
    const vs = run(LO, bundle({ members: [member(1, { onRollFrom: '2026-03-20' })] }), '2026-04-10', '2026-03', { ruleIds: ['P1-daily'] });
    expect(pick(vs, 'P1-daily', 1, '2026-03')).toMatchObject({ status: 'na', required: { hours: 8, noteDays: 8 }, gap: { hours: 0, noteDays: 0 }, note: '在册 12/31 天，不足半数，本期不考核' });
  });
});

describe('as-of logic', () => {
  const ev = bundle({ members: [member(1, { onRollFrom: '2026-12-10' })] });
  it('periods after the as-of date, and before the member joined, are not shown', () => {
    const vs = run(LO, ev, '2026-12-20', '2026', { ruleIds: ['P1-daily'] });
    expect(periodsOf(vs, 'P1-daily', 1)).toEqual(['2026-12']);
    // A member joining after the as-of date is not judged at all yet.
    expect(run(LO, ev, '2026-12-05', '2026', { ruleIds: ['P1-daily'] })).toEqual([]);
  });

  it('a rate with no session to be expected at is n/a with the reason', () => {
    const vs = run(LO, bundle({ members: [leader(1)] }), '2027-01-10', '2026', { ruleIds: ['L1-rate'] });
    expect(pick(vs, 'L1-rate', 1, '2026')).toMatchObject({ status: 'na', note: '期间支部没有举办应参加的活动，无从计算参加率' });
  });

  it('filters by member', () => {
    const vs = run(LO, bundle({ members: [member(1), member(2)] }), '2027-01-10', '2026', { ruleIds: ['P5-yearly'], memberIds: [2] });
    expect(vs.map((v) => v.memberId)).toEqual([2]);
  });
});

describe('calendar fallback and overrides reach P1', () => {
  it('February 2028 (leap, unknown year): 21 Mon–Fri working days; overrides change it', () => {
    const ev = bundle({ members: [member(1)] });
    // 2028-02-01 is a Tuesday; 29 days → 20 weekdays in 4 weeks + Tue 29 Feb = 21.
    expect(pick(run(LO, ev, '2028-03-10', '2028-02', { ruleIds: ['P1-daily'] }), 'P1-daily', 1, '2028-02').required).toEqual({ hours: 21, noteDays: 21 });
    const cal = createWorkCalendar({ holidays: ['2028-02-29'] });
    expect(pick(run(LO, ev, '2028-03-10', '2028-02', { ruleIds: ['P1-daily'], calendar: cal }), 'P1-daily', 1, '2028-02').required).toEqual({ hours: 20, noteDays: 20 });
  });
});

describe('spans (research trips, trainings) count by the days they share with the judged days', () => {
  // Leader 1 in post all along; leader 2 appointed 2026-03-02. Trips:
  //   #1 leader 1, 2025-12-29 … 2026-01-04, 7 days: 4 of them (1–4 Jan) in 2026 → 4; 3 in 2025 → 3.
  //   #2 leader 1, 2026-12-28 … 2027-01-06, recorded as 5 days over a 10-day span: 4 of its days in 2026 → 5 × 4/10 = 2.
  //   #3 leader 2, 2026-02-23 … 2026-03-06, 12 days: 5 in post (2–6 March) → 5.
  // Trainings: member 3's 2025-12-28 … 2026-01-02 reaches into 2026 (and counts in 2025 as well); member 4,
  // on the roll from 2026-01-10, trained 2026-01-05 … 2026-01-12: 3 of its days on the roll → it counts.
  const ev = bundle({
    members: [leader(1), leader(2, { leaderIntervals: [{ from: '2026-03-02' }] }), member(3), member(4, { onRollFrom: '2026-01-10' })],
    research: [
      { id: 1, memberId: 1, from: '2025-12-29', to: '2026-01-04', days: 7 },
      { id: 2, memberId: 1, from: '2026-12-28', to: '2027-01-06', days: 5 },
      { id: 3, memberId: 2, from: '2026-02-23', to: '2026-03-06', days: 12 },
    ],
    trainings: [
      { id: 1, memberId: 3, from: '2025-12-28', to: '2026-01-02' },
      { id: 2, memberId: 4, from: '2026-01-05', to: '2026-01-12' },
    ],
  });

  it('research days: the share of each trip inside the year, and inside the post', () => {
    const y2026 = run(LO, ev, '2027-01-10', '2026', { ruleIds: ['L3-days'] });
    expect(pick(y2026, 'L3-days', 1, '2026')).toMatchObject({ actual: 6, evidence: { research: [1, 2] } });
    expect(pick(y2026, 'L3-days', 2, '2026')).toMatchObject({ actual: 5, evidence: { research: [3] } });
    expect(pick(run(LO, ev, '2027-01-10', '2025', { ruleIds: ['L3-days'] }), 'L3-days', 1, '2025')).toMatchObject({ actual: 3, evidence: { research: [1] } });
  });

  it('research days while the year is open count only the days up to the as-of date', () => {
    // As of 2026-01-02: 1–2 January of trip #1 → 2 × 7/7 = 2 days.
    expect(pick(run(LO, ev, '2026-01-02', '2026', { ruleIds: ['L3-days'] }), 'L3-days', 1, '2026')).toMatchObject({ status: 'open', actual: 2 });
  });

  it('a training counts when it reaches into the judged days', () => {
    const vs = run(LO, ev, '2027-01-10', '2026', { ruleIds: ['P5-yearly'] });
    expect(pick(vs, 'P5-yearly', 3, '2026')).toMatchObject({ actual: { trainings: 1, exams: 0 }, evidence: { trainings: [1] } });
    expect(pick(vs, 'P5-yearly', 4, '2026')).toMatchObject({ actual: { trainings: 1, exams: 0 }, evidence: { trainings: [2] } });
  });
});

describe('someone moved to another branch on a day (rollTerms)', () => {
  // Member 1 on branch 1's roll until 2026-07-01, then branch 2's; member 2 in branch 1, member 3 in branch 2.
  // In March branch 1 has 2 heads (S3 needs ⌈0.2⌉ = 1 reflection) and member 1's 心得 of 03-20; branch 2 has 1
  // head and none. A month is the branch's whose roll the member was on on its last day judged.
  const SO = preset('shuxiang-organ');
  const ev = bundle({
    members: [
      member(1, { branchId: 2, onRollFrom: '2026-07-01', rollTerms: [{ branchId: 1, from: '2025-01-01', to: '2026-07-01' }, { branchId: 2, from: '2026-07-01' }] }),
      member(2), member(3, { branchId: 2 }),
    ],
    writings: [{ id: 1, memberId: 1, kind: '心得体会', date: '2026-03-20', chars: 1600 }],
  });
  const vs = run(SO, ev, '2027-01-10', '2026', { ruleIds: ['S3-reflection-share', 'P4-half'] });

  it('a branch duty counts them (heads and reflections) for the branch whose roll they were on', () => {
    const s3 = vs.filter((v) => v.rule === 'S3-reflection-share' && v.period === '2026-03');
    expect(s3.find((v) => v.branchId === 1)).toMatchObject({ status: 'met', required: 1, actual: 1, evidence: { writings: [1] }, detail: { headcount: 2 } });
    expect(s3.find((v) => v.branchId === 2)).toMatchObject({ status: 'gap', required: 1, actual: 0, detail: { headcount: 1 } });
  });

  it('their own verdicts are the branch\'s of the period\'s last day: H1 the old branch, H2 the new', () => {
    expect(vs.filter((v) => v.rule === 'P4-half' && v.memberId === 1).map((v) => [v.period, v.branchId])).toEqual([['2026-H1', 1], ['2026-H2', 2]]);
  });
});
