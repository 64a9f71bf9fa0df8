// The year-end ranking (年终评比, SPEC §6.6): a score per member from the year's figures, with the rule
// set's weights and per-item caps, every component shown so the order can be defended; ties in score
// are broken by attendance rate, and members equal in both share a rank.
import type { MemberYearFigures } from './rankingFigures.js';
import type { Ranking, RankingCapKey, RankingWeights } from './ruleSet.js';

/** One component of a score: what was counted, what the cap let through, and the points. */
export interface ScoreComponent {
  key: keyof RankingWeights;
  label: string;
  unit: string;
  /** The raw figure (books read, hours, rate 0–1, average score…). */
  value: number | null;
  /** The figure after the cap. */
  counted: number;
  capped: boolean;
  points: number;
}

/** One member's place in the ranking. */
export interface RankedMember {
  memberId: number;
  name: string;
  branch: string;
  rank: number;
  /** Shares the rank with someone equal in score and attendance rate. */
  tied: boolean;
  score: number;
  attendanceRate: number | null;
  components: ScoreComponent[];
}

/** Labels of the components, in table order. */
export const COMPONENTS: { key: keyof RankingWeights; label: string; unit: string }[] = [
  { key: 'books', label: '读书', unit: '本' },
  { key: 'writings', label: '心得文章', unit: '篇' },
  { key: 'writingChars', label: '文章字数', unit: '千字' },
  { key: 'attendanceRate', label: '参加率', unit: '' },
  { key: 'studyHours', label: '自学', unit: '学时' },
  { key: 'talks', label: '宣讲', unit: '次' },
  { key: 'researchDays', label: '调研', unit: '天' },
  { key: 'assessmentScore', label: '测试均分', unit: '分' },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The figure as shown: 字数 in 千字 to one decimal. */
function rawValue(f: MemberYearFigures, key: keyof RankingWeights): number | null {
  switch (key) {
    case 'attendanceRate': return f.attendanceRate;
    case 'assessmentScore': return f.examAverage;
    case 'writingChars': return Math.round(f.writingChars / 100) / 10;
    default: return f[key];
  }
}

/** The figure as scored (and held against its cap): unrounded — 1,550 字 is 1.55 千字, not the 1.6 shown. */
function scoredValue(f: MemberYearFigures, key: keyof RankingWeights): number | null {
  return key === 'writingChars' ? f.writingChars / 1000 : rawValue(f, key);
}

/** The components and total of one member's year. */
export function scoreOf(f: MemberYearFigures, ranking: Ranking): { score: number; components: ScoreComponent[] } {
  const components = COMPONENTS.map(({ key, label, unit }): ScoreComponent => {
    const value = rawValue(f, key);
    const cap = ranking.caps[key as RankingCapKey];
    const v = scoredValue(f, key) ?? 0;
    const counted = cap !== undefined && v > cap ? cap : v;
    return { key, label, unit, value, counted, capped: counted < v, points: round2(counted * ranking.weights[key]) };
  });
  // The total of the unrounded points, rounded once (each component's points are shown rounded).
  return { score: round2(components.reduce((s, c) => s + c.counted * ranking.weights[c.key], 0)), components };
}

/** Everyone ranked: score, then attendance rate (none counts lowest), then name; equals share a rank. */
export function rankMembers(figures: MemberYearFigures[], people: Map<number, { name: string; branch: string }>, ranking: Ranking): RankedMember[] {
  const rows = figures.map((f) => ({ f, ...scoreOf(f, ranking), who: people.get(f.memberId)! }));
  const rate = (x: number | null) => (x === null ? -1 : x);
  rows.sort((a, b) => b.score - a.score || rate(b.f.attendanceRate) - rate(a.f.attendanceRate) || a.who.name.localeCompare(b.who.name, 'zh-CN') || a.f.memberId - b.f.memberId);
  const out: RankedMember[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const same = !!prev && prev.score === r.score && rate(prev.attendanceRate) === rate(r.f.attendanceRate);
    const rank = same ? prev.rank : i + 1;
    if (same) prev.tied = true;
    out.push({ memberId: r.f.memberId, name: r.who.name, branch: r.who.branch, rank, tied: same, score: r.score, attendanceRate: r.f.attendanceRate, components: r.components });
  });
  return out;
}

/** The awardees: the top `n` places (everyone sharing the last place is included). */
export function awardees(ranked: RankedMember[], n: number): RankedMember[] {
  return ranked.filter((r) => r.rank <= n && r.score > 0);
}
