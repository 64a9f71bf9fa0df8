// A small branch's year, recorded through the real CLI as it happened (each sign-in on the session's day)
// and audited twice; every verdict of the rules it exercises is written out below, worked by hand from
// SPEC §3 — none of it is computed by the code under test.
//
// The branch (learning-org rules), six people on the roll since 2025-09-01, all year:
//   赵书记 (书记) and 钱委员 (组织委员) lead all year; 孙宣传 joins the committee on 2026-07-01
//   (in post 184 of 365 days); 李一, 周二, 吴三 are members.
//
// Sessions, in the order they are added (= their ids):
//    1 2026-01-09 集中学习 everyone          all present
//    2 2026-01-14 讲座     everyone          吴三 absent
//    3 2026-01-23 务虚会   committee         (赵书记, 钱委员) present
//    4 2026-02-12 讲座     invited: 李一, 周二 both present
//    5 2026-02-26 讲座     everyone          all present
//    6 2026-03-06 集中学习 everyone          钱委员 病假
//    7 2026-04-15 集中学习 committee         (赵书记, 钱委员) present — 孙宣传 is not yet on the committee
//    8 2026-05-08 集中学习 everyone          all present
//    9 2026-06-26 务虚会   committee         赵书记 present, 钱委员 absent
//   10 2026-06-29 讲座     everyone          钱委员 事假
//   11 2026-07-10 集中学习 everyone          all present
//   12 2026-08-14 集中学习 committee         (赵书记, 钱委员, 孙宣传) present
//   13 2026-09-11 集中学习 everyone          all present
//   14 2026-09-16 讲座     invited: 赵书记, 孙宣传 both present
//   15 2026-11-06 集中学习 everyone          孙宣传 absent
//   16 2026-12-18 务虚会   committee         (赵书记, 钱委员, 孙宣传): 钱委员 公假
// Lectures logged: 李一 2026-02-18 (in the Spring Festival week W08), 周二 2026-03-04 (W10).
// Research logged (ids in order): 1 赵书记 03-02…03-27 20 days, 2 钱委员 04-06…04-17 10, 3 孙宣传 05-11…05-22
// 10 (before his post), 4 赵书记 06-01…06-26 20, 5 孙宣传 09-01…09-28 20, 6 赵书记 09-07…09-30 20.
//
// 2026-W08 (02-16 … 02-22) is the Spring Festival holiday: no working day at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runOk, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;

const ok = (now: string, args: string[]) => runOk(args, { cwd: dir, now });

const EVERYONE = ['赵书记', '钱委员', '孙宣传', '李一', '周二', '吴三'];

interface HandSession { type: string; date: string; attendees?: string; expected: string[]; excused?: string; absent?: string }
const S: HandSession[] = [
  { type: '集中学习', date: '2026-01-09', expected: EVERYONE },
  { type: '讲座', date: '2026-01-14', expected: EVERYONE, absent: '吴三' },
  { type: '务虚会', date: '2026-01-23', attendees: 'leaders', expected: ['赵书记', '钱委员'] },
  { type: '讲座', date: '2026-02-12', attendees: '李一,周二', expected: ['李一', '周二'] },
  { type: '讲座', date: '2026-02-26', expected: EVERYONE },
  { type: '集中学习', date: '2026-03-06', expected: EVERYONE, excused: '钱委员:病假' },
  { type: '集中学习', date: '2026-04-15', attendees: 'leaders', expected: ['赵书记', '钱委员'] },
  { type: '集中学习', date: '2026-05-08', expected: EVERYONE },
  { type: '务虚会', date: '2026-06-26', attendees: 'leaders', expected: ['赵书记', '钱委员'], absent: '钱委员' },
  { type: '讲座', date: '2026-06-29', expected: EVERYONE, excused: '钱委员:事假' },
  // — the audit of 2026-06-30 is taken here —
  { type: '集中学习', date: '2026-07-10', expected: EVERYONE },
  { type: '集中学习', date: '2026-08-14', attendees: 'leaders', expected: ['赵书记', '钱委员', '孙宣传'] },
  { type: '集中学习', date: '2026-09-11', expected: EVERYONE },
  { type: '讲座', date: '2026-09-16', attendees: '赵书记,孙宣传', expected: ['赵书记', '孙宣传'] },
  { type: '集中学习', date: '2026-11-06', expected: EVERYONE, absent: '孙宣传' },
  { type: '务虚会', date: '2026-12-18', attendees: 'leaders', expected: ['赵书记', '钱委员', '孙宣传'], excused: '钱委员:公假' },
];

