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
}

/** Writes the requested files; returns [path, description] pairs. */
export async function writeReportFiles(ctx: AppContext, r: PeriodReport, o: ReportFileOptions): Promise<[string, string][]> {
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const target = (v: string | true, ext: 'xlsx' | 'docx' | 'md') => {
    let f = v === true ? defaultFileName(r.period, ext) : v;
    if (!f.toLowerCase().endsWith(`.${ext}`)) f += `.${ext}`;
    return ctx.path(f);
  };
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const file = target(o.xlsx, 'xlsx');
    ctx.progress({ stage: '生成工作表（学习台账 .xlsx）' });
    const { writeLedgerWorkbook, LEDGER_SHEETS } = await import('../../../render/excel/ledgerWorkbook.js');
    await writeAtomically(file, (tmp) => writeLedgerWorkbook(tmp, r));
    out.push([file, `学习台账（${LEDGER_SHEETS.length} 张表：${LEDGER_SHEETS.join('、')}）${r.revealed ? '，含完整身份证号和手机号' : ''}`]);
  }
  if (o.docx === undefined && o.md === undefined) return out;
  const { summaryFields } = await import('../../../reports/summaryFields.js');
  const fields = summaryFields(r);
  if (o.docx !== undefined && o.template?.kind === 'docx') {
    const file = target(o.docx, 'docx');
    ctx.progress({ stage: '生成 Word（按模板填写）' });
    const { fillDocxTemplate } = await import('../../../render/word/docxTemplate.js');
    let unknown: string[] = [];
    await writeAtomically(file, async (tmp) => { unknown = await fillDocxTemplate(o.template!.file, tmp, fields); });
    out.push([file, `工作总结（按模板 ${o.template.file} 填写）`]);
    if (unknown.length) ctx.warn(`模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  }
  const needBlocks = o.md !== undefined || (o.docx !== undefined && o.template?.kind !== 'docx');
  if (!needBlocks) return out;
  const { defaultWording } = await import('../../../io/reportTemplate.js');
  const { summaryBlocks } = await import('../../../reports/summaryBlocks.js');
  const wording = o.template?.kind === 'md' ? o.template.text : defaultWording();
  const { blocks, unknown } = summaryBlocks(wording, r, fields);
  if (unknown.length) ctx.warn(`措辞模板中有 ${unknown.length} 个不认识的占位符，已原样保留：${unknown.map((u) => `{{${u}}}`).join('、')}`);
  if (o.docx !== undefined && o.template?.kind !== 'docx') {
    const file = target(o.docx, 'docx');
    ctx.progress({ stage: '生成 Word（工作总结）' });
    const { writeSummaryDocx } = await import('../../../render/word/summaryDocx.js');
    await writeAtomically(file, (tmp) => writeSummaryDocx(tmp, blocks, { title: fields.title ?? '' }));
    out.push([file, '工作总结（GB/T 9704 版式，“下一步打算”请自行补充）']);
  }
  if (o.md !== undefined) {
    const file = target(o.md, 'md');
    ctx.progress({ stage: '生成 Markdown' });
    const { summaryMarkdown } = await import('../../../render/markdown/summaryMd.js');
    await writeAtomically(file, async (tmp) => writeFileSync(tmp, summaryMarkdown(blocks)));
    out.push([file, '工作总结（Markdown 文本）']);
  }
  return out;
}
