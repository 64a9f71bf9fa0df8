// The files `report` writes: the ledger workbook, the written summary as .docx (from the wording
// template, or filled into the user's own .docx) and as .md — each under its default name when the flag
// has no value, each written whole (temp file + rename). Returns what was written, for the message.
import { writeFileSync } from 'node:fs';
import type { PeriodReport } from '../../../reports/periodReportTypes.js';
import { defaultFileName } from '../../../reports/reportNames.js';
import type { AppContext } from '../../context.js';
import type { TemplateOption } from './index.js';

/** Which files to write: a name, or true for the default name. */
export interface ReportFileOptions {
  xlsx?: string | true;
  docx?: string | true;
  md?: string | true;
  template?: TemplateOption;
  /** Replace files that exist (without it a named file is refused and a default name takes the next number). */
  force?: boolean;
}

/** Writes the requested files; returns [path, description] pairs. */
export async function writeReportFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions): Promise<[string, string][]> {
  const { writeOutput } = await import('../../writeOutput.js');
  const { maskDeep } = await import('../../../domain/pii.js');
  /** Writes one file under the overwrite rule; returns the file written. */
  const put = (v: string | true, ext: 'xlsx' | 'docx' | 'md', write: (tmp: string) => Promise<void>) => {
    let f = v === true ? defaultFileName(r.period, ext) : v;
    if (!f.toLowerCase().endsWith(`.${ext}`)) f += `.${ext}`;
    return writeOutput(ctx, { file: ctx.path(f), named: v !== true, force: o.force, flag: `--${ext}` }, write);
  };
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const { writeLedgerWorkbook, LEDGER_SHEETS } = await import('../../../render/excel/ledgerWorkbook.js');
    const file = await put(o.xlsx, 'xlsx', (tmp) => writeLedgerWorkbook(tmp, r));
    out.push([file, `学习台账（${LEDGER_SHEETS.length} 张表：${LEDGER_SHEETS.join('、')}）${r.revealed ? '，含完整身份证号和手机号' : ''}`]);
  }
  if (o.docx === undefined && o.md === undefined) return out;
  const { summaryFields } = await import('../../../reports/summaryFields.js');
  // Free text (topics, notes, the user's wording) may hold a number: masked unless --reveal.
  const fields = maskDeep(summaryFields(r), r.revealed);
  if (o.docx !== undefined && o.template?.kind === 'docx') {
    const { fillDocxTemplate } = await import('../../../render/word/docxTemplate.js');
    let unknown: string[] = [];
    const file = await put(o.docx, 'docx', async (tmp) => { unknown = await fillDocxTemplate(o.template!.file, tmp, fields); });
    out.push([file, `工作总结（按模板 ${o.template.file} 填写）`]);
    if (unknown.length) ctx.warn(`模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  }
  const needBlocks = o.md !== undefined || (o.docx !== undefined && o.template?.kind !== 'docx');
  if (!needBlocks) return out;
  const { defaultWording } = await import('../../../io/reportTemplate.js');
  const { summaryBlocks } = await import('../../../reports/summaryBlocks.js');
  const wording = o.template?.kind === 'md' ? o.template.text : defaultWording();
  const made = summaryBlocks(wording, r, fields);
  const blocks = maskDeep(made.blocks, r.revealed);
  const unknown = made.unknown;
  if (unknown.length) ctx.warn(`措辞模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  if (o.docx !== undefined && o.template?.kind !== 'docx') {
    const { writeSummaryDocx } = await import('../../../render/word/summaryDocx.js');
    const file = await put(o.docx, 'docx', (tmp) => writeSummaryDocx(tmp, blocks, { title: fields.title ?? '' }));
    out.push([file, '工作总结（GB/T 9704 版式，“下一步打算”请自行补充）']);
  }
  if (o.md !== undefined) {
    const { summaryMarkdown } = await import('../../../render/markdown/summaryMd.js');
    const file = await put(o.md, 'md', async (tmp) => writeFileSync(tmp, summaryMarkdown(blocks)));
    out.push([file, '工作总结（Markdown 文本）']);
  }
  return out;
}
