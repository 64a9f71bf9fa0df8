// Finding a member from what the secretary typed: exact name, then pinyin initials (zs → 张三),
// then part of a name. Callers import this module lazily (pinyin-pro's dictionary is heavy).
import { pinyin } from 'pinyin-pro';
import type { Member } from './member.js';
import { nearestNames, sameWithoutDots } from './nameSuggest.js';
import { cleanName } from './text.js';

/** Pinyin initials of a name, reading surnames right (曾国庆 → zgq, 单雪梅 → sxm). */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}

export type MatchResult =
  | { kind: 'one'; member: Member }
  | { kind: 'none'; query: string; suggestions: Member[] }
  | { kind: 'many'; query: string; candidates: Member[] };

/** Resolves one typed name against the members given (already filtered to the branch/day wanted). */
export function matchMember(query: string, members: Member[]): MatchResult {
  const q = cleanName(query);
  const idq = /^#(\d+)$/.exec(q);
  if (idq) {
    const m = members.find((x) => x.id === Number(idq[1]));
    return m ? { kind: 'one', member: m } : { kind: 'none', query, suggestions: [] };
  }
  const pick = (list: Member[]): MatchResult | undefined =>
    list.length === 1 ? { kind: 'one', member: list[0]! } : list.length > 1 ? { kind: 'many', query, candidates: list } : undefined;
  const exact = pick(members.filter((m) => m.name === q));
  if (exact) return exact;
  // Typed without its 间隔号 (古丽娜尔艾买提): accepted when it is one person.
  const dotless = pick(sameWithoutDots(q, members));
  if (dotless) return dotless;
  if (/^[a-z]+$/i.test(q)) {
    const lower = q.toLowerCase();
    const byInitials = pick(members.filter((m) => nameInitials(m.name) === lower));
    if (byInitials) return byInitials;
    const byPrefix = pick(members.filter((m) => nameInitials(m.name).startsWith(lower)));
    if (byPrefix) return byPrefix;
  }
  const partial = pick(members.filter((m) => m.name.includes(q)));
  return partial ?? { kind: 'none', query, suggestions: nearestNames(q, members) };
}

/** Whether a member fits what is typed in a searchable list (name part or initials prefix). */
export function memberMatchesFilter(m: Member, typed: string): boolean {
  const t = typed.trim().toLowerCase();
  if (!t) return true;
  return m.name.includes(t) || nameInitials(m.name).startsWith(t);
}
