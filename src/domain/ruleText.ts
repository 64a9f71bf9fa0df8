// A rule as the secretary reads it (`rules show`): the metric by its Chinese name and each option in
// words (活动类型：集中学习), never metric ids or raw JSON. The ids stay in --json, which is for programs.
import { sessionTypeName } from './sessionTypes.js';
import type { MetricName, RuleOptions } from './ruleSet.js';

/** What each metric counts, in Chinese. */
export const METRIC_LABELS: Record<MetricName, string> = {
  'sessions-attended': '参加的学习活动次数',
  'attendance-rate': '学习活动参加率',
  'books-by-category': '分类读完的书',
  'books-finished': '读完的书',
  talks: '作的宣讲或讲座',
  'research-days': '一线调研天数',
  writings: '撰写的文章',
  'self-study': '自学时数和笔记天数（按工作日）',
  'lectures-heard': '听课次数（支部讲座和登记的听课）',
  'books-and-exchanges': '读完的书和读书交流',
  'trainings-and-exams': '培训和考试',
  'reflections-per-headcount': '心得上报篇数与在册人数之比',
  'sessions-held': '支部举办的学习活动次数',
  assessment: '参加测试或考试',
};

/** The metric's Chinese name (an unknown id is shown as it is). */
export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric as MetricName] ?? metric;
}

const OPTION_TEXT: { [K in keyof RuleOptions]-?: (v: NonNullable<RuleOptions[K]>) => string } = {
  sessionTypes: (v) => `计入的活动类型：${v.map((t) => sessionTypeName(t)).join('、')}`,
  excusedCountsAsAttended: (v) => `请假算参加：${v ? '是' : '否'}`,
  minChars: (v) => `文章至少 ${v} 字才计入`,
  writingKinds: (v) => `计入的文章类型：${v.join('、')}`,
  talkKinds: (v) => `计入的宣讲类型：${v.join('、')}`,
  categoryMap: (v) => `书目类别归并：${Object.entries(v).map(([from, to]) => `${from}计入${to}`).join('、')}`,
};

/** Each set option of a rule as one readable phrase; an option this version does not know is shown as key = value. */
export function ruleOptionsText(options: RuleOptions): string[] {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const say = (OPTION_TEXT as Record<string, ((x: unknown) => string) | undefined>)[k];
      return say ? say(v) : `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`;
    });
}
