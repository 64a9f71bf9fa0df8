// The reading room and plan rules, pure: lending (copies, the same reader twice, overdue from the day after
// the due date, which loan a return closes), ISBN check digits, plan months and forms, the co-host
// rotation, plan against what was held at the month boundaries, and the summary's sentence on the plan.
import { describe, expect, it } from 'vitest';
import { parseIsbn } from '../../src/domain/isbn.js';
import { checkLend, dueDate, loanToReturn, overdueDays, type Loan } from '../../src/domain/lending.js';
import { parsePlanForm, parsePlanMonth, planVsActual, rotateCohosts, type PlanMonth } from '../../src/domain/studyPlan.js';
import type { PeriodReport } from '../../src/reports/periodReportTypes.js';
import type { PlanReport, PlanReportRow } from '../../src/reports/planReport.js';
import { planSentence } from '../../src/reports/summaryText.js';

const loan = (id: number, memberId: number, lentOn = '2026-10-01', dueOn = '2026-10-31'): Loan => ({ id, bookId: 1, memberId, lentOn, dueOn });

describe('lending', () => {
  it('a copy out on loan cannot be lent twice; the same reader cannot borrow the same book twice', () => {
    expect(checkLend(2, [loan(1, 7)], 8)).toBeUndefined();
    expect(checkLend(2, [loan(1, 7), loan(2, 8)], 9)).toEqual({ kind: 'all-out', copies: 2, holders: [7, 8] });
    expect(checkLend(2, [loan(1, 7)], 7)).toMatchObject({ kind: 'already-has', loan: { id: 1 } });
    expect(checkLend(0, [], 7)).toEqual({ kind: 'no-copies' });
  });

  it('is overdue from the day after the due date, and never once returned', () => {
    expect(dueDate('2026-10-01', 30)).toBe('2026-10-31');
    expect(overdueDays(loan(1, 7), '2026-10-31')).toBe(0);
    expect(overdueDays(loan(1, 7), '2026-11-01')).toBe(1);
    expect(overdueDays({ ...loan(1, 7), returnedOn: '2026-11-05' }, '2026-12-01')).toBe(0);
  });

  it('a return closes the holder’s loan, or says why it cannot', () => {
    expect(loanToReturn([], 7)).toBe('not-lent');
    expect(loanToReturn([loan(1, 7)])).toMatchObject({ id: 1 });
    expect(loanToReturn([loan(1, 7), loan(2, 8)])).toBe('ambiguous');
    expect(loanToReturn([loan(1, 7), loan(2, 8)], 8)).toMatchObject({ id: 2 });
    expect(loanToReturn([loan(1, 7)], 9)).toBe('not-holder');
  });
});

describe('ISBN', () => {
  it.each([
    ['978-7-213-03584-5', '9787213035845'],
    ['ISBN 7-5063-3421-6', '7506334216'],
    ['0-8044-2957-X', '080442957X'],
  ])('accepts %s', (raw, isbn) => expect(parseIsbn(raw)).toEqual({ ok: true, isbn }));
  it.each([
    ['9787213035840', '校验位应为 5'],
    ['9777213035845', '以 978 或 979 开头'],
    ['12345', '应为 13 位'],
    ['7-5063-3421-1', '校验位不对'],
  ])('refuses %s', (raw, reason) => {
    const r = parseIsbn(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('study plan', () => {
  it('reads months and forms as people write them', () => {
    expect(['2027-03', '2027/3', '2027年3月', '3月', '三月', '3'].map((t) => parsePlanMonth(t, 2027))).toEqual(Array(6).fill('2027-03'));
    expect(parsePlanMonth('十二月', 2027)).toBe('2027-12');
    expect(parsePlanMonth('13月', 2027)).toBeUndefined();
    expect(['读书交流', '专题报告', '红色教育', '集体学习'].map(parsePlanForm)).toEqual(['读书会', '讲座', '参观', '集中学习']);
    expect(parsePlanForm('郊游')).toBeUndefined();
  });

  const plan = (id: number, month: string, form: PlanMonth['form'] = '集中学习'): PlanMonth => ({ id, branchId: 1, month, theme: `主题${id}`, form, books: '' });

  it('rotates the co-host units in month order', () => {
    const r = rotateCohosts([plan(3, '2027-03'), plan(1, '2027-01'), plan(2, '2027-02'), plan(4, '2027-04')], ['甲', '乙', '丙']);
    expect([1, 2, 3, 4].map((id) => r.get(id))).toEqual(['甲', '乙', '丙', '甲']);
  });

  it('a month is a gap from the first day after it, open while it runs, held by a matching or linked session', () => {
    const plans = [plan(1, '2027-01'), plan(2, '2027-02', '读书会'), plan(3, '2027-03', '讲座'), plan(4, '2027-04')];
    const sessions = [
      { id: 10, branchId: 1, type: 'collective-study', date: '2027-01-15', topic: 'a' },
      { id: 11, branchId: 1, type: 'collective-study', date: '2027-02-10', topic: 'b' },
      { id: 12, branchId: 2, type: 'lecture', date: '2027-03-10', topic: 'other branch' },
    ];
    const at = (asOf: string, s = sessions) => planVsActual(plans, s, asOf).map((r) => r.status);
    expect(at('2027-02-28')).toEqual(['held', 'open', 'future', 'future']);
    expect(at('2027-03-01')).toEqual(['held', 'gap', 'open', 'future']);
    expect(at('2027-04-01')).toEqual(['held', 'gap', 'gap', 'open']);
    // Linked by hand, the February collective study carries out the February 读书会.
    const linked = planVsActual(plans, sessions.map((s) => (s.id === 11 ? { ...s, planId: 2 } : s)), '2027-03-01');
    expect(linked.map((r) => r.status)).toEqual(['held', 'held', 'open', 'future']);
    expect(linked[1]).toMatchObject({ linked: true, sessions: [{ id: 11 }] });
  });
});

describe('the written summary on the plan', () => {
  const row = (month: string, status: PlanReportRow['status'], branch = '一支部'): PlanReportRow => ({
    planId: 0, branch, month, theme: `${month}主题`, form: '集中学习', books: '', status, statusName: '', linked: false, sessions: [],
  });
  const report = (kind: string, rows: PlanReportRow[]): PeriodReport => {
    const count = (s: string) => rows.filter((x) => x.status === s).length;
    const plan: PlanReport = { rows, held: count('held'), gaps: count('gap'), open: count('open'), future: count('future') };
    return { period: { kind }, ...(rows.length ? { plan } : {}) } as unknown as PeriodReport;
  };

  it('counts the months and names those not held; says nothing without a plan', () => {
    expect(planSentence(report('year', [row('2026-01', 'held'), row('2026-02', 'gap'), row('2026-03', 'open'), row('2026-04', 'future')])))
      .toBe('年度学习计划安排4个月，已开展1个月，未开展1个月（2月“2026-02主题”），1个月正在进行，1个月尚未到期。');
    expect(planSentence(report('quarter', [row('2026-01', 'held'), row('2026-02', 'held'), row('2026-03', 'held')])))
      .toBe('年度学习计划中本季度安排3个月，已开展3个月。');
    expect(planSentence(report('year', [row('2026-01', 'gap'), row('2026-01', 'held', '二支部')])))
      .toBe('各支部年度学习计划安排2项月度学习，已开展1项，未开展1项（一支部1月“2026-01主题”）。');
    expect(planSentence(report('year', []))).toBe('');
  });
});
