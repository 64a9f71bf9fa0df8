// The 达标情况 and 未达标明细 sheets of the ledger workbook: one row per subject (member or branch) × rule
// with the short periods listed, legible on an A4 page, and one row per period with its figures.
import type { PeriodReport, VerdictRow } from '../../reports/periodReportTypes.js';
import { shortPeriodText, tightCjk } from '../../reports/reportNames.js';
import type { CellValue } from './ledgerStyle.js';
import type { TableColumn, TableSheet } from './tableSheet.js';

const STATUS: Record<string, string> = { gap: '未达标', open: '进行中' };
const APPLIES: Record<string, string> = { all: '全体党员', leaders: '班子成员', branch: '支部' };

/** The 达标情况 sheet: one row per subject × rule — how many ended periods short and which (in short:
 * 1月、3月, 第3周、第5周), what the open period still needs, and what the latest short one lacked. It fits
 * an A4 landscape page at full size; the figures of every period are on the 未达标明细 sheet. */
export function auditSheet(r: PeriodReport, title: string, multi: boolean): TableSheet {
  const col = (header: string, kind: TableColumn['kind'] = 'text', extra: Partial<TableColumn> = {}): TableColumn => ({ header, kind, ...extra });
  const groups = new Map<string, VerdictRow[]>();
  for (const v of r.audit.verdicts) {
    const key = `${v.rule}\u0000${v.memberId === undefined ? `b:${v.branch}` : `m:${v.memberId}`}`;
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  const rows = [...groups.values()].map((g, i): CellValue[] => {
    const x = g[0]!;
    const gaps = g.filter((v) => v.status === 'gap');
    const open = g.filter((v) => v.status === 'open');
    return [
      i + 1, x.subject, ...(multi ? [x.branch] : []), x.ruleTitle, APPLIES[x.appliesTo] ?? x.appliesTo,
      gaps.length || null, gaps.map((v) => shortPeriodText(v.period)).join('、') || null,
      gaps.length ? tightCjk(gaps.at(-1)!.need) : null,
      open.length ? open.map((v) => `${shortPeriodText(v.period)}：${tightCjk(v.need)}`).join('\n') : null,
    ];
  });
  return {
    name: '达标情况', title, freezeColumns: 2,
    columns: [col('序号', 'int', { width: 6, align: 'center' }), col('对象'), ...(multi ? [col('支部')] : []), col('规则名称', 'text', { wrap: true, width: 22 }), col('考核对象'),
      col('未达标期数', 'int'), col('未达标期间', 'text', { wrap: true, width: 26 }), col('最近一期还差', 'text', { wrap: true, width: 26 }),
      col('进行中（本期还差）', 'text', { wrap: true, width: 26 })],
    rows,
    emptyNote: '本期各项指标均已达标。',
  };
}

/** The 未达标明细 sheet: every period short (未达标) or still open (进行中), with its figures. */
export function auditDetailSheet(r: PeriodReport, title: string, multi: boolean): TableSheet {
  const col = (header: string, kind: TableColumn['kind'] = 'text', extra: Partial<TableColumn> = {}): TableColumn => ({ header, kind, ...extra });
  return {
    name: '未达标明细', title, freezeColumns: 2,
    columns: [col('序号', 'int', { width: 6, align: 'center' }), col('对象'), ...(multi ? [col('支部')] : []), col('规则编号'), col('规则名称', 'text', { wrap: true, width: 20 }),
      col('期间'), col('状态'), col('要求', 'figure', { wrap: true, width: 12 }), col('实际', 'figure', { wrap: true, width: 12 }), col('差距', 'figure', { wrap: true, width: 12 }),
      col('说明', 'text', { wrap: true, width: 34 })],
    rows: r.audit.verdicts.map((v, i) => [i + 1, v.subject, ...(multi ? [v.branch] : []), v.rule, v.ruleTitle, v.period, STATUS[v.status] ?? v.status,
      v.required, v.actual, v.short, tightCjk(v.need)]),
    emptyNote: '本期各项指标均已达标。',
  };
}
