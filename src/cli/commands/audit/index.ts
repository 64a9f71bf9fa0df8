// `shuxiang audit`: the quota check (SPEC §3.3, §6 item 7). Reads the flags, builds the report model
// (src/app/audit/runAudit.ts), prints it as text or JSON, and exits 1 when an ended period has a gap.
import type { Command } from 'commander';
import { auditGaps, prepareAudit, runAudit } from '../../../app/audit/runAudit.js';
import { planGapLines } from '../../../reports/planReport.js';
import { auditJson } from '../../../reports/auditJson.js';
import { VerdictStream } from '../../../reports/verdictStream.js';
import { renderAudit, renderMemberAudit, renderOrganAudit } from '../../../render/terminal/auditText.js';
import { branchComparisonLines } from '../../../render/terminal/branchComparisonText.js';
import { requireBranch } from '../../args/branch.js';
import { pickMember } from '../../args/member.js';
import { auditAsOf } from '../../args/dates.js';
import { parsePeriodId, periodWords, type Period, type PeriodKind } from '../../../domain/periods.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';

/** The flags of `audit`, as commander hands them over. */
export interface AuditOptions {
  asOf?: string;
  year?: string;
  half?: string;
  quarter?: string;
  month?: string;
  member?: string;
  leaders?: boolean;
  rule?: string[];
  branch?: string;
  byBranch?: boolean;
  all?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(/[,，、\s]+/).filter(Boolean)];

/** Declares `audit` and its Chinese help (the body loads SQLite and the engine only when run). */
export function registerAudit(program: Command, act: Act): void {
  program
    .command('audit')
    .description('达标检查：各项指标的达标情况，谁还差什么、截至何时')
    .option('--as-of <日期>', '检查截至哪一天（默认今天）：此前结束的周期判定达标与否，当前周期显示还差多少')
    .option('--year <年份>', '检查哪一年（默认截止日期所在的年度），如 2026')
    .option('--half <半年>', '只看一个半年，如 2026-H1')
    .option('--quarter <季度>', '只看一个季度，如 2026-Q1')
    .option('--month <月份>', '只看一个月，如 2026-03')
    .option('--member <姓名>', '只看一个人（列出全部结果，包括已达标的）；可写拼音首字母或编号')
    .option('--leaders', '只看班子成员（四带头及其五坚持）')
    .option('--rule <编号>', '只看某条规则，如 L1-books（可写多个，逗号分隔；编号见 shuxiang rules list）', collect)
    .option('--branch <支部>', '只看一个支部（默认全部支部）')
    .option('--by-branch', '只看各支部对比：每个支部一行（在册、活动与支部职责、参加率、达标占比、人均读书和自学、计划开展），差的在前')
    .option('--all', '多个支部时列出全部人员（默认先列各支部对比，只列最需关注的人员）')
    .addHelpText('after', `
示例：
  shuxiang audit                              今年截至今天的达标情况
  shuxiang audit --as-of 2026-06-30           上半年结束时的情况
  shuxiang audit --quarter 2026-Q1            一季度的各项指标
  shuxiang audit --member 张三                一个人的全部结果
  shuxiang audit --leaders --rule L1-books    班子成员的年度自学书目
  shuxiang audit --by-branch                  机关党委：各支部对比（差的在前）
  shuxiang --json audit > 达标情况.json

退出码：0 已结束的周期全部达标；1 有未达标；2 选项有误。进行中的周期不影响退出码。
`)
    .action(act(runAuditCommand));
}

/** The audited span named by --year/--half/--quarter/--month (at most one), else the year of the as-of date. */
export function auditScope(o: AuditOptions, asOf: string): Period {
  const flags = (['year', 'half', 'quarter', 'month'] as const).filter((k) => o[k] !== undefined);
  if (flags.length > 1) {
    throw new UserError(`${flags.map((k) => `--${k}`).join(' 和 ')} 不能同时使用，请只给一个期间。`);
  }
  const flag = flags[0];
  if (!flag) return parsePeriodId(asOf.slice(0, 4))!;
  const p = parsePeriodId(o[flag]!);
  const examples: Record<string, string> = { year: '2026', half: '2026-H1', quarter: '2026-Q1', month: '2026-03' };
  if (!p || p.kind !== (flag as PeriodKind)) {
    throw new UserError(`--${flag} 的取值“${o[flag]}”无效，应写成 ${examples[flag]} 这样的格式。`);
  }
  if (p.start > asOf) {
    throw new UserError(`${p.id} 在检查日期 ${asOf} 之后，还没有可检查的内容。`, ['如要按那时的情况检查，请用 --as-of 给出更晚的日期。']);
  }
  return p;
}

