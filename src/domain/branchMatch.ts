// Branches are managed, not created by typos: a typed branch name is found exactly (spaces and
// full-width forms aside), or it is an error naming the nearest existing branches. Only --new-branch,
// `branch add` and a roster's 所在支部 column create one.
import { editDistance } from './nameSuggest.js';
import { cleanText } from './text.js';

/** A branch name as compared: no spaces, full-width forms folded (机关 第一党支部 = 机关第一党支部). */
export function branchKey(name: string): string {
  return cleanText(name).replace(/\s/g, '');
}

/** A branch name as stored when created: outer and doubled spaces dropped, otherwise as typed. */
export function branchName(typed: string): string {
  return typed.replace(/[\s\u3000]+/g, ' ').trim();
}

export type BranchMatch<B> = { kind: 'one'; branch: B } | { kind: 'none'; suggestions: B[] };

/** The branch a typed name means, or the nearest ones (one name contained in the other, or a few
 * characters apart) to suggest. */
export function matchBranch<B extends { name: string }>(typed: string, branches: B[]): BranchMatch<B> {
  const q = branchKey(typed);
  const hit = branches.find((b) => branchKey(b.name) === q);
  if (hit) return { kind: 'one', branch: hit };
  const allowed = Math.max(2, Math.floor([...q].length / 3));
  const scored = branches
    .map((b) => {
      const k = branchKey(b.name);
      const d = editDistance(q, k);
      return { b, d: q && (k.includes(q) || q.includes(k)) ? Math.min(d, 1) : d };
    })
    .filter((x) => x.d <= allowed)
    .sort((a, b) => a.d - b.d || a.b.name.localeCompare(b.b.name, 'zh'));
  // Only the nearest: 机关第一支部 suggests 机关第一党支部, not also 机关第二党支部 one more slip away.
  const best = scored[0]?.d;
  return { kind: 'none', suggestions: scored.filter((x) => x.d === best).slice(0, 3).map((x) => x.b) };
}

/** The error text for a branch that does not exist: what was typed, the nearest names, how to go on. */
export function unknownBranchText(flag: string, typed: string, suggestions: { name: string }[], all: { name: string }[], canCreate: boolean): { message: string; hints: string[] } {
  const near = suggestions.length ? `是不是：${suggestions.map((b) => b.name).join('、')}？` : '';
  return {
    message: `${flag}：没有名为“${typed}”的支部。${near}`,
    hints: [
      all.length ? `现有支部：${all.map((b) => b.name).join('、')}（shuxiang branch list）` : '数据库中还没有支部：请先运行 shuxiang init，或导入花名册。',
      canCreate ? `确实要新建支部“${branchName(typed)}”时，请加 --new-branch（或先运行 shuxiang branch add ${branchName(typed)}）。` : `新建支部请用 shuxiang branch add ${branchName(typed)}。`,
    ],
  };
}
