// The year-end papers as a reader above sees them: the Word summary's native charts (chart parts with the
// right series and categories, value axes from 0, 图N captions, a table of the same figures after each),
// no sentence with an empty figure, the 存在问题 section summarised per rule (golden, demo year), a title
// broken at a sensible point, terminal bar charts, the ledger and rank workbooks printed at 9 pt or more
// on A4, and the PDF through LibreOffice (skipped, and said so, where soffice is not installed).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { printScale } from '../../src/render/excel/ledgerStyle.js';
import { findSoffice } from '../../src/render/pdf/libreoffice.js';
import { displayWidth } from '../../src/shared/width.js';
import { useDemo } from '../helpers/demo.js';
import { docxParts, runText } from '../helpers/docx.js';

const NOW = '2026-12-31';
const demo = useDemo(NOW);
const run = demo.run;
/** The demo's working folder. */
const t = { get dir() { return demo.dir(); } };

const parts = docxParts;
/** The text of each body paragraph outside tables. */
function sentences(doc: string): string[] {
  const body = doc.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => runText(p[0])).filter(Boolean);
}
/** A figure that says nothing: 0次, 0项, 0天, 0本, 0篇, 0人次, —分, —%. */
const EMPTY = /(?<![\d.,])0(?:次|项|天|本|篇|人次|名|学时)|—(?:分|%|学时|次)/;

