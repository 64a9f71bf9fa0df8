// Small wordings the audit and remind screens share: statuses, period lists, figures, as a secretary reads them.
import type { Figure, VerdictStatus } from '../../domain/engine/types.js';
import { addDaysIso, type PeriodKind } from '../../domain/periods.js';
import type { Rule } from '../../domain/ruleSet.js';
import type { Paint } from '../../shared/colour.js';

/** 达标 / 未达标 / 进行中 / 不适用. */
export const STATUS_LABELS: Record<VerdictStatus, string> = { met: '达标', gap: '未达标', open: '进行中', na: '不适用' };

/** “每月”: how often a rule is judged, for the summary table. */
export const PERIOD_EVERY: Record<PeriodKind, string> = { day: '每天', week: '每周', month: '每月', quarter: '每季度', half: '每半年', year: '每年' };

/** A status word, coloured when the terminal takes colour (red gap, yellow open, green met). */
export function paintStatus(paint: Paint, status: VerdictStatus, text = STATUS_LABELS[status]): string {
  if (status === 'gap') return paint('red', text);
  if (status === 'open') return paint('yellow', text);
  if (status === 'met') return paint('green', text);
  return paint('gray', text);
}

const PART_LABELS: Record<string, string> = {
  hours: '自学小时', noteDays: '笔记天数', books: '读书', exchanges: '读书交流', trainings: '培训', exams: '考试',
};

const num = (n: number) => String(Math.round(n * 100) / 100);

/** A required/actual/gap figure: “1”, “90%”, “政治理论 1、业务 0”, “自学小时 22、笔记天数 22”. */
export function formatFigure(rule: Rule, f: Figure): string {
  if (typeof f === 'number') return rule.metric === 'attendance-rate' ? `${Math.round(f * 1000) / 10}%` : num(f);
  return Object.entries(f).map(([k, v]) => `${PART_LABELS[k] ?? k} ${num(v)}`).join('、');
}

/** Done against required in one cell: “0/1”, “85.7%/90%”, “政治理论 1/1、业务 0/1”, “自学小时 12/22、笔记天数 10/22”. */
export function formatProgress(rule: Rule, actual: Figure, required: Figure): string {
  if (typeof required === 'number') return `${formatFigure(rule, typeof actual === 'number' ? actual : 0)}/${formatFigure(rule, required)}`;
  const a = typeof actual === 'number' ? {} : actual;
  return Object.entries(required).map(([k, v]) => `${PART_LABELS[k] ?? k} ${num(a[k] ?? 0)}/${num(v)}`).join('、');
}

/** Total evidence items a verdict cites. */
export function citeCount(cites: Record<string, number[]>): number {
  return Object.values(cites).reduce((n, ids) => n + ids.length, 0);
}

const PERIOD_ID = /^(\d{4})-(W|Q|H)?(\d{1,2})$/;

/** Period ids in short runs: “2026-03～05、2026-08”, “2026-W02～W05、W09” (one year written once for weeks,
 * quarters, halves); past `max` runs the list ends with “等”. */
export function compactPeriods(ids: string[], max = 6): string {
  const runs: string[][] = [];
  for (const id of ids) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const a = prev ? PERIOD_ID.exec(prev) : null;
    const b = PERIOD_ID.exec(id);
    if (run && a && b && a[1] === b[1] && a[2] === b[2] && Number(b[3]) === Number(a[3]) + 1) run.push(id);
    else runs.push([id]);
  }
  const oneYear = new Set(ids.map((id) => id.slice(0, 4))).size === 1 && /^\d{4}-[WQH]/.test(ids[0] ?? '');
  const text = runs.map((r, i) => {
    const first = oneYear && i > 0 ? r[0]!.slice(5) : r[0]!;
    return r.length === 1 ? first : `${first}～${r[r.length - 1]!.slice(5)}`;
  });
  return text.length > max ? `${text.slice(0, max).join('、')} 等` : text.join('、');
}

/** “28 周”, “3 个月”, “2 个季度”: how many periods a list holds. */
export function periodCount(ids: string[]): string {
  const b = PERIOD_ID.exec(ids[0] ?? '');
  const unit = !b ? '期' : b[2] === 'W' ? '周' : b[2] === 'Q' ? '个季度' : b[2] === 'H' ? '个半年' : '个月';
  return `${ids.length} ${unit}`;
}

/** The day a period ends for someone (the as-of day plus the days left, less one): the deadline. */
export function dueDate(asOf: string, daysLeft: number | undefined): string | undefined {
  if (daysLeft === undefined) return undefined;
  return addDaysIso(asOf, daysLeft - 1);
}
