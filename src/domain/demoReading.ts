// The demo branch's reading room and study plan, fixed data: which catalogued books stand on the shelf
// and how many copies, the secretary's recommendations, the year's required books, a plan with a theme a
// month (one planned 读书会 in February was never held, so the plan check has a gap to show), the units
// taking turns to co-host, and a year of loans (two still out past their due date).
import type { PlanForm } from './studyPlan.js';

/** A book on the shelf: title as catalogued by the demo year's readings, copies, shelf. */
export const DEMO_SHELF: { title: string; copies: number; shelf: string }[] = [
  { title: '习近平谈治国理政（第四卷）', copies: 3, shelf: 'A-1' },
  { title: '之江新语', copies: 2, shelf: 'A-1' },
  { title: '论党的自我革命', copies: 2, shelf: 'A-2' },
  { title: '中国共产党简史', copies: 3, shelf: 'B-1' },
  { title: '红星照耀中国', copies: 1, shelf: 'B-1' },
  { title: '财政学', copies: 1, shelf: 'C-1' },
  { title: '预算绩效管理实务', copies: 2, shelf: 'C-1' },
  { title: '乡土中国', copies: 1, shelf: 'D-1' },
  { title: '苏东坡传', copies: 1, shelf: 'D-1' },
];

/** 书记荐书: title and the one-line reason. */
export const DEMO_RECOMMENDED: [string, string][] = [
  ['之江新语', '短小精悍、文风清新，每篇都能对照工作读出新体会'],
  ['乡土中国', '读懂基层社会的经典，做好基层财政工作的底色'],
  ['苏东坡传', '学习古人的为民情怀和豁达心胸'],
];

/** 必学书目 of the demo year. */
export const DEMO_REQUIRED = ['习近平谈治国理政（第四卷）', '中国共产党简史', '论党的自我革命', '预算绩效管理实务'];

/** The forms of the twelve months (themes come from the demo year's monthly themes). */
export const DEMO_PLAN_FORMS: PlanForm[] = ['集中学习', '读书会', '读书会', '参观', '集中学习', '读书会', '讲座', '集中学习', '读书会', '参观', '讲座', '集中学习'];

/** Required books by month (blank months have none). */
export const DEMO_PLAN_BOOKS: Record<number, string> = { 2: '《之江新语》', 3: '《习近平谈治国理政（第四卷）》', 6: '《中国共产党简史》', 9: '《论党的自我革命》' };

/** Units that co-host in turn. */
export const DEMO_UNITS = ['办公室', '预算处', '国库处', '综合处'];

/** Loans: member index in the roster, book title, lent (month, day), days, returned after (days) or open. */
export const DEMO_LOANS: { member: number; title: string; lent: string; days: number; returnedAfter?: number }[] = [
  { member: 0, title: '之江新语', lent: '01-12', days: 30, returnedAfter: 21 },
  { member: 3, title: '中国共产党简史', lent: '02-20', days: 30, returnedAfter: 28 },
  { member: 5, title: '乡土中国', lent: '03-05', days: 30, returnedAfter: 40 },
  { member: 8, title: '习近平谈治国理政（第四卷）', lent: '04-08', days: 30, returnedAfter: 25 },
  { member: 11, title: '苏东坡传', lent: '05-15', days: 30, returnedAfter: 30 },
  { member: 2, title: '预算绩效管理实务', lent: '06-03', days: 30, returnedAfter: 14 },
  { member: 14, title: '红星照耀中国', lent: '07-01', days: 30, returnedAfter: 45 },
  { member: 6, title: '论党的自我革命', lent: '08-18', days: 30, returnedAfter: 20 },
  { member: 9, title: '财政学', lent: '09-09', days: 30 },
  { member: 17, title: '之江新语', lent: '10-10', days: 14 },
  { member: 1, title: '中国共产党简史', lent: '11-02', days: 30 },
];
