// The reminder model (SPEC §6 item 9): from an audit's open periods, one short message per member saying
// what is still needed and by when — worded to be pasted into a chat group — and the branch's own to-dos.
import type { Figure, Verdict } from '../domain/engine/types.js';
import { PERIOD_NOUNS, SESSION_TYPE_LABELS } from '../domain/engine/need.js';
import type { SessionType } from '../domain/evidence.js';
import { PERIOD_KINDS, addDaysIso } from '../domain/periods.js';
import type { Rule } from '../domain/ruleSet.js';
import type { AuditReport, AuditVerdict } from './audit.js';

/** One thing still to do. */
export interface RemindItem {
  rule: string;
  period: string;
  /** “自学 12 小时、记 5 天学习笔记” (no period word, no deadline). */
  todo: string;
  /** “本月”. */
  when: string;
  /** The last day of the period for this person. */
  due: string;
  daysLeft: number;
  workingDaysLeft?: number;
}

/** One member's (or a branch's) message and its items. */
export interface RemindMessage {
  memberId?: number;
  name: string;
  branch: string;
  items: RemindItem[];
  text: string;
}

/** What `remind` prints, writes to .xlsx and gives as JSON. */
export interface RemindReport {
  asOf: string;
  /** Members with something open, in pinyin order of their names. */
  messages: RemindMessage[];
  /** The branch duties still open (for the secretary, not the group). */
  branches: RemindMessage[];
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const part = (g: Figure, k: string) => (typeof g === 'number' ? 0 : (g[k] ?? 0));
const total = (g: Figure) => (typeof g === 'number' ? g : Object.values(g).reduce((a, b) => a + b, 0));
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const and = (xs: (string | false)[]) => xs.filter(Boolean).join('、');
const sessions = (r: Rule, fallback: SessionType) => (r.options.sessionTypes ?? [fallback]).map((t) => SESSION_TYPE_LABELS[t]).join('或');

/** What a member still has to do for one open verdict, as an instruction; undefined when nothing is owed. */
export function todoOf(rule: Rule, v: Verdict): string | undefined {
  const g = v.gap;
  const n = num(total(g));
  switch (rule.metric) {
    case 'attendance-rate':
      return (v.actual as number) < (v.required as number)
        ? `按时参加${sessions(rule, 'collective-study')}（目前参加率 ${pct(v.actual as number)}，全年须不低于 ${pct(v.required as number)}）` : undefined;
    case 'sessions-attended': return `参加 ${n} 次${sessions(rule, 'collective-study')}`;
    case 'books-by-category': return `读完 ${n} 本书（${and(Object.keys(g as object).map((k) => part(g, k) > 0 && `${num(part(g, k))} 本${k}类`))}）`;
    case 'books-finished': return `读完 ${n} 本书`;
    case 'talks': return `作 ${n} 次${(rule.options.talkKinds ?? ['理论宣讲', '业务讲座']).join('或')}`;
    case 'research-days': return `完成 ${n} 天一线调研`;
    case 'writings': return `撰写 ${n} 篇${rule.options.minChars ? `不少于 ${rule.options.minChars} 字的` : ''}${(rule.options.writingKinds ?? ['心得体会', '理论文章']).join('或')}`;
    case 'self-study': return and([part(g, 'hours') > 0 && `自学 ${num(part(g, 'hours'))} 小时`, part(g, 'noteDays') > 0 && `记 ${num(part(g, 'noteDays'))} 天学习笔记`]);
    case 'lectures-heard': return `听 ${n} 次课或专题报告`;
    case 'books-and-exchanges':
      return [part(g, 'books') > 0 && `读完 ${num(part(g, 'books'))} 本书`, part(g, 'exchanges') > 0 && `参加 ${num(part(g, 'exchanges'))} 次读书交流`].filter(Boolean).join('并');
    case 'trainings-and-exams':
      return `参加${[part(g, 'trainings') > 0 && ` ${num(part(g, 'trainings'))} 次继续教育培训`, part(g, 'exams') > 0 && ` ${num(part(g, 'exams'))} 次理论考试`].filter(Boolean).join('和')}`;
    case 'assessment': return `参加 ${n} 次知识测试或品评`;
    case 'sessions-held': return `举办 ${n} 次${sessions(rule, 'collective-study')}`;
    case 'reflections-per-headcount': return `收齐 ${n} 篇${rule.options.minChars ? `不少于 ${rule.options.minChars} 字的` : ''}心得`;
  }
}

/** Builds the reminders from an audit run over the year of the as-of date. */
export function buildRemind(audit: AuditReport): RemindReport {
  const rules = new Map(audit.ruleSet.rules.map((r) => [r.id, r]));
  const itemsOf = (vs: AuditVerdict[]) => vs.flatMap((v): RemindItem[] => {
    const rule = rules.get(v.rule)!;
    const todo = v.status === 'open' && v.daysLeft !== undefined ? todoOf(rule, v) : undefined;
    if (!todo) return [];
    const wd = rule.metric === 'self-study' ? v.detail?.workingDaysLeft : undefined;
    return [{ rule: v.rule, period: v.period, todo, when: PERIOD_NOUNS[rule.period], due: addDaysIso(audit.asOf, v.daysLeft! - 1), daysLeft: v.daysLeft!, ...(wd !== undefined ? { workingDaysLeft: wd } : {}) }];
  });
  const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  const messages = audit.people
    // The branch of the periods still open: the one whose roll they are on as of the day (moved later: the old one).
    .map((p) => ({ memberId: p.memberId, name: p.name, branch: (p.open[0] && audit.branchNames.get(p.open[0].branchId)) || p.branch, items: itemsOf(p.open) }))
    .filter((m) => m.items.length)
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((m) => ({ ...m, text: `${m.name}同志：${sentence(m.items)}` }));
  const branches = audit.branches
    .map((b) => ({ name: b.name, branch: b.name, items: itemsOf(b.verdicts) }))
    .filter((b) => b.items.length)
    .map((b) => ({ ...b, text: `${b.name}：${sentence(b.items)}` }));
  return { asOf: audit.asOf, messages, branches };
}

/** “本周还需听 1 次课或专题报告（剩 3 天）；本月还需自学 12 小时（剩 17 天，其中 13 个工作日）。” — soonest first. */
export function sentence(items: RemindItem[]): string {
  const groups = new Map<string, RemindItem[]>();
  for (const it of items) groups.set(`${it.when}|${it.daysLeft}`, [...(groups.get(`${it.when}|${it.daysLeft}`) ?? []), it]);
  const order = (it: RemindItem) => it.daysLeft * 10 + PERIOD_KINDS.findIndex((k) => PERIOD_NOUNS[k] === it.when);
  return [...groups.values()]
    .sort((a, b) => order(a[0]!) - order(b[0]!))
    .map((g) => {
      const wd = g.find((it) => it.workingDaysLeft !== undefined)?.workingDaysLeft;
      return `${g[0]!.when}还需${g.map((it) => it.todo).join('，')}（剩 ${g[0]!.daysLeft} 天${wd !== undefined ? `，其中 ${wd} 个工作日` : ''}）`;
    })
    .join('；') + '。';
}
