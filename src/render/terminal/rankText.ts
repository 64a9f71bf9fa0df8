// `rank` and `rank --branches` as text: the scoring table (every component as “figure → points”), how it
// was scored, and who is proposed for the award.
import type { RankedBranch } from '../../domain/branchRanking.js';
import type { RankedMember } from '../../domain/ranking.js';
import type { BranchRankingReport } from '../../reports/branchRanking.js';
import { awardReason } from '../../reports/branchRanking.js';
import type { RankingReport } from '../../reports/ranking.js';
import type { Paint } from '../../shared/colour.js';
import { formatTable, type Column } from './table.js';

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** The member table: rank, name, every weighted component as “figure → points”, total. */
function rankTable(r: RankingReport, rows: RankedMember[]): string {
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

/** `rank`: heading, table, legend, the proposed awardees and (the first five of) those left out. */
export function rankText(paint: Paint, r: RankingReport, asOf: string): string {
  return [
    paint('bold', `${r.branch} ${r.year} 年度“${r.ranking.award}”评比（截至 ${asOf}，${r.ruleSetTitle}计分办法）`),
    rankTable(r, r.ranked),
    '',
    `每项为“数量→得分”；* 表示超过上限，只计上限。同分按参加率排序，“=”表示并列。`,
    r.awardees.length
      ? `拟表彰“${r.ranking.award}”${r.awardees.length} 人：${r.awardees.map((m) => m.name).join('、')}${r.awardees.length > r.top ? `（第 ${r.top} 名并列，共 ${r.awardees.length} 人）` : ''}。`
      : '没有人达到评选条件，暂不产生表彰名单。',
    ...(r.leftOut.length ? [`未达到评选条件、不列入表彰 ${r.leftOut.length} 人：${r.leftOut.slice(0, 5).map((m) => `${m.name}（${m.why.join('，')}）`).join('；')}${r.leftOut.length > 5 ? ' 等' : ''}。`] : []),
  ].join('\n');
}

/** `rank --branches`: heading, table, how it was scored, the proposed branches with their reasons. */
export function branchRankText(paint: Paint, r: BranchRankingReport, year: number, asOf: string): string {
  const shown = r.ranked[0]!.components;
  const cols: Column<RankedBranch>[] = [
    { header: '名次', value: (b) => `${b.rank}${b.tied ? '=' : ''}`, align: 'right' },
    { header: '支部', value: (b) => b.branch },
    { header: '在册', value: (b) => b.members, align: 'right' },
    ...shown.map((c): Column<RankedBranch> => ({
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
  return [
    paint('bold', `${r.organ || '机关'} ${year} 年度“${r.settings.award}”评比（截至 ${asOf}，${r.ruleSetTitle}）`),
    formatTable(cols, r.ranked),
    '',
    `计分：支部职责完成率 × ${w.duties} + 五坚持全部达标人员占比 × ${w.persists} + 参加率 × ${w.attendanceRate} + 人均读书 × ${w.booksPerHead}${r.settings.caps.booksPerHead !== undefined ? `（最多计 ${r.settings.caps.booksPerHead} 本）` : ''}；每项为“数量→得分”，* 表示超过上限；同分按参加率排序，“=”表示并列。`,
    r.awardees.length ? `拟表彰“${r.settings.award}”${r.awardees.length} 个：` : '没有支部得分，暂不产生表彰名单。',
    ...r.awardees.map((b) => `  ${b.rank}. ${b.branch}：${awardReason(b)}`),
  ].join('\n');
}
