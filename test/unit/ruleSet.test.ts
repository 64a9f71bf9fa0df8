// Rule-set files: both presets load, and every kind of mistake is reported with the rule and the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRuleSet } from '../../src/domain/ruleSetValidate.js';

const load = (id: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'rules', `${id}.json`), 'utf8'));

describe('the shipped presets', () => {
  it('learning-org has every rule of SPEC §3.1', () => {
    const r = validateRuleSet(load('learning-org'), 'learning-org.json');
    expect(r.ok && r.ruleSet.rules.map((x) => x.id)).toEqual([
      'L1-monthly', 'L1-rate', 'L1-books', 'L2-theory-talk', 'L2-business-talk', 'L3-days', 'L3-reports', 'L4-retreat',
      'P1-daily', 'P2-weekly', 'P3-quarterly', 'P4-half', 'P5-yearly',
      'B1-monthly-study', 'B2-reading-exchange', 'B3-joint', 'B4-red-base',
    ]);
    if (!r.ok) return;
    expect(r.ruleSet.settings.excusedCountsAsAttended).toBe(false);
    const l3 = r.ruleSet.rules.find((x) => x.id === 'L3-reports')!;
    expect([l3.threshold, l3.recommended]).toEqual([1, 2]);
    expect(r.ruleSet.ranking?.weights).toMatchObject({ books: 10, writings: 10, attendanceRate: 30 });
    for (const rule of r.ruleSet.rules) expect(rule.source.length).toBeGreaterThan(5);
  });

  it('shuxiang-organ keeps P1, P2, P4, P5 and B1–B4 and adds S1–S5', () => {
    const r = validateRuleSet(load('shuxiang-organ'), 'shuxiang-organ.json');
    expect(r.ok && r.ruleSet.rules.map((x) => x.id).sort()).toEqual([
      'B1-monthly-study', 'B2-reading-exchange', 'B3-joint', 'B4-red-base', 'P1-daily', 'P2-weekly', 'P4-half', 'P5-yearly',
      'S1-monthly-book', 'S2-reflection', 'S3-reflection-share', 'S4-monthly-exchange', 'S5-quarterly-test',
    ]);
  });
});

const good = {
  id: 'x', title: '测试',
  rules: [{ id: 'R1', title: '读书', source: '每月读书', appliesTo: 'all', metric: 'books-finished', period: 'month', threshold: 1 }],
};
const withRule = (patch: Record<string, unknown>) => ({ ...good, rules: [{ ...good.rules[0], ...patch }] });
const errorsOf = (json: unknown) => {
  const r = validateRuleSet(json, 'my.json');
  return r.ok ? [] : r.errors;
};

