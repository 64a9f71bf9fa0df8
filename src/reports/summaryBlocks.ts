// Turns a wording template (templates/report/summary.md, or an organ's own copy) and a report into the
// blocks of the written summary: title, headings, paragraphs, tables, the signature — with every
// {{placeholder}} filled. The Word and Markdown renderers lay these blocks out; neither reads the template.
import type { PeriodReport } from './periodReportTypes.js';
import { summaryCharts, type SummaryChart } from './summaryCharts.js';
import { problemParagraphs, summaryTables, themeParagraphs, type SummaryTable } from './summaryText.js';

/** One block of the summary. `edit` marks text the secretary is meant to replace (【…】). */
export type SummaryBlock =
  | { kind: 'title'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string; edit?: boolean }
  | { kind: 'sign'; lines: string[] }
  | { kind: 'table'; table: SummaryTable }
  /** A chart, followed by a table of its figures. */
  | { kind: 'chart'; chart: SummaryChart };

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Fills the template; `unknown` lists placeholders that name nothing (left as typed). */
export function summaryBlocks(template: string, r: PeriodReport, fields: Record<string, string>): { blocks: SummaryBlock[]; unknown: string[] } {
  const unknown = new Set<string>();
  const fill = (s: string) => s.replace(PLACEHOLDER, (all, name: string) => {
    if (name in fields) return fields[name]!;
    unknown.add(name);
    return all;
  });
  const tables = summaryTables(r);
  const charts = summaryCharts(r);
  const blocks: SummaryBlock[] = [];
  const text = template.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/\r\n?/g, '\n');
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const sign: string[] = [];
    let body: string[] = [];
    const flush = () => {
      if (body.length) pushParagraph(blocks, body.join(''), fill, { tables, charts }, r, unknown);
      body = [];
    };
    for (const line of lines) {
      const h = /^(#{1,3})\s+(.*)$/.exec(line);
      if (h) {
        flush();
        blocks.push({ kind: h[1]!.length === 1 ? 'title' : h[1]!.length === 2 ? 'h1' : 'h2', text: fill(h[2]!) });
      } else if (line.startsWith('>')) {
        flush();
        sign.push(fill(line.replace(/^>\s?/, '')));
      } else body.push(line);
    }
    flush();
    if (sign.length) blocks.push({ kind: 'sign', lines: sign });
  }
  return { blocks, unknown: [...unknown] };
}

/** A paragraph, or the blocks a lone block placeholder ({{存在问题}}, {{表:…}}) stands for. */
function pushParagraph(out: SummaryBlock[], raw: string, fill: (s: string) => string, made: { tables: Record<string, SummaryTable>; charts: Record<string, SummaryChart> }, r: PeriodReport, unknown: Set<string>): void {
  const { tables, charts } = made;
  const only = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(raw);
  const name = only?.[1]?.replace(/：/g, ':');
  if (name === '存在问题' || name === 'problems') {
    for (const text of problemParagraphs(r)) out.push({ kind: 'p', text });
    return;
  }
  if (name === '活动主题' || name === 'sessionThemes') {
    for (const text of themeParagraphs(r)) out.push({ kind: 'p', text });
    return;
  }
  const c = name && /^(?:图|chart):\s*(.+)$/.exec(name);
  if (c) {
    const key = c[1]!;
    // A chart the period has no figures for (no sessions, no books) is left out; an unknown name is reported.
    if (charts[key] ?? charts[CHART_ALIASES[key] ?? '']) out.push({ kind: 'chart', chart: (charts[key] ?? charts[CHART_ALIASES[key]!])! });
    else if (!CHART_NAMES.includes(key) && !CHART_ALIASES[key]) keptAsTyped(out, raw, only![1]!, unknown);
    return;
  }
  const t = name && /^(?:表|table):\s*(.+)$/.exec(name);
  if (t) {
    const table = tables[t[1]!] ?? tables[TABLE_ALIASES[t[1]!] ?? ''];
    if (table) out.push({ kind: 'table', table });
    // The branch comparison exists only in a report over several branches: elsewhere it is left out.
    else if (t[1] !== '支部对比' && t[1] !== 'branches') keptAsTyped(out, raw, only![1]!, unknown);
    return;
  }
  const text = fill(raw);
  out.push({ kind: 'p', text, ...(/^【[\s\S]*】$/.test(text) ? { edit: true } : {}) });
}

/** A block placeholder that names no table or chart: kept in the text as typed, and reported (the message
 * says 已原样保留 — as it says of an unknown {{字段}} inside a sentence). */
function keptAsTyped(out: SummaryBlock[], raw: string, name: string, unknown: Set<string>): void {
  unknown.add(name);
  out.push({ kind: 'p', text: raw });
}

const CHART_NAMES = ['出勤率', '活动类型', '达标情况', '读书类别'];
const CHART_ALIASES: Record<string, string> = { attendance: '出勤率', sessions: '活动类型', compliance: '达标情况', books: '读书类别' };
const TABLE_ALIASES: Record<string, string> = { figures: '基本数据', sessions: '活动类型', books: '读书类别', compliance: '达标情况', branches: '支部对比' };