/** Checks the flags (exit 2), audits, prints text or JSON, then exits 1 via AuditGaps when an ended period is short. */
export async function runAuditCommand(ctx: AppContext, o: AuditOptions): Promise<void> {
  const asOf = auditAsOf(ctx, o.asOf);
  const scope = auditScope(o, asOf);
  const db = await ctx.openDb({ readonly: true });
  const scopeGiven = !!(o.asOf || o.year || o.half || o.quarter || o.month);
  const prepared = prepareAudit(db, { dbPath: ctx.dbPath(), asOf, scope, scopeGiven, rules: o.rule }, ctx.today());
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  const member = o.member ? await pickMember(db, o.member, branch?.name) : undefined;
  // Compact JSON (not to a terminal): the verdicts' text is made as they are judged, none kept.
  const stream = ctx.json && !o.byBranch && ctx.jsonCompact() ? new VerdictStream(ctx.jsonMask()) : undefined;
  const result = runAudit(db, prepared, {
    branch, member, leaders: o.leaders, byBranch: o.byBranch, all: o.all, json: ctx.json, ...(stream ? { emit: (v, names) => stream.add(v, names), emitMet: (m, names) => stream.addMet(m, names) } : {}),
  });
  const { report, plan, comparison, organView, branches: all } = result;
  const { ruleSet } = result.context.loaded;
  const { settings } = result.context;

  if (ctx.json && o.byBranch) ctx.outJson(comparison);
  else if (ctx.json) ctx.outJson({ ...auditJson(report, stream), ...(plan?.rows.length ? { plan } : {}), ...(comparison ? { byBranch: comparison } : {}) }, { compact: true });
  else if (o.byBranch) {
    ctx.out([`各支部对比：${settings.organ ?? ''}全部 ${all.length} 个支部 · ${periodWords(scope)}（截至 ${asOf}）`, `规则集：${ruleSet.title}`, '', ...branchComparisonLines(comparison!)].join('\n'));
    ctx.info('\n每个支部的人员情况：shuxiang audit --branch 支部名称；全部人员：shuxiang audit --all');
  } else {
    const where = member ? `${member.name}（${member.branch}）` : branch?.name ?? (all.length === 1 ? all[0]!.name : `${settings.organ ?? ''}全部 ${all.length} 个支部`);
    const heading = `达标检查：${where} · ${periodWords(scope)}（截至 ${asOf}）${o.leaders ? ' · 班子成员' : ''}`;
    const person = member && report.people.find((p) => p.memberId === member.id);
    if (member && !person) ctx.out(`${heading}\n\n${member.name} 在此期间不在册（或不是班子成员），没有需要检查的指标。`);
    else if (person) ctx.out(renderMemberAudit(ctx.paint, report, person, heading));
    else if (organView && !o.all) ctx.out(renderOrganAudit(ctx.paint, report, comparison!, heading));
    else ctx.out(renderAudit(ctx.paint, report, heading));
    if (plan?.rows.length) ctx.out(['', ctx.paint('bold', '四、学习计划执行情况'), ...planGapLines(plan, !branch && new Set(plan.rows.map((x) => x.branch)).size > 1)].join('\n'));
    if (organView && !o.all) ctx.info('\n全部人员：shuxiang audit --all；一个支部：shuxiang audit --branch 支部名称；只看对比：shuxiang audit --by-branch');
    else if (!member && report.people.length) ctx.info('\n每人逐期的明细：shuxiang audit --member 姓名；全部结果及依据的记录编号：shuxiang --json audit');
  }
  const gaps = auditGaps(result);
  if (gaps) throw gaps;
  if (ctx.json) return;
  if (!member && report.people.length === 0) ctx.info('此期间没有在册人员，没有需要检查的个人指标。请先导入花名册：shuxiang import 花名册.xlsx');
  else ctx.info('已结束的周期全部达标。');
}
