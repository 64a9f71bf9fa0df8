// Compact bar charts for the terminal report: the monthly attendance rate and the share of members
// meeting each rule every member is held to — Unicode blocks in eighths, labels padded by display width
// (Chinese takes two columns), from the same figures the Word summary charts (summaryCharts.ts).
import { summaryCharts } from '../../reports/summaryCharts.js';
import type { PeriodReport } from '../../reports/periodReportTypes.js';
import { displayWidth, padDisplay } from '../../shared/width.js';
import type { Paint } from '../../shared/colour.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `value / max` of at most `width` columns, in eighths of a column. */
export function bar(value: number, max: number, width: number): string {
  const eighths = max > 0 ? Math.round((Math.max(0, Math.min(value, max)) / max) * width * 8) : 0;
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Labelled bars, one line each: “3月  ███████████▊ 89.9%”. */
export function barLines(rows: { label: string; value: number; text: string }[], max: number, width = 30): string[] {
  const w = Math.max(...rows.map((r) => displayWidth(r.label)));
  return rows.map((r) => `  ${padDisplay(r.label, w)}  ${padDisplay(bar(r.value, max, width), width)} ${r.text}`);
}

/** The two charts, or nothing when the period has no figures for them. */
export function renderReportBars(paint: Paint, r: PeriodReport): string[] {
  const charts = summaryCharts(r);
  const out: string[] = [];
  const att = charts['出勤率'];
  if (att && att.categories.length > 1) {
    out.push('', paint('bold', '各月出勤率'), ...barLines(att.categories.map((c, i) => {
      const v = att.series[0]!.values[i] ?? 0;
      return { label: c, value: v, text: `${v.toFixed(1)}%` };
    }), 100));
  }
  const met = charts['达标情况'];
  if (met) {
    const rule = r.audit.rules.filter((x) => x.appliesTo === 'all' && x.applicable > 0);
    out.push('', paint('bold', '党员各项要求达标比例（█ 达标）'), ...barLines(met.categories.map((c, i) => {
      const v = met.series[0]!.values[i] ?? 0;
      const x = rule[i]!;
      return { label: c, value: v, text: `${v.toFixed(1)}%（${x.met}/${x.applicable}人${x.open ? `，进行中${x.open}` : ''}）` };
    }), 100, 20));
  }
  return out;
}
