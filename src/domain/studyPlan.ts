// The annual study plan (年度学习计划): one row per month — theme (一月一主题), form, required books,
// co-host unit (units take turns), speaker. Pure: the forms and the session types that fulfil them, the
// co-host rotation, and the plan compared with the sessions held (a planned month that ended with no
// session is a gap).
import { parseDate } from './dates.js';
import type { SessionTypeId } from './sessionTypes.js';

/** How a month's study is held. */
export const PLAN_FORMS = ['集中学习', '读书会', '讲座', '参观'] as const;
export type PlanForm = (typeof PLAN_FORMS)[number];

/** The session types that count as holding a planned form (when no session is linked by hand). */
export const FORM_SESSION_TYPES: Record<PlanForm, SessionTypeId[]> = {
  集中学习: ['collective-study'],
  读书会: ['reading-exchange'],
  讲座: ['lecture'],
  参观: ['red-base', 'theme-day', 'joint-study'],
};

/** One month of a branch's plan. */
export interface PlanMonth {
  id: number;
  branchId: number;
  /** 2027-03 */
  month: string;
  theme: string;
  form: PlanForm;
  /** Required books, as written (《…》、《…》). */
  books: string;
  cohost?: string;
  speaker?: string;
}

/** A held session, as the comparison needs it. */
export interface HeldSession {
  id: number;
  branchId: number;
  type: string;
  date: string;
  topic: string;
  /** The plan row it was linked to by hand (plan link), if any. */
  planId?: number;
}

/** What became of one planned month. */
export type PlanStatus = 'held' | 'gap' | 'open' | 'future';

/** One planned month against what was held. */
export interface PlanRow {
  plan: PlanMonth;
  status: PlanStatus;
  /** Sessions that carried it out: linked ones, else sessions of a matching type that month. */
  sessions: HeldSession[];
  /** Whether the sessions were linked by hand (else matched by type and month). */
  linked: boolean;
}

/** The first day after a month: '2027-03' → '2027-04-01'. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Compares each planned month with the sessions held, as of a date. */
export function planVsActual(plans: PlanMonth[], sessions: HeldSession[], asOf: string): PlanRow[] {
  return [...plans].sort((a, b) => a.branchId - b.branchId || a.month.localeCompare(b.month)).map((plan) => {
    const start = `${plan.month}-01`;
    const end = monthEnd(plan.month);
    const linked = sessions.filter((s) => s.planId === plan.id);
    const types: string[] = FORM_SESSION_TYPES[plan.form];
    const matched = linked.length ? linked : sessions.filter((s) => s.planId === undefined && s.branchId === plan.branchId && s.date >= start && s.date < end && types.includes(s.type));
    const held = matched.filter((s) => s.date <= asOf);
    let status: PlanStatus;
    if (held.length) status = 'held';
    else if (start > asOf) status = 'future';
    else if (end <= asOf) status = 'gap';
    else status = 'open';
    return { plan, status, sessions: held, linked: linked.length > 0 };
  });
}

/** Fills the co-host column in turn: the i-th planned month (in month order) gets units[i mod n]. */
export function rotateCohosts(plans: PlanMonth[], units: string[]): Map<number, string> {
  const out = new Map<number, string>();
  [...plans].sort((a, b) => a.month.localeCompare(b.month)).forEach((p, i) => out.set(p.id, units[i % units.length]!));
  return out;
}

/** The plan form for what was typed (读书交流 → 读书会, 专题报告 → 讲座, …), or undefined. */
export function parsePlanForm(typed: string): PlanForm | undefined {
  const t = typed.normalize('NFKC').replace(/\s/g, '');
  const hit = PLAN_FORMS.find((f) => f === t);
  if (hit) return hit;
  const aliases: Record<string, PlanForm> = {
    集体学习: '集中学习', 集中学习会: '集中学习', 学习: '集中学习', 读书交流: '读书会', 读书分享: '读书会', 读书交流会: '读书会',
    专题讲座: '讲座', 专题报告: '讲座', 党课: '讲座', 报告会: '讲座', 参观学习: '参观', 红色教育: '参观', 现场教学: '参观', 主题党日: '参观',
  };
  return aliases[t];
}

/** What a typed plan month came to: the month (2027-03), or why not — `reason` only when the value is a
 * number cell that is no month, or cannot be told (2027.1: January or October?). */
export type PlanMonthRead = { ok: true; month: string } | { ok: false; reason?: string };

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const cnMonth = (t: string) => (t === '元' ? 1 : CN_MONTHS.indexOf(t) + 1 || undefined);

/** A month typed as 2027-03, 2027/3, 2027年3月(份), 3月(份), 三月(份), 元月, a bare 3 (in `year`), a date
 * (2027-03-05, even with a time), or a number cell: 3, 202703, 2027.03, 2027.3 (2027.1 is refused as for
 * every date, dates.ts: Excel stores 2027.10 typed in a 常规 cell as 2027.1). */
export function readPlanMonth(typed: string | number | Date, year: number): PlanMonthRead {
  const inRange = (y: number, m: number | undefined): PlanMonthRead =>
    !m || m < 1 || m > 12 || y < 2000 || y > 2100 ? { ok: false } : { ok: true, month: `${y}-${String(m).padStart(2, '0')}` };
  if (typed instanceof Date) return inRange(typed.getUTCFullYear(), typed.getUTCMonth() + 1);
  if (typeof typed === 'number' && !(Number.isInteger(typed) && typed <= 12)) {
    const d = parseDate(typed);
    return d.ok ? inRange(Number(d.value.iso.slice(0, 4)), Number(d.value.iso.slice(5, 7))) : { ok: false, reason: d.reason };
  }
  const t = String(typed).normalize('NFKC').replace(/\s/g, '').replace(/月份$/, '月');
  let r: RegExpExecArray | null;
  if ((r = /^(\d{1,2})月?$/.exec(t))) return inRange(year, Number(r[1]));
  if ((r = /^([一二三四五六七八九十]{1,3}|元)月$/.exec(t))) return inRange(year, cnMonth(r[1]!));
  if ((r = /^(\d{4})年([一二三四五六七八九十]{1,3}|元)月$/.exec(t))) return inRange(Number(r[1]), cnMonth(r[2]!));
  const d = /^\d{4}/.test(t) ? parseDate(String(typed).replace(/月份\s*$/, '月')) : undefined;
  return d?.ok ? inRange(Number(d.value.iso.slice(0, 4)), Number(d.value.iso.slice(5, 7))) : { ok: false };
}

/** The month of readPlanMonth, or undefined when it is not one. */
export function parsePlanMonth(typed: string | number | Date, year: number): string | undefined {
  const r = readPlanMonth(typed, year);
  return r.ok ? r.month : undefined;
}

/** Status names for users. */
export const PLAN_STATUS_NAME: Record<PlanStatus, string> = { held: '已开展', gap: '未开展', open: '进行中', future: '未到期' };

/** Why linking a session held on `day` to the plan of `month` needs --force (Chinese), or undefined: a
 * session held in that month or the one next to it (a theme held a little early or late) is linked freely. */
export function farMonthLink(sessionId: number, day: string, month: string): string | undefined {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  if (Math.abs(index(day.slice(0, 7)) - index(month)) <= 1) return undefined;
  return `活动 #${sessionId} 是 ${day} 举行的，不在 ${month}，也不在它前后一个月内`;
}
