// Rule sets as data (SPEC §3): the types of a rule-set JSON file and the metric contract.
// The validator (validateRuleSet) is in ruleSetValidate.ts, beside it.
import type { PeriodKind } from './periods.js';
import type { BookCategory, SessionType, TalkKind, WritingKind } from './evidence.js';

/** Whom a rule judges: every member, the branch committee only, or the branch itself. */
export type AppliesTo = 'all' | 'leaders' | 'branch';
export const APPLIES_TO: readonly AppliesTo[] = ['all', 'leaders', 'branch'];

/** The named counters a rule can use; each is implemented in src/domain/engine/metrics*.ts. */
export type MetricName =
  | 'sessions-attended' // sessions of options.sessionTypes attended (L1-monthly, L4-retreat)
  | 'attendance-rate' // attended ÷ expected sessions of options.sessionTypes (L1-rate); threshold 0–1
  | 'books-by-category' // books finished, threshold per category (L1-books)
  | 'books-finished' // books finished (S1)
  | 'talks' // talks given of options.talkKinds (L2)
  | 'research-days' // days of field research (L3-days)
  | 'writings' // writings of options.writingKinds, ≥ options.minChars (L3-reports, P4, S2)
  | 'self-study' // hours and note days per working day (P1)
  | 'lectures-heard' // lecture sessions attended + lectures logged (P2)
  | 'books-and-exchanges' // books finished and reading exchanges (P3)
  | 'trainings-and-exams' // trainings attended and exams taken (P5)
  | 'reflections-per-headcount' // branch: reflections handed in ÷ members on the roll (S3); threshold 0–1
  | 'sessions-held' // branch: sessions of options.sessionTypes held (B1–B4, S4)
  | 'assessment'; // assessment sessions attended or exams logged (S5)

/** What shape of threshold each metric takes, and whether it judges members or the branch. */
export interface MetricShape {
  subject: 'member' | 'branch';
  /** 'count': a whole number; 'share': a fraction 0–1; 'parts': an object with exactly these keys (or a subset of them for categories). */
  threshold: 'count' | 'share' | 'parts';
  parts?: readonly string[];
  /** When true, the object may name any subset of `parts` (categories); otherwise all are required. */
  partsSubset?: boolean;
  options: readonly (keyof RuleOptions)[];
  /** Counts sessions or lectures: a week or month with no working day is 不适用 (skipPeriodsWithoutWorkdays). */
  countsSessions?: boolean;
}

const categories: readonly BookCategory[] = ['政治理论', '业务', '科学人文', '党史', '其他'];

/** The contract between the JSON file and the engine; the validator checks each rule against it. */
export const METRIC_SHAPES: Record<MetricName, MetricShape> = {
  'sessions-attended': { subject: 'member', threshold: 'count', options: ['sessionTypes', 'excusedCountsAsAttended'], countsSessions: true },
  'attendance-rate': { subject: 'member', threshold: 'share', options: ['sessionTypes', 'excusedCountsAsAttended'], countsSessions: true },
  'books-by-category': { subject: 'member', threshold: 'parts', parts: categories, partsSubset: true, options: ['categoryMap'] },
  'books-finished': { subject: 'member', threshold: 'count', options: [] },
  talks: { subject: 'member', threshold: 'count', options: ['talkKinds'] },
  'research-days': { subject: 'member', threshold: 'count', options: [] },
  writings: { subject: 'member', threshold: 'count', options: ['writingKinds', 'minChars'] },
  'self-study': { subject: 'member', threshold: 'parts', parts: ['hoursPerWorkingDay', 'noteDaysPerWorkingDay'], options: [] },
  'lectures-heard': { subject: 'member', threshold: 'count', options: ['sessionTypes', 'excusedCountsAsAttended'], countsSessions: true },
  'books-and-exchanges': { subject: 'member', threshold: 'parts', parts: ['books', 'exchanges'], options: ['sessionTypes', 'excusedCountsAsAttended'], countsSessions: true },
  'trainings-and-exams': { subject: 'member', threshold: 'parts', parts: ['trainings', 'exams'], options: [] },
  'reflections-per-headcount': { subject: 'branch', threshold: 'share', options: ['writingKinds', 'minChars'] },
  'sessions-held': { subject: 'branch', threshold: 'count', options: ['sessionTypes'], countsSessions: true },
  assessment: { subject: 'member', threshold: 'count', options: ['sessionTypes', 'excusedCountsAsAttended'], countsSessions: true },
};

