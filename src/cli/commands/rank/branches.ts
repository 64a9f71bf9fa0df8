// `shuxiang rank --branches --year Y`: the organ's award for branches (书香支部, SPEC §6.7), from the use
// case in src/app/rank/rankBranches.ts; --xlsx the scoring table, --docx the award list and certificates.
import { planBranchRankFiles, rankBranches } from '../../../app/rank/rankBranches.js';
import type { RuleContext } from '../../../app/rules/ruleContext.js';
import { writeTableWorkbook } from '../../../render/excel/tableWorkbook.js';
import { branchRankText } from '../../../render/terminal/rankText.js';
import { certificateSections } from '../../../render/word/certificates.js';
import { writeListDocx } from '../../../render/word/listDocx.js';
import { UserError } from '../../../shared/errors.js';
import type { Db } from '../../../store/db.js';
import type { AppContext } from '../../context.js';
import { putRankFile } from './files.js';

/** `rank --branches`: the branches of the organ scored, the award list and certificates (书香支部). */
export async function runBranchRank(ctx: AppContext, db: Db, o: { context: RuleContext; year: number; asOf: string; top?: number; signDate: string; xlsx?: string | true; docx?: string | true; branch?: string; force?: boolean }): Promise<void> {
  if (o.branch) throw new UserError('--branches 评比的是全部支部，不能与 --branch 同时使用。');
  ctx.progress({ stage: '判定各支部' });
  const r = rankBranches(db, { context: o.context, year: o.year, asOf: o.asOf, top: o.top });
  const plan = planBranchRankFiles(r, { xlsx: o.xlsx, docx: o.docx, signDate: o.signDate });
  const put = (v: string | true, ext: string, write: (tmp: string) => Promise<void>) => putRankFile(ctx, plan.stem, o.force, v, ext, write);
  const written: [string, string][] = [];
  if (plan.sheets) {
    ctx.progress({ stage: '生成工作表（支部评比计分表 .xlsx）' });
    const sheets = plan.sheets;
    const file = await put(o.xlsx!, 'xlsx', (tmp) => writeTableWorkbook(tmp, sheets, plan.stem));
    written.push([file, `支部评比计分表（${r.ranked.length} 个支部）`]);
  }
  if (plan.awards) {
    ctx.progress({ stage: '生成 Word（表彰决定和荣誉证书）' });
    const { list, certificates: certs } = plan.awards;
    const file = await put(o.docx!, 'docx', (tmp) => writeListDocx(tmp, list, (d) => certificateSections(d, certs)));
    written.push([file, `表彰决定和荣誉证书（${certs.length} 张）`]);
  }
  if (ctx.json) {
    const { comparison: _c, ...rest } = r;
    return ctx.outJson({ ...rest, files: written.map(([f]) => f) });
  }
  ctx.out(branchRankText(ctx.paint, r, o.year, o.asOf));
  if (written.length) ctx.info(['已生成：', ...written.map(([f, what]) => `  ${f}  ${what}`)].join('\n'));
}
