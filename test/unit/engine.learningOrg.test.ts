// Every rule of the learning-org preset (SPEC §3.1), each figure worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { EvidenceAttendance, EvidenceSession } from '../../src/domain/evidence.js';
import { bundle, leader, member, pick, periodsOf, preset, run } from './engineFixtures.js';

const LO = preset('learning-org');
const LO_EXCUSED = preset('learning-org', true);
const AFTER_2026 = '2027-01-15'; // every 2026 period has ended

describe('L1-monthly 带头学习·每月集中学习', () => {
  const ev = bundle({
    members: [leader(1), member(2)],
    sessions: [
      { id: 10, branchId: 1, type: 'collective-study', date: '2026-03-10' },
      { id: 11, branchId: 1, type: 'collective-study', date: '2026-04-10' },
    ],
    attendance: [
      { id: 100, sessionId: 10, memberId: 1, status: 'late' }, // 迟到 counts as attended
      { id: 101, sessionId: 11, memberId: 1, status: 'excused' },
    ],
  });

  it('counts 出席/迟到; 请假 is shown but not counted by default', () => {
    const vs = run(LO, ev, AFTER_2026, '2026-Q2', { ruleIds: ['L1-monthly'] });
    // The Q2 audit judges April, May, June for the leader only (member 2 is not on the committee).
    expect(periodsOf(vs, 'L1-monthly', 1)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(periodsOf(vs, 'L1-monthly', 2)).toEqual([]);
    expect(pick(vs, 'L1-monthly', 1, '2026-04')).toMatchObject({
      status: 'gap', required: 1, actual: 0, gap: 1, detail: { excused: 1 }, need: '差 1 次集中学习（请假 1 次，不计为参加）',
    });
    const march = pick(run(LO, ev, AFTER_2026, '2026-03'), 'L1-monthly', 1, '2026-03');
    expect(march).toMatchObject({ status: 'met', actual: 1, evidence: { attendance: [100] } });
  });

  it('counts 请假 as attended when the rule set says so', () => {
    const vs = run(LO_EXCUSED, ev, AFTER_2026, '2026-04', { ruleIds: ['L1-monthly'] });
    expect(pick(vs, 'L1-monthly', 1, '2026-04')).toMatchObject({ status: 'met', actual: 1, evidence: { attendance: [101] } });
  });
});

describe('L1-rate 带头学习·参加率', () => {
  // One collective study on the 10th of every month of 2026: 12 sessions.
  const sessions: EvidenceSession[] = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1, branchId: 1, type: 'collective-study', date: `2026-${String(i + 1).padStart(2, '0')}-10`,
  }));
  // Leader 1: Jan–Sep present (9), Oct late (1), Nov excused, Dec no sign-in row at all.
  const statuses = ['present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'late', 'excused'] as const;
  const a1: EvidenceAttendance[] = statuses.map((status, i) => ({ id: 100 + i, sessionId: i + 1, memberId: 1, status }));
  // Leader 2, appointed 1 July: present at all six sessions Jul–Dec, absent in March (not yet in post).
  const a2: EvidenceAttendance[] = [
    { id: 200, sessionId: 3, memberId: 2, status: 'absent' },
    ...[7, 8, 9, 10, 11, 12].map((s) => ({ id: 200 + s, sessionId: s, memberId: 2, status: 'present' as const })),
  ];
  const ev = bundle({ members: [leader(1), member(2, { leaderIntervals: [{ from: '2026-07-01' }] })], sessions, attendance: [...a1, ...a2] });

  it('rate = (出席 + 迟到) ÷ sessions expected; 请假 shown separately', () => {
    const v = pick(run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L1-rate'] }), 'L1-rate', 1, '2026');
    // attended 9 + 1 = 10 of 12 → 0.8333 (rounded to 4 places); gap 0.9 − 0.8333 = 0.0667.
    expect(v).toMatchObject({
      status: 'gap', required: 0.9, actual: 0.8333, gap: 0.0667, detail: { attended: 10, expected: 12, excused: 1 },
      need: '集中学习参加率 83.3%（应参加 12 次，参加 10 次，请假 1 次不计为参加），低于 90%',
    });
    expect(v.evidence.attendance).toHaveLength(10);
  });

  it('with 请假 counted: 11 of 12 → 0.9167, met', () => {
    const v = pick(run(LO_EXCUSED, ev, AFTER_2026, '2026', { ruleIds: ['L1-rate'] }), 'L1-rate', 1, '2026');
    expect(v).toMatchObject({ status: 'met', actual: 0.9167, gap: 0, detail: { attended: 11, expected: 12, excused: 1 } });
  });

  it('a leader appointed on 1 July is expected only at the six sessions Jul–Dec; rates are not prorated', () => {
    const v = pick(run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L1-rate'] }), 'L1-rate', 2, '2026');
    expect(v).toMatchObject({ status: 'met', required: 0.9, actual: 1, detail: { attended: 6, expected: 6 } });
    expect(v.note).toBeUndefined();
  });

  it('stays open during the year even at 100%', () => {
    // As of 2026-08-20: leader 2 was expected at Jul 10 and Aug 10 and came to both.
    const v = pick(run(LO, ev, '2026-08-20', '2026', { ruleIds: ['L1-rate'] }), 'L1-rate', 2, '2026');
    // days left: 2026-08-20 … 2026-12-31 = 12 (Aug) + 30 + 31 + 30 + 31 = 134.
    expect(v).toMatchObject({ status: 'open', actual: 1, daysLeft: 134, detail: { attended: 2, expected: 2 } });
    expect(v.need).toBe('目前集中学习参加率 100%（应参加 2 次，参加 2 次），须不低于 90%，本年度剩余 134 天');
  });
});

describe('L1-books 带头学习·年度自学书目', () => {
  const ev = bundle({
    members: [leader(1), leader(2)],
    readings: [
      { id: 1, memberId: 1, bookId: 11, category: '政治理论', finished: '2026-03-01' },
      { id: 2, memberId: 1, bookId: 12, category: '党史', finished: '2026-04-01' }, // 党史 → 政治理论 (categoryMap)
      { id: 3, memberId: 1, bookId: 13, category: '业务', finished: '2026-05-01' },
      { id: 4, memberId: 1, bookId: 14, finished: '2026-06-01' }, // no category: counted nowhere
      { id: 5, memberId: 1, bookId: 13, category: '业务', finished: '2026-07-01' }, // same book again: once
      { id: 6, memberId: 1, bookId: 15, category: '科学人文' }, // not finished: not a book read
      { id: 7, memberId: 2, bookId: 11, category: '政治理论', finished: '2026-02-01' },
    ],
  });

  it('counts by category; a book without a category is named but not counted', () => {
    const v = pick(run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L1-books'] }), 'L1-books', 1, '2026');
    expect(v).toMatchObject({
      status: 'gap',
      required: { 政治理论: 1, 业务: 1, 科学人文: 1 },
      actual: { 政治理论: 2, 业务: 1, 科学人文: 0 },
      gap: { 政治理论: 0, 业务: 0, 科学人文: 1 },
      evidence: { readings: [1, 2, 3] },
      detail: { uncategorized: 1 },
      need: '差 1 本书（1 本科学人文类）；另有 1 本书未填分类，未计入',
    });
  });

  it('open year: what is still needed and the days left', () => {
    // As of 2026-11-23: 8 days left in November (23…30) + 31 in December = 39.
    const v = pick(run(LO, ev, '2026-11-23', '2026', { ruleIds: ['L1-books'] }), 'L1-books', 2, '2026');
    expect(v).toMatchObject({ status: 'open', daysLeft: 39, gap: { 政治理论: 0, 业务: 1, 科学人文: 1 } });
    expect(v.need).toBe('还差 2 本书（1 本业务类、1 本科学人文类），本年度剩余 39 天');
  });
});

describe('L2 带头宣讲', () => {
  const ev = bundle({ members: [leader(1)], talks: [{ id: 1, memberId: 1, kind: '理论宣讲', date: '2026-05-04' }] });
  it('theory talk and business lecture are judged separately', () => {
    const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L2-theory-talk', 'L2-business-talk'] });
    expect(pick(vs, 'L2-theory-talk', 1, '2026')).toMatchObject({ status: 'met', actual: 1, evidence: { talks: [1] } });
    expect(pick(vs, 'L2-business-talk', 1, '2026')).toMatchObject({ status: 'gap', actual: 0, gap: 1, need: '差 1 次业务讲座' });
  });
});

describe('L3 带头调研 and L4 务虚 — proration by the days in post', () => {
  const retreat = (id: number, date: string): EvidenceSession => ({ id, branchId: 1, type: 'retreat', date });
  const ev = bundle({
    members: [
      leader(1), // all year
      member(2, { leaderIntervals: [{ from: '2026-07-01' }] }), // appointed 1 July
      leader(3, { onRollFrom: '2026-07-01' }), // joined the branch 1 July, in post from then
      leader(4, { onRollLeft: '2026-03-15' }), // left in March: last day on the roll 14 March
    ],
    sessions: [retreat(1, '2026-02-01'), retreat(2, '2026-09-01')],
    attendance: [
      { id: 1, sessionId: 2, memberId: 1, status: 'present' },
      { id: 2, sessionId: 2, memberId: 3, status: 'present' },
      { id: 3, sessionId: 1, memberId: 4, status: 'present' },
    ],
    research: [
      { id: 1, memberId: 2, from: '2026-06-20', to: '2026-07-01', days: 12 }, // 11 days before the appointment: 1 of 12 counted
      { id: 2, memberId: 2, from: '2026-08-01', to: '2026-08-20', days: 20 },
      { id: 3, memberId: 3, from: '2026-07-06', to: '2026-08-14', days: 30 },
      { id: 4, memberId: 4, from: '2026-01-05', to: '2026-01-16', days: 12 },
      { id: 5, memberId: 1, from: '2026-03-01', to: '2026-05-30', days: 61 },
    ],
    writings: [
      { id: 1, memberId: 1, kind: '调研报告', date: '2026-06-01', chars: 6000 },
      { id: 2, memberId: 3, kind: '心得体会', date: '2026-09-01', chars: 3000 }, // not a research report
    ],
  });
  const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L3-days', 'L3-reports', 'L4-retreat'] });

  it('full year: 60 days and 2 retreats', () => {
    expect(pick(vs, 'L3-days', 1, '2026')).toMatchObject({ status: 'met', required: 60, actual: 61 });
    expect(pick(vs, 'L4-retreat', 1, '2026')).toMatchObject({ status: 'gap', required: 2, actual: 1, need: '差 1 次务虚会' });
    expect(pick(vs, 'L3-reports', 1, '2026')).toMatchObject({ status: 'met', required: 1, actual: 1, evidence: { writings: [1] } });
  });

  it('leader appointed 1 July: 184 of 365 days → 60 days becomes 30, research before the appointment not counted', () => {
    // Jul–Dec = 31+31+30+31+30+31 = 184 days. 60 × 184 / 365 = 30.25 → 30. Counted: 20, and 1 day (1 July) of
    // the 12-day trip begun in June, before the post.
    expect(pick(vs, 'L3-days', 2, '2026')).toMatchObject({
      status: 'gap', required: 30, actual: 21, gap: 9, evidence: { research: [1, 2] }, note: '按任职 184/365 天折算', need: '差 9 天一线调研',
    });
    // 2 × 184 / 365 = 1.008 → 1 retreat; none attended.
    expect(pick(vs, 'L4-retreat', 2, '2026')).toMatchObject({ status: 'gap', required: 1, actual: 0 });
  });

  it('member who joined mid-year (1 July): 60 research days → 30; 2 retreats → 1', () => {
    expect(pick(vs, 'L3-days', 3, '2026')).toMatchObject({ status: 'met', required: 30, actual: 30, note: '按任职 184/365 天折算' });
    expect(pick(vs, 'L4-retreat', 3, '2026')).toMatchObject({ status: 'met', required: 1, actual: 1 });
    // 1 report × 184/365 = 0.504 → 1; the reflection essay is not a report.
    expect(pick(vs, 'L3-reports', 3, '2026')).toMatchObject({ status: 'gap', required: 1, actual: 0, need: '差 1 篇调研报告' });
  });

  it('member who left in March: 73 days; 60 → 12 days; 2 retreats → 0, so n/a; judged as ended though the year is not', () => {
    // On the roll 1 Jan … 14 Mar = 31 + 28 + 14 = 73 days. 60 × 73 / 365 = 12 exactly. 2 × 73 / 365 = 0.4 → 0.
    const mid = run(LO, ev, '2026-11-22', '2026', { ruleIds: ['L3-days', 'L4-retreat'] });
    const days = pick(mid, 'L3-days', 4, '2026');
    expect(days).toMatchObject({ status: 'met', required: 12, actual: 12 });
    expect(days.daysLeft).toBeUndefined();
    expect(pick(mid, 'L4-retreat', 4, '2026')).toMatchObject({ status: 'na', required: 0, actual: 1, note: '按任职 73/365 天折算后为 0，本期不适用' });
  });
});

describe('P1-daily 坚持每天自学1小时并做好笔记', () => {
  // Member 1 in February 2026 (16 working days, see workdays.test.ts): 8 days × 2 h with notes.
  const feb = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, memberId: 1, date: `2026-02-0${i + 1}`, hours: 2, notes: true }));
  // Member 1 in October 2026 (18 working days): 18 days × 1 h with notes, some on holidays — any day counts.
  const oct = Array.from({ length: 18 }, (_, i) => ({ id: 100 + i, memberId: 1, date: `2026-10-${String(i + 1).padStart(2, '0')}`, hours: 1, notes: true }));
  // Member 2 joined Mon 12 Oct: on the roll 20 of 31 days (≥ half); working days 12–16, 19–23, 26–30 = 15.
  const m2 = Array.from({ length: 15 }, (_, i) => ({ id: 200 + i, memberId: 2, date: `2026-10-${12 + i}`, hours: 1, notes: i < 10 }));
  const ev = bundle({ members: [member(1), member(2, { onRollFrom: '2026-10-12' })], selfStudy: [...feb, ...oct, ...m2] });
  const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['P1-daily'] });

  it('a month with 调休 make-up Saturdays: 16 working days in February', () => {
    // hours 8 × 2 = 16 ≥ 16; note days 8 < 16 → 8 short.
    expect(pick(vs, 'P1-daily', 1, '2026-02')).toMatchObject({
      status: 'gap', required: { hours: 16, noteDays: 16 }, actual: { hours: 16, noteDays: 8 }, gap: { hours: 0, noteDays: 8 },
      detail: { workingDays: 16 }, need: '差 8 天学习笔记（共 16 个工作日）',
    });
  });

  it('October 2026: 18 working days (国庆 and the Saturday 10 Oct make-up day)', () => {
    expect(pick(vs, 'P1-daily', 1, '2026-10')).toMatchObject({ status: 'met', required: { hours: 18, noteDays: 18 }, actual: { hours: 18, noteDays: 18 } });
  });

  it('a member who joined mid-month is held to the working days while on the roll', () => {
    // 15 working days → 15 h (has 15) and 15 note days (has 10).
    expect(pick(vs, 'P1-daily', 2, '2026-10')).toMatchObject({ status: 'gap', required: { hours: 15, noteDays: 15 }, gap: { hours: 0, noteDays: 5 } });
    expect(periodsOf(vs, 'P1-daily', 2)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('open month: the whole month is required, the rest is what is still needed', () => {
    // November 2026 starts on a Sunday: weekdays 2–6, 9–13, 16–20, 23–27, 30 = 21, no holidays.
    // As of Fri 20 Nov: 10 days × 1 h with notes so far (Nov 2–13 weekdays); one on 25 Nov is after the as-of date.
    const nov = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 25].map((d, i) => ({ id: 300 + i, memberId: 1, date: `2026-11-${String(d).padStart(2, '0')}`, hours: 1, notes: true }));
    const v = pick(run(LO, bundle({ members: [member(1)], selfStudy: nov }), '2026-11-20', '2026-11', { ruleIds: ['P1-daily'] }), 'P1-daily', 1, '2026-11');
    // Working days left from the 20th: 20, 23–27, 30 = 7. Calendar days left: 20…30 = 11.
    expect(v).toMatchObject({ status: 'open', required: { hours: 21, noteDays: 21 }, actual: { hours: 10, noteDays: 10 }, daysLeft: 11 });
    expect(v.need).toBe('还差 11 小时自学、11 天学习笔记（本月共 21 个工作日，还剩 7 个），本月剩余 11 天');
  });
});

