// A year of the demo branch's study life, generated from a fixed seed: the sessions it held, who came,
// and each member's own records — a realistic mix of members who meet every quota and members who fall
// short, so the audit and the report have something to say. Pure: the demo command writes it.
import { seededRandom } from './demoData.js';
import type { SessionType } from './evidence.js';
import type { EvidenceKindId } from './evidenceKinds.js';
import type { FieldValue } from './evidenceValues.js';
import { addDaysIso, isoWeekday } from './periods.js';
import type { WorkCalendar } from './workdays.js';
import { onRollOn } from './member.js';

/** Who the generator writes for: the imported members, by database id. */
export interface DemoPerson {
  id: number;
  name: string;
  post?: string;
  onRollFrom?: string;
  onRollLeft?: string;
}

export interface DemoSession {
  type: SessionType;
  date: string;
  topic: string;
  hours: number;
  place: string;
  speaker?: string;
  /** Member id → status; only members on the roll that day appear. */
  attendance: { memberId: number; status: 'present' | 'late' | 'excused' | 'absent'; excuseKind?: '事假' | '病假' | '公假' }[];
}

export interface DemoItem {
  kind: EvidenceKindId;
  memberId: number;
  values: Record<string, FieldValue>;
}

/** How keen a person is; decides how often they do each thing. */
type Zeal = 'keen' | 'steady' | 'slack';

const BOOKS: { title: string; author: string; category: '政治理论' | '业务' | '科学人文' | '党史' }[] = [
  { title: '习近平谈治国理政（第四卷）', author: '习近平', category: '政治理论' },
  { title: '之江新语', author: '习近平', category: '政治理论' },
  { title: '习近平新时代中国特色社会主义思想学习纲要（2023年版）', author: '中央宣传部', category: '政治理论' },
  { title: '论党的自我革命', author: '习近平', category: '政治理论' },
  { title: '财政学', author: '陈共', category: '业务' },
  { title: '预算绩效管理实务', author: '财政部预算评审中心', category: '业务' },
  { title: '政府会计制度解读', author: '财政部会计司', category: '业务' },
  { title: '乡土中国', author: '费孝通', category: '科学人文' },
  { title: '苏东坡传', author: '林语堂', category: '科学人文' },
  { title: '平凡的世界', author: '路遥', category: '科学人文' },
  { title: '中国共产党简史', author: '本书编写组', category: '党史' },
  { title: '红星照耀中国', author: '埃德加·斯诺', category: '党史' },
];

/** The theme of each month of the demo year (the sessions and the demo plan share them). */
export const MONTH_THEMES = [
  '学习贯彻党的二十大精神', '全面从严治党新要求', '《中国共产党纪律处分条例》', '预算绩效管理改革',
  '习近平文化思想', '党史学习：伟大建党精神', '新质生产力与财政政策', '总体国家安全观',
  '过紧日子与厉行节约', '中国式现代化', '基层减负与作风建设', '年度学习回顾',
];

