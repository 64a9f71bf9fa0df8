// `shuxiang rank --branches --year Y`: the organ's award for branches (书香支部, SPEC §6.7) — each branch
// scored from its year (duties met, members meeting the 五坚持, attendance, books per head) with the rule
// set's branch weights, every component shown; --xlsx the scoring table, --docx the award list and certificates.
import { UserError } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { formatTable, type Column } from '../../output.js';

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** `rank --branches`: the branches of the organ scored, the award list and certificates (书香支部). */
export async function runBranchRank(ctx: AppContext, db: import('../../../store/db.js').Db, o: { year: number; asOf: string; top?: number; signDate: string; xlsx?: string | true; docx?: string | true; branch?: string; force?: boolean }): Promise<void> {
  if (o.branch) throw new UserError('--branches 评比的是全部支部，不能与 --branch 同时使用。');
  const { loadRuleContext } = await import('../../ruleContext.js');
  const { loaded, calendar } = await loadRuleContext(ctx, db);
  const { buildBranchRanking, awardReason, branchRankSheets, branchAwardList, branchCertificates } = await import('../../../reports/branchRanking.js');
  ctx.progress({ stage: '判定各支部' });
  const r = buildBranchRanking(db, { year: o.year, asOf: o.asOf, ruleSet: loaded.ruleSet, calendar, top: o.top });
  if (r.ranked.length === 0) throw new UserError(`${o.year} 年没有在册人员的支部，无法评比。`, ['请先导入花名册（shuxiang import 花名册.xlsx）。']);
  const stem = `${o.year}年度${r.settings.award}评比`;
  const target = (v: string | true, ext: string) => ctx.path(v === true ? `${stem}.${ext}` : v.toLowerCase().endsWith(`.${ext}`) ? v : `${v}.${ext}`);
  const { writeOutput } = await import('../../writeOutput.js');
  const put = (v: string | true, ext: string, write: (tmp: string) => Promise<void>) => writeOutput(ctx, { file: target(v, ext), named: v !== true, force: o.force, flag: `--${ext}` }, write);
  const written: [string, string][] = [];
  if (o.xlsx !== undefined) {
    ctx.progress({ stage: '生成工作表（支部评比计分表 .xlsx）' });
    const { writeTableWorkbook } = await import('../../../render/excel/tableWorkbook.js');
    const file = await put(o.xlsx, 'xlsx', (tmp) => writeTableWorkbook(tmp, branchRankSheets(r), stem));
    written.push([file, `支部评比计分表（${r.ranked.length} 个支部）`]);
  }
  if (o.docx !== undefined) {
    ctx.progress({ stage: '生成 Word（表彰决定和荣誉证书）' });
    const { writeListDocx } = await import('../../../render/word/listDocx.js');
    const { certificateSections } = await import('../../../render/word/certificates.js');
    const certs = branchCertificates(r, o.signDate);
    const file = await put(o.docx, 'docx', (tmp) => writeListDocx(tmp, branchAwardList(r, o.signDate), (d) => certificateSections(d, certs)));
    written.push([file, `表彰决定和荣誉证书（${certs.length} 张）`]);
  }
  if (ctx.json) {
    const { comparison: _c, ...rest } = r;
    return ctx.outJson({ ...rest, files: written.map(([f]) => f) });
  }
  const shown = r.ranked[0]!.components;
  const cols: Column<(typeof r.ranked)[number]>[] = [
    { header: '名次', value: (b) => `${b.rank}${b.tied ? '=' : ''}`, align: 'right' },
    { header: '支部', value: (b) => b.branch },
    { header: '在册', value: (b) => b.members, align: 'right' },
    ...shown.map((c): Column<(typeof r.ranked)[number]> => ({
      header: `${c.label}${c.unit ? `(${c.unit})` : ''}`, align: 'right',
      value: (b) => {
        const x = b.components.find((y) => y.key === c.key)!;
        const v = x.value === null ? '—' : x.key === 'booksPerHead' ? fmt(x.value) : `${Math.round(x.value * 1000) / 10}%`;
        return `${v}${x.capped ? '*' : ''}→${fmt(x.points)}`;
      },
    })),
    { header: '总分', value: (b) => fmt(b.score), align: 'right' },
  ];
  const w = r.settings.weights;
  ctx.out([
    ctx.paint('bold', `${r.organ || '机关'} ${o.year} 年度“${r.settings.award}”评比（截至 ${o.asOf}，${r.ruleSetTitle}）`),
    formatTable(cols, r.ranked),
    '',
    `计分：支部职责完成率 × ${w.duties} + 五坚持全部达标人员占比 × ${w.persists} + 参加率 × ${w.attendanceRate} + 人均读书 × ${w.booksPerHead}${r.settings.caps.booksPerHead !== undefined ? `（最多计 ${r.settings.caps.booksPerHead} 本）` : ''}；每项为“数量→得分”，* 表示超过上限；同分按参加率排序，“=”表示并列。`,
    r.awardees.length ? `拟表彰“${r.settings.award}”${r.awardees.length} 个：` : '没有支部得分，暂不产生表彰名单。',
    ...r.awardees.map((b) => `  ${b.rank}. ${b.branch}：${awardReason(b)}`),
  ].join('\n'));
  if (written.length) ctx.info(['已生成：', ...written.map(([f, what]) => `  ${f}  ${what}`)].join('\n'));
}