describe('P2-weekly 坚持每周听1堂课或专题报告', () => {
  const ev = bundle({
    members: [member(1)],
    sessions: [{ id: 1, branchId: 1, type: 'lecture', date: '2026-12-22' }], // in W52 (Dec 21–27)
    attendance: [{ id: 1, sessionId: 1, memberId: 1, status: 'excused' }],
    lectures: [{ id: 9, memberId: 1, date: '2027-01-02' }], // Saturday 2 Jan 2027 belongs to 2026-W53
  });

  it('ISO week 53: a lecture on 2 January 2027 counts for 2026-W53', () => {
    const vs = run(LO, ev, '2027-01-10', '2026', { ruleIds: ['P2-weekly'] });
    expect(periodsOf(vs, 'P2-weekly', 1)).toHaveLength(53);
    expect(pick(vs, 'P2-weekly', 1, '2026-W53')).toMatchObject({ status: 'met', actual: 1, evidence: { lectures: [9] } });
  });

  it('excused absence from the lecture: gap by default, met when 请假 counts', () => {
    const vs = run(LO, ev, '2027-01-10', '2026-12', { ruleIds: ['P2-weekly'] });
    expect(pick(vs, 'P2-weekly', 1, '2026-W52')).toMatchObject({ status: 'gap', need: '差 1 次听课或专题报告（请假 1 次，不计为参加）' });
    const ex = run(LO_EXCUSED, ev, '2027-01-10', '2026-12', { ruleIds: ['P2-weekly'] });
    expect(pick(ex, 'P2-weekly', 1, '2026-W52')).toMatchObject({ status: 'met', evidence: { attendance: [1] } });
  });

  it('an audit of 2027 starts at 2027-W01 (2026-W53 was judged with 2026)', () => {
    // As of Sun 10 Jan 2027: W01 is Mon 4 … Sun 10 Jan (open, its last day); W02 starts 11 Jan, after the as-of date.
    expect(periodsOf(run(LO, ev, '2027-01-10', '2027', { ruleIds: ['P2-weekly'] }), 'P2-weekly', 1)).toEqual(['2027-W01']);
  });
});