/** Per-rule settings; which ones a metric reads is in METRIC_SHAPES. */
export interface RuleOptions {
  /** Session types the metric counts (defaults per metric, e.g. lectures-heard → ['lecture']). */
  sessionTypes?: SessionType[];
  /** Whether 请假 counts as attending; default: the rule set's settings (false). */
  excusedCountsAsAttended?: boolean;
  /** Minimum characters for a writing to count. */
  minChars?: number;
  writingKinds?: WritingKind[];
  talkKinds?: TalkKind[];
  /** Count books of one category as another, e.g. {"党史": "政治理论"}. */
  categoryMap?: Partial<Record<BookCategory, BookCategory>>;
}

/** A threshold: a count, a share (0–1), or counts by part/category. */
export type Threshold = number | Record<string, number>;

/** One quota. */
export interface Rule {
  id: string;
  title: string;
  /** The sentence of the source document the quota comes from. */
  source: string;
  appliesTo: AppliesTo;
  metric: MetricName;
  period: PeriodKind;
  threshold: Threshold;
  /** A figure the source recommends beyond the minimum (shown, never judged), e.g. L3-reports: 2. */
  recommended?: Threshold;
  options: RuleOptions;
}

/** Year-end ranking weights (SPEC §6.6): points per unit of each component of a member's year. */
export interface RankingWeights {
  /** Per book finished. */
  books: number;
  /** Per writing (心得体会, 理论文章, 调研报告). */
  writings: number;
  /** Per 1,000 characters written. */
  writingChars: number;
  /** Multiplied by the attendance rate (0–1). */
  attendanceRate: number;
  /** Per hour of self-study. */
  studyHours: number;
  /** Per talk given (理论宣讲, 业务讲座). */
  talks: number;
  /** Per day of field research. */
  researchDays: number;
  /** Per point of the average exam/assessment score. */
  assessmentScore: number;
}

/** The components that can be capped: at most this many units count (books, hours…). */
export type RankingCapKey = 'books' | 'writings' | 'writingChars' | 'studyHours' | 'talks' | 'researchDays';
export const RANKING_CAP_KEYS: readonly RankingCapKey[] = ['books', 'writings', 'writingChars', 'studyHours', 'talks', 'researchDays'];

/** The ranking block of a rule set. */
export interface Ranking {
  weights: RankingWeights;
  /** Per-item caps on the units counted; a missing key is uncapped. */
  caps: Partial<Record<RankingCapKey, number>>;
  tieBreak: 'attendanceRate';
  top: number;
  /** The honour conferred (书香之星). */
  award: string;
  /** Who may be awarded at all; absent: DEFAULT_MINIMUMS (rankingEligibility.ts). */
  minimums?: RankingMinimums;
}

/** The least an awardee must have done in the year. */
export interface RankingMinimums {
  /** No 未达标 (ended period) in: 'members' — every rule that applies to all members (五坚持); a list of rule ids; or 'none'. */
  noGapIn: 'members' | 'none' | string[];
  /** Books finished, at least. */
  books: number;
  /** Articles (心得体会, 理论文章, 调研报告), at least. */
  writings: number;
}

/** The ranking a rule set without a ranking block uses. */
export const DEFAULT_RANKING: Ranking = {
  weights: { books: 10, writings: 10, writingChars: 2, attendanceRate: 30, studyHours: 0.1, talks: 5, researchDays: 0.2, assessmentScore: 0.2 },
  caps: { books: 12, writings: 6, writingChars: 20, studyHours: 300, talks: 4, researchDays: 60 },
  tieBreak: 'attendanceRate',
  top: 10,
  award: '书香之星',
};

/** Rule-set-wide settings that rules inherit unless their options say otherwise. */
export interface RuleSetSettings {
  excusedCountsAsAttended: boolean;
  /** A weekly or monthly period without a single working day (2026-W08, the Spring Festival week) is
   * 不适用 for rules that count sessions or lectures (METRIC_SHAPES countsSessions). Default true; a rule
   * set without the setting reads as true. */
  skipPeriodsWithoutWorkdays?: boolean;
}

/** The settings a rule-set file may give, with their defaults. */
export const SETTING_DEFAULTS: Required<RuleSetSettings> = { excusedCountsAsAttended: false, skipPeriodsWithoutWorkdays: true };

/** A whole rule set, as loaded from templates/rules/*.json or the organ's own copy. */
export interface RuleSet {
  id: string;
  title: string;
  description?: string;
  settings: RuleSetSettings;
  rules: Rule[];
  ranking?: Ranking;
  /** The organ's award for branches (书香支部); DEFAULT_BRANCH_RANKING (branchRanking.ts) when absent. */
  branchRanking?: BranchRankingSettings;
}

/** The rule set's `branchRanking` block: points per unit of each branch component, the cap on books per head, the award. */
export interface BranchRankingSettings {
  weights: { duties: number; persists: number; attendanceRate: number; booksPerHead: number };
  caps: { booksPerHead?: number };
  top: number;
  award: string;
}
