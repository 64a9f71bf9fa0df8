// The one member resolver: finding a member from what someone typed or a sheet holds. Every way in uses it
// — flags, prompts, the name lists of checkin/session, and every importer (ledgers, sign-in sheets).
//   `#12` / `张三#12`  the member with that id (the name, when given, must be theirs);
//   exact name, then the name without (or with other) 间隔号 (古丽娜尔艾买提 → 古丽娜尔·艾买提);
//   loose mode only: pinyin initials (zs → 张三), an initials prefix, then part of a name.
// Importers are strict: on a ledger or a sign-in sheet a wrong person is worse than a refusal. The texts
// users read for "nobody" and "several" are here too, one per place a name comes from.
// Callers outside the importers load this module lazily (pinyin-pro's dictionary is heavy).
import { pinyin } from 'pinyin-pro';
import { maskIdCard } from './idcard.js';
import type { Member } from './member.js';
import { didYouMean, nearestNames, sameWithoutDots } from './nameSuggest.js';
import { cleanName } from './text.js';

/** Pinyin initials of a name, reading surnames right (曾国庆 → zgq, 单雪梅 → sxm). */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}

export type MatchResult =
  | { kind: 'one'; member: Member }
  /** `byId`: the query named an id (#12, 张三#12) that is nobody here. */
  | { kind: 'none'; query: string; suggestions: Member[]; byId?: number }
  | { kind: 'many'; query: string; candidates: Member[] };

export interface ResolveOptions {
  /** Only ids, exact names and 间隔号-less names (importers); otherwise initials and parts of names too. */
  strict?: boolean;
}

/** A resolver over `members` (already filtered to the branch/day wanted), indexed once for many lookups. */
export function memberResolver<M extends Member>(members: M[], opts: ResolveOptions = {}): (query: string) => MatchResult {
  const byName = new Map<string, M[]>();
  for (const m of members) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const byId = new Map(members.map((m) => [m.id, m]));
  return (query) => {
    const q = cleanName(query);
    const idq = /^(.*?)#(\d+)$/.exec(q);
    if (idq) {
      const hit = byId.get(Number(idq[2]));
      return hit && (!idq[1] || idq[1] === hit.name) ? { kind: 'one', member: hit } : { kind: 'none', query, suggestions: [], byId: Number(idq[2]) };
    }
    const pick = (list: Member[]): MatchResult | undefined =>
      list.length === 1 ? { kind: 'one', member: list[0]! } : list.length > 1 ? { kind: 'many', query, candidates: list } : undefined;
    const exact = pick(byName.get(q) ?? []);
    if (exact) return exact;
    // Typed without its 间隔号 (古丽娜尔艾买提): accepted when it is one person.
    const dotless = pick(sameWithoutDots(q, members));
    if (dotless) return dotless;
    if (!opts.strict) {
      if (/^[a-z]+$/i.test(q)) {
        const lower = q.toLowerCase();
        const byInitials = pick(members.filter((m) => nameInitials(m.name) === lower));
        if (byInitials) return byInitials;
        const byPrefix = pick(members.filter((m) => nameInitials(m.name).startsWith(lower)));
        if (byPrefix) return byPrefix;
      }
      const partial = pick(members.filter((m) => m.name.includes(q)));
      if (partial) return partial;
    }
    return { kind: 'none', query, suggestions: nearestNames(q, members) };
  };
}

/** Resolves one typed name against the members given (already filtered to the branch/day wanted). */
export function resolveMember(query: string, members: Member[], opts: ResolveOptions = {}): MatchResult {
  return memberResolver(members, opts)(query);
}

/** Whether a person fits what is typed in a searchable list (the sign-in picker): part of the name, or a
 * prefix of `initials` (their nameInitials, worked out once by the caller). */
export function fitsFilter(name: string, initials: string, typed: string): boolean {
  const t = typed.trim().toLowerCase();
  return !t || name.includes(t) || initials.startsWith(t);
}

/** Where the name came from, for the wording of a miss: a flag, a prompt, a ledger cell, a sign-in sheet's name cell. */
export type MissContext = { as: 'flag'; flag: string } | { as: 'prompt' } | { as: 'ledger' } | { as: 'signin'; date: string; branch: string };

/** What the user reads when a name resolved to nobody or to several: a message and the hints under it. */
export function missText(r: Exclude<MatchResult, { kind: 'one' }>, where: MissContext): { message: string; hints: string[] } {
  const q = r.query;
  if (where.as === 'prompt') {
    return r.kind === 'none'
      ? { message: `没有找到“${q}”`, hints: [] }
      : { message: `“${q}”对应多人：${r.candidates.map((m) => `${m.name}（${m.branch}${m.idCard ? `，身份证 ${maskIdCard(m.idCard)}` : ''}，#${m.id}）`).join('、')}，请${r.candidates.every((m) => m.name === q) ? '' : '写全名或'}输入 #编号（如 #${r.candidates[0]!.id}）`, hints: [] };
  }
  if (where.as === 'signin') {
    return r.kind === 'none'
      ? { message: `“${q}”不是 ${where.date} ${where.branch}在册的人员。${didYouMean(r.suggestions.map((m) => m.name))}`, hints: [] }
      : { message: `在册人员中有 ${r.candidates.length} 个“${q}”，请用 shuxiang sheet 生成的表（带人员编号）来区分。`, hints: [] };
  }
  if (where.as === 'ledger') {
    if (r.kind === 'none' && r.byId !== undefined) return { message: `“${q}”：没有这个编号的人员（编号见 shuxiang member list）`, hints: [] };
    if (r.kind === 'none') {
      const guess = didYouMean(r.suggestions.map((x) => x.name));
      return { message: `姓名“${q}”不在花名册中${guess ? `。${guess}` : '，'}请核对姓名（须与花名册一致），或先用 shuxiang member add 添加此人`, hints: [] };
    }
    return { message: `花名册中有 ${r.candidates.length} 个“${q}”（${r.candidates.map((x) => `${x.branch}，编号 #${x.id}`).join('；')}），请写成“${q}#${r.candidates[0]!.id}”这样带编号的形式`, hints: [] };
  }
  if (r.kind === 'none') {
    return {
      message: `${where.flag}“${q}”没有找到对应的人员。${didYouMean(r.suggestions.map((m) => m.name))}`,
      hints: ['请检查姓名是否写错，或用 shuxiang member list 查看名单；也可以输入拼音首字母（如 zs 表示张三）。'],
    };
  }
  return {
    message: `${where.flag}“${q}”对应了 ${r.candidates.length} 个人，无法确定是哪一位：`,
    hints: [
      ...r.candidates.map((m) => `${m.name}（${m.branch}${m.idCard ? `，身份证 ${maskIdCard(m.idCard)}` : ''}，编号 #${m.id}）`),
      '请写全名，或加 --branch 指定支部，或用编号（如 #12）指定。',
    ],
  };
}