describe('P3-quarterly 坚持每季度至少读1本好书并交流', () => {
  const ev = bundle({
    members: [member(1)],
    sessions: [{ id: 1, branchId: 1, type: 'reading-exchange', date: '2026-05-10' }],
    attendance: [{ id: 1, sessionId: 1, memberId: 1, status: 'present' }],
    readings: [{ id: 1, memberId: 1, bookId: 1, category: '其他', finished: '2026-02-01' }],
    exchanges: [{ id: 1, memberId: 1, date: '2026-03-01' }],
  });
  const vs = run(LO, ev, AFTER_2026, '2026-H1', { ruleIds: ['P3-quarterly'] });
  it('book and exchange each quarter; an exchange may be a session or logged', () => {
    expect(pick(vs, 'P3-quarterly', 1, '2026-Q1')).toMatchObject({
      status: 'met', actual: { books: 1, exchanges: 1 }, evidence: { readings: [1], exchanges: [1] },
    });
    expect(pick(vs, 'P3-quarterly', 1, '2026-Q2')).toMatchObject({
      status: 'gap', actual: { books: 0, exchanges: 1 }, gap: { books: 1, exchanges: 0 }, evidence: { attendance: [1] }, need: '差 1 本书',
    });
  });
});

describe('P4-half and P5-yearly', () => {
  const ev = bundle({
    members: [member(1), member(2), member(3, { onRollLeft: '2026-03-15' })],
    writings: [{ id: 1, memberId: 1, kind: '理论文章', date: '2026-06-30', chars: 3000 }],
    trainings: [{ id: 1, memberId: 1, from: '2026-09-01', to: '2026-09-05' }, { id: 2, memberId: 2, from: '2026-04-01', to: '2026-04-02' }],
    exams: [{ id: 1, memberId: 1, date: '2026-09-05', score: 92 }],
  });
  const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['P4-half', 'P5-yearly'] });

  it('P4: one reflection or theory article per half-year', () => {
    expect(pick(vs, 'P4-half', 1, '2026-H1')).toMatchObject({ status: 'met', evidence: { writings: [1] } });
    expect(pick(vs, 'P4-half', 1, '2026-H2')).toMatchObject({ status: 'gap', need: '差 1 篇心得体会或理论文章' });
  });

  it('P5: a training and an exam each year', () => {
    expect(pick(vs, 'P5-yearly', 1, '2026')).toMatchObject({ status: 'met', actual: { trainings: 1, exams: 1 } });
    expect(pick(vs, 'P5-yearly', 2, '2026')).toMatchObject({ status: 'gap', gap: { trainings: 0, exams: 1 }, need: '差 1 次理论考试' });
  });

  it('member who left in March: yearly and half-yearly quotas prorate to 0 → n/a', () => {
    // P5: 1 × 73/365 = 0.2 → 0. P4 H1: 1 × 73/181 = 0.40 → 0; H2: never on the roll → no verdict.
    expect(pick(vs, 'P5-yearly', 3, '2026')).toMatchObject({ status: 'na', required: { trainings: 0, exams: 0 } });
    expect(pick(vs, 'P4-half', 3, '2026-H1')).toMatchObject({ status: 'na', note: '按在册 73/181 天折算后为 0，本期不适用' });
    expect(periodsOf(vs, 'P4-half', 3)).toEqual(['2026-H1']);
  });
});