describe('validateRuleSet errors', () => {
  it('accepts a minimal rule set and fills the defaults', () => {
    const r = validateRuleSet(good, 'my.json');
    // issue 14 added skipPeriodsWithoutWorkdays (default on)
    expect(r.ok && r.ruleSet.settings).toEqual({ excusedCountsAsAttended: false, skipPeriodsWithoutWorkdays: true });
    const off = validateRuleSet({ ...good, settings: { skipPeriodsWithoutWorkdays: false } }, 'my.json');
    expect(off.ok && off.ruleSet.settings).toEqual({ excusedCountsAsAttended: false, skipPeriodsWithoutWorkdays: false });
    expect(r.ok && r.ruleSet.rules[0]!.options).toEqual({});
  });

  it.each([
    ['not an object', [], 'my.json：规则集应为一个 JSON 对象（{ "id": …, "rules": [ … ] }）'],
    ['no rules', { id: 'x', title: 't' }, 'my.json：字段 rules 缺失或为空，应为规则列表'],
    ['no id', { ...good, id: undefined }, 'my.json：字段 id 缺失，应为规则集的英文代号，如 "learning-org"'],
    // issue 18 adds branchRanking (the 书香支部 weights) to the fields a rule set may have.
    ['unknown top field', { ...good, rulez: [] }, 'my.json：不认识的字段“rulez”，可用的字段有 id/title/description/version/note/settings/rules/ranking/branchRanking'],
    ['bad branchRanking weight', { ...good, branchRanking: { weights: { foo: 1 } } }, 'my.json › branchRanking：weights 中的“foo”无效，可选 duties/persists/attendanceRate/booksPerHead'],
    ['bad setting', { ...good, settings: { excusedCountsAsAttended: 'no' } }, 'my.json：settings.excusedCountsAsAttended 的取值“no”无效，应为 true 或 false'],
    ['bad skip setting', { ...good, settings: { skipPeriodsWithoutWorkdays: 1 } }, 'my.json：settings.skipPeriodsWithoutWorkdays 的取值“1”无效，应为 true 或 false'],
    ['unknown setting', { ...good, settings: { skipHolidays: true } }, 'my.json：settings 中不认识的设置“skipHolidays”，可用 excusedCountsAsAttended、skipPeriodsWithoutWorkdays'],
    ['bad period', withRule({ period: 'yearly' }), 'my.json › 规则 R1：字段 period 的取值“yearly”无效，可选 day/week/month/quarter/half/year'],
    ['missing period', withRule({ period: undefined }), 'my.json › 规则 R1：缺少字段 period，可选 day/week/month/quarter/half/year'],
    ['bad appliesTo', withRule({ appliesTo: 'everyone' }), 'my.json › 规则 R1：字段 appliesTo 的取值“everyone”无效，可选 all/leaders/branch'],
    ['bad metric', withRule({ metric: 'books' }), 'my.json › 规则 R1：字段 metric 的取值“books”无效，可选 sessions-attended/attendance-rate/books-by-category/books-finished/talks/research-days/writings/self-study/lectures-heard/books-and-exchanges/trainings-and-exams/reflections-per-headcount/sessions-held/assessment'],
    ['branch metric on members', withRule({ metric: 'sessions-held' }), 'my.json › 规则 R1：指标 sessions-held 考核的是支部，字段 appliesTo 应为 branch'],
    ['member metric on branch', withRule({ appliesTo: 'branch' }), 'my.json › 规则 R1：指标 books-finished 考核的是个人，字段 appliesTo 应为 all 或 leaders'],
    ['negative threshold', withRule({ threshold: -1 }), 'my.json › 规则 R1：字段 threshold 的取值“-1”无效，应为不小于 0 的数字'],
    ['missing threshold', withRule({ threshold: undefined }), 'my.json › 规则 R1：缺少字段 threshold（达标数量）'],
    ['rate as percent', withRule({ metric: 'attendance-rate', threshold: 90 }), 'my.json › 规则 R1：字段 threshold 的取值“90”无效，比例应写成 0 到 1 之间的小数，如 0.9 表示 90%'],
    ['parts not an object', withRule({ metric: 'trainings-and-exams', threshold: 1 }), 'my.json › 规则 R1：字段 threshold 的取值“1”无效，指标 trainings-and-exams 应写成 {"trainings": 1, "exams": 1}'],
    ['missing part', withRule({ metric: 'trainings-and-exams', threshold: { trainings: 1 } }), 'my.json › 规则 R1：字段 threshold 缺少“exams”，应写成 {"trainings": 1, "exams": 1}'],
    ['unknown category', withRule({ metric: 'books-by-category', threshold: { 政治: 1 } }), 'my.json › 规则 R1：字段 threshold 中的“政治”无效，可选 政治理论/业务/科学人文/党史/其他'],
    ['option of another metric', withRule({ options: { minChars: 1500 } }), 'my.json › 规则 R1：指标 books-finished 没有选项，请删去“minChars”'],
    ['bad session type', withRule({ metric: 'sessions-attended', options: { sessionTypes: ['study'] } }), 'my.json › 规则 R1：选项 sessionTypes 中的“study”无效，可选 collective-study/lecture/reading-exchange/theme-day/retreat/joint-study/red-base/assessment/other'],
    ['bad excused flag', withRule({ metric: 'sessions-attended', options: { excusedCountsAsAttended: 1 } }), 'my.json › 规则 R1：选项 excusedCountsAsAttended 的取值“1”无效，应为 true 或 false'],
    ['bad minChars', withRule({ metric: 'writings', options: { minChars: '1500字' } }), 'my.json › 规则 R1：选项 minChars 的取值“1500字”无效，应为不小于 0 的整数（字数）'],
    ['bad writing kind', withRule({ metric: 'writings', options: { writingKinds: ['读后感'] } }), 'my.json › 规则 R1：选项 writingKinds 中的“读后感”无效，可选 心得体会/理论文章/调研报告'],
    ['bad category map', withRule({ metric: 'books-by-category', threshold: { 业务: 1 }, options: { categoryMap: { 党史: '历史' } } }), 'my.json › 规则 R1：选项 categoryMap 中的类别“历史”无效，可选 政治理论/业务/科学人文/党史/其他'],
    ['unknown rule field', withRule({ treshold: 1 }), 'my.json › 规则 R1：不认识的字段“treshold”，可用的字段有 id/title/source/appliesTo/metric/period/threshold/recommended/options/note'],
    ['missing source', withRule({ source: '' }), 'my.json › 规则 R1：字段 source 缺失，应为规则出处的原文'],
    ['bad ranking weight', { ...good, ranking: { weights: { books: 10, writings: 10, attendanceRate: 30, studyHours: 1, assessmentScore: 'x' } } }, 'my.json › ranking：weights.assessmentScore 的取值“x”无效，应为不小于 0 的数字'],
  ])('%s', (_kind, json, message) => {
    expect(errorsOf(json)).toContain(message);
  });

  it('names a rule without an id by its position, and reports duplicates', () => {
    expect(errorsOf({ ...good, rules: [good.rules[0], { ...good.rules[0], id: 7 }] })).toContain(
      'my.json › 第 2 条规则：字段 id 的取值“7”无效，应为字母、数字和 - 组成的编号，如 "L1-books"',
    );
    expect(errorsOf({ ...good, rules: [good.rules[0], good.rules[0]] })).toContain('my.json › 规则 R1：编号 R1 重复，每条规则的 id 必须不同');
  });

  it('collects every error, not just the first', () => {
    expect(errorsOf(withRule({ period: 'yearly', appliesTo: 'x', threshold: -2 }))).toHaveLength(3);
  });
});