describe('summary charts and wording', () => {
  let x: Record<string, string>;
  beforeAll(async () => {
    expect((await run(['report', '--year', '2026', '--docx', '年.docx', '--md', '年.md'])).code).toBe(0);
    x = await parts(join(t.dir, '年.docx'));
  });

  it('has four native charts with the right series and categories, value axes from 0', () => {
    const charts = Object.keys(x).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toHaveLength(4);
    const [sessions, attendance, books, rules] = charts.map((n) => x[n]!);
    const series = (c: string) => [...c.matchAll(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    const cats = (c: string) => [...(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(c)![1]!).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(series(sessions!)).toEqual(['举办次数', '规则要求']);
    expect(cats(sessions!)).toEqual(expect.arrayContaining(['集中学习', '读书交流', '联学共建']));
    expect(series(attendance!)).toEqual(['出勤率']);
    expect(cats(attendance!)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(series(books!)).toEqual(['读完本数']);
    expect(cats(books!)).toEqual(['政治理论', '业务', '科学人文', '党史']);
    expect(series(rules!)).toEqual(['达标', '进行中', '未达标']);
    expect(cats(rules!)[0]).toBe('坚持每天自学1小时并做好笔记');
    for (const c of [sessions, attendance, books, rules]) expect(c).toMatch(/<c:valAx>[\s\S]*<c:min val="0"\/>/);
    expect(attendance).toContain('<c:max val="100"/>');
    // Each chart is referenced from the body and lives in the package with its content type.
    expect(x['[Content_Types].xml']).toContain('drawingml.chart+xml');
    expect((x['word/document.xml']!.match(/<c:chart /g) ?? []).length).toBe(4);
  });

  it('captions the charts 图1–图4 and follows each with a table of its figures', () => {
    const s = sentences(x['word/document.xml']!);
    expect(s.filter((p) => /^图\d　/.test(p))).toEqual([
      '图1　学习活动开展次数与规则要求', '图2　2026年度各月学习活动出勤率', '图3　2026年度读书情况（按类别）', '图4　党员各项学习要求达标比例',
    ]);
    const doc = x['word/document.xml']!;
    expect(doc.indexOf('图2　2026年度各月学习活动出勤率')).toBeLessThan(doc.indexOf('2026年度各月学习活动出勤情况'));
    expect(doc).toContain('92.7%');
    const md = readFileSync(join(t.dir, '年.md'), 'utf8');
    expect(md).toContain('| 月份 | 活动次数 | 应到人次 | 实到人次 | 出勤率 |');
  });

  it('has no sentence with an empty figure, in the year, a quarter and a month with little in it', async () => {
    for (const [flag, period] of [['--year', '2026'], ['--quarter', '2026-Q1'], ['--month', '2026-02']] as const) {
      const f = `${period}.docx`;
      expect((await run(['report', flag, period, '--docx', f])).code).toBe(0);
      const bad = sentences((await parts(join(t.dir, f)))['word/document.xml']!).filter((p) => EMPTY.test(p));
      expect(bad, period).toEqual([]);
    }
    const s = sentences(x['word/document.xml']!).join('\n');
    expect(s).not.toMatch(/《[^》]*《/);
    expect(s).not.toMatch(/[周月期] 等/);
    // 达标规则数 counts member rules only; essays leave out 调研报告 (demo: 3 of them).
    expect(s).toContain('党员个人13项要求中有');
    expect(s).toMatch(/撰写心得体会和理论文章76篇/);
  });

  it('summarises 存在问题 per rule (golden, demo year)', () => {
    const s = sentences(x['word/document.xml']!);
    const from = s.indexOf('四、存在问题');
    const to = s.indexOf('五、下一步打算');
    expect(s.slice(from + 1, to)).toEqual([
      '一是“带头学习·每月集中学习”方面，2人未达标，合计4人次；其中曾志刚（3个月）、李秀英（1个月），如曾志刚6月差1次集中学习（请假1次，不计为参加）。',
      '二是“坚持每天自学1小时并做好笔记”方面，8人未达标，合计73人次；较突出的是曾志刚、吴军、林晓燕各11个月，如曾志刚11月差3天学习笔记（共21个工作日）。',
      '三是“坚持每周听1堂课或专题报告”方面，8人未达标，合计113人次；较突出的是许文博（33周）、林晓燕（24周）、吴军（21周），如许文博第52周差1次听课或专题报告。',
      '四是“坚持每季度至少读1本好书并交流”方面，8人未达标，合计10人次；较突出的是林晓燕（2个季度）、许文博（2个季度）、曾志刚（1个季度），如林晓燕第二季度差1次读书交流。',
      '以上共涉及11名党员、200人次未达标，逐人逐项情况见学习台账“达标情况”表，各期明细见“未达标明细”表。',
    ]);
  });

  it('breaks a long title after the period, not inside a word', async () => {
    const q = (await parts(join(t.dir, '2026-Q1.docx')))['word/document.xml']!;
    const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="Title"[\s\S]*?<\/w:p>/.exec(q)![0];
    expect([...title.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['机关第一党支部2026年第一季度', '学习型党组织建设工作总结']);
    expect(title).toContain('<w:br/>');
  });
});

/** The printed size of a sheet's body text, from its page setup and column widths. */
function printedPt(ws: ExcelJS.Worksheet, body: number): number {
  const p = ws.pageSetup;
  const widths = ws.columns.map((c) => c.width ?? 8.43);
  return body * (p.fitToPage ? printScale(widths, p.orientation ?? 'portrait') : (p.scale ?? 100) / 100);
}

describe('printed on A4', () => {
  it('every ledger sheet keeps its text at 9 pt or more; 达标情况 is one row per person × rule', async () => {
    expect((await run(['report', '--year', '2026', '--xlsx', '台账.xlsx'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, '台账.xlsx'));
    const sizes = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, Math.round(printedPt(ws, ws.name === '签到明细' ? 10 : 10.5) * 100) / 100]));
    expect(Object.entries(sizes).filter(([, pt]) => pt < 9)).toEqual([]);
    // The two that used to shrink to 6 pt: one page wide, at full or near-full size.
    expect(wb.getWorksheet('个人学习统计')!.pageSetup).toMatchObject({ fitToPage: true, orientation: 'landscape' });
    expect(sizes['达标情况']).toBe(10.5);
    // A sheet too wide for 9 pt on one page prints across pages with the names repeated.
    const roster = wb.getWorksheet('花名册')!.pageSetup;
    expect(roster).toMatchObject({ fitToPage: false, scale: 86, printTitlesColumn: 'A:B' });
    const audit = wb.getWorksheet('达标情况')!;
    const keys: string[] = [];
    audit.eachRow((row, n) => { if (n > 2) keys.push(`${row.getCell(2).value}|${row.getCell(3).value}`); });
    expect(new Set(keys).size).toBe(keys.length);
    expect(wb.getWorksheet('未达标明细')!.rowCount).toBeGreaterThan(audit.rowCount);
  }, 30_000);

  it('the rank sheet fits the longest name', async () => {
    expect((await run(['rank', '--year', '2026', '--xlsx', '评比.xlsx'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, '评比.xlsx'));
    const ws = wb.getWorksheet('评比计分')!;
    let longest = 0;
    ws.eachRow((row, n) => { if (n > 2) longest = Math.max(longest, displayWidth(String(row.getCell(2).value))); });
    expect(longest).toBeGreaterThanOrEqual(15); // 阿依古丽·买买提
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(longest + 1);
    expect(printedPt(ws, 10.5)).toBeGreaterThanOrEqual(9);
  });
});

describe('terminal bars', () => {
  it('shows monthly attendance and per-rule compliance as Unicode bars, aligned; none in --json', async () => {
    const r = await run(['report', '--year', '2026']);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('各月出勤率');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {2}1月 {3}█+[▏▎▍▌▋▊▉]? +90\.6%$/);
    const rates = lines.slice(at + 1, at + 13);
    expect(new Set(rates.map((l) => l.indexOf('█'))).size).toBe(1);
    expect(r.stdout).toMatch(/坚持每天自学1小时并做好笔记 +█+.* 40\.0%（10\/25人，进行中7）/);
    const j = await run(['--json', 'report', '--year', '2026']);
    expect(j.stdout).not.toContain('█');
    expect(() => JSON.parse(j.stdout)).not.toThrow();
  });
});

describe('--pdf', () => {
  it('without LibreOffice: a Chinese message, exit 2, nothing written', async () => {
    const r = await run(['report', '--year', '2026', '--pdf', '无.pdf', '--xlsx', '无.xlsx'], { SHUXIANG_SOFFICE: join(t.dir, 'no-soffice') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未找到 LibreOffice（soffice），无法生成 PDF。');
    expect(r.stderr).toContain('在 Word 或 WPS 中打开后“另存为 PDF”');
    expect(existsSync(join(t.dir, '无.pdf')) || existsSync(join(t.dir, '无.xlsx'))).toBe(false);
    const k = await run(['rank', '--year', '2026', '--pdf'], { SHUXIANG_SOFFICE: join(t.dir, 'no-soffice') });
    expect(k.code).toBe(2);
  });

  const soffice = findSoffice(process.env);
  const poppler = (() => { try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })();
  if (!soffice || !poppler) console.warn(`reportCharts.test.ts: PDF tests skipped — ${!soffice ? 'LibreOffice (soffice)' : 'poppler-utils (pdftotext)'} is not installed`);
  it.skipIf(!soffice || !poppler)('converts the summary and the award list through LibreOffice: Chinese text, CJK fonts only, 0600', async () => {
    const r = await run(['report', '--year', '2026', '--pdf', '总结.pdf'], { PATH: process.env.PATH ?? '' });
    expect(r.code, r.stderr).toBe(0);
    const pdf = join(t.dir, '总结.pdf');
    expect(statSync(pdf).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/ +/g, '');
    for (const s of ['一、基本情况', '四、存在问题', '图1', '图4', '学习型党组织建设工作总结', '以上共涉及11名党员']) expect(text).toContain(s);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    // Chinese in CJK faces (serif for 仿宋/楷体/宋体, sans for 黑体), digits in the Times stand-in; no DejaVu or other Latin fallback.
    expect(fonts.filter((f) => !/CJK|Song|Fang|Kai|Hei|Liberation|Times/i.test(f))).toEqual([]);
    expect(fonts.some((f) => /Serif.*CJK|Song|Fang/i.test(f))).toBe(true);
    expect(fonts.some((f) => /Sans.*CJK|Hei/i.test(f))).toBe(true);
    const k = await run(['rank', '--year', '2026', '--pdf', '表彰.pdf'], { PATH: process.env.PATH ?? '' });
    expect(k.code, k.stderr).toBe(0);
    const award = execFileSync('pdftotext', [join(t.dir, '表彰.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(award).toContain('荣誉证书');
    expect(award).toContain('评选理由');
  }, 120_000);
});
