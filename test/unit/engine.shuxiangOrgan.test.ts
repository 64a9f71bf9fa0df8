// Every rule of the shuxiang-organ preset (SPEC §3.2), each figure worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { EvidenceMember, EvidenceWriting } from '../../src/domain/evidence.js';
import { bundle, member, pick, periodsOf, preset, run } from './engineFixtures.js';

const SO = preset('shuxiang-organ');
const AFTER_2026 = '2027-01-15';

describe('the rules it keeps from learning-org', () => {
  it('judges P1, P2, P4, P5 and B1–B4, and no leader rule or P3', () => {
    const vs = run(SO, bundle({ members: [member(1, { leaderIntervals: [{}] })] }), AFTER_2026, '2026');
    expect([...new Set(vs.map((v) => v.rule))].sort()).toEqual([
      'B1-monthly-study', 'B2-reading-exchange', 'B3-joint', 'B4-red-base', 'P1-daily', 'P2-weekly', 'P4-half', 'P5-yearly',
      'S1-monthly-book', 'S2-reflection', 'S3-reflection-share', 'S4-monthly-exchange', 'S5-quarterly-test',
    ]);
  });
});

describe('S1 每月阅读不少于1本 and S2 读完撰写心得不少于1500字', () => {
  const ev = bundle({
    members: [member(1)],
    readings: [{ id: 1, memberId: 1, bookId: 7, category: '业务', finished: '2026-03-18' }, { id: 2, memberId: 1, bookId: 8, finished: '2026-11-05' }],
    writings: [
      { id: 1, memberId: 1, kind: '心得体会', date: '2026-03-28', chars: 1600 },
      { id: 2, memberId: 1, kind: '心得体会', date: '2026-04-28', chars: 1200 }, // too short
      { id: 3, memberId: 1, kind: '理论文章', date: '2026-04-29', chars: 2000 }, // not a reflection
    ],
  });
  const vs = run(SO, ev, AFTER_2026, '2026', { ruleIds: ['S1-monthly-book', 'S2-reflection'] });

  it('S1: a book finished each month (a book with no category still counts)', () => {
    expect(pick(vs, 'S1-monthly-book', 1, '2026-03')).toMatchObject({ status: 'met', evidence: { readings: [1] } });
    expect(pick(vs, 'S1-monthly-book', 1, '2026-04')).toMatchObject({ status: 'gap', need: '差 1 本书' });
    expect(pick(vs, 'S1-monthly-book', 1, '2026-11')).toMatchObject({ status: 'met', evidence: { readings: [2] } });
  });

  it('S2: a reflection of ≥ 1500 characters each month; shorter ones are named, theory articles do not count', () => {
    expect(pick(vs, 'S2-reflection', 1, '2026-03')).toMatchObject({ status: 'met', evidence: { writings: [1] } });
    expect(pick(vs, 'S2-reflection', 1, '2026-04')).toMatchObject({
      status: 'gap', actual: 0, detail: { tooShort: 1 }, need: '差 1 篇不少于 1500 字的心得体会；另有 1 篇不足 1500 字，未计入',
    });
  });

  it('an open month whose quota is reached is already met (with the days left)', () => {
    const open = run(SO, ev, '2026-11-22', '2026-11', { ruleIds: ['S1-monthly-book'] });
    // 22…30 November = 9 days.
    expect(pick(open, 'S1-monthly-book', 1, '2026-11')).toMatchObject({ status: 'met', daysLeft: 9 });
    expect(pick(open, 'S1-monthly-book', 1, '2026-11').need).toBeUndefined();
  });
});

