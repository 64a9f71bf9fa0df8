// The 支部对比 sheet of the ledger workbook (SPEC §6.7): the branch comparison as one table — a row per
// branch, worst first, the organ's totals as the 合计 row — then each member rule's share per branch.
import type { CellValue } from './ledgerStyle.js';
import type { TableColumn, TableSheet } from './tableSheet.js';
import type { BranchComparison, BranchFigures } from '../../reports/branchComparison.js';

/** The sheet's name (LEDGER_SHEETS lists it after 达标情况 when the report covers several branches). */
export const BRANCH_SHEET = '支部对比';

const col = (header: string, kind: TableColumn['kind'] = 'text', extra: Partial<TableColumn> = {}): TableColumn => ({ header, kind, ...extra });

/** The table, read off the comparison; `title` names the organ and the period. */
export function branchComparisonSheet(c: BranchComparison, title: string): TableSheet {
  const duties = c.organ.duties;
  const rules = c.organ.rules.filter((r) => r.applicable > 0);
  const row = (r: BranchFigures, seq: CellValue): CellValue[] => [
    seq, r.branch, r.members, r.sessionsHeld,
    ...duties.flatMap((d) => { const x = r.duties.find((y) => y.rule === d.rule); return [x?.actual ?? null, x?.required ?? null]; }),
    r.dutiesUnmet, r.attendance.rate, r.shareAllMet, r.peopleWithGaps, r.books, r.booksPerHead, r.studyHours, r.studyHoursPerHead,
    r.plan.planned || null, r.plan.planned ? r.plan.held : null,
    ...rules.map((s) => r.rules.find((x) => x.rule === s.rule)?.share ?? null),
  ];
  return {
    name: BRANCH_SHEET, title, freezeColumns: 2,
    columns: [
      col('序号', 'int', { width: 6, align: 'center' }), col('支部'), col('在册', 'int'), col('活动次数', 'int'),
      ...duties.flatMap((d) => [col(`${d.title}·已举办`, 'num'), col(`${d.title}·应举办`, 'num')]),
      col('未完成职责', 'int'), col('参加率', 'rate'), col('全部达标占比', 'rate'), col('有未达标人数', 'int'), col('读书', 'int'), col('人均读书', 'num'),
      col('自学学时', 'num'), col('人均自学学时', 'num'), col('计划月份', 'int'), col('计划已开展', 'int'),
      ...rules.map((s) => col(`${s.rule} 达标占比`, 'rate')),
    ],
    rows: c.branches.map((r, i) => row(r, i + 1)),
    totals: row(c.organ, '合计').map((v, i) => (i === 1 ? `${c.branches.length} 个支部` : v)),
    emptyNote: '（没有支部）',
  };
}