async function holdSession(i: number): Promise<void> {
  const s = S[i]!;
  const add = await ok(s.date, ['--json', 'session', 'add', '--type', s.type, '--date', s.date, '--topic', `${s.type}（${s.date}）`, '--hours', '2', ...(s.attendees ? ['--attendees', s.attendees] : [])]);
  expect(JSON.parse(add.stdout).id).toBe(i + 1);
  const excusedName = s.excused?.split(':')[0];
  const present = s.expected.filter((n) => n !== excusedName && n !== s.absent);
  await ok(s.date, ['checkin', String(i + 1), '--present', present.join(','), ...(s.excused ? ['--excused', s.excused] : []), ...(s.absent ? ['--absent', s.absent] : [])]);
}

interface JsonVerdict { rule: string; member?: string; period: string; status: string; required: unknown; actual: unknown; gap: unknown; evidence: Record<string, number[]>; note?: string; daysLeft?: number }
interface JsonAudit { asOf: string; rules: { id: string; applicable: number; met: number; gap: number; open: number; na: number }[]; verdicts: JsonVerdict[] }

const RULES = ['L1-rate', 'L4-retreat', 'L3-days', 'P2-weekly'];
async function audit(now: string, ...args: string[]): Promise<{ code: number; json: JsonAudit }> {
  const r = await runCli(['--json', 'audit', '--rule', RULES.join(','), ...args], { cwd: dir, now });
  if (r.code === 2 || r.code === 3) throw new Error(r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as JsonAudit };
}

let midYear: { code: number; json: JsonAudit };
let yearEnd: { code: number; json: JsonAudit };
let midYearLater: { code: number; json: JsonAudit };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-handyear-'));
  await ok('2026-01-05', ['init', '--organ', '市财政局机关', '--branch', '机关第一党支部', '--year', '2026', '--yes']);
  await ok('2026-01-05', ['member', 'add', '--name', '赵书记', '--from', '2025-09-01', '--post', '书记']);
  await ok('2026-01-05', ['member', 'add', '--name', '钱委员', '--from', '2025-09-01', '--post', '组织委员']);
  for (const name of ['孙宣传', '李一', '周二', '吴三']) await ok('2026-01-05', ['member', 'add', '--name', name, '--from', '2025-09-01']);
  for (let i = 0; i < 10; i++) await holdSession(i);
  await ok('2026-02-24', ['log', 'lecture', '--member', '李一', '--date', '2026-02-18', '--title', '春节期间线上党课']);
  await ok('2026-03-05', ['log', 'lecture', '--member', '周二', '--date', '2026-03-04', '--title', '数字财政专题讲座']);
  await ok('2026-03-30', ['log', 'research', '--member', '赵书记', '--from', '2026-03-02', '--to', '2026-03-27', '--days', '20']);
  await ok('2026-04-20', ['log', 'research', '--member', '钱委员', '--from', '2026-04-06', '--to', '2026-04-17', '--days', '10']);
  await ok('2026-05-25', ['log', 'research', '--member', '孙宣传', '--from', '2026-05-11', '--to', '2026-05-22', '--days', '10']);
  await ok('2026-06-29', ['log', 'research', '--member', '赵书记', '--from', '2026-06-01', '--to', '2026-06-26', '--days', '20']);
  // Taken on its day: SHUXIANG_NOW is the as-of date.
  midYear = await audit('2026-06-30');
  await ok('2026-07-01', ['member', 'edit', '孙宣传', '--leader', '--from', '2026-07-01', '--post', '宣传委员']);
  for (let i = 10; i < 16; i++) await holdSession(i);
  await ok('2026-10-08', ['log', 'research', '--member', '孙宣传', '--from', '2026-09-01', '--to', '2026-09-28', '--days', '20']);
  await ok('2026-10-08', ['log', 'research', '--member', '赵书记', '--from', '2026-09-07', '--to', '2026-09-30', '--days', '20']);
  yearEnd = await audit('2027-01-04', '--year', '2026');
  midYearLater = await audit('2027-01-04', '--as-of', '2026-06-30');
}, 120_000);
afterAll(() => cleanup());

