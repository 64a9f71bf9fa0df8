// The files `report` writes, from the plan of src/app/report/buildReport.ts: the ledger workbook, the
// written summary as .docx (from the wording, or filled into the user's own .docx), as .md and as .pdf (the
// .docx through LibreOffice) — each written whole (temp file + rename). Returns what was written, for the message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFileName, type ReportExt, type ReportFilePlan } from '../../../app/report/buildReport.js';
import { LEDGER_SHEETS, writeLedgerWorkbook } from '../../../render/excel/ledgerWorkbook.js';
import { summaryMarkdown } from '../../../render/markdown/summaryMd.js';
import { convertDocxToPdf, findSoffice, noSofficeError } from '../../../render/pdf/libreoffice.js';
import { fillDocxTemplate } from '../../../render/word/docxTemplate.js';
import { writeSummaryDocx } from '../../../render/word/summaryDocx.js';
import type { PeriodReport } from '../../../reports/periodReportTypes.js';
import { collectGarbage } from '../../../shared/collectGarbage.js';
import type { AppContext } from '../../context.js';
import { typedOutput } from '../../../io/outputFile.js';
import { writeOutput } from '../../writeOutput.js';

type Write = (tmp: string) => Promise<void>;
type Put = (v: string | true, ext: ReportExt, write: Write) => Promise<string>;

/** Writes the planned files (a file that exists is replaced only with `force`); returns [path, description] pairs. */
export async function writeReportFiles(ctx: AppContext, r: PeriodReport, plan: ReportFilePlan, force?: boolean): Promise<[string, string][]> {
  /** Writes one file under the overwrite rule; returns the file written. */
  const put: Put = (v, ext, write) => writeOutput(ctx, { file: v === true ? ctx.path(reportFileName(r, v, ext)) : typedOutput(ctx.path(v), ext, `--${ext}`), named: v !== true, force, flag: `--${ext}` }, write);
  // Without LibreOffice, say so before anything is written (all or nothing).
  const soffice = plan.pdf === undefined ? undefined : findSoffice(ctx.env);
  if (plan.pdf !== undefined && !soffice) throw noSofficeError('用 --docx 生成 Word 版');
  const out: [string, string][] = [];
  if (plan.ledger) {
    ctx.progress({ stage: '生成工作表（学习台账 .xlsx）' });
    // What building the model left behind goes before the writer grows the heap (peak memory).
    collectGarbage();
    const ledger = plan.ledger;
    const file = await put(plan.xlsx!, 'xlsx', (tmp) => writeLedgerWorkbook(tmp, ledger));
    out.push([file, `学习台账（${LEDGER_SHEETS.length} 张表：${LEDGER_SHEETS.join('、')}）${r.revealed ? '，含完整身份证号和手机号' : ''}`]);
  }
  if (!plan.summary) return out;
  // The PDF is made from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = soffice && plan.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  const word = plan.docx !== undefined ? (write: Write) => put(plan.docx!, 'docx', write)
    : scratch ? async (write: Write) => { const f = join(scratch, 'summary.docx'); await write(f); return f; } : undefined;
  try {
    const docxFile = await writeSummaryFiles(ctx, plan, { word, put }, out);
    if (soffice && docxFile) {
      ctx.progress({ stage: '生成 PDF' });
      const file = await put(plan.pdf!, 'pdf', (tmp) => convertDocxToPdf(soffice, docxFile, tmp, ctx.env));
      out.push([file, '工作总结（PDF，由 Word 版经 LibreOffice 转换）']);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

/** The written summary as .docx (through `word`, when given) and .md; returns the .docx written. Only the files asked for go in `out`. */
async function writeSummaryFiles(ctx: AppContext, plan: ReportFilePlan, w: { word?: (write: Write) => Promise<string>; put: Put }, out: [string, string][]): Promise<string | undefined> {
  const { fields, blocks, unknownWording } = plan.summary!;
  const listed = plan.docx !== undefined;
  let docxFile: string | undefined;
  if (w.word && plan.template?.kind === 'docx') {
    ctx.progress({ stage: '生成 Word（按模板填写）' });
    const template = plan.template.file;
    let unknown: string[] = [];
    docxFile = await w.word(async (tmp) => { unknown = await fillDocxTemplate(template, tmp, fields); });
    if (listed) out.push([docxFile, `工作总结（按模板 ${template} 填写）`]);
    if (unknown.length) ctx.warn(`模板 ${template} 中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  }
  if (!blocks) return docxFile;
  if (unknownWording.length) ctx.warn(`措辞模板${plan.template?.kind === 'md' ? ` ${plan.template.file} ` : ''}中有 ${unknownWording.length} 个不认识的占位符，已原样保留：${unknownWording.map((u) => `{{${u}}}`).join('、')}`);
  if (w.word !== undefined && plan.template?.kind !== 'docx') {
    ctx.progress({ stage: '生成 Word（工作总结）' });
    docxFile = await w.word((tmp) => writeSummaryDocx(tmp, blocks, { title: fields.title ?? '' }));
    if (listed) out.push([docxFile, '工作总结（GB/T 9704 版式，“下一步打算”请自行补充）']);
  }
  if (plan.md !== undefined) {
    ctx.progress({ stage: '生成 Markdown' });
    const file = await w.put(plan.md, 'md', async (tmp) => writeFileSync(tmp, summaryMarkdown(blocks)));
    out.push([file, '工作总结（Markdown 文本）']);
  }
  return docxFile;
}
