// The files `report` writes: the ledger workbook, the written summary as .docx (from the wording
// template, or filled into the user's own .docx), as .md and as .pdf (the .docx through LibreOffice) —
// each under its default name when the flag has no value, each written whole (temp file + rename).
// Returns what was written, for the message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskDeep } from '../../../domain/pii.js';
import type { PeriodReport } from '../../../reports/periodReportTypes.js';
import { defaultFileName } from '../../../reports/reportNames.js';
import type { AppContext } from '../../context.js';
import type { TemplateOption } from './index.js';

/** Which files to write: a name, or true for the default name. */
export interface ReportFileOptions {
  xlsx?: string | true;
  docx?: string | true;
  md?: string | true;
  pdf?: string | true;
  template?: TemplateOption;
  /** Replace files that exist (without it a named file is refused and a default name takes the next number). */
  force?: boolean;
}

type Ext = 'xlsx' | 'docx' | 'md' | 'pdf';
type Put = (v: string | true, ext: Ext, write: (tmp: string) => Promise<void>) => Promise<string>;

/** Writes the requested files; returns [path, description] pairs. */
export async function writeReportFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions): Promise<[string, string][]> {
  const { writeOutput } = await import('../../writeOutput.js');
  /** Writes one file under the overwrite rule; returns the file written. */
  const put: Put = (v, ext, write) => {
    let f = v === true ? defaultFileName(r.period, ext) : v;
    if (!f.toLowerCase().endsWith(`.${ext}`)) f += `.${ext}`;
    return writeOutput(ctx, { file: ctx.path(f), named: v !== true, force: o.force, flag: `--${ext}` }, write);
  };
  // Without LibreOffice, say so before anything is written (all or nothing).
  const pdf = o.pdf === undefined ? undefined : await import('../../../render/pdf/libreoffice.js');
  const soffice = pdf?.findSoffice(ctx.env);
  if (pdf && !soffice) throw pdf.noSofficeError('用 --docx 生成 Word 版');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    ctx.progress({ stage: '生成工作表（学习台账 .xlsx）' });
    const { writeLedgerWorkbook, LEDGER_SHEETS } = await import('../../../render/excel/ledgerWorkbook.js');
    // Topics, notes and kept columns are free text: any number in them masked too, unless --reveal.
    const file = await put(o.xlsx, 'xlsx', (tmp) => writeLedgerWorkbook(tmp, maskDeep(r, r.revealed)));
    out.push([file, `学习台账（${LEDGER_SHEETS.length} 张表：${LEDGER_SHEETS.join('、')}）${r.revealed ? '，含完整身份证号和手机号' : ''}`]);
  }
  if (o.docx === undefined && o.md === undefined && o.pdf === undefined) return out;
  // The PDF is made from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = pdf && o.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  const word = o.docx !== undefined ? (write: (tmp: string) => Promise<void>) => put(o.docx!, 'docx', write)
    : scratch ? async (write: (tmp: string) => Promise<void>) => { const f = join(scratch, 'summary.docx'); await write(f); return f; } : undefined;
  try {
    const docxFile = await writeSummaryFiles(ctx, r, o, { word, put }, out);
    if (pdf && docxFile) {
      ctx.progress({ stage: '生成 PDF' });
      const file = await put(o.pdf!, 'pdf', (tmp) => pdf.convertDocxToPdf(soffice!, docxFile, tmp, ctx.env));
      out.push([file, '工作总结（PDF，由 Word 版经 LibreOffice 转换）']);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

/** The written summary as .docx (through `word`, when given) and .md; returns the .docx written. Only the files asked for go in `out`. */
async function writeSummaryFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions, w: { word?: (write: (tmp: string) => Promise<void>) => Promise<string>; put: Put }, out: [string, string][]): Promise<string | undefined> {
  const { summaryFields } = await import('../../../reports/summaryFields.js');
  // Free text (topics, notes, the user's wording) may hold a number: masked unless --reveal.
  const fields = maskDeep(summaryFields(r), r.revealed);
  const listed = o.docx !== undefined;
  let docxFile: string | undefined;
  if (w.word && o.template?.kind === 'docx') {
    ctx.progress({ stage: '生成 Word（按模板填写）' });
    const { fillDocxTemplate } = await import('../../../render/word/docxTemplate.js');
    let unknown: string[] = [];
    docxFile = await w.word(async (tmp) => { unknown = await fillDocxTemplate(o.template!.file, tmp, fields); });
    if (listed) out.push([docxFile, `工作总结（按模板 ${o.template.file} 填写）`]);
    if (unknown.length) ctx.warn(`模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  }
  const wordFromBlocks = w.word !== undefined && o.template?.kind !== 'docx';
  if (o.md === undefined && !wordFromBlocks) return docxFile;
  const { defaultWording } = await import('../../../io/reportTemplate.js');
  const { summaryBlocks } = await import('../../../reports/summaryBlocks.js');
  const wording = o.template?.kind === 'md' ? o.template.text : defaultWording();
  const made = summaryBlocks(wording, r, fields);
  const blocks = maskDeep(made.blocks, r.revealed);
  const unknown = made.unknown;
  if (unknown.length) ctx.warn(`措辞模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  if (wordFromBlocks) {
    ctx.progress({ stage: '生成 Word（工作总结）' });
    const { writeSummaryDocx } = await import('../../../render/word/summaryDocx.js');
    docxFile = await w.word!((tmp) => writeSummaryDocx(tmp, blocks, { title: fields.title ?? '' }));
    if (listed) out.push([docxFile, '工作总结（GB/T 9704 版式，“下一步打算”请自行补充）']);
  }
  if (o.md !== undefined) {
    ctx.progress({ stage: '生成 Markdown' });
    const { summaryMarkdown } = await import('../../../render/markdown/summaryMd.js');
    const file = await w.put(o.md, 'md', async (tmp) => writeFileSync(tmp, summaryMarkdown(blocks)));
    out.push([file, '工作总结（Markdown 文本）']);
  }
  return docxFile;
}