describe('member who left in March — short periods', () => {
  const ev = bundle({ members: [leader(1, { onRollLeft: '2026-03-15' })] });
  const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['L1-monthly', 'P3-quarterly'] });
  it('months before are judged, March (14 of 31 days) is n/a, later months are not shown', () => {
    expect(periodsOf(vs, 'L1-monthly', 1)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(pick(vs, 'L1-monthly', 1, '2026-03')).toMatchObject({ status: 'na', note: '任职 14/31 天，不足半数，本期不考核' });
  });
  it('Q1 (73 of 90 days) is judged with the full quota; Q2 on is not shown', () => {
    expect(periodsOf(vs, 'P3-quarterly', 1)).toEqual(['2026-Q1']);
    expect(pick(vs, 'P3-quarterly', 1, '2026-Q1')).toMatchObject({ status: 'gap', required: { books: 1, exchanges: 1 } });
  });
});

describe('branch duties B1–B4', () => {
  const s = (id: number, type: EvidenceSession['type'], date: string): EvidenceSession => ({ id, branchId: 1, type, date });
  const ev = bundle({
    members: [member(1)],
    sessions: [s(1, 'collective-study', '2026-01-15'), s(2, 'reading-exchange', '2026-03-20'), s(3, 'joint-study', '2026-05-01'),
      s(4, 'red-base', '2026-04-01'), s(5, 'red-base', '2026-10-01'), s(6, 'collective-study', '2026-11-25')],
  });

  it('ended periods: sessions held against the quota', () => {
    const vs = run(LO, ev, AFTER_2026, '2026', { ruleIds: ['B1-monthly-study', 'B2-reading-exchange', 'B3-joint', 'B4-red-base'] });
    expect(pick(vs, 'B1-monthly-study', undefined, '2026-01')).toMatchObject({ status: 'met', evidence: { sessions: [1] } });
    expect(pick(vs, 'B1-monthly-study', undefined, '2026-02')).toMatchObject({ status: 'gap', need: '少举办 1 次集中学习' });
    expect(pick(vs, 'B2-reading-exchange', undefined, '2026-Q1')).toMatchObject({ status: 'met' });
    expect(pick(vs, 'B3-joint', undefined, '2026')).toMatchObject({ status: 'gap', required: 2, actual: 1, need: '少举办 1 次联学共建活动' });
    expect(pick(vs, 'B4-red-base', undefined, '2026')).toMatchObject({ status: 'met', actual: 2, evidence: { sessions: [4, 5] } });
    expect(pick(vs, 'B4-red-base', undefined, '2026').memberId).toBeUndefined();
  });

  it('as of 22 Nov: November open, December not shown; a session after the as-of date does not count yet', () => {
    const vs = run(LO, ev, '2026-11-22', '2026', { ruleIds: ['B1-monthly-study'] });
    expect(periodsOf(vs, 'B1-monthly-study').at(-1)).toBe('2026-11');
    // 22…30 November = 9 days left.
    expect(pick(vs, 'B1-monthly-study', undefined, '2026-11')).toMatchObject({
      status: 'open', actual: 0, daysLeft: 9, need: '还需举办 1 次集中学习，本月剩余 9 天',
    });
  });
});
