// The `audit` use case (SPEC §3.3, §6 item 7), in two steps around the member and branch the command
// resolves (a name may be asked about): `prepareAudit` refuses a year with no records and loads the rule
// set; `runAudit` judges, adds the study plan and the branch comparison; `auditGaps` is the exit-1 verdict.
import type { Member } from '../../domain/member.js';
import type { Period } from '../../domain/periods.js';
import { buildAudit, type AuditInput, type AuditReport } from '../../reports/audit.js';
import { buildBranchComparison, type BranchComparison } from '../../reports/branchComparison.js';
import { buildPlanReport, type PlanReport } from '../../reports/planReport.js';
import { AuditGaps, UserError } from '../../shared/errors.js';
import { listBranches, type Branch } from '../../store/branches.js';
import type { Db } from '../../store/db.js';
import { hasRecordsIn, yearsWithRecords } from '../../store/recordYears.js';
import { loadRules, type RuleContext } from '../rules/ruleContext.js';

export interface AuditRequest {
  /** The database file (its rule set and calendar files are found beside it). */
  dbPath: string;
  asOf: string;
  scope: Period;
  /** A date or period flag was given: a year the database holds nothing for is then refused. */
  scopeGiven: boolean;
  /** --rule as typed (matched case-insensitively against the rule set). */
  rules?: string[];
}

/** What `prepareAudit` found: the rule context and the rule ids as the rule set spells them. */
export interface PreparedAudit extends AuditRequest {
  context: RuleContext;
  ruleIds?: string[];
}

/** Checks the year and the --rule ids, loads the rule set and calendar. `now` is today (YYYY-MM-DD). */
export function prepareAudit(db: Db, input: AuditRequest, now: string): PreparedAudit {
  if (input.scopeGiven) {
    // Another year than this one that the database holds nothing for would only list every quota as
    // unmet (a mistyped year); the current year is audited even before anything is recorded in it.
    // One seek for the audited year; the list of years held only when it has none.
    const year = Number(input.scope.start.slice(0, 4));
    if (String(year) !== now.slice(0, 4) && !hasRecordsIn(db, year)) {
      const years = yearsWithRecords(db);
      throw new UserError(`${year} 年没有任何记录（学习活动、签到、学习记录都没有），无法检查。`, [
        years.length ? `有记录的年度：${years.join('、')}。请核对 --as-of 或期间是否写错了年份。` : '数据库中还没有任何学习活动或学习记录：请先登记（shuxiang session add、shuxiang log …）或导入台账。',
      ]);
    }
  }
  const context = loadRules(db, input.dbPath);
  const ids = context.loaded.ruleSet.rules.map((r) => r.id);
  const ruleIds = input.rules?.length ? input.rules.map((id) => ruleIdOf(ids, id)) : undefined;
  return { ...input, context, ruleIds };
}

/** Who is audited: one branch, one member, the committee only; and how the result is shown. */
export interface AuditScope {
  branch?: Branch;
  member?: Member;
  leaders?: boolean;
  byBranch?: boolean;
  all?: boolean;
  /** The result goes out as JSON (self-study records are then cited by id). */
  json?: boolean;
  /** Every verdict as it is made (buildAudit's emit): the report then keeps no member's 'met' verdict. */
  emit?: AuditInput['emit'];
  /** With emit: a count rule's 'met' verdicts in parts (buildAudit's emitMet). */
  emitMet?: AuditInput['emitMet'];
}

/** The audit and what goes with it. */
export interface AuditResult {
  context: RuleContext;
  report: AuditReport;
  /** Every branch of the database. */
  branches: Branch[];
  /** Several branches and none chosen: the comparison leads (SPEC §6.7). */
  organView: boolean;
  /** The study plan against what was held (branch-wide audits only). */
  plan?: PlanReport;
  comparison?: BranchComparison;
}

/** Judges the prepared audit for the chosen people. */
export function runAudit(db: Db, p: PreparedAudit, o: AuditScope): AuditResult {
  const { ruleSet } = p.context.loaded;
  const { member, branch } = o;
  const ruleIds = p.ruleIds;
  if ((member || o.leaders) && ruleIds && ruleIds.every((id) => ruleSet.rules.find((r) => r.id === id)!.appliesTo === 'branch')) {
    throw new UserError(`规则 ${ruleIds.join('、')} 考核的是支部，不能与 ${member ? '--member' : '--leaders'} 同时使用。`);
  }
  if (o.byBranch && (member || o.leaders || branch)) throw new UserError(`--by-branch 是各支部的对比，不能与 ${member ? '--member' : o.leaders ? '--leaders' : '--branch'} 同时使用。`);
  const branches = listBranches(db);
  const organView = !branch && !member && !o.leaders && branches.length > 1;
  // On a terminal (and for the comparison) no self-study ids are shown: whole months are read as totals.
  const cite = !!member || (!!o.json && !o.byBranch);
  const report = buildAudit(db, {
    ruleSet, calendar: p.context.calendar, asOf: p.asOf, scope: p.scope, branchId: branch?.id, memberIds: member ? [member.id] : undefined, leadersOnly: o.leaders, ruleIds,
    citeSelfStudy: cite, keepMet: cite || !!o.all, parallel: true, ...(o.emit && !o.byBranch ? { emit: o.emit, emitMet: o.emitMet } : {}),
  });
  // A planned month with no session is a gap.
  const plan = member || o.leaders || ruleIds ? undefined : buildPlanReport(db, { from: p.scope.start, to: p.scope.end, asOf: p.asOf, branchId: branch?.id });
  const comparison = organView || o.byBranch ? buildBranchComparison(report, plan) : undefined;
  return { context: p.context, report, branches, organView, plan, comparison };
}

/** The exit-1 verdict: an ended period with a gap, or a planned month not held; undefined when all is met. */
export function auditGaps(r: Pick<AuditResult, 'report' | 'plan'>): AuditGaps | undefined {
  const { report, plan } = r;
  if (report.endedGaps === 0 && plan?.gaps) return new AuditGaps(`学习计划有 ${plan.gaps} 个月未开展（已结束的月份）。`);
  if (report.endedGaps === 0) return undefined;
  const gaps = report.verdicts.filter((v) => v.status === 'gap');
  const people = new Set(gaps.filter((v) => v.memberId !== undefined).map((v) => v.memberId)).size;
  const duties = gaps.filter((v) => v.memberId === undefined).length;
  const who = [people && `${people} 人`, duties && `支部职责 ${duties} 项`].filter(Boolean).join('及');
  return new AuditGaps(`审计发现 ${report.endedGaps} 项未达标（已结束的周期，涉及 ${who}）${plan?.gaps ? `；学习计划有 ${plan.gaps} 个月未开展` : ''}。`);
}

/** The rule id as the rule set spells it (case-insensitive), or an error listing the ids there are. */
function ruleIdOf(ids: string[], typed: string): string {
  const found = ids.find((id) => id.toLowerCase() === typed.trim().toLowerCase());
  if (found) return found;
  throw new UserError(`--rule 指定的规则“${typed}”不在当前规则集中。`, [`可用的规则：${ids.join('、')}`, '可运行 shuxiang rules list 查看各条规则。']);
}
