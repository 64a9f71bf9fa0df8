// `shuxiang rank --year Y`: the year-end ranking (年终评比, SPEC §6.6) — a score per member from the year's
// evidence with the rule set's weights and caps, each component shown; --xlsx writes the table, --docx the
// award list (表彰名单) and one 荣誉证书 page per awardee.
import type { Command } from 'commander';
import { UserError } from '../../../shared/errors.js';
import type { RankedMember } from '../../../domain/ranking.js';
import type { RankingReport } from '../../../reports/ranking.js';
import type { AppContext } from '../../context.js';
import { formatTable, type Column } from '../../output.js';
import type { Act } from '../../programBase.js';

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

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** The terminal table: rank, name, every component as “figure → points”, total. */
function rankTable(ctx: AppContext, r: RankingReport, rows: RankedMember[]): string {
  const shown = rows[0]?.components.filter((c) => r.ranking.weights[c.key] > 0) ?? [];
  const cols: Column<RankedMember>[] = [
    { header: '名次', value: (m) => `${m.rank}${m.tied ? '=' : ''}`, align: 'right' },
    { header: '姓名', value: (m) => m.name },
    ...shown.map((c, i): Column<RankedMember> => ({
      header: `${c.label}${c.key === 'attendanceRate' ? '' : `(${c.unit})`}`,
      value: (m) => {
        const x = m.components[m.components.findIndex((y) => y.key === c.key)]!;
        const v = x.value === null ? '—' : x.key === 'attendanceRate' ? `${Math.round(x.value * 1000) / 10}%` : fmt(x.value);
        return `${v}${x.capped ? '*' : ''}→${fmt(x.points)}`;
      },
      align: i >= 0 ? 'right' : 'left',
    })),
    { header: '总分', value: (m) => fmt(m.score), align: 'right' },
  ];
  return formatTable(cols, rows);
}

async function runRank(ctx: AppContext, o: RankOptions): Promise<void> {
  const { auditAsOf, dayFlagOr } = await import('../../args/dates.js');
  const today = auditAsOf(ctx, o.asOf);
  const year = o.year === undefined ? Number(today.slice(0, 4)) : Number(o.year.trim().replace(/年$/, ''));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError(`--year 的取值“${o.year}”无效，应写成 2026 这样的年份。`);
  if (`${year}-01-01` > today) throw new UserError(`${year} 年还没有开始（统计截至 ${today}），没有可评比的记录。`, ['如要按那时的情况评比，请用 --as-of 给出更晚的日期。']);
  const asOf = o.asOf === undefined && today >= `${year + 1}-01-01` ? `${year}-12-31` : today;
  let top: number | undefined;
  if (o.top !== undefined) {
    top = Number(o.top.trim());
    if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UserError(`--top 的取值“${o.top}”无效，应为正整数（表彰人数），如 --top 10。`);
  }
  const signDate = dayFlagOr('--date', o.date, asOf);
  const db = await ctx.openDb({ readonly: true });
  const { loadRuleContext } = await import('../../ruleContext.js');
  const { loaded, calendar } = await loadRuleContext(ctx, db);
  if (o.branches) return (await import('./branches.js')).runBranchRank(ctx, db, { year, asOf, top, signDate, xlsx: o.xlsx, docx: o.docx, branch: o.branch, force: o.force });
  const { requireBranch } = await import('../../args/branch.js');
  const branch = o.branch ? requireBranch(db, o.branch) : undefined;
  const { buildRanking } = await import('../../../reports/ranking.js');
  ctx.progress({ stage: '判定与计分' });
  const r = buildRanking(db, { year, asOf, ruleSet: loaded.ruleSet, calendar, top, branchId: branch?.id });
  if (r.ranked.length === 0) throw new UserError(`${year} 年没有在册人员，无法评比。`, ['请先导入花名册（shuxiang import 花名册.xlsx）。']);
  const { writeRankFiles } = await import('./files.js');
  const written = await writeRankFiles(ctx, r, { xlsx: o.xlsx, docx: o.docx, pdf: o.pdf, signDate, force: o.force });
  if (ctx.json) return ctx.outJson({ ...r, files: written.map(([f]) => f) });
  const out = [
    ctx.paint('bold', `${r.branch} ${year} 年度“${r.ranking.award}”评比（截至 ${asOf}，${r.ruleSetTitle}计分办法）`),
    rankTable(ctx, r, r.ranked),
    '',
    `每项为“数量→得分”；* 表示超过上限，只计上限。同分按参加率排序，“=”表示并列。`,
    r.awardees.length
      ? `拟表彰“${r.ranking.award}”${r.awardees.length} 人：${r.awardees.map((m) => m.name).join('、')}${r.awardees.length > r.top ? `（第 ${r.top} 名并列，共 ${r.awardees.length} 人）` : ''}。`
      : '没有人达到评选条件，暂不产生表彰名单。',
    ...(r.leftOut.length ? [`未达到评选条件、不列入表彰 ${r.leftOut.length} 人：${r.leftOut.slice(0, 5).map((m) => `${m.name}（${m.why.join('，')}）`).join('；')}${r.leftOut.length > 5 ? ' 等' : ''}。`] : []),
  ];
  ctx.out(out.join('\n'));
  if (written.length) ctx.info(['已生成：', ...written.map(([f, what]) => `  ${f}  ${what}`)].join('\n'));
}

