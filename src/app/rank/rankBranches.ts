// The `rank --branches` use case (书香支部, SPEC §6.7): each branch scored from its year (duties met,
// members meeting the 五坚持, attendance, books per head) with the rule set's branch weights, and the plan
// of the scoring table, the award decision and the certificates.
import { branchAwardList, branchCertificates, branchRankSheets, buildBranchRanking, type BranchRankingReport } from '../../reports/branchRanking.js';
import { UserError } from '../../shared/errors.js';
import type { Db } from '../../store/db.js';
import type { RankFileRequest, RankInput } from './rankMembers.js';

/** The branches of the organ scored; an error when no branch had anyone on the roll that year. */
export function rankBranches(db: Db, input: Omit<RankInput, 'branchId'>): BranchRankingReport {
  const { loaded, calendar } = input.context;
  const r = buildBranchRanking(db, { year: input.year, asOf: input.asOf, ruleSet: loaded.ruleSet, calendar, top: input.top });
  if (r.ranked.length === 0) throw new UserError(`${input.year} 年没有在册人员的支部，无法评比。`, ['请先导入花名册（shuxiang import 花名册.xlsx）。']);
  return r;
}

/** What to write for the branch ranking: the scoring table (when --xlsx), the award decision and certificates (when --docx). */
export function planBranchRankFiles(r: BranchRankingReport, o: Omit<RankFileRequest, 'pdf'>) {
  return {
    ...o,
    stem: `${r.year}年度${r.settings.award}评比`,
    sheets: o.xlsx !== undefined ? branchRankSheets(r) : undefined,
    awards: o.docx !== undefined ? { list: branchAwardList(r, o.signDate), certificates: branchCertificates(r, o.signDate) } : undefined,
  };
}
