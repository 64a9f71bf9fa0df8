// The official working-day calendar: 调休 make-up Saturdays, holidays, the Mon–Fri fallback and overrides;
// the guarded read of the package's data file, and the ready-made overrides file for a year it lacks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/domain/periods.js';
import { validateOverrides } from '../../src/domain/workdays.js';
import { CALENDAR_DATA, createWorkCalendar, loadOfficialCalendar } from '../../src/io/officialCalendar.js';
import { UserError } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/cli.js';

const { isWorkingDay, workingDaysIn } = createWorkCalendar();

describe('official calendar (chinese-days data)', () => {
  it.each([
    ['2026-02-14', true], // Saturday, 春节 make-up day
    ['2026-02-28', true], // Saturday, 春节 make-up day
    ['2026-10-10', true], // Saturday, 国庆 make-up day
    ['2026-01-04', true], // Sunday, 元旦 make-up day
    ['2026-10-01', false], // 国庆节
    ['2026-02-16', false], // Monday in 春节
    ['2026-03-02', true], // ordinary Monday
    ['2026-03-07', false], // ordinary Saturday
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('counts February 2026 by hand: 16 working days', () => {
    // Feb 2026 starts on a Sunday: 4 full weeks → 20 weekdays. 春节 15–23 Feb takes the weekdays
    // 16, 17, 18, 19, 20, 23 (6). Make-up Saturdays 14 and 28 Feb add 2. 20 − 6 + 2 = 16.
    expect(workingDaysIn('2026-02-01', '2026-03-01')).toBe(16);
  });

  it('counts October 2026 by hand: 18 working days', () => {
    // Oct 2026 starts on a Thursday: weekdays 1–2, 5–9, 12–16, 19–23, 26–30 = 22. 国庆 1–7 Oct takes
    // the weekdays 1, 2, 5, 6, 7 (5). Make-up Saturday 10 Oct adds 1. 22 − 5 + 1 = 18.
    expect(workingDaysIn('2026-10-01', '2026-11-01')).toBe(18);
  });

  it('gives the same answers west of UTC (the package functions shift a day there)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const cal = createWorkCalendar();
      expect(['2026-01-05', '2026-02-14', '2026-10-01'].map(cal.isWorkingDay)).toEqual([true, true, false]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('years the data does not know', () => {
  const cal = createWorkCalendar();

  it('2026 is covered, 2027 falls back to Monday–Friday and says so', () => {
    expect(cal.isYearCovered(2026)).toBe(true);
    expect(cal.isYearCovered(2027)).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday; the real 元旦 is unknown here
    // January 2027 starts on a Friday: weekdays 1, 4–8, 11–15, 18–22, 25–29 = 1 + 20 = 21.
    expect(cal.workingDaysIn('2027-01-01', '2027-02-01')).toBe(21);
    expect(cal.calendarNote({ start: '2027-01-01', end: '2028-01-01' })).toBe(
      '2027 年的法定节假日数据未收录，按周一至周五计算工作日；国务院公布安排后，可写一个调整文件并用 shuxiang rules calendar 启用（格式见该命令的 --help）',
    );
    expect(cal.calendarNote({ start: '2026-01-01', end: '2027-01-01' })).toBeUndefined();
    expect(cal.uncoveredYears({ start: '2026-06-01', end: '2029-01-01' })).toEqual([2027, 2028]);
  });

  it('leap year 2028 falls back to Mon–Fri: February has 21 working days', () => {
    // 2028-02-01 is a Tuesday; 29 days = 4 weeks (20 weekdays) + Tue 29 Feb → 21.
    expect(cal.workingDaysIn('2028-02-01', '2028-03-01')).toBe(21);
  });
});

describe('user overrides', () => {
  it('declares 2027 holidays and make-up days, and then the year counts as covered', () => {
    const cal = createWorkCalendar({ holidays: ['2027-01-01'], workdays: ['2027-01-09'] });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-09')).toBe(true); // a Saturday
    // 21 (see above) − 1 (元旦) + 1 (Saturday 9 Jan) = 21.
    expect(cal.workingDaysIn('2027-01-01', '2027-02-01')).toBe(21);
    expect(cal.isYearCovered(2027)).toBe(true);
    expect(cal.calendarNote({ start: '2027-01-01', end: '2028-01-01' })).toBeUndefined();
  });

  it('overrides win over the package data', () => {
    const cal = createWorkCalendar({ holidays: ['2026-03-02'], workdays: ['2026-10-01'] });
    expect(cal.isWorkingDay('2026-03-02')).toBe(false);
    expect(cal.isWorkingDay('2026-10-01')).toBe(true);
  });

  it('validates an overrides file and names every bad entry', () => {
    expect(validateOverrides({ holidays: ['2027-01-01'] }, 'overrides.json')).toEqual({ ok: true, value: { holidays: ['2027-01-01'] } });
    const r = validateOverrides({ holidays: ['2027-1-1', '2027-02-30', '2027-05-01'], workdays: '2027-01-09', holiday: [] }, 'overrides.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'overrides.json：不认识的字段“holiday”，只能有 说明、holidays（放假）和 workdays（上班）',
      'overrides.json：holidays 第 1 项“2027-1-1”不是 YYYY-MM-DD 格式的日期',
      'overrides.json：holidays 第 2 项“2027-02-30”不是 YYYY-MM-DD 格式的日期',
      'overrides.json：字段 workdays 应为日期列表，如 ["2027-01-01"]',
    ]);
    const both = validateOverrides({ holidays: ['2027-01-01'], workdays: ['2027-01-01'] }, 'o.json');
    expect(!both.ok && both.errors).toEqual(['o.json：2027-01-01 同时列在 holidays 和 workdays 中，请只保留一处']);
    expect(validateOverrides([], 'o.json').ok).toBe(false);
  });
});

describe('the package data file (a deep import, guarded)', () => {
  it('reads chinese-days\' JSON and covers 2026', () => {
    const data = loadOfficialCalendar();
    expect(data.holidays['2026-10-01']).toBeDefined();
    expect(data.workdays['2026-02-14']).toBeDefined();
  });

  it('a data file that is not where 1.5.7 keeps it says so in Chinese and how to repair it', () => {
    expect(CALENDAR_DATA).toBe('chinese-days/dist/chinese-days.json');
    const missing = () => loadOfficialCalendar('chinese-days/dist/moved-away.json');
    expect(missing).toThrow(UserError);
    expect(missing).toThrow('无法读取工作日日历数据（chinese-days/dist/chinese-days.json）：数据包里没有这个文件。');
    try {
      missing();
    } catch (e) {
      expect((e as UserError).details.join('\n')).toContain('npm ci');
    }
  });

  it('a data file of another shape is refused the same way, not half-read', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'other.json');
      writeFileSync(file, JSON.stringify({ data: [{ date: '2026-10-01', type: 'holiday' }] }));
      expect(() => loadOfficialCalendar(file)).toThrow('文件格式与预期不同（应含按日期排列的 holidays 和 workdays）');
    } finally {
      cleanup();
    }
  });
});

describe('the ready-made overrides file for a year the package does not know', () => {
  it('templates/calendar/example-2027.json is valid, says it is an example, and covers 2027', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'calendar', 'example-2027.json'), 'utf8'));
    const r = validateOverrides(json, 'example-2027.json');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.说明).toMatch(/^示例：.*不是官方安排/);
    const cal = createWorkCalendar(r.value);
    expect(cal.isYearCovered(2027)).toBe(true);
    expect(cal.isWorkingDay('2027-10-01')).toBe(false);
    expect(cal.isWorkingDay('2027-10-09')).toBe(true); // a Saturday made a working day
    // Every make-up day is a weekend day, and every listed date is in 2027.
    expect(r.value.workdays!.every((d) => [6, 7].includes(isoWeekday(d)))).toBe(true);
    expect([...r.value.holidays!, ...r.value.workdays!].every((d) => d.startsWith('2027-'))).toBe(true);
  });

  it('说明 must be text', () => {
    const r = validateOverrides({ 说明: 2027, holidays: [] }, 'o.json');
    expect(!r.ok && r.errors).toEqual(['o.json：字段 说明 应为一段文字，如 "据国务院办公厅关于 2027 年部分节假日安排的通知"']);
  });
});