const pick = (a: JsonAudit, rule: string) => a.verdicts.filter((v) => v.rule === rule);
/** A verdict as the hand tables below write it. */
const brief = (v: JsonVerdict) => {
  const out: Record<string, unknown> = { member: v.member, period: v.period, status: v.status, required: v.required, actual: v.actual, gap: v.gap };
  if (v.note) out.note = v.note;
  if (v.daysLeft !== undefined) out.daysLeft = v.daysLeft;
  if (Object.keys(v.evidence).length) out.evidence = v.evidence;
  return out;
};
const table = (a: JsonAudit) => Object.fromEntries(a.rules.map((r) => [r.id, [r.applicable, r.met, r.gap, r.open, r.na]]));

// P2-weekly by hand, one letter per ISO week W01…W53 (grouped by ten): m 达标 (1 heard), g 未达标 (0 heard),
// n 不适用 (W08, no working day), o 进行中. A lecture counts for the people expected at it and there.
const W08_NOTE = '本周（2026-02-16 至 2026-02-22）没有工作日（春节），不考核';
const P2_YEAR: Record<string, string> = {
  // W:     01-10      11-20      21-30      31-40      41-50      51-53
  赵书记: 'ggmggggnmg gggggggggg ggggggmggg gggggggmgg gggggggggg ggg', // W03 s2, W09 s5, W27 s10, W38 s14
  钱委员: 'ggmggggnmg gggggggggg gggggggggg gggggggggg gggggggggg ggg', // W27: 事假 does not count
  孙宣传: 'ggmggggnmg gggggggggg ggggggmggg gggggggmgg gggggggggg ggg',
  李一: 'ggmgggmnmg gggggggggg ggggggmggg gggggggggg gggggggggg ggg', // W07 invited (s4); W08 logged, still 不适用
  周二: 'ggmgggmnmm gggggggggg ggggggmggg gggggggggg gggggggggg ggg', // W10 logged
  吴三: 'gggggggnmg gggggggggg ggggggmggg gggggggggg gggggggggg ggg', // W03 absent
};
// As of Tuesday 2026-06-30: W01…W26 ended, W27 (06-29 … 07-05) open, 6 days left; s10 of 06-29 already met it.
const P2_MID: Record<string, string> = {
  赵书记: 'ggmggggnmg gggggggggg ggggggm',
  钱委员: 'ggmggggnmg gggggggggg ggggggo',
  孙宣传: 'ggmggggnmg gggggggggg ggggggm',
  李一: 'ggmgggmnmg gggggggggg ggggggm',
  周二: 'ggmgggmnmm gggggggggg ggggggm',
  吴三: 'gggggggnmg gggggggggg ggggggm',
};

function p2Letters(a: JsonAudit): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const v of pick(a, 'P2-weekly')) {
    const letter = { met: 'm', gap: 'g', na: 'n', open: 'o' }[v.status]!;
    const week = Number(v.period.slice(6));
    (out[v.member!] ??= [])[week - 1] = letter;
  }
  return Object.fromEntries(Object.entries(out).map(([k, w]) => [k, Array.from(w, (x) => x ?? '?').join('')]));
}
const squeeze = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.replace(/ /g, '')]));

