// A scripted year for a 12-member branch, entered through the real CLI (init, member add/edit/leave,
// session add + checkin, log, a ledger import), audited as of three dates with the gaps worked out by hand.
//
// The branch (learning-org rules): 赵书记 (书记) and 钱组织 (组织委员) lead all year; 孙宣传 joins the
// committee on 2026-07-01 (184 of 365 days in post); 周离开 leaves on 2026-03-16 (74 days of Q1's 90,
// 15 of March's 31); 吴新来 joins on 2026-05-01; 李模范 does everything; six others attend sessions only.
// Sessions: 集中学习 on 01-09, 02-06, 03-06, 04-10, 05-08, 06-05, none in July, 08-07, 09-11, 10-16, 11-06,
// 12-04 (11 in all; 钱组织 on sick leave 03-06 and absent 10-16); 读书交流 03-20, 06-19, 12-11 (none in Q3);
// 务虚会 06-26, 12-18 (钱组织 absent 12-18); 联学共建 04-17 (one of two); 红色教育 05-22, 09-25.
// Everyone on the roll on a session's day attends it unless said otherwise.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/domain/periods.js';
import { createWorkCalendar } from '../../src/io/officialCalendar.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

const { isWorkingDay } = createWorkCalendar();

let dir: string;
let cleanup: () => void;
const NOW = '2027-01-04';
async function ok(args: string[], now = NOW) {
  const r = await runCli(args, { cwd: dir, now });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → exit ${r.code}: ${r.stderr}`);
  return r;
}

const ROSTER: { name: string; post?: string; from: string; left?: string }[] = [
  { name: '赵书记', post: '书记', from: '2025-09-01' },
  { name: '钱组织', post: '组织委员', from: '2025-09-01' },
  { name: '孙宣传', from: '2025-09-01' },
  { name: '李模范', from: '2025-09-01' },
  { name: '周离开', from: '2025-09-01', left: '2026-03-16' },
  { name: '吴新来', from: '2026-05-01' },
  ...['郑一', '王二', '冯三', '陈四', '褚五', '卫六'].map((name) => ({ name, from: '2025-09-01' })),
];
const onRoll = (date: string) => ROSTER.filter((m) => m.from <= date && (!m.left || date < m.left)).map((m) => m.name);

const SESSIONS: { type: string; date: string; excused?: string; absent?: string }[] = [
  ...['01-09', '02-06', '03-06', '04-10', '05-08', '06-05', '08-07', '09-11', '10-16', '11-06', '12-04'].map((d) => ({ type: '集中学习', date: `2026-${d}` })),
  ...['03-20', '06-19', '12-11'].map((d) => ({ type: '读书交流', date: `2026-${d}` })),
  { type: '务虚会', date: '2026-06-26' }, { type: '务虚会', date: '2026-12-18', absent: '钱组织' },
  { type: '联学共建', date: '2026-04-17' },
  { type: '红色教育', date: '2026-05-22' }, { type: '红色教育', date: '2026-09-25' },
];
SESSIONS.find((s) => s.date === '2026-03-06')!.excused = '钱组织';
SESSIONS.find((s) => s.date === '2026-10-16')!.absent = '钱组织';

const LOGS: string[][] = [
  // 赵书记: a book of each kind (L1-books met; P3 books every quarter), both talks, 3 × 20 research days,
  // a research report in H1 (not a P4 writing) and a theory article in H2, training and exam.
  ['book', '--member', '赵书记', '--title', '政治书甲', '--category', '政治理论', '--finished', '2026-01-20'],
  ['book', '--member', '赵书记', '--title', '业务书甲', '--category', '业务', '--finished', '2026-04-20'],
  ['book', '--member', '赵书记', '--title', '科学书甲', '--category', '科学人文', '--finished', '2026-07-20'],
  ['book', '--member', '赵书记', '--title', '其他书甲', '--category', '其他', '--finished', '2026-10-20'],
  ['talk', '--member', '赵书记', '--kind', '理论宣讲', '--date', '2026-03-25', '--topic', '全会精神'],
  ['talk', '--member', '赵书记', '--kind', '业务讲座', '--date', '2026-09-15', '--topic', '预算管理'],
  ['research', '--member', '赵书记', '--from', '2026-03-02', '--to', '2026-03-27', '--days', '20'],
  ['research', '--member', '赵书记', '--from', '2026-06-01', '--to', '2026-06-26', '--days', '20'],
  ['research', '--member', '赵书记', '--from', '2026-09-01', '--to', '2026-09-28', '--days', '20'],
  ['writing', '--member', '赵书记', '--kind', '调研报告', '--title', '基层财政调研', '--date', '2026-06-10', '--chars', '3000'],
  ['writing', '--member', '赵书记', '--kind', '理论文章', '--title', '论学习型机关', '--date', '2026-10-10', '--chars', '2000'],
  ['training', '--member', '赵书记', '--name', '业务培训班', '--from', '2026-04-01', '--to', '2026-04-03'],
  ['exam', '--member', '赵书记', '--name', '理论考试', '--date', '2026-11-20', '--score', '90'],
  // 钱组织: one 业务 book (Q1), one theory talk, 10 research days.
  ['book', '--member', '钱组织', '--title', '业务书乙', '--category', '业务', '--finished', '2026-03-10'],
  ['talk', '--member', '钱组织', '--kind', '理论宣讲', '--date', '2026-05-05', '--topic', '党章学习'],
  ['research', '--member', '钱组织', '--from', '2026-04-06', '--to', '2026-04-17', '--days', '10'],
  // 孙宣传: 10 research days in August, a 政治理论 book in September.
  ['research', '--member', '孙宣传', '--from', '2026-08-03', '--to', '2026-08-14', '--days', '10'],
  ['book', '--member', '孙宣传', '--title', '政治书丙', '--category', '政治理论', '--finished', '2026-09-01'],
  // 李模范: a book every quarter, an exchange of his own in Q3, a reflection each half, training and exam.
  ['book', '--member', '李模范', '--title', '政治书丁', '--category', '政治理论', '--finished', '2026-02-15'],
  ['book', '--member', '李模范', '--title', '业务书丁', '--category', '业务', '--finished', '2026-05-15'],
  ['book', '--member', '李模范', '--title', '科学书丁', '--category', '科学人文', '--finished', '2026-08-15'],
  ['book', '--member', '李模范', '--title', '党史书丁', '--category', '党史', '--finished', '2026-11-15'],
  ['exchange', '--member', '李模范', '--date', '2026-08-20', '--book', '科学书丁'],
  ['writing', '--member', '李模范', '--kind', '心得体会', '--title', '读书心得一', '--date', '2026-05-10', '--chars', '1800'],
  ['writing', '--member', '李模范', '--kind', '心得体会', '--title', '读书心得二', '--date', '2026-11-10', '--chars', '1600'],
  ['training', '--member', '李模范', '--name', '业务培训班', '--from', '2026-04-01', '--to', '2026-04-03'],
  ['exam', '--member', '李模范', '--name', '理论考试', '--date', '2026-11-20', '--score', '95'],
];

/** 李模范 and 赵书记 study 1 h with notes on every official working day of 2026; 李模范 hears a lecture
 * every Wednesday from 2025-12-31 (W01) to 2026-12-30 (W53). Entered as a branch ledger. */
async function importLedger(): Promise<void> {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const study: unknown[][] = [['姓名', '日期', '学时', '学习内容', '笔记']];
  for (let day = '2026-01-01'; day < '2027-01-01'; day = addDaysIso(day, 1)) {
    if (isWorkingDay(day)) for (const who of ['李模范', '赵书记']) study.push([who, d(day), 1, '理论学习', '是']);
  }
  const lectures: unknown[][] = [['姓名', '日期', '课程题目', '主讲人']];
  for (let day = '2025-12-31'; day <= '2026-12-30'; day = addDaysIso(day, 7)) lectures.push(['李模范', d(day), `专题课 ${day}`, '党校']);
  const file = join(dir, '台账.xlsx');
  await writeXlsx(file, [{ name: '自学', rows: study }, { name: '听课', rows: lectures }]);
  await ok(['import', '--kind', 'ledger', file]);
}

interface JsonVerdict { rule: string; member?: string; branch: string; period: string; status: string; required: unknown; actual: unknown; gap: unknown; evidence: Record<string, number[]>; need?: string; daysLeft?: number; note?: string }
interface JsonAudit { asOf: string; rules: { id: string; applicable: number; met: number; gap: number; open: number; na: number }[]; verdicts: JsonVerdict[]; calendarNote?: string }

async function audit(...args: string[]): Promise<{ code: number; json: JsonAudit; stderr: string }> {
  const r = await runCli(['--json', 'audit', ...args], { cwd: dir, now: NOW });
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as JsonAudit, stderr: r.stderr };
}
/** Per rule: [applicable, met, gap, open, na]. */
const table = (a: JsonAudit) => Object.fromEntries(a.rules.map((r) => [r.id, [r.applicable, r.met, r.gap, r.open, r.na]]));
const gaps = (a: JsonAudit, rule: string) => a.verdicts.filter((v) => v.rule === rule && v.status === 'gap');
const gapList = (a: JsonAudit, rule: string) => gaps(a, rule).map((v) => `${v.member ?? v.branch} ${v.period} ${JSON.stringify(v.gap)}`);
const gapCount = (a: JsonAudit) => a.verdicts.filter((v) => v.status === 'gap').length;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-year-'));
  await ok(['init', '--organ', '市财政局机关', '--branch', '机关第一党支部', '--year', '2026', '--yes'], '2026-01-05');
  for (const m of ROSTER) await ok(['member', 'add', '--name', m.name, '--from', m.from, ...(m.post ? ['--post', m.post] : [])], '2026-01-05');
  await ok(['member', 'leave', '周离开', '--date', '2026-03-16']);
  await ok(['member', 'edit', '孙宣传', '--leader', '--from', '2026-07-01', '--post', '宣传委员']);
  for (const s of SESSIONS) {
    const id = JSON.parse((await ok(['--json', 'session', 'add', '--type', s.type, '--date', s.date, '--topic', `${s.type}${s.date}`, '--hours', '2'])).stdout).id as number;
    const present = onRoll(s.date).filter((n) => n !== s.excused && n !== s.absent);
    await ok(['checkin', String(id), '--present', present.join(','), ...(s.excused ? ['--excused', `${s.excused}:病假`] : []), '--absent-rest']);
  }
  for (const args of LOGS) await ok(['log', ...args]);
  await importLedger();
}, 60_000);
afterAll(() => cleanup());

describe('a scripted year, audited three times', () => {
  it('as of 2026-03-31: Jan–Feb and W01–W13 ended; March, W14, Q1, H1 and the year still open', async () => {
    const { code, json } = await audit('--as-of', '2026-03-31');
    expect(code).toBe(1);
    expect(json.asOf).toBe('2026-03-31');
    expect(table(json)).toEqual({
      // 钱组织 was excused on 03-06 (does not count): March still open for him; 赵书记 attended: met.
      'L1-monthly': [2, 1, 0, 1, 0],
      'L1-rate': [2, 0, 0, 2, 0], // a rate stays open until the year ends
      'L1-books': [2, 0, 0, 2, 0],
      'L2-theory-talk': [2, 1, 0, 1, 0], // 赵书记 talked on 03-25
      'L2-business-talk': [2, 0, 0, 2, 0],
      'L3-days': [2, 0, 0, 2, 0],
      'L3-reports': [2, 0, 0, 2, 0],
      'L4-retreat': [2, 0, 0, 2, 0],
      // 11 people on the roll (吴新来 comes in May). 李模范 and 赵书记 logged every working day: Jan, Feb and
      // March (all 22 days up to Tuesday 03-31) met; the other 8 and 周离开 are short for Jan and Feb.
      'P1-daily': [11, 2, 9, 0, 0],
      // 李模范's W14 lecture is on Wednesday 04-01: open. Everyone else is short in W01–W13 (周离开 W01–W11).
      'P2-weekly': [11, 0, 10, 1, 0],
      // Q1 open: 李模范, 赵书记, 钱组织 have a book and the 03-20 exchange (met); 7 have only the exchange (open);
      // 周离开's Q1 ended on 03-16 (74/90 days judged) with neither.
      'P3-quarterly': [11, 3, 1, 7, 0],
      'P4-half': [10, 0, 0, 10, 1], // 周离开: H1 prorated 1 × 74/181 → 0, not judged
      'P5-yearly': [10, 0, 0, 10, 1], // 周离开: 1 × 74/365 → 0
      'B1-monthly-study': [1, 1, 0, 0, 0],
      'B2-reading-exchange': [1, 1, 0, 0, 0],
      'B3-joint': [1, 0, 0, 1, 0],
      'B4-red-base': [1, 0, 0, 1, 0],
    });
    // P1: 9 people × Jan, Feb = 18. P2: 9 × 12 weeks + 周离开 10 = 118 (W08, the Spring Festival week, has
    // no working day: not judged — issue 14). P3: 周离开 Q1 = 1.
    expect(gapCount(json)).toBe(18 + 118 + 1);
    expect(gapList(json, 'P3-quarterly')).toEqual(['周离开 2026-Q1 {"books":1,"exchanges":1}']);
    // January 2026: 22 weekdays − 01-01, 01-02 (New Year) + Sunday 01-04 (调休) = 21 working days.
    expect(gaps(json, 'P1-daily').find((v) => v.member === '郑一' && v.period === '2026-01')).toMatchObject({
      required: { hours: 21, noteDays: 21 }, actual: { hours: 0, noteDays: 0 }, gap: { hours: 21, noteDays: 21 },
    });
    // February: 20 weekdays − 6 Spring Festival weekdays (16–20, 23) + Saturdays 02-14, 02-28 = 16.
    expect(gaps(json, 'P1-daily').find((v) => v.member === '郑一' && v.period === '2026-02')!.required).toEqual({ hours: 16, noteDays: 16 });
    expect(json.verdicts.find((v) => v.member === '周离开' && v.rule === 'P1-daily' && v.period === '2026-03')).toMatchObject({
      status: 'na', note: '在册 15/31 天，不足半数，本期不考核',
    });
    expect(json.verdicts.find((v) => v.member === '钱组织' && v.rule === 'L1-monthly' && v.period === '2026-03')).toMatchObject({
      status: 'open', gap: 1, daysLeft: 1, need: '还差 1 次集中学习（请假 1 次，不计为参加），本月剩余 1 天',
    });
  });

  it('as of 2026-07-15: H1, Q2, W28 ended; July, W29, Q3, H2 and the year open; 孙宣传 in post', async () => {
    const { code, json } = await audit('--as-of', '2026-07-15');
    expect(code).toBe(1);
    expect(table(json)).toMatchObject({
      'L1-monthly': [3, 0, 1, 2, 0], // 钱组织 short in March; July has no session yet (open for all three)
      'L1-rate': [2, 0, 0, 2, 1], // 孙宣传: no 集中学习 between 07-01 and 07-15 to be expected at
      'L2-theory-talk': [3, 2, 0, 1, 0],
      'L3-reports': [3, 1, 0, 2, 0], // 赵书记's report of 06-10
      'P1-daily': [12, 0, 10, 2, 0], // 李模范 and 赵书记 met Jan–Jun, July open (23 working days, 11 done)
      'P2-weekly': [12, 1, 11, 0, 0], // 李模范's W29 lecture is on 07-15 itself: met
      'P3-quarterly': [12, 0, 10, 2, 0],
      // H1: only 李模范 wrote a 心得 (赵书记's 调研报告 is not a P4 writing); 李模范 and 吴新来 (H1 prorated to 0)
      // count as open for H2, a person being counted at their worst status.
      'P4-half': [11, 0, 9, 2, 1],
    });
    // L1-monthly 1; P1 8 × Jan–Jun + 周离开 Jan–Feb + 吴新来 May–Jun = 52; P2 9 × 27 (not W08) + 周离开 10 + 吴新来
    // W19–W28 10 (W18: on the roll 3 of 7 days, not judged) = 263; P3 17 (below); P4 9 = 8 others + 赵书记.
    expect(gapCount(json)).toBe(1 + 52 + 263 + 17 + 9);
    expect(gapList(json, 'L1-monthly')).toEqual(['钱组织 2026-03 1']);
    expect(gapList(json, 'P3-quarterly').sort()).toEqual([
      '冯三 2026-Q1 {"books":1,"exchanges":0}', '冯三 2026-Q2 {"books":1,"exchanges":0}',
      '卫六 2026-Q1 {"books":1,"exchanges":0}', '卫六 2026-Q2 {"books":1,"exchanges":0}',
      '吴新来 2026-Q2 {"books":1,"exchanges":0}', // 61 of 91 days on the roll: judged, unprorated
      '周离开 2026-Q1 {"books":1,"exchanges":1}',
      '孙宣传 2026-Q1 {"books":1,"exchanges":0}', '孙宣传 2026-Q2 {"books":1,"exchanges":0}',
      '王二 2026-Q1 {"books":1,"exchanges":0}', '王二 2026-Q2 {"books":1,"exchanges":0}',
      '褚五 2026-Q1 {"books":1,"exchanges":0}', '褚五 2026-Q2 {"books":1,"exchanges":0}',
      '郑一 2026-Q1 {"books":1,"exchanges":0}', '郑一 2026-Q2 {"books":1,"exchanges":0}',
      '钱组织 2026-Q2 {"books":1,"exchanges":0}',
      '陈四 2026-Q1 {"books":1,"exchanges":0}', '陈四 2026-Q2 {"books":1,"exchanges":0}',
    ]);
    const open = (member: string, rule: string) => json.verdicts.find((v) => v.member === member && v.rule === rule && v.status === 'open');
    // 170 days from 07-15 to the year's end (07-15 included).
    expect(open('钱组织', 'L1-books')!.need).toBe('还差 2 本书（1 本政治理论类、1 本科学人文类），本年度剩余 170 天');
    // 孙宣传 in post 184/365 days: 60 × 184/365 = 30.2 → 30; his research is in August.
    expect(open('孙宣传', 'L3-days')).toMatchObject({ required: 30, actual: 0, gap: 30 });
    expect(open('赵书记', 'L3-days')).toMatchObject({ required: 60, actual: 40, gap: 20 });
    expect(open('赵书记', 'L3-days')!.evidence).toEqual({ research: [1, 2] });
    // the JSON keys, exactly
    expect(Object.keys(json)).toEqual(['asOf', 'rules', 'verdicts']);
    expect(Object.keys(open('钱组织', 'L1-books')!)).toEqual(['rule', 'member', 'branch', 'period', 'status', 'required', 'actual', 'gap', 'evidence', 'need', 'daysLeft']);
    const branch = json.verdicts.find((v) => v.rule === 'B1-monthly-study' && v.period === '2026-06')!;
    expect(Object.keys(branch)).toEqual(['rule', 'branch', 'period', 'status', 'required', 'actual', 'gap', 'evidence']);
    expect(branch).toMatchObject({ status: 'met', branch: '机关第一党支部', evidence: { sessions: [6] } });
    // a sign-in is cited by the session it was at (session 1 is the 集中学习 of 01-09); logs by their `log list` kind
    expect(json.verdicts.find((v) => v.member === '赵书记' && v.rule === 'L1-monthly' && v.period === '2026-01')!.evidence).toEqual({ sessions: [1] });
    expect(Object.keys(json.verdicts.find((v) => v.member === '李模范' && v.rule === 'P3-quarterly' && v.period === '2026-Q1')!.evidence)).toEqual(['book', 'sessions']);
  });

  it('as of 2027-01-05 for the year 2026: every period ended', async () => {
    const { code, json, stderr } = await audit('--as-of', '2027-01-05', '--year', '2026');
    expect(code).toBe(1);
    expect(table(json)).toEqual({
      'L1-monthly': [3, 0, 3, 0, 0], // July without a session: all three short; 钱组织 also Mar, Oct
      'L1-rate': [3, 2, 1, 0, 0], // 钱组织 9/11 = 81.8 %; 孙宣传 5/5 in post
      'L1-books': [3, 1, 2, 0, 0],
      'L2-theory-talk': [3, 2, 1, 0, 0],
      'L2-business-talk': [3, 1, 2, 0, 0],
      'L3-days': [3, 1, 2, 0, 0],
      'L3-reports': [3, 1, 2, 0, 0],
      'L4-retreat': [3, 2, 1, 0, 0], // 孙宣传: 2 × 184/365 = 1.008 → 1, attended 12-18
      'P1-daily': [12, 2, 10, 0, 0],
      'P2-weekly': [12, 1, 11, 0, 0],
      'P3-quarterly': [12, 1, 11, 0, 0], // no exchange session in Q3: only 李模范 logged his own
      'P4-half': [11, 1, 10, 0, 1],
      'P5-yearly': [11, 2, 9, 0, 1], // 吴新来: 1 × 245/365 = 0.67 → 1 each
      'B1-monthly-study': [1, 0, 1, 0, 0],
      'B2-reading-exchange': [1, 0, 1, 0, 0],
      'B3-joint': [1, 0, 1, 0, 0],
      'B4-red-base': [1, 1, 0, 0, 0],
    });
    expect(gapList(json, 'L1-monthly').sort()).toEqual(['孙宣传 2026-07 1', '赵书记 2026-07 1', '钱组织 2026-03 1', '钱组织 2026-07 1', '钱组织 2026-10 1']);
    expect(gapList(json, 'L1-rate')).toEqual(['钱组织 2026 0.0818']); // 0.9 − 9/11 (0.8182)
    expect(gapList(json, 'L1-books').sort()).toEqual([
      '孙宣传 2026 {"政治理论":0,"业务":1,"科学人文":1}', '钱组织 2026 {"政治理论":1,"业务":0,"科学人文":1}',
    ]);
    expect(gapList(json, 'L3-days').sort()).toEqual(['孙宣传 2026 20', '钱组织 2026 50']);
    expect(gapList(json, 'L4-retreat')).toEqual(['钱组织 2026 1']);
    expect(gapList(json, 'B1-monthly-study')).toEqual(['机关第一党支部 2026-07 1']);
    expect(gapList(json, 'B2-reading-exchange')).toEqual(['机关第一党支部 2026-Q3 1']);
    expect(gapList(json, 'B3-joint')).toEqual(['机关第一党支部 2026 1']);
    expect(gaps(json, 'P5-yearly').find((v) => v.member === '吴新来')).toMatchObject({ required: { trainings: 1, exams: 1 }, note: '按在册 245/365 天折算' });
    // Leaders 5 + 1 + 2 + 1 + 2 + 2 + 2 + 1 = 16. P1: 8 × 12 + 周离开 2 + 吴新来 May–Dec 8 = 106. P2: 9 × 52
    // (W53 ends 2027-01-03; W08 not judged) + 周离开 10 + 吴新来 W19–W53 35 = 513. P3: 赵书记 1 (Q3), 钱组织 3, 孙宣传 4,
    // 周离开 1, 吴新来 3, six × 4 = 36. P4: 赵书记 H1, 吴新来 H2, 8 × 2 = 18. P5: 吴新来 + 8 = 9. Branch 3.
    expect(gapCount(json)).toBe(16 + 106 + 513 + 36 + 18 + 9 + 3);
    expect(stderr).toBe('审计发现 701 项未达标（已结束的周期，涉及 11 人及支部职责 3 项）。\n');
    expect(json.calendarNote).toBeUndefined();
  });

  it('the year 2027 is not in the official calendar: the audit says so', async () => {
    const { json } = await audit('--as-of', '2027-01-05');
    expect(json.calendarNote).toBe('2027 年的法定节假日数据未收录，按周一至周五计算工作日；国务院公布安排后，可写一个调整文件并用 shuxiang rules calendar 启用（格式见该命令的 --help）');
  });

  it('a compliant member audits clean: exit 0', async () => {
    const r = await runCli(['audit', '--member', '李模范', '--as-of', '2026-03-31'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('已结束的周期全部达标。\n');
  });
});