describe('S3 每月心得上报不少于总人数10%', () => {
  // Branch 1: members 1–20 all along; 21 joins 20 March; 22 leaves 10 March.
  const members: EvidenceMember[] = [
    ...Array.from({ length: 20 }, (_, i) => member(i + 1)),
    member(21, { onRollFrom: '2026-03-20' }),
    member(22, { onRollLeft: '2026-03-10' }),
  ];
  const w = (id: number, memberId: number, date: string, chars: number): EvidenceWriting => ({ id, memberId, kind: '心得体会', date, chars });
  const ev = bundle({
    members,
    writings: [
      w(1, 1, '2026-03-05', 1600), w(2, 2, '2026-03-06', 1500), w(3, 3, '2026-03-07', 1499), w(4, 21, '2026-03-25', 1800),
      w(5, 4, '2026-04-10', 2000),
    ],
  });
  const vs = run(SO, ev, AFTER_2026, '2026-H1', { ruleIds: ['S3-reflection-share'] });

  it('March: headcount counts only those on the roll at least half the month; 10% rounded up', () => {
    // Member 21: 20…31 March = 12 of 31 days (< 15.5) → not counted; member 22: 1…9 March = 9 days → not counted.
    // Headcount 20 → 20 × 10% = 2. Reflections ≥ 1500: #1 (1600), #2 (exactly 1500), #4 (by 21, on the roll then) = 3.
    expect(pick(vs, 'S3-reflection-share', undefined, '2026-03')).toMatchObject({
      status: 'met', required: 2, actual: 3, evidence: { writings: [1, 2, 4] }, detail: { headcount: 20, tooShort: 1 },
    });
  });

  it('April: 21 on the roll → 2.1 → 3 required; 1 handed in → 2 short', () => {
    expect(pick(vs, 'S3-reflection-share', undefined, '2026-04')).toMatchObject({
      status: 'gap', required: 3, actual: 1, gap: 2, detail: { headcount: 21 },
      need: '心得上报差 2 篇（应报不少于 3 篇，即 21 人的 10%，向上取整）',
    });
  });

  it('30 members → exactly 3 (not 4: 0.1 × 30 is 3.0000000000000004 in floating point)', () => {
    const thirty = bundle({ members: Array.from({ length: 30 }, (_, i) => member(i + 1)), writings: [w(1, 1, '2026-05-01', 1500), w(2, 2, '2026-05-02', 1500), w(3, 3, '2026-05-03', 1500)] });
    expect(pick(run(SO, thirty, AFTER_2026, '2026-05', { ruleIds: ['S3-reflection-share'] }), 'S3-reflection-share', undefined, '2026-05'))
      .toMatchObject({ status: 'met', required: 3, actual: 3 });
  });
});

describe('S4 每月有互动', () => {
  const ev = bundle({ members: [member(1)], sessions: [{ id: 5, branchId: 1, type: 'reading-exchange', date: '2026-03-26' }] });
  it('a reading exchange held each month', () => {
    const vs = run(SO, ev, AFTER_2026, '2026-Q1', { ruleIds: ['S4-monthly-exchange'] });
    expect(periodsOf(vs, 'S4-monthly-exchange')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(pick(vs, 'S4-monthly-exchange', undefined, '2026-03')).toMatchObject({ status: 'met', evidence: { sessions: [5] } });
    expect(pick(vs, 'S4-monthly-exchange', undefined, '2026-02')).toMatchObject({ status: 'gap', need: '少举办 1 次读书交流' });
  });
});

describe('S5 每季有品评', () => {
  const ev = bundle({
    members: [member(1)],
    sessions: [{ id: 1, branchId: 1, type: 'assessment', date: '2026-03-30' }, { id: 2, branchId: 1, type: 'assessment', date: '2026-09-28' }],
    attendance: [{ id: 1, sessionId: 1, memberId: 1, status: 'present' }, { id: 2, sessionId: 2, memberId: 1, status: 'excused' }],
    exams: [{ id: 1, memberId: 1, date: '2026-06-15', score: 88 }],
  });

  it('an assessment session attended or an exam logged, each quarter; the current quarter is open', () => {
    const vs = run(SO, ev, '2026-11-22', '2026', { ruleIds: ['S5-quarterly-test'] });
    expect(pick(vs, 'S5-quarterly-test', 1, '2026-Q1')).toMatchObject({ status: 'met', evidence: { attendance: [1] } });
    expect(pick(vs, 'S5-quarterly-test', 1, '2026-Q2')).toMatchObject({ status: 'met', evidence: { exams: [1] } });
    expect(pick(vs, 'S5-quarterly-test', 1, '2026-Q3')).toMatchObject({ status: 'gap', need: '差 1 次知识测试或品评（请假 1 次，不计为参加）' });
    // 22 Nov … 31 Dec = 9 + 31 = 40 days.
    expect(pick(vs, 'S5-quarterly-test', 1, '2026-Q4')).toMatchObject({ status: 'open', daysLeft: 40, need: '还差 1 次知识测试或品评，本季度剩余 40 天' });
  });

  it('with 请假 counted, Q3 is met', () => {
    const vs = run(preset('shuxiang-organ', true), ev, '2026-11-22', '2026-Q3', { ruleIds: ['S5-quarterly-test'] });
    expect(pick(vs, 'S5-quarterly-test', 1, '2026-Q3')).toMatchObject({ status: 'met', evidence: { attendance: [2] } });
  });
});
