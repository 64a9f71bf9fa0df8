// The generated passages of the written summary: the sessions and their themes, the problems found by
// the audit (who is short of what, by rule), and the tables (figures, sessions by type, books by
// category, compliance per rule) — as plain strings, for the Word and Markdown renderers alike.
import { formatRate } from '../domain/attendanceStats.js';
import { gapDigest, type RuleGaps } from './gapDigest.js';
import type { PeriodReport } from './periodReportTypes.js';
import { periodNoun, shortPeriodText, tightCjk } from './reportNames.js';

/** A table of the summary: caption, header and rows of text; `numeric` columns are centred. */
export interface SummaryTable {
  caption: string;
  headers: string[];
  rows: string[][];
  numeric: boolean[];
  /** Relative column widths. */
  widths: number[];
}

/** How a rule's worst verdict reads in a table. */
export const STATUS_TEXT: Record<string, string> = { gap: '未达标', open: '进行中', met: '达标' };

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const ord = (i: number) => ORDINALS[i] ?? String(i + 1);

/** One paragraph per session type held: how many, and the main themes. */
export function themeParagraphs(r: PeriodReport): string[] {
  const out: string[] = [];
  for (const t of r.headline.sessionsByType) {
    const list = r.sessions.filter((s) => s.type === t.type);
    if (!list.length) continue;
    // Topics often repeat the type (“集中学习：…”); the sentence already names it.
    const topics = [...new Set(list.map((s) => s.topic.trim().replace(new RegExp(`^${t.name}[：:]\\s*`), '')).filter(Boolean))];
    // Quoted items in a row take no 顿号 between them.
    const shown = topics.slice(0, 6).map((x) => `“${x}”`).join('');
    out.push(`${t.name}${list.length}次${shown ? `，主题包括${shown}${topics.length > 6 ? `等${topics.length}个` : ''}` : ''}。`);
  }
  return out.length ? out : [`${r.period.label}尚未登记学习活动。`];
}

/**
 * One sentence on the annual study plan for the period (“年度学习计划安排12个月，已开展10个月，未开展1个月
 * （2月“……”）……”), naming the months not held; empty when the branch keeps no plan.
 */
export function planSentence(r: PeriodReport): string {
  const p = r.plan;
  if (!p?.rows.length) return '';
  // Over several branches the rows are branch-months: count them as items and name the branch of each gap.
  const multi = new Set(p.rows.map((x) => x.branch)).size > 1;
  const unit = multi ? '项' : '个月';
  const gaps = p.rows.filter((x) => x.status === 'gap');
  const named = gaps.slice(0, 6).map((x) => `${multi ? x.branch : ''}${Number(x.month.slice(5, 7))}月“${x.theme}”`).join('、');
  const parts = [`已开展${p.held}${unit}`];
  if (p.gaps) parts.push(`未开展${p.gaps}${unit}（${named}${gaps.length > 6 ? '等' : ''}）`);
  if (p.open) parts.push(`${p.open}${unit}正在进行`);
  if (p.future) parts.push(`${p.future}${unit}尚未到期`);
  const lead = `${multi ? '各支部' : ''}年度学习计划${r.period.kind === 'year' ? '' : `中${periodNoun(r.period.kind)}`}`;
  return `${lead}安排${p.rows.length}${multi ? '项月度学习' : '个月'}，${parts.join('，')}。`;
}

/**
 * “一是……；二是……”: one paragraph per rule with ended gaps, summarised — how many people fell short and how
 * many person-periods that is, the two or three most affected people, and one example of what was missing;
 * the full list is the workbook's 达标情况 sheet (named at the end).
 */
export function problemParagraphs(r: PeriodReport): string[] {
  const digest = gapDigest(r.audit);
  if (!digest.length) {
    const open = r.audit.openCount ? `截至统计日，尚有${r.audit.openCount}项指标所在周期未结束，需持续跟进。` : '';
    return [`对照各项指标检查，${r.period.label}已结束的考核周期均已达标。${open}`];
  }
  const out = digest.map((g, i) => tightCjk(`${ord(i)}是“${g.title}”方面，${g.appliesTo === 'branch' ? branchGaps(g) : memberGaps(g)}。`));
  const people = new Set(digest.filter((g) => g.appliesTo !== 'branch').flatMap((g) => g.subjects.map((s) => s.memberId)));
  out.push(`以上${people.size ? `共涉及${people.size}名党员、` : ''}${r.audit.gapCount}人次未达标，逐人逐项情况见学习台账“达标情况”表，各期明细见“未达标明细”表。`);
  return out;
}

