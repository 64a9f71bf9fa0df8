// The one member resolver (issue 13): flags and prompts are loose (initials, parts of names), importers
// strict (a wrong person on a ledger is worse than a refusal); `#id` and `name#id` work in both.
import { describe, expect, it } from 'vitest';
import { missText, resolveMember, type MatchResult } from '../../src/domain/matchMember.js';
import type { Member } from '../../src/domain/member.js';

const m = (id: number, name: string, branch = '一支部'): Member => ({ id, branchId: 1, branch, name, leader: false, extra: {} });
const roll = [m(1, '张三'), m(2, '张三丰'), m(3, '李四'), m(4, '古丽娜尔·艾买提'), m(5, '王五'), m(6, '王五', '二支部')];
const who = (r: MatchResult) => (r.kind === 'one' ? r.member.id : r.kind);

describe('resolveMember', () => {
  it('exact name, 间隔号-less name, #id and name#id in both modes', () => {
    for (const strict of [false, true]) {
      expect(who(resolveMember('张三', roll, { strict }))).toBe(1);
      expect(who(resolveMember(' 李 四 ', roll, { strict }))).toBe(3);
      expect(who(resolveMember('古丽娜尔艾买提', roll, { strict }))).toBe(4);
      expect(who(resolveMember('#6', roll, { strict }))).toBe(6);
      expect(who(resolveMember('王五＃6', roll, { strict }))).toBe(6);
      expect(who(resolveMember('王五', roll, { strict }))).toBe('many');
    }
  });

  it('loose mode takes initials, an initials prefix and part of a name; strict mode refuses them', () => {
    expect(who(resolveMember('ls', roll))).toBe(3);
    expect(who(resolveMember('zsf', roll))).toBe(2);
    expect(who(resolveMember('三丰', roll))).toBe(2);
    expect(who(resolveMember('ls', roll, { strict: true }))).toBe('none');
    expect(who(resolveMember('三丰', roll, { strict: true }))).toBe('none');
  });

  it('an id that is nobody, or a name that is not that id’s, is nobody (and says it was an id)', () => {
    expect(resolveMember('#99', roll)).toMatchObject({ kind: 'none', byId: 99 });
    expect(resolveMember('李四#1', roll, { strict: true })).toMatchObject({ kind: 'none', byId: 1 });
  });

  it('the nearest names are suggested for a slip', () => {
    const r = resolveMember('李思', roll, { strict: true });
    expect(r.kind === 'none' && r.suggestions.map((x) => x.name)).toEqual(['李四']);
  });
});

describe('missText: one wording per place a name comes from', () => {
  const none = resolveMember('李思', roll, { strict: true }) as Exclude<MatchResult, { kind: 'one' }>;
  const many = resolveMember('王五', roll) as Exclude<MatchResult, { kind: 'one' }>;
  it('a flag', () => {
    expect(missText(none, { as: 'flag', flag: '--member' }).message).toBe('--member“李思”没有找到对应的人员。是不是：李四？');
    expect(missText(many, { as: 'flag', flag: '姓名' })).toEqual({
      message: '姓名“王五”对应了 2 个人，无法确定是哪一位：',
      hints: ['王五（一支部，编号 #5）', '王五（二支部，编号 #6）', '请写全名，或加 --branch 指定支部，或用编号（如 #12）指定。'],
    });
  });
  it('a ledger cell, a sign-in sheet, a prompt', () => {
    expect(missText(none, { as: 'ledger' }).message).toBe('姓名“李思”不在花名册中。是不是：李四？请核对姓名（须与花名册一致），或先用 shuxiang member add 添加此人');
    expect(missText(many, { as: 'ledger' }).message).toBe('花名册中有 2 个“王五”（一支部，编号 #5；二支部，编号 #6），请写成“王五#5”这样带编号的形式');
    expect(missText(resolveMember('#99', roll) as Exclude<MatchResult, { kind: 'one' }>, { as: 'ledger' }).message).toBe('“#99”：没有这个编号的人员（编号见 shuxiang member list）');
    expect(missText(none, { as: 'signin', date: '2026-03-10', branch: '一支部' }).message).toBe('“李思”不是 2026-03-10 一支部在册的人员。是不是：李四？');
    expect(missText(many, { as: 'prompt' }).message).toBe('“王五”对应多人：王五（一支部，#5）、王五（二支部，#6），请输入 #编号（如 #5）');
  });
});
