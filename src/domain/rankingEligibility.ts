// Who may be awarded (SPEC §6.6): the rule set's minimums — by default no 未达标 (ended period short) in
// any rule every member is held to (the 五坚持), at least one book and one article in the year. The
// awardees are the top N of those who qualify; each gets the reason it was chosen, each one left out the
// reason why. Plain data in and out, for ranking people now and branches later.
import type { RankedMember } from './ranking.js';
import type { RankingMinimums } from './ruleSet.js';

/** The minimums a rule set without its own uses. */
export const DEFAULT_MINIMUMS: RankingMinimums = { noGapIn: 'members', books: 1, writings: 1 };

/** One member's ended gaps in the rules the minimums name: rule title → periods short. */
export type GapsByRule = Map<number, Map<string, number>>;

/** Why someone does not qualify (empty: qualifies). */
export function shortOfMinimums(m: RankedMember, gaps: Map<string, number> | undefined, min: RankingMinimums): string[] {
  const value = (k: string) => m.components.find((c) => c.key === k)?.value ?? 0;
  const out: string[] = [];
  if (min.noGapIn !== 'none' && gaps?.size) out.push(`${[...gaps.keys()].map((t) => `“${t}”`).join('')}未达标`);
  if (value('books') < min.books) out.push(min.books === 1 ? '全年没有读完的书' : `读书不足${min.books}本`);
  if (value('writings') < min.writings) out.push(min.writings === 1 ? '全年没有心得文章' : `心得文章不足${min.writings}篇`);
  return out;
}

/** The rules `noGapIn` holds an awardee to, in words: 各项学习要求 (every rule for all members), the titles
 * of the rules listed (`titles`, by id; the id where a title is missing), or undefined for none. */
function noGapRules(min: RankingMinimums, titles?: ReadonlyMap<string, string>): string | undefined {
  if (min.noGapIn === 'none') return undefined;
  if (min.noGapIn === 'members') return '各项学习要求';
  return min.noGapIn.map((id) => `“${titles?.get(id) ?? id}”`).join('');
}

/** The conditions the rule set's minimums really set, each as a phrase for the award decision
 * (各项学习要求全年达标 / 读书和撰写心得文章均有成果 / 读书不少于3本); empty when it sets none. */
export function minimumsConditions(min: RankingMinimums, titles?: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const rules = noGapRules(min, titles);
  if (rules) out.push(`${rules}全年达标`);
  if (min.books === 1 && min.writings === 1) out.push('读书和撰写心得文章均有成果');
  else {
    if (min.books > 0) out.push(min.books === 1 ? '有读完的书' : `读书不少于${min.books}本`);
    if (min.writings > 0) out.push(min.writings === 1 ? '撰写了心得文章' : `撰写心得文章不少于${min.writings}篇`);
  }
  return out;
}

/** Why an awardee was chosen (beside its rank and score): 读书9本、心得文章5篇，参加率100%，各项学习要求均已达标. */
export function awardReason(m: RankedMember, min: RankingMinimums, titles?: ReadonlyMap<string, string>): string {
  const c = (k: string) => m.components.find((x) => x.key === k);
  const rate = c('attendanceRate')?.value;
  const parts = [
    `读书${c('books')?.value ?? 0}本、心得文章${c('writings')?.value ?? 0}篇`,
    ...(rate !== null && rate !== undefined ? [`参加率${Math.round(rate * 1000) / 10}%`] : []),
  ];
  const rules = noGapRules(min, titles);
  return `${parts.join('，')}${rules ? `，${rules}均已达标` : ''}`;
}

/** The top `n` places among those who qualify (everyone sharing the last place included), with reasons. */
export function pickAwardees(ranked: RankedMember[], n: number, gaps: GapsByRule, min: RankingMinimums, titles?: ReadonlyMap<string, string>): { awardees: (RankedMember & { reason: string })[]; leftOut: { name: string; rank: number; why: string[] }[] } {
  const qualified: RankedMember[] = [];
  const leftOut: { name: string; rank: number; why: string[] }[] = [];
  for (const m of ranked) {
    const why = shortOfMinimums(m, gaps.get(m.memberId), min);
    if (why.length) leftOut.push({ name: m.name, rank: m.rank, why });
    else if (m.score > 0) qualified.push(m);
  }
  const last = qualified[n - 1];
  const chosen = last ? qualified.filter((m) => m.score > last.score || (m.score === last.score && (m.attendanceRate ?? -1) >= (last.attendanceRate ?? -1))) : qualified;
  return { awardees: chosen.map((m) => ({ ...m, reason: awardReason(m, min, titles) })), leftOut };
}
