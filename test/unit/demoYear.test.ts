// The demo year: deterministic, nothing after the as-of date, nobody recorded while off the roll.
import { describe, expect, it } from 'vitest';
import { demoYear, type DemoPerson } from '../../src/domain/demoYear.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';

const calendar = createWorkCalendar();

const people: DemoPerson[] = [
  { id: 1, name: '王建国', post: '书记' },
  { id: 2, name: '李秀英', post: '副书记' },
  { id: 3, name: '欧阳晓峰', post: '组织委员' },
  ...Array.from({ length: 9 }, (_, i) => ({ id: 10 + i, name: `成员${i}` })),
  { id: 30, name: '宋佳', onRollFrom: '2026-07-01' },
  { id: 31, name: '唐磊', onRollLeft: '2026-03-01' },
];

describe('demoYear', () => {
  it('is the same every run', () => {
    expect(JSON.stringify(demoYear(people, 2026, '2026-11-22', calendar))).toBe(JSON.stringify(demoYear(people, 2026, '2026-11-22', calendar)));
  });

  it('holds a collective study every month up to the as-of date, and nothing on or after it', () => {
    const { sessions, items } = demoYear(people, 2026, '2026-06-15', calendar);
    const months = new Set(sessions.filter((s) => s.type === 'collective-study').map((s) => s.date.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const dates = [...sessions.map((s) => s.date), ...items.map((i) => String(i.values.date ?? i.values.finished ?? i.values.from))];
    expect(dates.every((d) => d < '2026-06-15')).toBe(true);
  });

  it('records nobody outside their time on the roll', () => {
    const { sessions, items } = demoYear(people, 2026, '2026-11-22', calendar);
    for (const s of sessions) {
      for (const a of s.attendance) {
        if (a.memberId === 30) expect(s.date >= '2026-07-01').toBe(true);
        if (a.memberId === 31) expect(s.date < '2026-03-01').toBe(true);
      }
    }
    const song = items.filter((i) => i.memberId === 30 && i.kind === 'self-study');
    expect(song.length).toBeGreaterThan(50);
    expect(song.every((i) => String(i.values.date) >= '2026-07-01')).toBe(true);
  });

  it('gives the committee research, with some leaders short of 60 days', () => {
    const { items } = demoYear(people, 2026, '2027-01-05', calendar);
    const days = (id: number) => items.filter((i) => i.memberId === id && i.kind === 'research').reduce((a, i) => a + Number(i.values.days), 0);
    expect(days(1)).toBeGreaterThanOrEqual(60);
    expect(days(3)).toBeLessThan(60);
  });
});
