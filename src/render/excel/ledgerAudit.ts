// The 达标情况 sheet of the ledger workbook: one row per subject (member or branch) × rule × status, with
// the periods it covers listed in a cell — an organ's year has ~30,000 failing weeks, and one row each
// made this the largest sheet of the workbook. Figures that differ between the periods are listed by period.
import type { PeriodReport, VerdictRow } from '../../reports/periodReportTypes.js';
import type { CellValue } from './ledgerStyle.js';
import type { TableColumn, TableSheet } from './tableSheet.js';

const STATUS: Record<string, string> = { gap: '未达标', open: '进行中' };
const APPLIES: Record<string, string> = { all: '全体党员', leaders: '班子成员', branch: '支部' };

/** The verdicts of one subject, rule and status, in the report's order. */
interface Group {
  first: VerdictRow;
  rows: VerdictRow[];
}

/** Groups the report's verdict rows by subject, rule and status, keeping the order of each group's first row. */
export function groupVerdicts(verdicts: VerdictRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const v of verdicts) {
    const key = `${v.status}\u0000${v.rule}\u0000${v.memberId === undefined ? `b:${v.branch}` : `m:${v.memberId}`}`;
    const g = groups.get(key);
    if (g) g.rows.push(v);
    else groups.set(key, { first: v, rows: [v] });
  }
  return [...groups.values()];
}

/** One figure over a group's periods: the figure when all agree, else “2026-W03 0；2026-W07 0.5”. */
function figure(rows: VerdictRow[], pick: (v: VerdictRow) => string): string {
  const first = pick(rows[0]!);
  if (rows.every((v) => pick(v) === first)) return first;
  return rows.map((v) => `${v.period} ${pick(v)}`).join('；');
}

/** The 达标情况 sheet (未达标 and 进行中 only). */
export function auditSheet(r: PeriodReport, title: string, multi: boolean): TableSheet {
  const col = (header: string, kind: TableColumn['kind'] = 'text', extra: Partial<TableColumn> = {}): TableColumn => ({ header, kind, ...extra });
  const rows = groupVerdicts(r.audit.verdicts).map(({ first: x, rows: g }, i): CellValue[] => [
    i + 1, x.rule, x.subject, x.ruleTitle, APPLIES[x.appliesTo] ?? x.appliesTo, ...(multi ? [x.branch] : []),
    g.map((v) => v.period).join('、'), STATUS[x.status] ?? x.status, g.length,
    figure(g, (v) => v.required), figure(g, (v) => v.actual), figure(g, (v) => v.short), g[g.length - 1]!.need,
  ]);
  return {
    name: '达标情况', title, freezeColumns: 3,
    columns: [col('序号', 'int', { width: 6, align: 'center' }), col('规则编号'), col('对象'), col('规则名称', 'text', { wrap: true }), col('考核对象'),
      ...(multi ? [col('支部')] : []), col('期间', 'text', { wrap: true, width: 30 }), col('状态'), col('期数', 'int'),
      col('要求', 'figure', { wrap: true, width: 14 }), col('实际', 'figure', { wrap: true, width: 18 }), col('差距', 'figure', { wrap: true, width: 18 }),
      col('说明（最近一期）', 'text', { wrap: true, width: 44 })],
    rows,
    emptyNote: '本期各项指标均已达标。',
  };
}
