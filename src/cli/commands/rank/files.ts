// The files `rank` writes, from the plan of src/app/rank/rankMembers.ts: the scoring table (.xlsx: one row
// per member, every component's figure and points), the award document (.docx: the 表彰名单 then one 荣誉证书
// page per awardee) and the same as .pdf (the .docx through LibreOffice).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rankFileName, type RankFilePlan } from '../../../app/rank/rankMembers.js';
import { writeTableWorkbook } from '../../../render/excel/tableWorkbook.js';
import { convertDocxToPdf, findSoffice, noSofficeError } from '../../../render/pdf/libreoffice.js';
import { certificateSections } from '../../../render/word/certificates.js';
import { writeListDocx } from '../../../render/word/listDocx.js';
import type { AppContext } from '../../context.js';
import { typedOutput } from '../../../io/outputFile.js';
import { writeOutput } from '../../writeOutput.js';

/** Writes one file of a ranking under the overwrite rule (`stem.ext` when the flag has no value); returns the file written. */
export function putRankFile(ctx: AppContext, stem: string, force: boolean | undefined, v: string | true, ext: string, write: (tmp: string) => Promise<void>): Promise<string> {
  return writeOutput(ctx, { file: v === true ? ctx.path(rankFileName(stem, v, ext)) : typedOutput(ctx.path(v), ext, `--${ext}`), named: v !== true, force, flag: `--${ext}` }, write);
}

/** Writes what was asked; returns [path, description] pairs. */
export async function writeRankFiles(ctx: AppContext, plan: RankFilePlan, force?: boolean): Promise<[string, string][]> {
  const put = (v: string | true, ext: string, write: (tmp: string) => Promise<void>) => putRankFile(ctx, plan.stem, force, v, ext, write);
  // Without LibreOffice, say so before anything is written (all or nothing).
  const soffice = plan.pdf === undefined ? undefined : findSoffice(ctx.env);
  if (plan.pdf !== undefined && !soffice) throw noSofficeError('用 --docx 生成表彰名单和证书的 Word 版');
  const out: [string, string][] = [];
  if (plan.sheets) {
    ctx.progress({ stage: '生成工作表（评比计分表 .xlsx）' });
    const sheets = plan.sheets;
    const file = await put(plan.xlsx!, 'xlsx', (tmp) => writeTableWorkbook(tmp, sheets, plan.stem));
    out.push([file, `评比计分表（${plan.members} 人）`]);
  }
  if (!plan.awards) return out;
  const { list, certificates: certs } = plan.awards;
  // The PDF is converted from the Word file: the one asked for, or one in a private temporary folder.
  const scratch = plan.docx === undefined ? mkdtempSync(join(tmpdir(), 'shuxiang-')) : undefined;
  try {
    ctx.progress({ stage: '生成 Word（表彰名单和荣誉证书）' });
    const write = (tmp: string) => writeListDocx(tmp, list, (d) => certificateSections(d, certs));
    let file: string;
    if (plan.docx !== undefined) {
      file = await put(plan.docx, 'docx', write);
      out.push([file, `表彰名单和荣誉证书（${certs.length} 张）`]);
    } else await write((file = join(scratch!, 'awards.docx')));
    if (soffice) {
      ctx.progress({ stage: '生成 PDF' });
      const pdfFile = await put(plan.pdf!, 'pdf', (tmp) => convertDocxToPdf(soffice, file, tmp, ctx.env));
      out.push([pdfFile, `表彰名单和荣誉证书（PDF，${certs.length} 张证书）`]);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}