describe('the sessions of part of the branch', () => {
  it('a committee session expects the committee of its day; an invited one the people named', async () => {
    for (const [i, s] of S.entries()) {
      const show = JSON.parse((await ok('2027-01-04', ['--json', 'session', 'show', String(i + 1)])).stdout);
      expect(show.expected.map((m: { name: string }) => m.name).sort(), `session ${i + 1}`).toEqual([...s.expected].sort());
      expect(show.counts.expected, `session ${i + 1}`).toBe(s.expected.length);
    }
  });

  it('someone not expected cannot be signed in: exit 2, nothing written', async () => {
    const r = await runCli(['checkin', '9', '--present', '孙宣传'], { cwd: dir, now: '2027-01-04' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('孙宣传');
    expect(r.stderr).toContain('不在本次活动的应到名单');
    const show = JSON.parse((await ok('2027-01-04', ['--json', 'session', 'show', '9'])).stdout);
    expect(show.attendance.map((a: { name: string }) => a.name).sort()).toEqual(['赵书记', '钱委员'].sort());
  });
});

describe('audited on 2026-06-30 (SHUXIANG_NOW), before 孙宣传 joins the committee', () => {
  it('the summary per rule: [applicable, met, gap, open, na]', () => {
    expect(midYear.code).toBe(1);
    expect(midYear.json.asOf).toBe('2026-06-30');
    expect(table(midYear.json)).toEqual({
      'L1-rate': [2, 0, 0, 2, 0],
      'L3-days': [2, 0, 0, 2, 0],
      'L4-retreat': [2, 1, 0, 1, 0],
      'P2-weekly': [6, 0, 6, 0, 0],
    });
  });

  it('L1-rate: collective studies attended ÷ expected, committee-only ones included; open all year', () => {
    // 2026 open: 185 days left (06-30 … 12-31). 赵书记 s1, s6, s7, s8: 4/4. 钱委员 excused at s6: 3/4.
    expect(pick(midYear.json, 'L1-rate').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'open', required: 0.9, actual: 1, gap: 0, daysLeft: 185, evidence: { sessions: [1, 6, 7, 8] } },
      { member: '钱委员', period: '2026', status: 'open', required: 0.9, actual: 0.75, gap: 0.15, daysLeft: 185, evidence: { sessions: [1, 7, 8] } },
    ]);
  });

  it('L4-retreat: 2 retreats a year; 赵书记 already has them, 钱委员 missed s9', () => {
    expect(pick(midYear.json, 'L4-retreat').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'met', required: 2, actual: 2, gap: 0, daysLeft: 185, evidence: { sessions: [3, 9] } },
      { member: '钱委员', period: '2026', status: 'open', required: 2, actual: 1, gap: 1, daysLeft: 185, evidence: { sessions: [3] } },
    ]);
  });

  it('L3-days: 60 research days a year', () => {
    expect(pick(midYear.json, 'L3-days').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'open', required: 60, actual: 40, gap: 20, daysLeft: 185, evidence: { research: [1, 4] } },
      { member: '钱委员', period: '2026', status: 'open', required: 60, actual: 10, gap: 50, daysLeft: 185, evidence: { research: [2] } },
    ]);
  });

  it('P2-weekly: every week W01…W27 of every member, W08 不适用', () => {
    expect(p2Letters(midYear.json)).toEqual(squeeze(P2_MID));
    const v = (member: string, week: string) => brief(pick(midYear.json, 'P2-weekly').find((x) => x.member === member && x.period === `2026-${week}`)!);
    expect(v('钱委员', 'W27')).toEqual({ member: '钱委员', period: '2026-W27', status: 'open', required: 1, actual: 0, gap: 1, daysLeft: 6 });
    expect(v('吴三', 'W27')).toEqual({ member: '吴三', period: '2026-W27', status: 'met', required: 1, actual: 1, gap: 0, daysLeft: 6, evidence: { sessions: [10] } });
    expect(v('吴三', 'W03')).toEqual({ member: '吴三', period: '2026-W03', status: 'gap', required: 1, actual: 0, gap: 1 });
  });

  it('the same audit re-run later with --as-of gives the same verdicts', () => {
    expect(midYearLater.json.verdicts).toEqual(midYear.json.verdicts);
  });
});

