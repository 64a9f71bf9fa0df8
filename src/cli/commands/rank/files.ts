// The files `rank` writes: the scoring table (.xlsx: one row per member, every component's figure and
// points) and the award document (.docx: the 表彰名单 then one 荣誉证书 page per awardee).
import type { RankingReport } from '../../../reports/ranking.js';
import type { AppContext } from '../../context.js';

/** Writes what was asked; returns [path, description] pairs. */
export async function writeRankFiles(ctx: AppContext, r: RankingReport, o: { xlsx?: string | true; docx?: string | true; signDate: string }): Promise<[string, string][]> {
  const stem = `${r.year}年度${r.ranking.award}评比`;
  const target = (v: string | true, ext: string) => ctx.path(v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`);
  const { writeAtomically } = await import('../../../io/atomicWrite.js');
  const { rankSheets, awardList, certificatesOf } = await import('../../../reports/rankingDocs.js');
  const out: [string, string][] = [];
  if (o.xlsx !== undefined) {
    const file = target(o.xlsx, 'xlsx');
    ctx.progress({ stage: '生成工作表（评比计分表 .xlsx）' });
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    await writeAtomically(file, (tmp) => writeTableWorkbook(tmp, rankSheets(r), stem));
    out.push([file, `评比计分表（${r.ranked.length} 人）`]);
  }
  if (o.docx !== undefined) {
    const file = target(o.docx, 'docx');
    ctx.progress({ stage: '生成 Word（表彰名单和荣誉证书）' });
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    const { certificateSections } = await import('../../../render/word/certificates.js');
    const certs = certificatesOf(r, o.signDate);
    await writeAtomically(file, (tmp) => writeListDocx(tmp, awardList(r, o.signDate), (d) => certificateSections(d, certs)));
    out.push([file, `表彰名单和荣誉证书（${certs.length} 张）`]);
  }
  return out;
}
