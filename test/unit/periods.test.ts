// Period ids and ranges (SPEC §3.3), with the ISO-week and leap-year corners worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  addDaysIso, daysBetween, daysIn, isIsoDate, isoWeekday, isoWeeksInYear, overlapDays, parsePeriodId,
  periodContaining, periodRange, periodsInRange, periodsInYear, periodsToJudge, dayNumberOf, fromDayNumber, toDayNumber,
} from '../../src/domain/periods.js';

describe('parsePeriodId / periodRange', () => {
  it.each([
    // id typed, canonical id, start, end (exclusive)
    ['2026', '2026', '2026-01-01', '2027-01-01'],
    ['2026-H1', '2026-H1', '2026-01-01', '2026-07-01'],
    ['2026H1', '2026-H1', '2026-01-01', '2026-07-01'],
    ['2026-h2', '2026-H2', '2026-07-01', '2027-01-01'],
    ['2026-Q3', '2026-Q3', '2026-07-01', '2026-10-01'],
    ['2026Q1', '2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026-Q4', '2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026-03', '2026-03', '2026-03-01', '2026-04-01'],
    ['2026-3', '2026-03', '2026-03-01', '2026-04-01'],
    ['2026-12', '2026-12', '2026-12-01', '2027-01-01'],
    // 2026-01-01 is a Thursday, so W01 is the week Mon 2025-12-29 … Sun 2026-01-04.
    ['2026-W01', '2026-W01', '2025-12-29', '2026-01-05'],
    // W10 = W01 + 9 weeks: 2025-12-29 + 63 days = 2026-03-02 (Dec 29→31 is 3 days, Jan 31, Feb 28: 3+31+28 = 62 → Mar 2 is day 63).
    ['2026-W10', '2026-W10', '2026-03-02', '2026-03-09'],
    ['2026W10', '2026-W10', '2026-03-02', '2026-03-09'],
    // 2026 ends on a Thursday, so it has a week 53: Mon 2026-12-28 … Sun 2027-01-03.
    ['2026-W53', '2026-W53', '2026-12-28', '2027-01-04'],
    // Leap day: 2028-02 has 29 days.
    ['2028-02', '2028-02', '2028-02-01', '2028-03-01'],
    ['2026-03-05', '2026-03-05', '2026-03-05', '2026-03-06'],
    // The one parser also reads the compact month that `session list` and `log list` always took.
    ['202603', '2026-03', '2026-03-01', '2026-04-01'],
  ])('%s → %s [%s, %s)', (typed, id, start, end) => {
    expect(parsePeriodId(typed)).toMatchObject({ id, start, end });
    expect(periodRange(typed)).toEqual({ start, end });
  });

  it.each(['2026-13', '2026-Q5', '2026-H3', '2027-W53', '2026-W00', '26', '2026-02-30', 'abc', ''])('rejects %s', (bad) => {
    expect(parsePeriodId(bad)).toBeUndefined();
  });
});

describe('ISO weeks', () => {
  it.each([
    // a year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday
    [2020, 53], // 2020-01-01 Wednesday, leap year
    [2025, 52],
    [2026, 53], // 2026-01-01 Thursday
    [2027, 52],
    [2028, 52], // 2028-01-01 Saturday
  ])('%i has %i weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
    expect(periodsInYear('week', year)).toHaveLength(weeks);
  });

  it('the year 2026 judges W01 … W53, from 2025-12-29 to 2027-01-03', () => {
    const weeks = periodsInYear('week', 2026);
    expect(weeks[0]).toMatchObject({ id: '2026-W01', start: '2025-12-29' });
    expect(weeks[52]).toMatchObject({ id: '2026-W53', end: '2027-01-04' });
    expect(periodsInRange('week', { start: '2026-01-01', end: '2027-01-01' }).map((w) => w.id)).toEqual(weeks.map((w) => w.id));
  });

  it.each([
    ['2025-12-29', '2026-W01'], // Monday before New Year belongs to 2026
    ['2026-01-04', '2026-W01'],
    ['2026-01-05', '2026-W02'],
    ['2027-01-01', '2026-W53'], // Friday 1 Jan 2027 still belongs to 2026's last week
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, id) => {
    expect(periodContaining('week', date).id).toBe(id);
  });

  it('a year 2027 audit does not judge 2026-W53 again (weeks belong where their Thursday is)', () => {
    expect(periodsInRange('week', { start: '2027-01-01', end: '2028-01-01' })[0]!.id).toBe('2027-W01');
  });

  it('weeks of a month are those whose Thursday falls in it', () => {
    // March 2026: Thursdays 5, 12, 19, 26 → W10 (Mar 2–8) … W13 (Mar 23–29); W14 (Mar 30–Apr 5) has Thursday Apr 2.
    expect(periodsInRange('week', periodRange('2026-03')!).map((w) => w.id)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
  });
});

