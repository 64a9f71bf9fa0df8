// The `rank` use case (年终评比, SPEC §6.6): each member's score for a year from its evidence with the rule
// set's weights and caps, and the plan of the files asked for — the scoring table's sheets, the award list
// and the certificates, masked, under the year's default names.
import { maskDeep } from '../../domain/pii.js';
import { buildRanking, type RankingReport } from '../../reports/ranking.js';
import { awardList, certificatesOf, rankSheets } from '../../reports/rankingDocs.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import type { RuleContext } from '../rules/ruleContext.js';

export interface RankInput {
  /** The rule set and calendar the database uses (app/rules/ruleContext.ts: loadRules). */
  context: RuleContext;
  year: number;
  asOf: string;
  /** How many to award (default: the rule set's). */
  top?: number;
  branchId?: number;
}

/** The members of one branch or all, scored and ranked; an error when nobody was on the roll that year. */
export function rankMembers(db: Db, input: RankInput): RankingReport {
  const { loaded, calendar } = input.context;
  const r = buildRanking(db, { year: input.year, asOf: input.asOf, ruleSet: loaded.ruleSet, calendar, top: input.top, branchId: input.branchId });
  if (r.ranked.length === 0) throw new UserError(`${input.year} 年没有在册人员，无法评比。`, ['请先导入花名册（shuxiang import 花名册.xlsx）。']);
  return r;
}

/** Which files: a name, or true for the default name; `signDate` dates the certificates. */
export interface RankFileRequest {
  xlsx?: string | true;
  docx?: string | true;
  pdf?: string | true;
  signDate: string;
}

/** The file a flag names: its value (with the extension added when missing), or `stem.ext`. */
export function rankFileName(stem: string, v: string | true, ext: string): string {
  return v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`;
}

/** What to write for the member ranking, masked: the scoring table (when --xlsx), the award list and certificates (when --docx or --pdf). */
export function planRankFiles(r: RankingReport, o: RankFileRequest) {
  const docs = o.docx !== undefined || o.pdf !== undefined;
  return {
    ...o,
    stem: `${r.year}年度${r.ranking.award}评比`,
    members: r.ranked.length,
    sheets: o.xlsx !== undefined ? maskDeep(rankSheets(r)) : undefined,
    awards: docs ? { list: maskDeep(awardList(r, o.signDate)), certificates: maskDeep(certificatesOf(r, o.signDate)) } : undefined,
  };
}

export type RankFilePlan = ReturnType<typeof planRankFiles>;
