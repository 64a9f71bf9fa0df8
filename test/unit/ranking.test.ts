// The year-end ranking, pure: components and caps, weights that change the order, ties broken by
// attendance rate and shared ranks; and the rule set's ranking section (defaults, validation).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awardees, rankMembers, scoreOf } from '../../src/domain/ranking.js';
import type { MemberYearFigures } from '../../src/domain/rankingFigures.js';
import { DEFAULT_RANKING, type Ranking } from '../../src/domain/ruleSet.js';
import { validateRuleSet } from '../../src/domain/ruleSetValidate.js';

const fig = (memberId: number, f: Partial<MemberYearFigures>): MemberYearFigures => ({
  memberId, books: 0, writings: 0, writingChars: 0, attended: 0, expected: 0, attendanceRate: null, studyHours: 0, talks: 0, researchDays: 0, examAverage: null, ...f,
});
const people = new Map([[1, { name: '张三', branch: '一支部' }], [2, { name: '李四', branch: '一支部' }], [3, { name: '王五', branch: '一支部' }]]);
const ranking = (weights: Partial<Ranking['weights']>, caps: Ranking['caps'] = {}): Ranking => ({
  ...DEFAULT_RANKING, caps, weights: { books: 0, writings: 0, writingChars: 0, attendanceRate: 0, studyHours: 0, talks: 0, researchDays: 0, assessmentScore: 0, ...weights },
});
const order = (r: Ranking, figures: MemberYearFigures[]) => rankMembers(figures, people, r).map((m) => `${m.rank}${m.tied ? '=' : ''} ${m.name}`);

describe('scoreOf', () => {
  it('shows every component: raw figure, what the cap let through, the points', () => {
    const s = scoreOf(fig(1, { books: 15, writingChars: 4560, attendanceRate: 0.9, studyHours: 400, examAverage: 92 }), DEFAULT_RANKING);
    const c = Object.fromEntries(s.components.map((x) => [x.key, x]));
    expect(c.books).toMatchObject({ value: 15, counted: 12, capped: true, points: 120 });
    // 字数 shown in 千字 to one decimal, scored unrounded: 4,560 字 × 2 per 千字 = 9.12, not 4.6 × 2.
    expect(c.writingChars).toMatchObject({ value: 4.6, counted: 4.56, capped: false, points: 9.12 });
    expect(c.attendanceRate).toMatchObject({ value: 0.9, points: 27 });
    expect(c.studyHours).toMatchObject({ value: 400, counted: 300, capped: true, points: 30 });
    expect(c.assessmentScore).toMatchObject({ value: 92, points: 18.4 });
    expect(s.score).toBe(Math.round((120 + 9.12 + 27 + 30 + 18.4) * 100) / 100);
  });
});

describe('rankMembers', () => {
  const figures = [fig(1, { books: 6, attendanceRate: 0.5 }), fig(2, { writings: 4, attendanceRate: 1 }), fig(3, { books: 2, writings: 2, attendanceRate: 0.8 })];

  it('weights change the order', () => {
    expect(order(ranking({ books: 10, writings: 10 }), figures)).toEqual(['1 张三', '2 李四', '3 王五']);
    expect(order(ranking({ books: 5, writings: 10 }), figures)).toEqual(['1 李四', '2 王五', '3 张三']);
  });

  it('caps change the order', () => {
    expect(order(ranking({ books: 10, writings: 10 }, { books: 3 }), figures)).toEqual(['1 李四', '2 王五', '3 张三']);
  });

  it('ties in score go to the higher attendance rate; equal in both share the rank', () => {
    const tie = [fig(1, { books: 2, attendanceRate: 0.5 }), fig(2, { books: 2, attendanceRate: 0.9 }), fig(3, { books: 2, attendanceRate: 0.5 })];
    // Shared ranks list in pinyin order of the name (王 wang before 张 zhang).
    expect(order(ranking({ books: 10 }), tie)).toEqual(['1 李四', '2= 王五', '2= 张三']);
    const ranked = rankMembers(tie, people, ranking({ books: 10 }));
    // Both sharing second place are awarded when two are to be named.
    expect(awardees(ranked, 2).map((m) => m.name)).toEqual(['李四', '王五', '张三']);
    expect(awardees(ranked, 1).map((m) => m.name)).toEqual(['李四']);
  });

  it('no attendance expected ranks below any rate; nobody with no points is awarded', () => {
    const r = rankMembers([fig(1, { books: 1 }), fig(2, { books: 1, attendanceRate: 0 }), fig(3, {})], people, ranking({ books: 10 }));
    expect(r.map((m) => m.name)).toEqual(['李四', '张三', '王五']);
    expect(awardees(r, 10).map((m) => m.name)).toEqual(['李四', '张三']);
  });
});

describe('the ranking section of a rule set', () => {
  const base = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', 'learning-org.json'), 'utf8'));

  it('the presets carry weights, caps, top and the award; a set without it has none (the default applies)', () => {
    const r = validateRuleSet(base, 'x.json');
    expect(r.ok && r.ruleSet.ranking).toMatchObject({ top: 10, award: '书香之星', caps: { books: 12, studyHours: 300 }, weights: { talks: 5, writingChars: 2 } });
    const { ranking: _drop, ...rest } = base;
    const n = validateRuleSet(rest, 'x.json');
    expect(n.ok && n.ruleSet.ranking).toBeUndefined();
  });

  it('older files without the new weights stay valid (0); bad caps and award are named', () => {
    const old = validateRuleSet({ ...base, ranking: { weights: { books: 10, writings: 10, attendanceRate: 30, studyHours: 0.1, assessmentScore: 0.2 } } }, 'x.json');
    expect(old.ok && old.ruleSet.ranking).toMatchObject({ weights: { talks: 0, researchDays: 0, writingChars: 0 }, caps: {}, top: 10 });
    const bad = validateRuleSet({ ...base, ranking: { ...base.ranking, caps: { books: -1, pages: 3 }, award: '' } }, 'x.json');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      'x.json › ranking：caps.books 的取值“-1”无效，应为不小于 0 的数字（最多计多少）',
      'x.json › ranking：caps 中的“pages”无效，可选 books/writings/writingChars/studyHours/talks/researchDays',
      'x.json › ranking：字段 award 的取值“”无效，应为荣誉称号，如 "书香之星"',
    ]);
  });
});
