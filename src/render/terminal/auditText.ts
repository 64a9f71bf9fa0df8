// The audit on a terminal: the summary per rule, then each person's gaps worst first (and what is still
// needed in the open periods), then the branch duties; or, for one person, every verdict in full.
import { citesOf, type AuditReport, type AuditVerdict, type PersonAudit } from '../../reports/audit.js';
import type { Paint } from '../../shared/colour.js';
import { formatTable } from './table.js';
import type { BranchComparison } from '../../reports/branchComparison.js';
import { branchComparisonLines } from './branchComparisonText.js';
import { PERIOD_EVERY, STATUS_LABELS, citeCount, compactPeriods, formatProgress, paintStatus, periodCount } from './auditFormat.js';

/** The summary table: each rule with how many people (or branches) are met, short, open, not judged. */
export function summaryTable(paint: Paint, r: AuditReport): string {
  const n = (v: number, colour: 'red' | 'yellow' | 'green') => (v ? paint(colour, String(v)) : '0');
  return formatTable([
    { header: '规则', value: (s) => s.rule.id },
    { header: '名称', value: (s) => s.rule.title },
    { header: '周期', value: (s) => PERIOD_EVERY[s.rule.period] },
    { header: '适用', value: (s) => s.applicable, align: 'right' },
    { header: '达标', value: (s) => n(s.met, 'green'), align: 'right' },
    { header: '未达标', value: (s) => n(s.gap, 'red'), align: 'right' },
    { header: '进行中', value: (s) => n(s.open, 'yellow'), align: 'right' },
    { header: '不适用', value: (s) => s.na, align: 'right' },
  ], r.rules);
}

/** The whole audit: summary, people, branch duties. */
export function renderAudit(paint: Paint, r: AuditReport, heading: string): string {
  const out: string[] = [heading, `规则集：${r.ruleSet.title}`];
  if (r.calendarNote) out.push(paint('yellow', `注意：${r.calendarNote}。`));
  out.push('', `一、各项指标（按人数计${r.rules.some((x) => x.rule.appliesTo === 'branch') ? '，支部职责按支部计' : ''}）`, summaryTable(paint, r));
  out.push('说明：任一已结束的周期未达标即计入“未达标”；只有尚未结束的周期还没完成的计入“进行中”。');

  const titles = new Map(r.ruleSet.rules.map((x) => [x.id, x.title]));
  const people = r.people.filter((p) => p.gaps.length || p.open.length);
  if (r.judgedMembers) {
    out.push('', '二、个人情况（未达标多的在前）');
    people.forEach((p, i) => out.push(...personBlock(paint, p, i + 1, titles)));
    const fine = r.judgedMembers - people.length;
    if (fine) out.push(`${people.length ? '其余 ' : ''}${fine} 人各项均已达标（或不适用）。`);
  }
  if (r.branches.length) {
    out.push('', `${r.judgedMembers ? '三' : '二'}、支部职责`);
    for (const b of r.branches) {
      out.push(`${b.name}：`);
      const items = groupLines(paint, b.verdicts.filter((v) => v.status !== 'met' && v.status !== 'na'), titles);
      const met = [...new Set(b.verdicts.filter((v) => v.status === 'met').map((v) => titles.get(v.rule) ?? v.rule))];
      out.push(...items.map((l) => `   ${l}`));
      if (met.length) out.push(`   ${paintStatus(paint, 'met')}  ${met.join('、')}${items.length ? '（其余周期）' : ''}`);
      if (!items.length && !met.length) out.push('   （本期没有需检查的支部职责）');
    }
  }
  return out.join('\n');
}

/** How many people the organ's view lists by name (the worst first). */
export const ATTENTION_PEOPLE = 20;
/** How many branches' unmet duties the organ's view spells out. */
export const ATTENTION_BRANCHES = 10;

/** The organ's audit (several branches, none chosen): the branch comparison first, the rules, then only
 * the people who need attention most — the worst ATTENTION_PEOPLE with an ended gap. */
export function renderOrganAudit(paint: Paint, r: AuditReport, c: BranchComparison, heading: string): string {
  const out: string[] = [heading, `规则集：${r.ruleSet.title}`];
  if (r.calendarNote) out.push(paint('yellow', `注意：${r.calendarNote}。`));
  out.push('', `一、各支部对比（${c.branches.length} 个支部，差的在前）`, ...branchComparisonLines(c));
  out.push('', '二、各项指标（按人数计，支部职责按支部计）', summaryTable(paint, r));
  const titles = new Map(r.ruleSet.rules.map((x) => [x.id, x.title]));
  const short = r.people.filter((p) => p.gaps.length);
  out.push('', `三、需要关注的人员（有未达标项的共 ${short.length} 人${short.length > ATTENTION_PEOPLE ? `，列出最需关注的 ${ATTENTION_PEOPLE} 人` : ''}）`);
  short.slice(0, ATTENTION_PEOPLE).forEach((p, i) => out.push(...personBlock(paint, p, i + 1, titles, true)));
  if (!short.length) out.push('已结束的周期没有人未达标。');
  // Branch duties not (yet) met, for the worst branches of the comparison.
  const order = new Map(c.branches.map((b, i) => [b.branchId, i]));
  const owing = r.branches.filter((b) => b.verdicts.some((v) => v.status === 'gap' || v.status === 'open'))
    .sort((a, b) => (order.get(a.branchId) ?? 1e9) - (order.get(b.branchId) ?? 1e9));
  if (owing.length) {
    out.push('', `四、支部职责（未完成或进行中的 ${owing.length} 个支部${owing.length > ATTENTION_BRANCHES ? `，列出最需关注的 ${ATTENTION_BRANCHES} 个` : ''}）`);
    for (const b of owing.slice(0, ATTENTION_BRANCHES)) {
      out.push(`${b.name}：`, ...groupLines(paint, b.verdicts.filter((v) => v.status === 'gap' || v.status === 'open'), titles).map((l) => `   ${l}`));
    }
  }
  return out.join('\n');
}

