// memberAsOf: the roster as it stood on a day (issue 14: reports of a past period).
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/member.js';
import { memberAsOf } from '../../src/domain/memberAsOf.js';

const m = (extra: Partial<Member>): Member => ({ id: 1, branchId: 1, branch: '一支部', name: '孙宣传', leader: false, extra: {}, ...extra });

describe('memberAsOf', () => {
  it('a leader from 07-01 is not on the committee, nor 宣传委员, on 03-31; is on 07-01', () => {
    const sun = m({ leader: true, leaderFrom: '2026-07-01', partyPost: '宣传委员', onRollFrom: '2025-09-01' });
    expect(memberAsOf(sun, '2026-03-31')).toEqual({ onRoll: true, rollStatus: '在册', leader: false, branch: '一支部', onRollFrom: '2025-09-01' });
    expect(memberAsOf(sun, '2026-07-01')).toMatchObject({ leader: true, partyPost: '宣传委员' });
  });

  it('a post that is not a committee post is shown whenever; a leader who stepped down loses the post', () => {
    expect(memberAsOf(m({ partyPost: '党小组长' }), '2026-03-31').partyPost).toBe('党小组长');
    const qian = m({ leader: true, leaderTo: '2026-10-01', partyPost: '组织委员' });
    expect(memberAsOf(qian, '2026-09-30')).toMatchObject({ leader: true, partyPost: '组织委员' });
    expect(memberAsOf(qian, '2026-12-31')).toMatchObject({ leader: false });
    expect(memberAsOf(qian, '2026-12-31').partyPost).toBeUndefined();
  });

  it('on-roll status and dates as known on the day', () => {
    const zhou = m({ onRollFrom: '2025-09-01', onRollLeft: '2026-09-01', leader: true, partyPost: '书记' });
    expect(memberAsOf(zhou, '2026-03-31')).toEqual({ onRoll: true, rollStatus: '在册', leader: true, partyPost: '书记', branch: '一支部', onRollFrom: '2025-09-01' });
    // left 09-01: on the Q3 ledger, 转出 with the date, and a committee member on his last day
    expect(memberAsOf(zhou, '2026-09-30')).toEqual({ onRoll: false, rollStatus: '2026-09-01 转出', leader: true, partyPost: '书记', branch: '一支部', onRollFrom: '2025-09-01', onRollLeft: '2026-09-01' });
    expect(memberAsOf(m({ onRollFrom: '2026-05-01' }), '2026-03-31')).toMatchObject({ onRoll: false, rollStatus: '2026-05-01 转入' });
  });
});
