// The branch comparison (SPEC §6.7) on a terminal: one row per branch, worst first, the organ's totals
// last; then, per member rule, the share of each branch's members without an ended gap.
import { formatRate } from '../../domain/attendanceStats.js';
import type { BranchComparison, BranchFigures } from '../../reports/branchComparison.js';
import { formatTable, type Column } from './table.js';

const pct = (x: number | null) => formatRate(x);
const num = (x: number) => String(Math.round(x * 100) / 100);

/** The comparison table and the per-rule shares, as lines (the heading is the caller's). */
export function branchComparisonLines(c: BranchComparison): string[] {
  const rows = [...c.branches, c.organ];
  const duties = c.organ.duties.map((d) => d.rule);
  const columns: Column<BranchFigures>[] = [
    { header: '支部', value: (r) => r.branch },
    { header: '在册', value: (r) => r.members, align: 'right' },
    { header: '活动', value: (r) => r.sessionsHeld, align: 'right' },
    ...duties.map((id): Column<BranchFigures> => ({
      header: id, align: 'right',
      value: (r) => { const d = r.duties.find((x) => x.rule === id); return d ? `${num(d.actual)}/${num(d.required)}${d.gap ? `（缺${d.gap}）` : ''}` : ''; },
    })),
    { header: '未完成职责', value: (r) => r.dutiesUnmet, align: 'right' },
    { header: '参加率', value: (r) => pct(r.attendance.rate), align: 'right' },
    { header: '全部达标', value: (r) => pct(r.shareAllMet), align: 'right' },
    { header: '有未达标', value: (r) => `${r.peopleWithGaps} 人`, align: 'right' },
    { header: '人均读书', value: (r) => num(r.booksPerHead), align: 'right' },
    { header: '人均自学', value: (r) => `${num(r.studyHoursPerHead)} 学时`, align: 'right' },
    { header: '计划开展', value: (r) => (r.plan.planned ? `${r.plan.held}/${r.plan.planned}` : '—'), align: 'right' },
  ];
  const out = [formatTable(columns, rows)];
  out.push(`说明：活动为各类学习活动次数；${duties.length ? `${duties.join('、')} 为支部职责“已举办/应举办”（缺 N 为未完成的周期数）；` : ''}全部达标为已结束的周期无一未达标的人员占比；计划开展为已开展/已到期的计划月份。`);
  out.push(c.order);
  const rules = c.organ.rules.filter((r) => r.applicable > 0).map((r) => ({ id: r.rule, title: r.title }));
  if (rules.length) {
    out.push('', '各项指标达标人员占比（已结束的周期无未达标 ÷ 适用人数）');
    out.push(formatTable([
      { header: '支部', value: (r: BranchFigures) => r.branch },
      ...rules.map((x): Column<BranchFigures> => ({ header: x.id, align: 'right', value: (r) => pct(r.rules.find((s) => s.rule === x.id)?.share ?? null) })),
    ], rows));
    out.push(rules.map((x) => `${x.id} ${x.title}`).join('；'));
  }
  return out;
}