/** The year as sessions and personal records, up to (not including) `asOf`, on the official working days of `cal`. */
export function demoYear(people: DemoPerson[], year: number, asOf: string, cal: WorkCalendar): { sessions: DemoSession[]; items: DemoItem[] } {
  const rnd = seededRandom(year * 7 + people.length);
  const end = asOf < `${year + 1}-01-01` ? asOf : `${year + 1}-01-01`;
  const onRoll = (p: DemoPerson, d: string) => onRollOn(p, d);
  const zeal = new Map<number, Zeal>();
  people.forEach((p, i) => zeal.set(p.id, p.post ? (p.post === '纪检委员' ? 'steady' : 'keen') : i % 7 === 3 ? 'slack' : i % 4 === 1 ? 'steady' : 'keen'));
  const z = (p: DemoPerson) => zeal.get(p.id)!;
  const chance = (p: DemoPerson, keen: number, steady: number, slack: number) => rnd() < { keen, steady, slack }[z(p)];
  const nthWorkday = (month: number, n: number) => {
    let d = `${year}-${String(month).padStart(2, '0')}-01`;
    for (let k = 0; ; d = addDaysIso(d, 1)) if (cal.isWorkingDay(d) && ++k === n) return d;
  };

  const sessions: DemoSession[] = [];
  const hold = (type: SessionType, date: string, topic: string, hours: number, place: string, speaker?: string, who = people) => {
    if (date >= end) return;
    const attendance: DemoSession['attendance'] = [];
    for (const p of who) {
      if (!onRoll(p, date)) continue;
      const r = rnd();
      const [present, late, excused] = ({ keen: [0.96, 0.99, 1], steady: [0.8, 0.86, 0.95], slack: [0.6, 0.66, 0.8] } as const)[z(p)];
      const status = r < present ? 'present' : r < late ? 'late' : r < excused ? 'excused' : 'absent';
      attendance.push(status === 'excused' ? { memberId: p.id, status, excuseKind: rnd() < 0.6 ? '公假' : '病假' } : { memberId: p.id, status });
    }
    sessions.push({ type, date, topic, hours, place, speaker, attendance });
  };
  const leaders = people.filter((p) => p.post);
  for (let m = 1; m <= 12; m++) {
    const theme = MONTH_THEMES[m - 1]!;
    hold('collective-study', nthWorkday(m, 6), `集中学习：${theme}`, 2, '局三楼会议室', leaders[0]?.name);
    hold('lecture', nthWorkday(m, 12), `专题报告：${theme}`, 2, '局报告厅', '市委党校教授');
    if (m % 3 === 0) hold('reading-exchange', nthWorkday(m, 15), `读书交流会（第 ${m / 3} 季度）`, 2, '局读书角');
    if (m % 3 === 2) hold('assessment', nthWorkday(m, 18), `季度学习品评（第 ${Math.ceil(m / 3)} 季度）`, 1, '局三楼会议室');
    if (m === 1 || m === 7) hold('retreat', nthWorkday(m, 10), m === 1 ? '年度工作务虚会' : '年中工作务虚研讨会', 4, '局三楼会议室');
    if (m === 4) hold('joint-study', nthWorkday(m, 9), '与市税务局机关党支部联学共建', 3, '市税务局');
    if (m === 6 || m === 9) hold('red-base', nthWorkday(m, 8), m === 6 ? '参观市革命历史纪念馆' : '赴红色教育基地现场教学', 4, '市革命历史纪念馆');
    hold('theme-day', nthWorkday(m, 17), `主题党日：${theme}`, 2, '局三楼会议室');
  }

  const items: DemoItem[] = [];
  // Nothing still to come recorded as done (a span whose last day is after the as-of date included).
  const add = (kind: EvidenceKindId, p: DemoPerson, values: Record<string, FieldValue>) => {
    for (const k of ['date', 'from', 'to', 'finished']) if (typeof values[k] === 'string' && (values[k] as string) >= end) return;
    items.push({ kind, memberId: p.id, values });
  };
  for (const p of people) {
    // Self-study on working days (and now and then a weekend), with notes.
    for (let d = `${year}-01-01`; d < end; d = addDaysIso(d, 1)) {
      if (!onRoll(p, d)) continue;
      const work = cal.isWorkingDay(d);
      if (work ? !chance(p, 1, 0.9, 0.55) : !chance(p, 0.1, 0.05, 0)) continue;
      add('self-study', p, { date: d, hours: [1, 1, 1.5, 2][Math.floor(rnd() * 4)]!, content: MONTH_THEMES[Number(d.slice(5, 7)) - 1]!, notes: z(p) === 'slack' ? rnd() < 0.5 : true });
    }
    // A lecture heard online on the Wednesday of most ISO weeks (week 1 holds 4 January; its Wednesday
    // may fall in the old year, and then the lecture is heard on 1 January).
    const jan4 = `${year}-01-04`;
    for (let wed = addDaysIso(jan4, 3 - isoWeekday(jan4)); wed < end; wed = addDaysIso(wed, 7)) {
      const d = wed < `${year}-01-01` ? `${year}-01-01` : wed;
      if (onRoll(p, d) && chance(p, 1, 0.8, 0.4)) add('lecture', p, { date: d, title: `网络学院专题课（${d.slice(5)}）`, speaker: '中国干部网络学院', notes: true });
    }
    // Books: keen readers finish about two a quarter across categories; leaders cover all three kinds.
    const reads = { keen: 7, steady: 4, slack: 2 }[z(p)];
    const start = Math.floor(rnd() * BOOKS.length);
    for (let k = 0; k < reads; k++) {
      const book = BOOKS[(start + k * 5) % BOOKS.length]!;
      const finished = addDaysIso(`${year}-01-20`, Math.floor((k + 0.5) * (330 / reads)));
      if (finished < end && onRoll(p, finished)) add('book', p, { title: book.title, author: book.author, category: book.category, finished });
    }
    // Reflections: two a half-year for the keen, one for the steady, only in H1 for the slack.
    for (const [month, slackToo] of [[3, true], [5, false], [9, false], [11, false]] as const) {
      if (z(p) === 'steady' && (month === 5 || month === 11)) continue;
      if (z(p) === 'slack' && !slackToo) continue;
      const date = nthWorkday(month, 14);
      if (date < end && onRoll(p, date)) add('writing', p, { kind: '心得体会', title: `${MONTH_THEMES[month - 1]}学习心得`, date, chars: 1500 + Math.floor(rnd() * 1800) });
    }
    // Continuing-education training and the theory exam.
    const train = nthWorkday(p.onRollFrom && p.onRollFrom > `${year}-06-01` ? 9 : 6, 3);
    if (train < end && onRoll(p, train) && chance(p, 1, 1, 0.5)) add('training', p, { name: '全市财政系统业务能力提升培训班', from: train, to: addDaysIso(train, 4), hours: 32 });
    const exam = `${year}-11-10`;
    if (exam < end && onRoll(p, exam) && chance(p, 1, 1, 0)) add('exam', p, { name: `${year} 年度党员理论知识考试`, date: exam, score: 75 + Math.floor(rnd() * 24), passed: true });
  }
  // The committee's own duties: research, reports, talks — with two leaders visibly short.
  leaders.forEach((p, i) => {
    const short = i === 2 || i === 4;
    const trips = short ? 4 : 8;
    for (let t = 0; t < trips; t++) {
      const from = nthWorkday(1 + Math.floor((t * 11) / trips), 4);
      if (from >= end) continue;
      add('research', p, { from, to: addDaysIso(from, 7), days: 8, place: ['县财政局', '乡镇财政所', '市国库支付中心', '开发区财政分局'][t % 4]!, topic: '基层财政运行与预算执行情况' });
    }
    if (!short) add('writing', p, { kind: '调研报告', title: '关于基层财政运行情况的调研报告', date: nthWorkday(10, 5), chars: 6800 });
    add('talk', p, { kind: '理论宣讲', date: nthWorkday(4, 16), topic: '学习贯彻党的二十大精神', audience: 24 });
    if (!short) add('talk', p, { kind: '业务讲座', date: nthWorkday(8, 6), topic: '预算绩效管理实务', audience: 30 });
    for (const [k, cat] of (['业务', '科学人文'] as const).entries()) {
      const book = BOOKS.find((b) => b.category === cat && !items.some((x) => x.memberId === p.id && x.values.title === b.title))!;
      const finished = nthWorkday(5 + k * 3, 20);
      if (!(short && cat === '科学人文') && finished < end) add('book', p, { title: book.title, author: book.author, category: cat, finished });
    }
  });
  // Nothing dated on or after the as-of day (talks and reports above are planned for fixed months).
  const dateOf = (i: DemoItem) => String(i.values.date ?? i.values.finished ?? i.values.from);
  return { sessions, items: items.filter((i) => dateOf(i) < end) };
}
