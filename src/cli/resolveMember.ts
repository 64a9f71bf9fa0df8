// Turns a typed name into one member, or a Chinese error that lists the candidates (src/domain/matchMember.ts
// does the matching and the wording).
import type { Member } from '../domain/member.js';
import { UserError } from '../shared/errors.js';
import { recordNumber } from './args/numbers.js';

/** One member from `query` among `members` (loose: initials and parts of names too); `flag` names where the
 * name was typed (for the error). */
export async function resolveMember(query: string, members: Member[], flag = '姓名'): Promise<Member> {
  // Loaded here, not at start-up: pinyin-pro's dictionary is heavy and `member list` does not need it.
  const { resolveMember: resolve, missText } = await import('../domain/matchMember.js');
  // A member number (#12, 张三#12) is range-checked like every number typed on the command line.
  const id = /#(\d+)$/.exec(query.normalize('NFKC').trim())?.[1];
  if (id !== undefined) recordNumber(id, query, `${flag}：人员编号`, '编号见 shuxiang member list。');
  const r = resolve(query, members);
  if (r.kind === 'one') return r.member;
  const t = missText(r, { as: 'flag', flag });
  throw new UserError(t.message, t.hints);
}