/** 8人未达标，合计80人次；较突出的是许文博（33周）、林晓燕（24周）、吴军（21周），如许文博第49周差1次… */
function memberGaps(g: RuleGaps): string {
  const ranked = [...g.subjects].sort((a, b) => b.periods.length - a.periods.length);
  const top = ranked.slice(0, 3);
  const unit = periodUnit(g.subjects[0]!.periods[0]!);
  const example = top[0]!.lastNeed ? `，如${top[0]!.name}${shortPeriodText(top[0]!.periods.at(-1)!)}${top[0]!.lastNeed}` : '';
  if (g.count === g.subjects.length) {
    // One period each: name them (all when three or fewer).
    const names = top.map((s) => s.name).join('、');
    return g.subjects.length <= 3 ? `${names}未达标（${top.map((s) => shortPeriodText(s.periods[0]!)).join('、')}）${example}` : `${g.subjects.length}人未达标，如${names}等${example}`;
  }
  const same = top.every((s) => s.periods.length === top[0]!.periods.length);
  const who = same ? `${top.map((s) => s.name).join('、')}${top.length > 1 ? '各' : ''}${top[0]!.periods.length}${unit}` : top.map((s) => `${s.name}（${s.periods.length}${unit}）`).join('、');
  return `${g.subjects.length}人未达标，合计${g.count}人次；${g.subjects.length > top.length ? '较突出的是' : '其中'}${who}${example}`;
}

/** 支部未达到要求（2026年） */
function branchGaps(g: RuleGaps): string {
  return `${g.subjects.map((s) => `${s.name}（${s.periods.map(shortPeriodText).join('、')}）`).join('、')}未达到要求`;
}

/** How a count of periods reads: 个月, 周, 个季度, 个半年, 年. */
function periodUnit(id: string): string {
  if (/^\d{4}-\d{2}$/.test(id)) return '个月';
  if (/-W\d{2}$/.test(id)) return '周';
  if (/-Q\d$/.test(id)) return '个季度';
  if (/-H\d$/.test(id)) return '个半年';
  return '期';
}

/** The four tables of 学习成效 and 基本情况. */
export function summaryTables(r: PeriodReport): Record<string, SummaryTable> {
  const h = r.headline;
  const a = h.attendance;
  const pct = (x: number) => (h.books ? `${Math.round((x / h.books) * 1000) / 10}%` : '—');
  return {
    基本数据: {
      caption: `${r.period.label}学习情况基本数据`, headers: ['项目', '数量', '说明'], numeric: [false, true, false], widths: [3, 2, 6],
      rows: [
        ['在册党员', `${h.members}人`, `班子成员${h.leaders}人，预备党员${h.probationary}人`],
        ['组织学习活动', `${h.sessionsHeld}次`, `共${h.sessionHours}学时`],
        ['出勤率', formatRate(a.rate), `应到${a.expected}人次，实到${a.attended}人次，请假${a.excused}人次`],
        ['人均自学', `${h.studyHoursPerHead}学时`, `合计${h.studyHours}学时，笔记${h.noteDays}天次`],
        ['读书', `${h.books}本`, h.booksByCategory.map((b) => `${b.category}${b.count}本`).join('、') || '—'],
        ['心得文章', `${h.writings}篇`, `共${h.writingChars.toLocaleString('en')}字`],
        ['一线调研', `${h.researchDays}天`, `${h.researchTrips}次`],
        ['宣讲讲座', `${h.talks}次`, h.talksByKind.map((t) => `${t.kind}${t.count}次`).join('、') || '—'],
        ['培训、考试', `${h.trainings}/${h.exams}人次`, h.examAverage !== null ? `考试平均${h.examAverage}分` : '—'],
      ],
    },
    活动类型: {
      caption: '学习活动开展情况', headers: ['活动类型', '举办次数', '规则要求', '情况'], numeric: [false, true, false, true], widths: [3, 2, 5, 2],
      rows: h.sessionsByType.filter((t) => t.held || t.requiredText).map((t) => [t.name, String(t.held), t.requiredText || '—', STATUS_TEXT[t.status ?? ''] ?? '']),
    },
    读书类别: {
      caption: '读书情况（按类别）', headers: ['类别', '本数', '占比'], numeric: [false, true, true], widths: [3, 2, 2],
      rows: h.booksByCategory.map((b) => [b.category, String(b.count), pct(b.count)]),
    },
    ...(r.byBranch ? { 支部对比: branchTable(r.byBranch) } : {}),
    达标情况: {
      caption: '各项指标达标情况（按人数计）', headers: ['指标', '对象', '达标', '未达标', '进行中'], numeric: [false, true, true, true, true], widths: [7, 2, 1.5, 1.7, 1.7],
      rows: r.audit.rules.map((x) => [x.title, ({ all: '全体', leaders: '班子', branch: '支部' } as Record<string, string>)[x.appliesTo]!, String(x.met), String(x.gap), String(x.open)]),
    },
  };
}

/** The branches side by side, worst first, the organ's totals last (a report over several branches). */
function branchTable(c: import('./branchComparison.js').BranchComparison): SummaryTable {
  const row = (b: import('./branchComparison.js').BranchFigures) => [
    b.branch, String(b.members), String(b.sessionsHeld), String(b.dutiesUnmet), formatRate(b.attendance.rate), formatRate(b.shareAllMet),
    String(b.peopleWithGaps), String(b.booksPerHead), String(b.studyHoursPerHead),
  ];
  return {
    caption: '各支部学习情况对比（未完成支部职责多的在前）', headers: ['支部', '在册', '活动', '未完成职责', '参加率', '全部达标', '有未达标', '人均读书', '人均自学'],
    numeric: [false, true, true, true, true, true, true, true, true], widths: [4, 1.3, 1.3, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8],
    rows: [...c.branches.map(row), row(c.organ)],
  };
}
