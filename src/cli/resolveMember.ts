// Turns a typed name into one member, or a Chinese error that lists the candidates.
import type { Member } from '../domain/member.js';
import { maskIdCard } from '../domain/idcard.js';
import { UserError } from '../shared/errors.js';

/** One member from `query` among `members`; `flag` names where the name was typed (for the error). */
export async function resolveMember(query: string, members: Member[], flag = '姓名'): Promise<Member> {
  const { matchMember } = await import('../domain/matchMember.js');
  const r = matchMember(query, members);
  if (r.kind === 'one') return r.member;
  if (r.kind === 'none') {
    const { didYouMean } = await import('../domain/nameSuggest.js');
    const near = didYouMean(r.suggestions.map((m) => m.name));
    throw new UserError(`${flag}“${query}”没有找到对应的人员。${near}`, [
      '请检查姓名是否写错，或用 shuxiang member list 查看名单；也可以输入拼音首字母（如 zs 表示张三）。',
    ]);
  }
  throw new UserError(`${flag}“${query}”对应了 ${r.candidates.length} 个人，无法确定是哪一位：`, [
    ...r.candidates.map((m) => `${m.name}（${m.branch}${m.idCard ? `，身份证 ${maskIdCard(m.idCard)}` : ''}，编号 #${m.id}）`),
    '请写全名，或加 --branch 指定支部，或用编号（如 #12）指定。',
  ]);
}
