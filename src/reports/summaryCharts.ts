// The pictures of the written summary, as plain data: attendance rate by month, sessions held by type
// against the rules' requirement, the share of members meeting each rule that binds every member (the
// 五坚持), and books read by category. Each chart carries the same figures as a table, for readers who print
// in black and white (and for the Markdown summary, which has no pictures). Word draws them (io/word/charts.ts).
import { attendanceRate } from '../domain/attendanceStats.js';
import type { PeriodReport } from './periodReportTypes.js';
import type { SummaryTable } from './summaryText.js';

/** One chart: its kind, categories and series (values may be null: no figure), and its table. */
export interface SummaryChart {
  /** Template name: {{图:出勤率}} … */
  key: string;
  caption: string;
  type: 'column' | 'bar';
  categories: string[];
  /** `color`: a 6-digit hex colour, else the theme's next. */
  series: { name: string; values: (number | null)[]; color?: string; labelColor?: string }[];
  /** Value-axis title, e.g. 出勤率（%）. */
  axisTitle: string;
  /** Fixed top of the value axis (100 for percentages); the bottom is always 0. */
  max?: number;
  /** Series stacked to 100 %. */
  stacked?: boolean;
  /** Data labels: one decimal (rates) or whole numbers (counts). */
  decimals: 0 | 1;
  table: SummaryTable;
}

const pct1 = (x: number) => Math.round(x * 1000) / 10;
const pctText = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);

/** The charts the period has figures for, by template name; a chart without figures is left out. */
export function summaryCharts(r: PeriodReport): Record<string, SummaryChart> {
  const out: Record<string, SummaryChart> = {};
  for (const c of [attendanceChart(r), sessionsChart(r), complianceChart(r), booksChart(r)]) if (c) out[c.key] = c;
  return out;
}

/** Attendance rate per calendar month with sessions (attended ÷ expected over the month's sessions, 请假
 * counted as attended when the rule set says so — as every other rate of the report). */
function attendanceChart(r: PeriodReport): SummaryChart | undefined {
  const months = new Map<string, { expected: number; attended: number; excused: number; sessions: number }>();
  for (const s of [...r.sessions].sort((a, b) => a.date.localeCompare(b.date))) {
    const k = s.date.slice(0, 7);
    const m = months.get(k) ?? { expected: 0, attended: 0, excused: 0, sessions: 0 };
    m.expected += s.expected;
    m.attended += s.attended;
    m.excused += s.excused;
    m.sessions++;
    months.set(k, m);
  }
  const rows = [...months].filter(([, m]) => m.expected > 0);
  if (!rows.length) return undefined;
  const label = (k: string) => `${Number(k.slice(5, 7))}月`;
  const excused = !!r.excusedCountsAsAttended;
  const rates = rows.map(([, m]) => pct1(attendanceRate(m, excused)!));
  return {
    key: '出勤率', caption: `${r.period.label}各月学习活动出勤率`, type: 'column', axisTitle: '出勤率（%）', max: 100, decimals: 1,
    categories: rows.map(([k]) => label(k)),
    series: [{ name: '出勤率', values: rates }],
    // With 请假 counted as attended (a rule-set setting) the rate is not 实到 ÷ 应到: the excused are shown too.
    table: excused ? {
      caption: `${r.period.label}各月学习活动出勤情况（请假算参加）`, headers: ['月份', '活动次数', '应到人次', '实到人次', '请假人次', '出勤率'],
      numeric: [false, true, true, true, true, true], widths: [2, 2, 2, 2, 2, 2],
      rows: rows.map(([k, m], i) => [label(k), String(m.sessions), String(m.expected), String(m.attended), String(m.excused), pctText(rates[i]!)]),
    } : {
      caption: `${r.period.label}各月学习活动出勤情况`, headers: ['月份', '活动次数', '应到人次', '实到人次', '出勤率'],
      numeric: [false, true, true, true, true], widths: [2, 2, 2, 2, 2],
      rows: rows.map(([k, m], i) => [label(k), String(m.sessions), String(m.expected), String(m.attended), pctText(rates[i]!)]),
    },
  };
}

/** Sessions held by type, beside what the branch rules require (a gap where no rule asks). */
function sessionsChart(r: PeriodReport): SummaryChart | undefined {
  const types = r.headline.sessionsByType.filter((t) => t.held || t.required !== null);
  if (!types.length) return undefined;
  const anyRequired = types.some((t) => t.required !== null);
  return {
    key: '活动类型', caption: '学习活动开展次数与规则要求', type: 'column', axisTitle: '次数', decimals: 0,
    categories: types.map((t) => t.name),
    series: [
      { name: '举办次数', values: types.map((t) => t.held) },
      ...(anyRequired ? [{ name: '规则要求', values: types.map((t) => t.required) }] : []),
    ],
    table: {
      caption: '学习活动开展情况', headers: ['活动类型', '举办次数', '规则要求', '情况'], numeric: [false, true, false, true], widths: [3, 2, 5, 2],
      rows: types.map((t) => [t.name, String(t.held), t.required !== null ? `${t.required}次（${t.requiredText}）` : t.requiredText || '—', STATUS[t.status ?? ''] ?? '—']),
    },
  };
}

const STATUS: Record<string, string> = { gap: '未达标', open: '进行中', met: '达标' };

/** For each rule every member is held to: the share of people met, still open, and short. */
function complianceChart(r: PeriodReport): SummaryChart | undefined {
  const rules = r.audit.rules.filter((x) => x.appliesTo === 'all' && x.applicable > 0);
  if (!rules.length) return undefined;
  const share = (n: number, of: number) => pct1(n / of);
  return {
    key: '达标情况', caption: '党员各项学习要求达标比例', type: 'bar', axisTitle: '占应检查人数（%）', max: 100, stacked: true, decimals: 0,
    categories: rules.map((x) => x.title),
    series: [
      { name: '达标', values: rules.map((x) => share(x.met, x.applicable)), color: '4472C4', labelColor: 'FFFFFF' },
      { name: '进行中', values: rules.map((x) => share(x.open, x.applicable)), color: 'BFBFBF' },
      { name: '未达标', values: rules.map((x) => share(x.gap, x.applicable)), color: 'C00000', labelColor: 'FFFFFF' },
    ],
    table: {
      caption: '党员各项学习要求达标情况（按人数计）', headers: ['要求', '应检查', '达标', '进行中', '未达标', '达标比例'],
      numeric: [false, true, true, true, true, true], widths: [5.5, 2, 1.6, 2, 2, 2.4],
      rows: rules.map((x) => [x.title, `${x.applicable}人`, String(x.met), String(x.open), String(x.gap), pctText(share(x.met, x.applicable))]),
    },
  };
}

/** Books finished, by category. */
function booksChart(r: PeriodReport): SummaryChart | undefined {
  const h = r.headline;
  if (!h.books || !h.booksByCategory.length) return undefined;
  return {
    key: '读书类别', caption: `${r.period.label}读书情况（按类别）`, type: 'column', axisTitle: '本数', decimals: 0,
    categories: h.booksByCategory.map((b) => b.category),
    series: [{ name: '读完本数', values: h.booksByCategory.map((b) => b.count) }],
    table: {
      caption: '读书情况（按类别）', headers: ['类别', '本数', '占比'], numeric: [false, true, true], widths: [3, 2, 2],
      rows: h.booksByCategory.map((b) => [b.category, String(b.count), pctText(pct1(b.count / h.books))]),
    },
  };
}