describe('the year 2026 audited on 2027-01-04: every period ended', () => {
  it('the summary per rule', () => {
    expect(yearEnd.code).toBe(1);
    expect(table(yearEnd.json)).toEqual({
      'L1-rate': [3, 1, 2, 0, 0],
      'L3-days': [3, 1, 2, 0, 0],
      'L4-retreat': [3, 2, 1, 0, 0],
      'P2-weekly': [6, 0, 6, 0, 0],
    });
  });

  it('L1-rate: 赵书记 8/8; 钱委员 7/8 (s6 excused); 孙宣传 3/4 in post (s11, s12 committee, s13; absent s15)', () => {
    expect(pick(yearEnd.json, 'L1-rate').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'met', required: 0.9, actual: 1, gap: 0, evidence: { sessions: [1, 6, 7, 8, 11, 12, 13, 15] } },
      { member: '钱委员', period: '2026', status: 'gap', required: 0.9, actual: 0.875, gap: 0.025, evidence: { sessions: [1, 7, 8, 11, 12, 13, 15] } },
      // a rate is not prorated: over the sessions he was expected at while in post
      { member: '孙宣传', period: '2026', status: 'gap', required: 0.9, actual: 0.75, gap: 0.15, evidence: { sessions: [11, 12, 13] } },
    ]);
  });

  it('L4-retreat: 2 a year, 1 for 孙宣传 (2 × 184/365 = 1.008 → 1); 钱委员 1 (s16 公假 does not count)', () => {
    expect(pick(yearEnd.json, 'L4-retreat').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'met', required: 2, actual: 3, gap: 0, evidence: { sessions: [3, 9, 16] } },
      { member: '钱委员', period: '2026', status: 'gap', required: 2, actual: 1, gap: 1, evidence: { sessions: [3] } },
      { member: '孙宣传', period: '2026', status: 'met', required: 1, actual: 1, gap: 0, note: '按任职 184/365 天折算', evidence: { sessions: [16] } },
    ]);
  });

  it('L3-days: 60, 30 for 孙宣传 (60 × 184/365 = 30.2 → 30); his May research was before his post', () => {
    expect(pick(yearEnd.json, 'L3-days').map(brief)).toEqual([
      { member: '赵书记', period: '2026', status: 'met', required: 60, actual: 60, gap: 0, evidence: { research: [1, 4, 6] } },
      { member: '钱委员', period: '2026', status: 'gap', required: 60, actual: 10, gap: 50, evidence: { research: [2] } },
      { member: '孙宣传', period: '2026', status: 'gap', required: 30, actual: 20, gap: 10, note: '按任职 184/365 天折算', evidence: { research: [5] } },
    ]);
  });

  it('P2-weekly: every week W01…W53 of every member', () => {
    expect(p2Letters(yearEnd.json)).toEqual(squeeze(P2_YEAR));
    const weekly = pick(yearEnd.json, 'P2-weekly');
    expect(weekly).toHaveLength(6 * 53);
    // a week met has 1 of 1 heard, a week short 0 of 1 (no one heard two in a week)
    for (const v of weekly) {
      if (v.status === 'met') expect([v.required, v.actual, v.gap], `${v.member} ${v.period}`).toEqual([1, 1, 0]);
      if (v.status === 'gap') expect([v.required, v.actual, v.gap], `${v.member} ${v.period}`).toEqual([1, 0, 1]);
    }
    // W08: not judged, with the reason — even for 李一, who heard a lecture that week.
    const w08 = weekly.filter((v) => v.period === '2026-W08').map(brief);
    expect(w08).toEqual([
      { member: '赵书记', period: '2026-W08', status: 'na', required: 1, actual: 0, gap: 0, note: W08_NOTE },
      { member: '钱委员', period: '2026-W08', status: 'na', required: 1, actual: 0, gap: 0, note: W08_NOTE },
      { member: '孙宣传', period: '2026-W08', status: 'na', required: 1, actual: 0, gap: 0, note: W08_NOTE },
      { member: '李一', period: '2026-W08', status: 'na', required: 1, actual: 1, gap: 0, note: W08_NOTE, evidence: { lecture: [1] } },
      { member: '周二', period: '2026-W08', status: 'na', required: 1, actual: 0, gap: 0, note: W08_NOTE },
      { member: '吴三', period: '2026-W08', status: 'na', required: 1, actual: 0, gap: 0, note: W08_NOTE },
    ]);
    // the weeks around it are judged as usual: W07 has 6 working days (02-14 调休), W09 four
    expect(brief(weekly.find((v) => v.member === '赵书记' && v.period === '2026-W07')!)).toEqual({ member: '赵书记', period: '2026-W07', status: 'gap', required: 1, actual: 0, gap: 1 });
    expect(brief(weekly.find((v) => v.member === '李一' && v.period === '2026-W07')!)).toEqual({ member: '李一', period: '2026-W07', status: 'met', required: 1, actual: 1, gap: 0, evidence: { sessions: [4] } });
  });
});
