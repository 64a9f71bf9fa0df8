// The branch award model (书香支部, SPEC §6.7): the organ's year audited, the branches compared
// (branchComparison.ts), each scored with the rule set's branch weights (domain/branchRanking.ts), the
// awarded branches, and the paperwork — a scoring sheet, the award list and one certificate per branch.
import { DEFAULT_BRANCH_RANKING, branchAwardees, rankBranches, type BranchRankingSettings, type RankedBranch } from '../domain/branchRanking.js';
import { parsePeriodId } from '../domain/periods.js';
import type { RuleSet } from '../domain/ruleSet.js';
import type { WorkCalendar } from '../domain/workdays.js';
import type { TableSheet } from '../render/excel/tableSheet.js';
import type { Certificate } from '../render/word/certificates.js';
import type { ListDoc } from '../render/word/listDocx.js';
import type { Db } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { buildAudit } from './audit.js';
import { buildBranchComparison, branchYearFigures, type BranchComparison } from './branchComparison.js';
import { buildPlanReport } from './planReport.js';
import { chineseDate } from './rankingDocs.js';

/** Everything the renderers show. */
export interface BranchRankingReport {
  year: number;
  asOf: string;
  organ: string;
  ruleSetTitle: string;
  settings: BranchRankingSettings;
  top: number;
  ranked: RankedBranch[];
  awardees: RankedBranch[];
  comparison: BranchComparison;
}

/** Ranks every branch on its year so far (as of `asOf`). */
export function buildBranchRanking(db: Db, p: { year: number; asOf: string; ruleSet: RuleSet; calendar: WorkCalendar; top?: number }): BranchRankingReport {
  const scope = parsePeriodId(String(p.year))!;
  const audit = buildAudit(db, { ruleSet: p.ruleSet, calendar: p.calendar, asOf: p.asOf, scope, citeSelfStudy: false, keepMet: false });
  const plan = buildPlanReport(db, { from: scope.start, to: scope.end, asOf: p.asOf });
  const comparison = buildBranchComparison(audit, plan);
  const settings = p.ruleSet.branchRanking ?? DEFAULT_BRANCH_RANKING;
  const ranked = rankBranches(comparison.branches.filter((b) => b.members > 0).map(branchYearFigures), settings);
  const top = p.top ?? settings.top;
  return {
    year: p.year, asOf: p.asOf, organ: readSettings(db).organ ?? '', ruleSetTitle: p.ruleSet.title, settings, top, ranked,
    awardees: branchAwardees(ranked, top), comparison,
  };
}

/** Why a branch is awarded, in one sentence built from its components. */
export function awardReason(b: RankedBranch): string {
  const c = (k: string) => b.components.find((x) => x.key === k)!;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
  return `支部职责完成 ${pct(c('duties').value)}，五坚持全部达标人员占 ${pct(c('persists').value)}，参加率 ${pct(c('attendanceRate').value)}，人均读书 ${c('booksPerHead').value ?? 0} 本，总分 ${b.score}`;
}

/** The scoring table (one row per branch) and the scoring rules. */
export function branchRankSheets(r: BranchRankingReport): TableSheet[] {
  const comps = r.ranked[0]?.components ?? [];
  return [{
    name: '支部评比计分', title: `${r.organ} ${r.year} 年度“${r.settings.award}”评比计分表`, freezeColumns: 2,
    columns: [
      { header: '名次', kind: 'int', width: 6, align: 'center' }, { header: '支部', kind: 'text', width: 18 }, { header: '在册', kind: 'int', width: 6 },
      ...comps.flatMap((c) => [
        { header: `${c.label}${c.unit ? `(${c.unit})` : ''}`, kind: (c.key === 'booksPerHead' ? 'num' : 'rate') as 'rate' | 'num', width: 12 },
        { header: `${c.label}分`, kind: 'num' as const, width: 8 },
      ]),
      { header: '总分', kind: 'num', width: 8 }, { header: '表彰', kind: 'text', width: 10 },
    ],
    rows: r.ranked.map((b) => [b.rank, b.branch, b.members, ...b.components.flatMap((c) => [c.value, c.points]), b.score, r.awardees.includes(b) ? r.settings.award : '']),
  }, {
    name: '计分办法', title: `计分办法（${r.ruleSetTitle}规则集 branchRanking 一节）：得分 = 分值 × 数量（占比以 0–1 计），人均读书超过上限只计上限；同分按参加率排序`,
    columns: [{ header: '项目', kind: 'text', width: 22 }, { header: '分值', kind: 'num', width: 8 }, { header: '上限', kind: 'text', width: 10 }],
    rows: comps.map((c) => [c.label, r.settings.weights[c.key], c.key === 'booksPerHead' && r.settings.caps.booksPerHead !== undefined ? String(r.settings.caps.booksPerHead) : '—']),
  }];
}

/** The scored components as the decision names them. */
const BRANCH_SCORED: [keyof BranchRankingSettings['weights'], string][] = [
  ['duties', '“四举办”等支部职责完成情况'], ['persists', '党员“五坚持”达标情况'], ['attendanceRate', '学习活动参加率'], ['booksPerHead', '人均读书情况'],
];

/** The award list: the decision and the table of awarded branches with the reason for each. */
export function branchAwardList(r: BranchRankingReport, signDate: string): ListDoc {
  // Only the components the rule set scores (a weight above 0) are named.
  const scored = BRANCH_SCORED.filter(([k]) => r.settings.weights[k] > 0).map(([, words]) => words);
  const basis = scored.length ? `根据各支部${scored.length > 1 ? `${scored.slice(0, -1).join('、')}和${scored[scored.length - 1]}` : scored[0]}综合计分评比，` : '';
  return {
    title: `关于表彰${r.year}年度“${r.settings.award}”的决定`,
    intro: [
      `${r.year}年，${r.organ || '机关'}各党支部深入推进学习型党组织建设。${basis}决定授予以下 ${r.awardees.length} 个党支部“${r.settings.award}”荣誉称号。`,
      '希望受表彰的支部珍惜荣誉、再创佳绩，各支部以先进为榜样，推动书香机关建设再上新台阶。',
    ],
    caption: `${r.year}年度“${r.settings.award}”名单`,
    headers: ['名次', '支部', '评选理由', '总分'],
    rows: r.awardees.map((b) => [String(b.rank), b.branch, awardReason(b), String(b.score)]),
    widths: [7, 20, 55, 9],
    centred: [true, false, false, true],
    sign: [r.organ || '机关党委', chineseDate(signDate)],
  };
}

/** One certificate per awarded branch. */
export function branchCertificates(r: BranchRankingReport, signDate: string): Certificate[] {
  return r.awardees.map((b, i) => ({
    name: b.branch, salutation: '：', title: r.settings.award, activity: `${r.year}年度“书香机关”建设`, organ: r.organ || '机关党委',
    date: chineseDate(signDate), number: `${r.year}-Z${String(i + 1).padStart(2, '0')}`,
  }));
}
