// The files `rank` writes: the scoring table (.xlsx: one row per member, every component's figure and
// points) and the award document (.docx: the 表彰名单 then one 荣誉证书 page per awardee).
import type { RankingReport } from '../../../reports/ranking.js';
import type { AppContext } from '../../context.js';

/** Writes what was asked; returns [path, description] pairs. */
export async function writeRankFiles(ctx: AppContext, r: RankingReport, o: { xlsx?: string | true; docx?: string | true; signDate: string; force?: boolean }): Promise<[string, string][]> {
  const stem = `${r.year}年度${r.ranking.award}评比`;
  const target = (v: string | true, ext: string) => ctx.path(v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`);
  const { writeOutput } = await import('../../writeOutput.js');
  const { maskDeep } = await import('../../../domain/pii.js');
  const put = (v: string | true, ext: string, write: (tmp: string) => Promise<void>) => writeOutput(ctx, { file: target(v, ext), named: v !== true, force: o.force, flag: `--${ext}` }, write);
  const { rankSheets, awardList, certificatesOf } = await import('../../../reports/rankingDocs.js');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    const file = await put(o.xlsx, 'xlsx', (tmp) => writeTableWorkbook(tmp, maskDeep(rankSheets(r)), stem));
    out.push([file, `评比计分表（${r.ranked.length} 人）`]);
  }
  if (o.docx !== undefined) {
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    const { certificateSections } = await import('../../../render/word/certificates.js');
    const certs = maskDeep(certificatesOf(r, o.signDate));
    const file = await put(o.docx, 'docx', (tmp) => writeListDocx(tmp, maskDeep(awardList(r, o.signDate)), (d) => certificateSections(d, certs)));
    out.push([file, `表彰名单和荣誉证书（${certs.length} 张）`]);
  }
  return out;
}
