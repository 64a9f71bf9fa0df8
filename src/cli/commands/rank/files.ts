// The files `rank` writes: the scoring table (.xlsx: one row per member, every component's figure and
// points), the award document (.docx: the 表彰名单 then one 荣誉证书 page per awardee) and the same as
// .pdf (the .docx through LibreOffice).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RankingReport } from '../../../reports/ranking.js';
import type { AppContext } from '../../context.js';

/** Writes what was asked; returns [path, description] pairs. */
export async function writeRankFiles(ctx: AppContext, r: RankingReport, o: { xlsx?: string | true; docx?: string | true; pdf?: string | true; signDate: string; force?: boolean }): Promise<[string, string][]> {
  const stem = `${r.year}年度${r.ranking.award}评比`;
  const target = (v: string | true, ext: string) => ctx.path(v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`);
  const { writeOutput } = await import('../../writeOutput.js');
  const { maskDeep } = await import('../../../domain/pii.js');
  const put = (v: string | true, ext: string, write: (tmp: string) => Promise<void>) => writeOutput(ctx, { file: target(v, ext), named: v !== true, force: o.force, flag: `--${ext}` }, write);
  const { rankSheets, awardList, certificatesOf } = await import('../../../reports/rankingDocs.js');
  // Without LibreOffice, say so before anything is written (all or nothing).
  const pdf = o.pdf === undefined ? undefined : await import('../../../render/pdf/libreoffice.js');
  const soffice = pdf?.findSoffice(ctx.env);
  if (pdf && !soffice) throw pdf.noSofficeError('用 --docx 生成表彰名单和证书的 Word 版');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    ctx.progress({ stage: '生成工作表（评比计分表 .xlsx）' });
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    const file = await put(o.xlsx, 'xlsx', (tmp) => writeTableWorkbook(tmp, maskDeep(rankSheets(r)), stem));
    out.push([file, `评比计分表（${r.ranked.length} 人）`]);
  }
  if (o.docx === undefined && !pdf) return out;
  // The PDF is converted from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = o.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  try {
    ctx.progress({ stage: '生成 Word（表彰名单和荣誉证书）' });
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    const { certificateSections } = await import('../../../render/word/certificates.js');
    const certs = maskDeep(certificatesOf(r, o.signDate));
    const write = (tmp: string) => writeListDocx(tmp, maskDeep(awardList(r, o.signDate)), (d) => certificateSections(d, certs));
    let file: string;
    if (o.docx !== undefined) {
      file = await put(o.docx, 'docx', write);
      out.push([file, `表彰名单和荣誉证书（${certs.length} 张）`]);
    } else await write((file = join(scratch!, 'awards.docx')));
    if (pdf) {
      const pdfFile = await put(o.pdf!, 'pdf', (tmp) => pdf.convertDocxToPdf(soffice!, file, tmp, ctx.env));
      out.push([pdfFile, `表彰名单和荣誉证书（PDF，${certs.length} 张证书）`]);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}