describe('containing, listing, counting', () => {
  it.each([
    ['month', '2028-02-29', '2028-02'],
    ['quarter', '2026-06-30', '2026-Q2'],
    ['quarter', '2026-10-01', '2026-Q4'],
    ['half', '2026-06-30', '2026-H1'],
    ['half', '2026-07-01', '2026-H2'],
    ['year', '2026-12-31', '2026'],
    ['day', '2028-02-29', '2028-02-29'],
  ] as const)('%s containing %s is %s', (kind, date, id) => {
    expect(periodContaining(kind, date).id).toBe(id);
  });

  it('lists the periods of a kind in a year', () => {
    expect(periodsInYear('month', 2026).map((p) => p.id)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(periodsInYear('quarter', 2026).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsInYear('half', 2026).map((p) => p.id)).toEqual(['2026-H1', '2026-H2']);
    expect(periodsInYear('day', 2028)).toHaveLength(366);
  });

  it('overlapping kinds: a quarter audit shows the year holding it', () => {
    expect(periodsInRange('year', periodRange('2026-Q3')!).map((p) => p.id)).toEqual(['2026']);
    expect(periodsInRange('month', periodRange('2026-Q3')!).map((p) => p.id)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it.each([
    ['2026', 365],
    ['2028', 366],
    ['2026-H1', 181], // 31+28+31+30+31+30
    ['2028-H1', 182], // leap February
    ['2026-H2', 184], // 31+31+30+31+30+31
    ['2026-Q1', 90],
    ['2028-02', 29],
    ['2026-W53', 7],
  ])('%s has %i days', (id, n) => {
    expect(daysIn(periodRange(id)!)).toBe(n);
  });

  it('day arithmetic', () => {
    expect(daysBetween('2026-07-01', '2027-01-01')).toBe(184);
    expect(daysBetween('2026-11-23', '2027-01-01')).toBe(39); // 8 days left in November + 31
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-02-14')).toBe(6); // Saturday
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(overlapDays({ start: '2026-01-01', end: '2026-03-15' }, periodRange('2026-03')!)).toBe(14);
  });
});

describe('periodsToJudge: the periods an audit judges', () => {
  const year2027 = { start: '2027-01-01', end: '2028-01-01' };
  it('the week running across New Year is judged in the new year while it is open (2026-W53: Mon 28 Dec – Sun 3 Jan)', () => {
    expect(periodsToJudge('week', year2027, '2027-01-02').map((p) => p.id)).toEqual(['2026-W53']);
    expect(periodsToJudge('week', year2027, '2027-01-03').map((p) => p.id)).toEqual(['2026-W53']);
    // Once it has ended it belongs to 2026 only; the new year's first week is 2027-W01 (Mon 4 Jan).
    expect(periodsToJudge('week', year2027, '2027-01-04').map((p) => p.id)).toEqual(['2027-W01']);
  });
  it('a month audit holds the open week that began in the month before (Fri 1 May 2026: week of Mon 27 April)', () => {
    expect(periodsToJudge('week', { start: '2026-05-01', end: '2026-06-01' }, '2026-05-01').map((p) => p.id)).toEqual(['2026-W18']);
    // The year's audit has it anyway, and only once.
    expect(periodsToJudge('week', { start: '2026-01-01', end: '2027-01-01' }, '2026-05-01').filter((p) => p.id === '2026-W18')).toHaveLength(1);
  });
  it('periods starting after the as-of date are not judged; other kinds nest and gain nothing', () => {
    expect(periodsToJudge('month', year2027, '2027-03-15').map((p) => p.id)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(periodsToJudge('year', year2027, '2027-01-02').map((p) => p.id)).toEqual(['2027']);
  });
});

describe('toDayNumber read digit by digit', () => {
  it('agrees with the substring reading and fromDayNumber on every day from 1900 to 2100, and on odd shapes', () => {
    const slow = (iso: string) => dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2100-12-31'); n++) {
      const iso = fromDayNumber(n);
      expect(toDayNumber(iso)).toBe(n);
      if (n % 97 === 0) expect(slow(iso)).toBe(n);
    }
    for (const odd of ['2026-0a-01', '2026-1-01', '2026/01/01', ' 2026-01-0']) expect(toDayNumber(odd)).toEqual(slow(odd));
  });
});

