// The organ's award for branches (书香支部, SPEC §6.7): a score per branch from its year — branch duties
// met, the share of its members meeting every 五坚持 rule, attendance, books per head — with weights and
// a cap from the rule set (`branchRanking`), each component shown so the order can be defended. Ties
// are broken by attendance rate, as for people (ranking.ts, whose component and awardee shapes this reuses).
import { awardees, type RankedMember, type ScoreComponent } from './ranking.js';
import type { BranchRankingSettings } from './ruleSet.js';

export type { BranchRankingSettings };

/** What a rule set without a `branchRanking` block uses: 100 points at most, reading 20 of them. */
export const DEFAULT_BRANCH_RANKING: BranchRankingSettings = {
  weights: { duties: 30, persists: 30, attendanceRate: 20, booksPerHead: 5 },
  caps: { booksPerHead: 4 },
  top: 3,
  award: '书香支部',
};

/** The figures of a branch's year the score is made of (see src/reports/branchComparison.ts). */
export interface BranchYearFigures {
  branchId: number;
  branch: string;
  members: number;
  /** Branch-duty periods met ÷ judged (met + gap); null when none was judged. */
  dutiesMet: number | null;
  /** Members with no ended gap in any rule for all members (五坚持) ÷ members; null with nobody. */
  persistsMet: number | null;
  attendanceRate: number | null;
  /** Books per head as shown (rounded to 2 decimals). */
  booksPerHead: number;
  /** Books finished and the per-head divisor (members on the roll some day of the year): books per head is
   * scored from them unrounded — 1 book among 3 is 5 × 1/3 = 1.67 points, not 5 × 0.33. */
  books: number;
  membersInPeriod: number;
}

/** One branch's place. */
export interface RankedBranch extends Omit<RankedMember, 'memberId' | 'name' | 'components'> {
  branchId: number;
  members: number;
  components: BranchComponent[];
}

/** A component: the ranking's shape, keyed by the branch components. */
export type BranchComponent = Omit<ScoreComponent, 'key'> & { key: keyof BranchRankingSettings['weights'] };

const COMPONENTS: { key: keyof BranchRankingSettings['weights']; label: string; unit: string }[] = [
  { key: 'duties', label: '支部职责完成率', unit: '' },
  { key: 'persists', label: '五坚持全部达标人员占比', unit: '' },
  { key: 'attendanceRate', label: '参加率', unit: '' },
  { key: 'booksPerHead', label: '人均读书', unit: '本' },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The components and total of one branch's year. */
export function branchScore(f: BranchYearFigures, s: BranchRankingSettings): { score: number; components: BranchComponent[] } {
  // Shown as the comparison rounds them; scored unrounded (the shares and the rate come unrounded).
  const value = { duties: f.dutiesMet, persists: f.persistsMet, attendanceRate: f.attendanceRate, booksPerHead: f.booksPerHead };
  const exact = { ...value, booksPerHead: f.membersInPeriod ? f.books / f.membersInPeriod : f.booksPerHead };
  const components = COMPONENTS.map(({ key, label, unit }): BranchComponent => {
    const v = exact[key] ?? 0;
    const cap = key === 'booksPerHead' ? s.caps.booksPerHead : undefined;
    const counted = cap !== undefined && v > cap ? cap : v;
    return { key, label, unit, value: value[key], counted, capped: counted < v, points: round2(counted * s.weights[key]) };
  });
  // The total of the unrounded points, rounded once (each component's points are shown rounded).
  return { score: round2(components.reduce((n, c) => n + c.counted * s.weights[c.key], 0)), components };
}

/** Every branch ranked: score, then attendance rate (none lowest), then name; equals share a rank. */
export function rankBranches(figures: BranchYearFigures[], s: BranchRankingSettings): RankedBranch[] {
  const rate = (x: number | null) => (x === null ? -1 : x);
  const rows = figures.map((f) => ({ f, ...branchScore(f, s) }))
    .sort((a, b) => b.score - a.score || rate(b.f.attendanceRate) - rate(a.f.attendanceRate) || a.f.branch.localeCompare(b.f.branch, 'zh-CN'));
  const out: RankedBranch[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const same = !!prev && prev.score === r.score && rate(prev.attendanceRate) === rate(r.f.attendanceRate);
    if (same) prev.tied = true;
    out.push({ branchId: r.f.branchId, branch: r.f.branch, members: r.f.members, rank: same ? prev.rank : i + 1, tied: same, score: r.score, attendanceRate: r.f.attendanceRate, components: r.components });
  });
  return out;
}

/** The awarded branches: the top `n` places with a score (everyone sharing the last place included). */
export function branchAwardees(ranked: RankedBranch[], n: number): RankedBranch[] {
  return awardees(ranked as unknown as RankedMember[], n) as unknown as RankedBranch[];
}

/** Checks a rule set's `branchRanking` block; errors go to `err`, in Chinese. */
export function checkBranchRanking(r: unknown, err: (m: string) => void): BranchRankingSettings | undefined {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(r)) return err('应为对象，如 {"weights": {"duties": 30, "persists": 30, "attendanceRate": 20, "booksPerHead": 5}, "top": 3}'), undefined;
  for (const k of Object.keys(r)) if (!['weights', 'caps', 'top', 'award', 'note'].includes(k)) err(`不认识的字段“${k}”，可用 weights/caps/top/award`);
  const weights = { ...DEFAULT_BRANCH_RANKING.weights };
  if (r.weights !== undefined) {
    if (!obj(r.weights)) err('字段 weights 应为对象');
    else for (const [k, v] of Object.entries(r.weights)) {
      if (!(k in weights)) err(`weights 中的“${k}”无效，可选 ${Object.keys(weights).join('/')}`);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) err(`weights.${k} 的取值“${JSON.stringify(v)}”无效，应为不小于 0 的数字`);
      else weights[k as keyof typeof weights] = v;
    }
  }
  const caps = { ...DEFAULT_BRANCH_RANKING.caps };
  if (r.caps !== undefined) {
    if (!obj(r.caps)) err('字段 caps 应为对象，如 {"booksPerHead": 4}');
    else for (const [k, v] of Object.entries(r.caps)) {
      if (k !== 'booksPerHead') err(`caps 中的“${k}”无效，可选 booksPerHead`);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) err(`caps.booksPerHead 的取值“${JSON.stringify(v)}”无效，应为不小于 0 的数字`);
      else caps.booksPerHead = v;
    }
  }
  if (r.top !== undefined && (!Number.isInteger(r.top) || (r.top as number) < 1)) err(`字段 top 的取值“${JSON.stringify(r.top)}”无效，应为正整数（表彰支部数）`);
  if (r.award !== undefined && (typeof r.award !== 'string' || !r.award.trim())) err(`字段 award 的取值“${JSON.stringify(r.award)}”无效，应为荣誉称号，如 "书香支部"`);
  return {
    weights, caps, top: (r.top as number | undefined) ?? DEFAULT_BRANCH_RANKING.top,
    award: typeof r.award === 'string' && r.award.trim() ? r.award.trim() : DEFAULT_BRANCH_RANKING.award,
  };
}
