// The files `rank` writes: the scoring table (.xlsx: one row per member, every component's figure and
// points) and the award document (.docx: the 表彰名单 then one 荣誉证书 page per awardee).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RankingReport } from '../../../reports/ranking.js';
import type { AppContext } from '../../context.js';

/** Writes what was asked; returns [path, description] pairs. */
export async function writeRankFiles(ctx: AppContext, r: RankingReport, o: { xlsx?: string | true; docx?: string | true; pdf?: string | true; signDate: string }): Promise<[string, string][]> {
  const stem = `${r.year}年度${r.ranking.award}评比`;
  const target = (v: string | true, ext: string) => ctx.path(v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`);
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const { rankSheets, awardList, certificatesOf } = await import('../../../reports/rankingDocs.js');
  const pdf = o.pdf === undefined ? undefined : await import('../../../render/pdf/libreoffice.js');
  const soffice = pdf?.findSoffice(ctx.env);
  if (pdf && !soffice) throw pdf.noSofficeError('用 --docx 生成表彰名单和证书的 Word 版');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const file = target(o.xlsx, 'xlsx');
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    await writeAtomically(file, (tmp) => writeTableWorkbook(tmp, rankSheets(r), stem));
    out.push([file, `评比计分表（${r.ranked.length} 人）`]);
  }
  if (o.docx === undefined && o.pdf === undefined) return out;
  // The PDF is converted from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = o.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  try {
    const file = o.docx !== undefined ? target(o.docx, 'docx') : join(scratch!, 'awards.docx');
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    const { certificateSections } = await import('../../../render/word/certificates.js');
    const certs = certificatesOf(r, o.signDate);
    await writeAtomically(file, (tmp) => writeListDocx(tmp, awardList(r, o.signDate), (d) => certificateSections(d, certs)));
    if (o.docx !== undefined) out.push([file, `表彰名单和荣誉证书（${certs.length} 张）`]);
    if (o.pdf !== undefined) {
      const pdfFile = target(o.pdf, 'pdf');
      await writeAtomically(pdfFile, (tmp) => pdf!.convertDocxToPdf(soffice!, file, tmp, ctx.env));
      out.push([pdfFile, `表彰名单和荣誉证书（PDF，${certs.length} 张证书）`]);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}
