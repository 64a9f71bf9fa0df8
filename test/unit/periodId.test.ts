// Period ids → [start, end) ranges, including the ISO weeks at the year's edges.
import { describe, expect, it } from 'vitest';
import { isoWeekId, isoWeeksInYear, parsePeriodId } from '../../src/domain/periods.js';

describe('parsePeriodId', () => {
  it.each([
    ['2026', 'year', '2026', '2026-01-01', '2027-01-01'],
    ['2026-H1', 'half', '2026-H1', '2026-01-01', '2026-07-01'],
    ['2026h2', 'half', '2026-H2', '2026-07-01', '2027-01-01'],
    ['2026-Q1', 'quarter', '2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026Q1', 'quarter', '2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026-q4', 'quarter', '2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026-03', 'month', '2026-03', '2026-03-01', '2026-04-01'],
    ['2026-3', 'month', '2026-03', '2026-03-01', '2026-04-01'],
    ['2026-12', 'month', '2026-12', '2026-12-01', '2027-01-01'],
    ['2024-02', 'month', '2024-02', '2024-02-01', '2024-03-01'],
    ['2026-W01', 'week', '2026-W01', '2025-12-29', '2026-01-05'],
    ['2026-W10', 'week', '2026-W10', '2026-03-02', '2026-03-09'],
    ['2026W5', 'week', '2026-W05', '2026-01-26', '2026-02-02'],
    ['2026-W53', 'week', '2026-W53', '2026-12-28', '2027-01-04'],
    ['2027-W01', 'week', '2027-W01', '2027-01-04', '2027-01-11'],
    ['2020-W53', 'week', '2020-W53', '2020-12-28', '2021-01-04'],
    ['２０２６－Ｑ１', 'quarter', '2026-Q1', '2026-01-01', '2026-04-01'],
  ])('%s', (text, kind, id, start, end) => {
    expect(parsePeriodId(text)).toEqual({ id, kind, start, end });
  });

  it.each(['2026-Q5', '2026-H3', '2026-13', '2026-00', '2025-W53', '2026-W54', '2026-W00', 'Q1', '26', 'abc', ''])('rejects %s', (text) => {
    expect(parsePeriodId(text)).toBeUndefined();
  });

  it('counts ISO weeks: 2026 and 2020 have 53, 2025 and 2027 have 52', () => {
    expect([2020, 2025, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 52, 53, 52]);
  });

  it('names the ISO week of a day across the year boundary', () => {
    expect(isoWeekId('2025-12-29')).toBe('2026-W01');
    expect(isoWeekId('2027-01-03')).toBe('2026-W53');
    expect(isoWeekId('2027-01-04')).toBe('2027-W01');
    expect(isoWeekId('2026-03-10')).toBe('2026-W11');
    expect(isoWeekId('2021-01-03')).toBe('2020-W53');
  });
});
