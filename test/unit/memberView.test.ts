// How a member's intervals read in words, and what leaves the program masked.
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/member.js';
import { dayBefore, leaderAsOf, leaderText, memberToJson, onRollText, rollStatusCell } from '../../src/domain/memberView.js';

const base: Member = { id: 1, branchId: 1, branch: '一支部', name: '张三', leader: false, extra: {} };
const m = (p: Partial<Member>): Member => ({ ...base, ...p });
const TODAY = '2026-11-22';

describe('memberView', () => {
  it('dayBefore crosses months and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });

  it.each([
    [{}, '在册（没有转入日期，视为一直在册）', '在册'],
    [{ onRollFrom: '2025-01-01' }, '自 2025-01-01 起在册', '在册'],
    [{ onRollFrom: '2026-12-01' }, '将于 2026-12-01 转入（目前尚未在册）', '2026-12-01 转入'],
    [{ onRollFrom: '2025-01-01', onRollLeft: '2026-03-01' }, '2025-01-01 至 2026-02-28 在册，2026-03-01 转出', '2026-03-01 转出'],
    [{ onRollLeft: '2027-01-01' }, '在册至 2026-12-31，将于 2027-01-01 转出', '在册'],
  ] as [Partial<Member>, string, string][])('on-roll %j', (p, words, cell) => {
    expect(onRollText(m(p), TODAY)).toBe(words);
    expect(rollStatusCell(m(p), TODAY)).toBe(cell);
  });

  it.each([
    [{}, '否', false],
    [{ leader: true, partyPost: '书记' }, '是（书记），任职期间与在册期间相同', true],
    [{ leader: true, leaderFrom: '2026-07-01' }, '是，自 2026-07-01 起', true],
    [{ leader: true, leaderFrom: '2026-12-01' }, '将于 2026-12-01 起任班子成员', false],
    [{ leader: true, leaderFrom: '2026-01-01', leaderTo: '2026-10-01' }, '曾任，2026-01-01 至 2026-09-30', false],
    [{ leader: true, onRollFrom: '2025-01-01', onRollLeft: '2026-03-01', leaderTo: '2026-03-01' }, '曾任，2025-01-01 至 2026-02-28', true],
  ] as [Partial<Member>, string, boolean][])('leader %j', (p, words, asOf) => {
    expect(leaderText(m(p), TODAY)).toBe(words);
    expect(leaderAsOf(m(p), TODAY)).toBe(asOf);
  });

  it('masks phone and ID unless revealed', () => {
    const p = m({ phone: '13812345678', idCard: '11010519491231002X' });
    expect(memberToJson(p, false)).toMatchObject({ phone: '138****5678', idCard: '110105********002X', gender: null });
    expect(memberToJson(p, true)).toMatchObject({ phone: '13812345678', idCard: '11010519491231002X' });
  });
});

describe('earlier terms (memberTerms)', () => {
  // Left on 2026-04-01, back on 2026-10-01; on the committee until 2026-04-01, appointed again from 2026-11-01.
  const back = m({
    onRollFrom: '2026-10-01', leader: true, leaderFrom: '2026-11-01',
    history: [{ kind: 'roll', branch: '一支部', from: '2025-01-01', to: '2026-04-01' }, { kind: 'leader', from: '2025-01-01', to: '2026-04-01' }],
  });
  it('the roster cell reads 在册 in either spell and 转出 between them', () => {
    expect(rollStatusCell(back, '2026-03-31')).toBe('在册');
    expect(rollStatusCell(back, '2026-06-01')).toBe('2026-04-01 转出');
    expect(rollStatusCell(back, '2026-10-05')).toBe('在册');
  });
  it('a committee member in either post, not between them', () => {
    expect(leaderAsOf(back, '2026-02-01')).toBe(true);
    expect(leaderAsOf(back, '2026-10-15')).toBe(false);
    expect(leaderAsOf(back, '2026-11-15')).toBe(true);
  });
  it('a spell on another branch\'s roll does not put them on this one', () => {
    const moved = m({ onRollFrom: '2026-07-01', history: [{ kind: 'roll', branch: '二支部', from: '2025-01-01', to: '2026-07-01' }] });
    expect(rollStatusCell(moved, '2026-03-01')).toBe('2026-07-01 转入');
  });
});
