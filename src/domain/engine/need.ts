// The Chinese sentence that tells a member what is short (gap) or still needed by when (open):
// “还差 2 本书（1 本业务类、1 本科学人文类），本年度剩余 39 天”.
import type { SessionType } from '../evidence.js';
import { SESSION_TYPES } from '../sessionTypes.js';
import { PERIOD_NOUNS } from '../periods.js';
import type { Rule } from '../ruleSet.js';
import type { Figure, Verdict } from './types.js';

/** Chinese names of session types, as the secretary says them in a sentence (the `phrase` of the one table). */
export const SESSION_TYPE_LABELS = Object.fromEntries(SESSION_TYPES.map((t) => [t.id, t.phrase])) as Record<SessionType, string>;

export { PERIOD_NOUNS };

const num = (n: number) => String(Math.round(n * 100) / 100);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const part = (g: Figure, k: string) => (typeof g === 'number' ? 0 : (g[k] ?? 0));
const total = (g: Figure) => (typeof g === 'number' ? g : Object.values(g).reduce((a, b) => a + b, 0));
const list = (xs: (string | false)[]) => xs.filter((x): x is string => !!x).join('、');
const sessionsOf = (r: Rule, fallback: SessionType) => (r.options.sessionTypes ?? [fallback]).map((t) => SESSION_TYPE_LABELS[t]).join('或');

/** What is missing, without the verb: “2 本书（1 本业务类、1 本科学人文类）”, “1 次集中学习”. */
function missing(r: Rule, g: Figure, d: Record<string, number>, open: boolean): string {
  const excused = d.excused && !r.options.excusedCountsAsAttended ? `（请假 ${d.excused} 次，不计为参加）` : '';
  switch (r.metric) {
    case 'sessions-attended': return `${num(total(g))} 次${sessionsOf(r, 'collective-study')}${excused}`;
    case 'books-by-category': {
      const cats = list(Object.keys(g as object).map((k) => part(g, k) > 0 && `${num(part(g, k))} 本${k}类`));
      return `${num(total(g))} 本书（${cats}）`;
    }
    case 'books-finished': return `${num(total(g))} 本书`;
    case 'talks': return `${num(total(g))} 次${(r.options.talkKinds ?? ['理论宣讲', '业务讲座']).join('或')}`;
    case 'research-days': return `${num(total(g))} 天一线调研`;
    case 'writings': {
      const kinds = (r.options.writingKinds ?? ['心得体会', '理论文章', '调研报告']).join('或');
      const min = r.options.minChars ? `不少于 ${r.options.minChars} 字的` : '';
      return `${num(total(g))} 篇${min}${kinds}`;
    }
    case 'self-study': {
      const wd = open ? `（${PERIOD_NOUNS[r.period]}共 ${d.workingDays ?? 0} 个工作日，还剩 ${d.workingDaysLeft ?? 0} 个）` : `（共 ${d.workingDays ?? 0} 个工作日）`;
      return `${list([part(g, 'hours') > 0 && `${num(part(g, 'hours'))} 小时自学`, part(g, 'noteDays') > 0 && `${num(part(g, 'noteDays'))} 天学习笔记`])}${wd}`;
    }
    case 'lectures-heard': return `${num(total(g))} 次听课或专题报告${excused}`;
    case 'books-and-exchanges':
      return `${list([part(g, 'books') > 0 && `${num(part(g, 'books'))} 本书`, part(g, 'exchanges') > 0 && `${num(part(g, 'exchanges'))} 次读书交流`])}${excused}`;
    case 'trainings-and-exams':
      return list([part(g, 'trainings') > 0 && `${num(part(g, 'trainings'))} 次继续教育培训`, part(g, 'exams') > 0 && `${num(part(g, 'exams'))} 次理论考试`]);
    case 'assessment': return `${num(total(g))} 次知识测试或品评${excused}`;
    case 'sessions-held': return `${num(total(g))} 次${sessionsOf(r, 'collective-study')}`;
    case 'reflections-per-headcount':
      return `${num(total(g))} 篇（应报不少于 ${d.required} 篇，即 ${d.headcount} 人的 ${pct(r.threshold as number)}，向上取整）`;
    case 'attendance-rate': return '';
  }
}

/** The need sentence of a gap or open verdict (empty for met and n/a). */
export function needSentence(r: Rule, v: Verdict): string {
  if (v.status !== 'gap' && v.status !== 'open') return '';
  const open = v.status === 'open';
  const d: Record<string, number> = { ...v.detail, required: typeof v.required === 'number' ? v.required : 0 };
  const left = open && v.daysLeft !== undefined ? `，${PERIOD_NOUNS[r.period]}剩余 ${v.daysLeft} 天` : '';
  if (r.metric === 'attendance-rate') {
    const label = `${sessionsOf(r, 'collective-study')}参加率`;
    const ex = d.excused ? `，请假 ${d.excused} 次${r.options.excusedCountsAsAttended ? '计为参加' : '不计为参加'}` : '';
    const figs = `（应参加 ${d.expected ?? 0} 次，参加 ${d.attended ?? 0} 次${ex}）`;
    if (!open) return `${label} ${pct(v.actual as number)}${figs}，低于 ${pct(v.required as number)}`;
    return `目前${label} ${pct(v.actual as number)}${figs}，须不低于 ${pct(v.required as number)}${left}`;
  }
  const what = missing(r, v.gap, d, open);
  const verb = r.metric === 'sessions-held' ? (open ? '还需举办' : '少举办')
    : r.metric === 'reflections-per-headcount' ? (open ? '心得上报还差' : '心得上报差') : open ? '还差' : '差';
  return `${verb} ${what}${left}${uncounted(r, d)}`;
}

/** Evidence seen but not counted, so the member is not puzzled: books without a category, writings too short. */
function uncounted(r: Rule, d: Record<string, number>): string {
  if (d.uncategorized) return `；另有 ${d.uncategorized} 本书未填分类，未计入`;
  if (d.tooShort && r.options.minChars) return `；另有 ${d.tooShort} 篇不足 ${r.options.minChars} 字，未计入`;
  return '';
}
