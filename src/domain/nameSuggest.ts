// Names as people type them: a name without its 间隔号 (古丽娜尔艾买提 for 古丽娜尔·艾买提) and the
// nearest people to a one-character slip (张建化 → 是不是：张建华？). Pure and light (no pinyin), so every
// importer's name column can use it as well as the member resolver.
import { cleanName, nameWithoutDots } from './text.js';

/** Edit distance (insert, delete, replace one character) between two names, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** The people whose name is the typed one without (or with other) 间隔号; exact names are matched before this. */
export function sameWithoutDots<T extends { name: string }>(typed: string, people: T[]): T[] {
  const q = nameWithoutDots(typed);
  return q ? people.filter((p) => nameWithoutDots(p.name) === q) : [];
}

/** The nearest people to a name that matched nobody (at most `limit`, nearest first): one slip allowed
 * for names up to 4 characters, two for longer ones. */
export function nearestNames<T extends { name: string }>(typed: string, people: T[], limit = 3): T[] {
  const q = nameWithoutDots(typed);
  const len = [...q].length;
  if (len < 2) return [];
  const allowed = len > 4 ? 2 : 1;
  const seen = new Set<string>();
  return people
    .map((p) => ({ p, d: editDistance(q, nameWithoutDots(p.name)) }))
    .filter((x) => x.d > 0 && x.d <= allowed)
    .sort((a, b) => a.d - b.d || a.p.name.localeCompare(b.p.name, 'zh'))
    .filter((x) => !seen.has(x.p.name) && !!seen.add(x.p.name))
    .slice(0, limit)
    .map((x) => x.p);
}

/** “是不是：张建华？” (or several, 、-separated), or '' when there is nobody near. */
export function didYouMean(names: string[]): string {
  return names.length ? `是不是：${names.join('、')}？` : '';
}

/** Looks one typed name up among people by name: exact, then without 间隔号 when that is unique;
 * otherwise nobody (with the nearest names) or several. */
export function findByName<T extends { name: string }>(typed: string, people: T[]): { found: T[]; near: T[] } {
  const q = cleanName(typed);
  const exact = people.filter((p) => p.name === q);
  if (exact.length) return { found: exact, near: [] };
  const dotless = sameWithoutDots(q, people);
  if (dotless.length) return { found: dotless, near: [] };
  return { found: [], near: nearestNames(q, people) };
}