function personBlock(paint: Paint, p: PersonAudit, rank: number, titles: Map<string, string>, withBranch = false): string[] {
  const who = `${p.name}${p.post ? `（${p.post}）` : ''}${withBranch ? `　${p.branch}` : ''}`;
  const counts = [p.gaps.length && paint('red', `未达标 ${p.gaps.length} 项`), p.open.length && paint('yellow', `进行中 ${p.open.length} 项`)]
    .filter(Boolean).join('，');
  return [`${rank}. ${who}：${counts}`, ...groupLines(paint, [...p.gaps, ...p.open], titles).map((l) => `   ${l}`)];
}

/** One line per rule and status, ended gaps first. When the periods differ in what they lack (self-study
 * hours per month), the line gives how many and the latest one; `audit --member` has every period. */
function groupLines(paint: Paint, verdicts: AuditVerdict[], titles: Map<string, string>): string[] {
  const groups = new Map<string, AuditVerdict[]>();
  for (const v of verdicts) {
    const key = `${v.status}\u0000${v.rule}`;
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  const rank = (v: AuditVerdict) => (v.status === 'gap' ? 0 : 1);
  const say = (v: AuditVerdict) => v.need ?? v.note ?? '';
  return [...groups.values()]
    .sort((a, b) => rank(a[0]!) - rank(b[0]!))
    .map((g) => {
      const ids = g.map((x) => x.period);
      const head = `${paintStatus(paint, g[0]!.status)}  ${titles.get(g[0]!.rule) ?? g[0]!.rule}  ${compactPeriods(ids)}`;
      const count = g.length > 1 ? `（共 ${periodCount(ids)}）` : '';
      const last = g[g.length - 1]!;
      if (new Set(g.map(say)).size === 1) return `${head}${count}：${say(last)}`;
      return `${head}${count}；最近 ${last.period}：${say(last)}`;
    });
}

/** One row of the one-person table: a period, or a run of periods with exactly the same result. */
interface MemberRow {
  v: AuditVerdict;
  periods: string[];
  progress: string;
  cited: number;
}

/** One person in full: every rule and period, met ones too, with the evidence counted; runs of periods
 * with the same figures (weeks without a lecture) share a row. */
export function renderMemberAudit(paint: Paint, r: AuditReport, p: PersonAudit, heading: string): string {
  const ruleOf = new Map(r.ruleSet.rules.map((x) => [x.id, x]));
  const rows: MemberRow[] = [];
  for (const v of p.all) {
    const rule = ruleOf.get(v.rule)!;
    const row: MemberRow = { v, periods: [v.period], progress: formatProgress(rule, v.actual, v.required), cited: citeCount(citesOf(v.evidence)) };
    const last = rows[rows.length - 1];
    const same = last && last.v.rule === v.rule && last.v.status === v.status && last.progress === row.progress
      && last.cited === row.cited && (last.v.need ?? last.v.note) === (v.need ?? v.note);
    if (same) last.periods.push(v.period);
    else rows.push(row);
  }
  let shown = '';
  const table = formatTable<MemberRow>([
    { header: '规则', value: (x) => (x.v.rule === shown ? '' : ((shown = x.v.rule), ruleOf.get(x.v.rule)?.title ?? x.v.rule)) },
    { header: '期间', value: (x) => compactPeriods(x.periods) },
    { header: '结果', value: (x) => paintStatus(paint, x.v.status) },
    { header: '完成/要求', value: (x) => x.progress },
    { header: '依据', value: (x) => `${x.periods.length > 1 && x.cited ? '各 ' : ''}${x.cited} 条`, align: 'right' },
    { header: '说明', value: (x) => x.v.need ?? x.v.note ?? '' },
  ], rows);
  const counts = (['met', 'gap', 'open', 'na'] as const).map((s) => `${STATUS_LABELS[s]} ${p.all.filter((v) => v.status === s).length} 项`).join('，');
  const out = [heading, `规则集：${r.ruleSet.title}`];
  if (r.calendarNote) out.push(paint('yellow', `注意：${r.calendarNote}。`));
  out.push('', table, '', `合计（按周期计）：${counts}。`, '“依据”是计入的记录条数；加 --json 可看到每条记录的编号（活动编号，以及 log list 中的编号）。');
  return out.join('\n');
}
