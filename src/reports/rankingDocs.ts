// The ranking as paperwork: the scoring table sheet (every component's figure and points, so the order
// can be defended), the award list (表彰名单) and the certificates (荣誉证书) of the awardees.
import { COMPONENTS } from '../domain/ranking.js';
import { displayWidth } from '../shared/width.js';
import type { TableSheet } from '../render/excel/tableSheet.js';
import type { Certificate } from '../render/word/certificates.js';
import type { ListDoc } from '../render/word/listDocx.js';
import type { RankingReport } from './ranking.js';

const DIGITS = '〇一二三四五六七八九';

/** 2026-12-31 → 二〇二六年十二月三十一日 (how certificates are dated). */
export function chineseDate(iso: string): string {
  const n = (x: number) => (x < 10 ? '〇一二三四五六七八九'[x]! : x < 20 ? `十${x % 10 ? DIGITS[x % 10] : ''}` : `${DIGITS[Math.floor(x / 10)]}十${x % 10 ? DIGITS[x % 10] : ''}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${[...String(y)].map((c) => DIGITS[Number(c)]).join('')}年${n(m)}月${n(d)}日`;
}

/** The scoring table (one row per member) and the scoring rules it was computed with. */
export function rankSheets(r: RankingReport): TableSheet[] {
  const comps = COMPONENTS;
  const cap = (k: string) => r.ranking.caps[k as keyof typeof r.ranking.caps];
  return [{
    name: '评比计分', title: `${r.branch} ${r.year} 年度“${r.ranking.award}”评比计分表（计分办法见“计分办法”表）`, freezeColumns: 3,
    columns: [
      { header: '名次', kind: 'int', width: 6, align: 'center' }, { header: '姓名', kind: 'text', width: Math.max(10, ...r.ranked.map((m) => displayWidth(m.name) + 2)) }, { header: '支部', kind: 'text', width: 16 },
      ...comps.flatMap((c) => [
        { header: `${c.label}${c.unit ? `(${c.unit})` : ''}`, kind: (c.key === 'attendanceRate' ? 'rate' : 'num') as 'rate' | 'num', width: 12 },
        { header: `${c.label}分`, kind: 'num' as const, width: 8 },
      ]),
      { header: '总分', kind: 'num', width: 8 }, { header: '表彰', kind: 'text', width: 10 },
    ],
    rows: r.ranked.map((m) => [
      m.rank, m.name, m.branch,
      ...m.components.flatMap((c) => [c.value, c.points]),
      m.score, r.awardees.some((a) => a.memberId === m.memberId) ? r.ranking.award : '',
    ]),
  }, {
    name: '计分办法', title: `计分办法（${r.ruleSetTitle}规则集 ranking 一节）：得分 = 分值 × 数量，数量超过上限只计上限；同分按参加率排序`,
    columns: [{ header: '项目', kind: 'text', width: 12 }, { header: '单位', kind: 'text', width: 8 }, { header: '分值', kind: 'num', width: 8 }, { header: '上限', kind: 'num', width: 8 }],
    rows: comps.map((c) => [c.label, c.key === 'attendanceRate' ? '参加率 0–1' : c.unit, r.ranking.weights[c.key], cap(c.key) ?? '不设上限']),
  }];
}

/** The scored components as the decision names them, in its order. */
const SCORED: [(keyof RankingReport['ranking']['weights'])[], string][] = [
  [['books'], '读书'], [['writings', 'writingChars'], '撰写心得文章'], [['attendanceRate'], '参加集中学习'], [['studyHours'], '自学'],
  [['talks'], '宣讲'], [['researchDays'], '调研'], [['assessmentScore'], '学习测试'],
];

/** The award list: a paragraph of decision and the table of awardees. */
export function awardList(r: RankingReport, signDate: string): ListDoc {
  const organ = r.organ || r.branch;
  const multi = new Set(r.awardees.map((m) => m.branch)).size > 1;
  // Only what the rule set scores (a weight above 0) and what its minimums really ask is said.
  const scored = SCORED.filter(([keys]) => keys.some((k) => r.ranking.weights[k] > 0)).map(([, words]) => words);
  const basis = scored.length ? `根据年度${scored.length > 1 ? `${scored.slice(0, -1).join('、')}和${scored[scored.length - 1]}` : scored[0]}等情况综合计分，` : '';
  const among = r.conditions.length ? `在${r.conditions.join('、')}的同志中择优评选` : '按得分高低择优评选';
  return {
    title: `关于表彰${r.year}年度“${r.ranking.award}”的决定`,
    intro: [
      `${r.year}年，${r.branch}深入开展读书学习活动，广大党员干部多读书、读好书。${basis}${among}，决定授予以下${r.awardees.length}名同志“${r.ranking.award}”荣誉称号。`,
      '希望受表彰的同志珍惜荣誉、再接再厉，全体党员干部以先进为榜样，勤学善思、学以致用，推动书香机关建设再上新台阶。',
    ],
    caption: `${r.year}年度“${r.ranking.award}”名单`,
    headers: ['名次', '姓名', ...(multi ? ['所在支部'] : []), '总分', '评选理由'],
    rows: r.awardees.map((m) => [String(m.rank), m.name, ...(multi ? [m.branch] : []), String(m.score), m.reason]),
    widths: [8, 12, ...(multi ? [18] : []), 10, multi ? 38 : 50],
    centred: [true, true, ...(multi ? [false] : []), true, false],
    sign: [organ, chineseDate(signDate)],
  };
}

/** One certificate per awardee. */
export function certificatesOf(r: RankingReport, signDate: string): Certificate[] {
  return r.awardees.map((m, i) => ({
    name: m.name, title: r.ranking.award, activity: `${r.year}年度“书香机关”读书学习活动`, organ: r.organ || r.branch,
    date: chineseDate(signDate), number: `${r.year}-${String(i + 1).padStart(3, '0')}`,
  }));
}
