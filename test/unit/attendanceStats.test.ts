// Attendance figures worked by hand: who was expected (on the roll that day), who came, the rates.
import { describe, expect, it } from 'vitest';
import { attendanceStats, formatRate } from '../../src/domain/attendanceStats.js';
import { parseStatusText } from '../../src/domain/attendanceStatus.js';
import { parseSessionType, sessionTypeName } from '../../src/domain/sessionTypes.js';

// Branch 1: A all year; B joins 03-01; C leaves 03-01 (03-01 is C's first day off). Branch 2: D.
const members = [
  { id: 1, branchId: 1 },
  { id: 2, branchId: 1, onRollFrom: '2026-03-01' },
  { id: 3, branchId: 1, onRollLeft: '2026-03-01' },
  { id: 4, branchId: 2 },
];
const sessions = [
  { id: 10, branchId: 1, date: '2026-02-10' }, // expected: A, C
  { id: 11, branchId: 1, date: '2026-03-01' }, // expected: A, B
  { id: 12, branchId: 1, date: '2026-03-20' }, // expected: A, B
  { id: 20, branchId: 2, date: '2026-03-05' }, // expected: D
];
const rows = [
  { sessionId: 10, memberId: 1, status: 'present' as const },
  { sessionId: 10, memberId: 3, status: 'excused' as const },
  { sessionId: 11, memberId: 1, status: 'late' as const },
  { sessionId: 11, memberId: 2, status: 'absent' as const },
  { sessionId: 11, memberId: 3, status: 'present' as const }, // C had left: not counted, shown as extra
  { sessionId: 12, memberId: 2, status: 'present' as const }, // A unmarked at 12
  { sessionId: 20, memberId: 4, status: 'excused' as const },
];

describe('attendanceStats', () => {
  const s = attendanceStats(sessions, members, rows);
  const bySession = Object.fromEntries(s.sessions.map((f) => [f.sessionId, f]));
  const byMember = Object.fromEntries(s.members.map((f) => [f.memberId, f]));

  it('per session: expected are the branch members on the roll that day', () => {
    expect(bySession[10]).toEqual({ sessionId: 10, expected: 2, attended: 1, present: 1, late: 0, excused: 1, absent: 0, unmarked: 0, rate: 0.5, extra: 0 });
    expect(bySession[11]).toEqual({ sessionId: 11, expected: 2, attended: 1, present: 0, late: 1, excused: 0, absent: 1, unmarked: 0, rate: 0.5, extra: 1 });
    expect(bySession[12]).toEqual({ sessionId: 12, expected: 2, attended: 1, present: 1, late: 0, excused: 0, absent: 0, unmarked: 1, rate: 0.5, extra: 0 });
    expect(bySession[20]).toMatchObject({ expected: 1, attended: 0, excused: 1, rate: 0 });
  });

  it('per member: only sessions held while on the roll count', () => {
    // A: expected 10, 11, 12; attended 10 (present), 11 (late); unmarked at 12 → 2/3.
    expect(byMember[1]).toMatchObject({ expected: 3, attended: 2, present: 1, late: 1, unmarked: 1, expectedSessionIds: [10, 11, 12], attendedSessionIds: [10, 11] });
    expect(byMember[1]!.rate).toBeCloseTo(2 / 3);
    // B joined 03-01: not expected at 10; absent at 11, present at 12 → 1/2.
    expect(byMember[2]).toMatchObject({ expected: 2, attended: 1, absent: 1, rate: 0.5, expectedSessionIds: [11, 12] });
    // C left 03-01: expected only at 10, excused → 0/1 (excused do not count by default).
    expect(byMember[3]).toMatchObject({ expected: 1, attended: 0, excused: 1, rate: 0 });
    expect(byMember[4]).toMatchObject({ expected: 1, excused: 1, rate: 0 });
  });

  it('totals are member-sessions', () => {
    expect(s.total).toEqual({ expected: 7, attended: 3, present: 2, late: 1, excused: 2, absent: 1, unmarked: 1, rate: 3 / 7 });
  });

  it('counts 请假 as attended when the rule set says so', () => {
    const t = attendanceStats(sessions, members, rows, { excusedCountsAsAttended: true });
    expect(t.members.find((m) => m.memberId === 3)!.rate).toBe(1);
    expect(t.total.rate).toBe(5 / 7);
  });

  it('a member with no sessions has rate null, shown as —', () => {
    const t = attendanceStats([], members, []);
    expect(t.members[0]!.rate).toBeNull();
    expect(formatRate(null)).toBe('—');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100.0%');
  });
});

describe('status words and session types', () => {
  it.each([
    ['出席', 'present', undefined], ['✓', 'present', undefined], ['√', 'present', undefined], ['迟', 'late', undefined],
    ['迟到', 'late', undefined], ['假', 'excused', undefined], ['请假', 'excused', undefined], ['病假', 'excused', '病假'],
    ['公假', 'excused', '公假'], ['事假', 'excused', '事假'], ['✗', 'absent', undefined], ['×', 'absent', undefined], ['缺席', 'absent', undefined],
  ])('%s', (text, status, kind) => {
    expect(parseStatusText(text)).toEqual(kind ? { status, excuseKind: kind } : { status });
  });
  it('rejects what it cannot read', () => {
    expect(parseStatusText('好')).toBeUndefined();
    expect(parseStatusText('2')).toBeUndefined();
  });
  it('专题报告 and 讲座 are one type; ids are accepted', () => {
    expect(parseSessionType('讲座')).toBe('lecture');
    expect(parseSessionType('专题报告')).toBe('lecture');
    expect(parseSessionType('专题报告/讲座')).toBe('lecture');
    expect(parseSessionType('品评')).toBe('assessment');
    expect(parseSessionType('red-base')).toBe('red-base');
    expect(parseSessionType('联欢')).toBeUndefined();
    expect(sessionTypeName('reading-exchange')).toBe('读书交流');
  });
});
