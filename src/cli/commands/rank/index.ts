// `shuxiang rank --year Y`: the year-end ranking (年终评比, SPEC §6.6) — a score per member from the year's
// evidence with the rule set's weights and caps, each component shown; --xlsx writes the table, --docx the
// award list (表彰名单) and one 荣誉证书 page per awardee. The use cases are in src/app/rank.
import type { Command } from 'commander';
import { planRankFiles, rankMembers } from '../../../app/rank/rankMembers.js';
import { loadRules } from '../../../app/rules/ruleContext.js';
import { rankText } from '../../../render/terminal/rankText.js';
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import type { Act } from '../../programBase.js';
import { requireBranch } from '../../args/branch.js';
import { auditAsOf, dayFlagOr } from '../../args/dates.js';
import { intFlag, yearFlag } from '../../args/numbers.js';
import { runBranchRank } from './branches.js';
import { writeRankFiles } from './files.js';

interface RankOptions { year?: string; top?: string; asOf?: string; branch?: string; xlsx?: string | true; docx?: string | true; pdf?: string | true; date?: string; branches?: boolean; force?: boolean }

/** Declares `rank`. */
export function registerRank(program: Command, act: Act): void {
  program
    .command('rank')
    .description('年终评比：按读书、文章、参加率、自学、宣讲、调研、测试计分排名，生成表彰名单和荣誉证书')
    .option('--year <年份>', '评比哪一年（默认今年）')
    .option('--top <人数>', '表彰人数（默认取规则集的设置，一般为 10）')
    .option('--as-of <日期>', '统计截至哪一天（默认今天，或该年年底）')
    .option('--branch <支部>', '只评一个支部（默认全部支部）')
    .option('--xlsx [文件]', '生成评比计分表 Excel（默认“2026年度书香之星评比.xlsx”）')
    .option('-f, --force', '要写的文件已存在时覆盖它')
    .option('--docx [文件]', '生成表彰名单和荣誉证书 Word（每人一页证书）')
    .option('--pdf [文件]', '生成表彰名单和荣誉证书 PDF（由 Word 版经 LibreOffice 转换）')
    .option('--date <日期>', '证书落款日期（默认统计截止日）')
    .option('--branches', '评比支部（书香支部）：按支部职责完成率、五坚持全部达标人员占比、参加率、人均读书计分（规则集 branchRanking 一节）')
    .addHelpText('after', `
计分办法在规则集的 ranking 一节（shuxiang rules show 查看，shuxiang rules init 复制后可改）：
每项“分值 × 数量”，数量有上限（如读书最多计 12 本）；同分按参加率高者在前，分数和参加率都相同则并列。

示例：
  shuxiang rank --year 2026
  shuxiang rank --year 2026 --top 10 --xlsx --docx
  shuxiang rank --year 2026 --docx 书香之星.docx --date 2027-01-10
  shuxiang --json rank --year 2026
  shuxiang rank --branches --year 2026 --docx     机关党委评选“书香支部”，生成表彰决定和证书
`)
    .action(act(runRank));
}

async function runRank(ctx: AppContext, o: RankOptions): Promise<void> {
  const today = auditAsOf(ctx, o.asOf);
  const year = o.year === undefined ? Number(today.slice(0, 4)) : yearFlag('--year', o.year);
  if (`${year}-01-01` > today) throw new UserError(`${year} 年还没有开始（统计截至 ${today}），没有可评比的记录。`, ['如要按那时的情况评比，请用 --as-of 给出更晚的日期。']);
  // Judged as of today: a year that is over has every period of it ended (as of its 12-31, the year, the
  // fourth quarter and December would still be open, their gaps not yet gaps). Certificates are dated
  // the year's last day unless --date says otherwise.
  const asOf = today;
  const top = o.top === undefined ? undefined : intFlag('--top', o.top, { min: 1, max: 1000, what: '表彰人数', example: 10 });
  const signDate = dayFlagOr('--date', o.date, o.asOf === undefined && today >= `${year + 1}-01-01` ? `${year}-12-31` : today);
  const db = await ctx.openDb({ readonly: true });
  const context = loadRules(db, ctx.dbPath());
  if (o.branches) return runBranchRank(ctx, db, { context, year, asOf, top, signDate, xlsx: o.xlsx, docx: o.docx, branch: o.branch, force: o.force });
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  ctx.progress({ stage: '判定与计分' });
  const r = rankMembers(db, { context, year, asOf, top, branchId: branch?.id });
  const written = await writeRankFiles(ctx, planRankFiles(r, { xlsx: o.xlsx, docx: o.docx, pdf: o.pdf, signDate }), o.force);
  if (ctx.json) return ctx.outJson({ ...r, files: written.map(([f]) => f) });
  ctx.out(rankText(ctx.paint, r, asOf));
  if (written.length) ctx.info(['已生成：', ...written.map(([f, what]) => `  ${f}  ${what}`)].join('\n'));
}
