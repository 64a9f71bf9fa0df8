// The files `report` writes: the ledger workbook, the written summary as .docx (from the wording
// template, or filled into the user's own .docx), as .md and as .pdf (the .docx through LibreOffice) —
// each under its default name when the flag has no value, each written whole (temp file + rename).
// Returns what was written, for the message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
}

/** Writes the requested files; returns [path, description] pairs. */
export async function writeReportFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions): Promise<[string, string][]> {
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const target = (v: string | true, ext: 'xlsx' | 'docx' | 'md' | 'pdf') => {
    let f = v === true ? defaultFileName(r.period, ext) : v;
    if (!f.toLowerCase().endsWith(`.${ext}`)) f += `.${ext}`;
    return ctx.path(f);
  };
  // Without LibreOffice, say so before anything is written (all or nothing).
  const pdf = o.pdf === undefined ? undefined : await import('../../../render/pdf/libreoffice.js');
  const soffice = pdf?.findSoffice(ctx.env);
  if (pdf && !soffice) throw pdf.noSofficeError('用 --docx 生成 Word 版');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const file = target(o.xlsx, 'xlsx');
    const { writeLedgerWorkbook, LEDGER_SHEETS } = await import('../../../render/excel/ledgerWorkbook.js');
    await writeAtomically(file, (tmp) => writeLedgerWorkbook(tmp, r));
    out.push([file, `学习台账（${LEDGER_SHEETS.length} 张表：${LEDGER_SHEETS.join('、')}）${r.revealed ? '，含完整身份证号和手机号' : ''}`]);
  }
  if (o.docx === undefined && o.md === undefined && o.pdf === undefined) return out;
  // The PDF is made from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = o.pdf !== undefined && o.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  const docxFile = o.docx !== undefined ? target(o.docx, 'docx') : scratch ? join(scratch, 'summary.docx') : undefined;
  try {
    await writeSummaryFiles(ctx, r, o, { docxFile, mdFile: o.md === undefined ? undefined : target(o.md, 'md') }, out);
    if (o.pdf !== undefined && docxFile) {
      const file = target(o.pdf, 'pdf');
      await writeAtomically(file, (tmp) => pdf!.convertDocxToPdf(soffice!, docxFile, tmp, ctx.env));
      out.push([file, '工作总结（PDF，由 Word 版经 LibreOffice 转换）']);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

/** The written summary: .docx (from the wording, or the user's .docx filled) and .md; only asked-for files are listed in `out`. */
async function writeSummaryFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions, files: { docxFile?: string; mdFile?: string }, out: [string, string][]): Promise<void> {
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const { summaryFields } = await import('../../../reports/summaryFields.js');
  const fields = summaryFields(r);
  const { docxFile, mdFile } = files;
  const listed = o.docx !== undefined;
  if (docxFile && o.template?.kind === 'docx') {
    const { fillDocxTemplate } = await import('../../../render/word/docxTemplate.js');
    let unknown: string[] = [];
    await writeAtomically(docxFile, async (tmp) => { unknown = await fillDocxTemplate(o.template!.file, tmp, fields); });
    if (listed) out.push([docxFile, `工作总结（按模板 ${o.template.file} 填写）`]);
    if (unknown.length) ctx.warn(`模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  }
  const wordFromBlocks = docxFile !== undefined && o.template?.kind !== 'docx';
  if (!mdFile && !wordFromBlocks) return;
  const { defaultWording } = await import('../../../io/reportTemplate.js');
  const { summaryBlocks } = await import('../../../reports/summaryBlocks.js');
  const wording = o.template?.kind === 'md' ? o.template.text : defaultWording();
  const { blocks, unknown } = summaryBlocks(wording, r, fields);
  if (unknown.length) ctx.warn(`措辞模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  if (wordFromBlocks) {
    const { writeSummaryDocx } = await import('../../../render/word/summaryDocx.js');
    await writeAtomically(docxFile, (tmp) => writeSummaryDocx(tmp, blocks, { title: fields.title ?? '' }));
    if (listed) out.push([docxFile, '工作总结（GB/T 9704 版式，“下一步打算”请自行补充）']);
  }
  if (mdFile) {
    const { summaryMarkdown } = await import('../../../render/markdown/summaryMd.js');
    await writeAtomically(mdFile, async (tmp) => writeFileSync(tmp, summaryMarkdown(blocks)));
    out.push([mdFile, '工作总结（Markdown 文本）']);
  }
}
