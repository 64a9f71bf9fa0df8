// The organ's view (issue 18, SPEC §6.7): three branches in one database; `audit --by-branch` and
// `report --by-branch` give one row per branch, worst first, with the organ's totals. Every figure below
// is worked out by hand from test/helpers/organ.ts (rules: B1 branch holds ≥ 1 集中学习 a month; M1 each
// member attends ≥ 1 集中学习 a month; R1 each member finishes ≥ 1 book a quarter), for 2026-Q1 as of
// 2026-04-10 (the quarter has ended: every period is judged met or gap).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { BRANCHES, ORGAN_RULES, useOrganRules, writeBranch } from '../helpers/organ.js';
import { readXlsx } from '../helpers/xlsx.js';

let template: string;
let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-04-10' });

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'shuxiang-organ-'));
  await initDb(template, '一支部');
  await useOrganRules(template);
  for (const b of BRANCHES) await writeBranch(template, b, true);
  return () => rmSync(template, { recursive: true, force: true });
}, 60_000);

const fresh = () => {
  ({ dir, cleanup } = tempDir());
  cpSync(template, dir, { recursive: true });
};
afterEach(() => cleanup?.());

// By hand:
// 一支部: 甲一, 甲二 on the roll. 集中学习 in Jan, Feb, Mar → B1 met ×3. Sign-ins: 甲一 3/3; 甲二 Jan
//   present, Feb absent, Mar late → attended 5 of 6 expected. M1: 甲一 met, 甲二 gap (Feb). R1: 甲一 met
//   (book in Feb), 甲二 gap. People with gaps: 甲二 → 1 of 2 meet all. Self-study 2 + 1.5 = 3.5 h → 1.75
//   → 1.8 per head; 1 book → 0.5 per head. Plan: January 集中学习, held.
// 二支部: 乙一, 乙二 and 乙三 (from 2026-02-01). 集中学习 Jan and Mar, none in Feb → B1 gap 1 (Feb).
//   Expected: Jan 乙一 乙二 (乙三 not yet on the roll), Mar all three → 5; attended: Jan 乙一 (乙二
//   excused does not count), Mar 乙一 乙二 → 3 → 60%. M1: 乙一 gap (Feb), 乙二 gap (Jan excused, Feb),
//   乙三 gap (Feb, Mar absent) → 0 of 3. R1: 乙一 met, 乙二 met, 乙三 gap (59 of 90 days → quota 1,
//   0 books) → 2 of 3. People with gaps: 3 → 0 of 3. 3 h → 1.0 per head; 2 books → 0.67 per head.
//   Plan: February 集中学习, not held (gap).
// 三支部: 丙一. No 集中学习 at all → B1 gap ×3; one 读书交流 (Feb) attended → 1 of 1 expected. M1 gap;
//   R1 met (March). People with gaps 1 → 0 of 1. No self-study; 1 book → 1 per head. No plan.
// Worst first: unmet duties 三支部 3, 二支部 1, 一支部 0.
// Organ: 6 members; 6 sessions; attended 5 + 3 + 1 = 9 of 12 expected → 75%; M1 1 of 6 without a gap;
//   R1 4 of 6; people with gaps 5 → 1 of 6 meet all; 6.5 h → 1.1 per head; 4 books → 0.67 per head;
//   duties unmet 4; plan 2 months planned, 1 held, 1 gap.
const EXPECTED = [
  {
    branch: '三支部', members: 1, membersInPeriod: 1, sessionsHeld: 1, sessionsByType: { 'reading-exchange': 1 }, dutiesUnmet: 3, dutiesOpen: 0,
    duties: [{ rule: 'B1', met: 0, gap: 3, open: 0, na: 0, actual: 0, required: 3 }],
    attendance: { expected: 1, attended: 1, rate: 1 },
    rules: [{ rule: 'M1', applicable: 1, met: 0, gap: 1, open: 0, share: 0 }, { rule: 'R1', applicable: 1, met: 1, gap: 0, open: 0, share: 1 }],
    peopleWithGaps: 1, shareAllMet: 0, books: 1, booksPerHead: 1, studyHours: 0, studyHoursPerHead: 0, plan: { planned: 0, held: 0, gap: 0, open: 0 },
  },
  {
    branch: '二支部', members: 3, membersInPeriod: 3, sessionsHeld: 2, sessionsByType: { 'collective-study': 2 }, dutiesUnmet: 1, dutiesOpen: 0,
    duties: [{ rule: 'B1', met: 2, gap: 1, open: 0, na: 0, actual: 2, required: 3 }],
    attendance: { expected: 5, attended: 3, rate: 0.6 },
    rules: [{ rule: 'M1', applicable: 3, met: 0, gap: 3, open: 0, share: 0 }, { rule: 'R1', applicable: 3, met: 2, gap: 1, open: 0, share: 2 / 3 }],
    peopleWithGaps: 3, shareAllMet: 0, books: 2, booksPerHead: 0.67, studyHours: 3, studyHoursPerHead: 1, plan: { planned: 1, held: 0, gap: 1, open: 0 },
  },
  {
    branch: '一支部', members: 2, membersInPeriod: 2, sessionsHeld: 3, sessionsByType: { 'collective-study': 3 }, dutiesUnmet: 0, dutiesOpen: 0,
    duties: [{ rule: 'B1', met: 3, gap: 0, open: 0, na: 0, actual: 3, required: 3 }],
    attendance: { expected: 6, attended: 5, rate: 5 / 6 },
    rules: [{ rule: 'M1', applicable: 2, met: 1, gap: 1, open: 0, share: 0.5 }, { rule: 'R1', applicable: 2, met: 1, gap: 1, open: 0, share: 0.5 }],
    peopleWithGaps: 1, shareAllMet: 0.5, books: 1, booksPerHead: 0.5, studyHours: 3.5, studyHoursPerHead: 1.8, plan: { planned: 1, held: 1, gap: 0, open: 0 },
  },
];
const ORGAN = {
  branch: '合计', members: 6, membersInPeriod: 6, sessionsHeld: 6, sessionsByType: { 'collective-study': 5, 'reading-exchange': 1 }, dutiesUnmet: 4, dutiesOpen: 0,
  duties: [{ rule: 'B1', met: 5, gap: 4, open: 0, na: 0, actual: 5, required: 9 }],
  attendance: { expected: 12, attended: 9, rate: 0.75 },
  rules: [{ rule: 'M1', applicable: 6, met: 1, gap: 5, open: 0, share: 1 / 6 }, { rule: 'R1', applicable: 6, met: 4, gap: 2, open: 0, share: 4 / 6 }],
  peopleWithGaps: 5, shareAllMet: 1 / 6, books: 4, booksPerHead: 0.67, studyHours: 6.5, studyHoursPerHead: 1.1, plan: { planned: 2, held: 1, gap: 1, open: 0 },
};

/** The figures with rates compared to 1e-9 (JSON carries full doubles); objects may hold more keys (titles, ids). */
const near = (x: unknown): unknown => {
  if (typeof x === 'number' && !Number.isInteger(x)) return expect.closeTo(x, 9);
  if (Array.isArray(x)) return x.map(near);
  if (x && typeof x === 'object') return expect.objectContaining(Object.fromEntries(Object.entries(x).map(([k, v]) => [k, near(v)])));
  return x;
};

describe('audit --by-branch', () => {
  it('one row per branch, worst first, with the organ totals (--json)', async () => {
    fresh();
    const r = await run('--json', 'audit', '--by-branch', '--quarter', '2026-Q1');
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.scope).toMatchObject({ id: '2026-Q1', start: '2026-01-01', end: '2026-04-01', countedEnd: '2026-04-01' });
    expect(doc.branches.map((b: { branch: string }) => b.branch)).toEqual(['三支部', '二支部', '一支部']);
    expect(doc.branches).toEqual(EXPECTED.map(near));
    expect(doc.organ).toEqual(near(ORGAN));
  });

  it('a committee-only or named-people session expects only those people (应到), and only their sign-ins count', async () => {
    fresh();
    // 一支部 as above, plus: 甲一 on the committee; a 务虚会 for the committee on 03-20 that 甲一 came to
    // (甲二, not expected, cannot be signed in); a 讲座 on 03-25 for 甲二 alone, who was absent.
    // Expected 6 + 1 + 1 = 8 (not 6 + 2 + 2); attended 5 + 1 = 6 → 75%.
    await run('member', 'edit', '甲一', '--leader', '--from', '2025-01-01');
    const add = async (...a: string[]) => JSON.parse((await run('--json', 'session', 'add', '--branch', '一支部', ...a)).stdout).id as number;
    const committee = await add('--type', '务虚会', '--date', '2026-03-20', '--topic', '支委务虚', '--attendees', '支委');
    const named = await add('--type', '讲座', '--date', '2026-03-25', '--topic', '专题讲座', '--attendees', '甲二');
    for (const args of [[String(committee), '--present', '甲一'], [String(named), '--absent', '甲二']]) {
      const c = await run('checkin', ...args);
      expect(c.code, c.stderr).toBe(0);
    }
    const doc = JSON.parse((await run('--json', 'audit', '--by-branch', '--quarter', '2026-Q1')).stdout);
    const one = doc.branches.find((b: { branch: string }) => b.branch === '一支部');
    expect(one.sessionsHeld).toBe(5);
    expect(one.attendance).toEqual({ expected: 8, attended: 6, rate: 0.75 });
    expect(doc.organ.attendance).toEqual({ expected: 14, attended: 10, rate: 10 / 14 });
  });

  it('prints the table worst first, the totals and the order in words', async () => {
    fresh();
    const r = await run('audit', '--by-branch', '--quarter', '2026-Q1');
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.split('\n');
    const at = (name: string) => lines.findIndex((l) => l.trimStart().startsWith(name));
    expect(at('三支部')).toBeLessThan(at('二支部'));
    expect(at('二支部')).toBeLessThan(at('一支部'));
    expect(at('一支部')).toBeLessThan(at('合计'));
    expect(lines[at('二支部')]).toMatch(/二支部\s+3\s+.*60\.0%/);
    expect(lines[at('合计')]).toMatch(/合计\s+6\s+.*75\.0%/);
    expect(r.stdout).toContain('未完成的支部职责');
  });

  it('without --branch, a database of several branches leads with the table and lists only the people who need attention', async () => {
    fresh();
    const r = await run('audit', '--quarter', '2026-Q1');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.indexOf('各支部对比')).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf('各支部对比')).toBeLessThan(r.stdout.indexOf('乙三'));
    expect(r.stdout + r.stderr).toMatch(/--all/);
    const all = await run('audit', '--quarter', '2026-Q1', '--all');
    expect(all.stdout).toContain('甲二');
    const one = await run('audit', '--quarter', '2026-Q1', '--branch', '一支部');
    expect(one.stdout).not.toContain('各支部对比');
    expect(one.stdout).toContain('甲二');
    expect(one.stdout).not.toContain('乙三');
  });

  it('audit --json keeps its contract (every verdict with its fields) and adds the branch rows', async () => {
    fresh();
    const r = await run('--json', 'audit', '--quarter', '2026-Q1');
    const doc = JSON.parse(r.stdout);
    // B1: 3 branches × 3 months; M1: 甲一 甲二 乙一 乙二 丙一 × 3 months + 乙三 × 2 (Feb, Mar); R1: 6 people × Q1.
    expect(doc.verdicts).toHaveLength(9 + 17 + 6);
    for (const v of doc.verdicts) for (const k of ['rule', 'branch', 'period', 'status', 'required', 'actual', 'gap', 'evidence']) expect(v).toHaveProperty(k);
    expect(doc.verdicts.filter((v: { member?: string }) => v.member).every((v: { member: string }) => typeof v.member === 'string')).toBe(true);
    expect(doc.byBranch.branches.map((b: { branch: string }) => b.branch)).toEqual(['三支部', '二支部', '一支部']);
  });
});

describe('report --by-branch', () => {
  it('the same rows in the report JSON, a 支部对比 sheet in the ledger and a table in the Word summary', async () => {
    fresh();
    const j = await run('--json', 'report', '--quarter', '2026-Q1', '--by-branch');
    expect(j.code, j.stderr).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(doc.byBranch.branches).toEqual(EXPECTED.map(near));
    expect(doc.byBranch.organ).toEqual(near(ORGAN));

    const files = await run('report', '--quarter', '2026-Q1', '--xlsx', join(dir, '台账.xlsx'), '--docx', join(dir, '总结.docx'));
    expect(files.code, files.stderr).toBe(0);
    const wb = await readXlsx(join(dir, '台账.xlsx'));
    const ws = wb.getWorksheet('支部对比')!;
    expect(ws).toBeDefined();
    const rowOf = (name: string) => ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === name)!;
    expect(ws.getRow(2).getCell(2).value).toBe('支部');
    expect([3, 4, 5].map((i) => ws.getRow(i).getCell(2).value)).toEqual(['三支部', '二支部', '一支部']);
    const two = rowOf('二支部');
    const header = (ws.getRow(2).values as unknown[]).map(String);
    const cell = (h: string) => two.getCell(header.indexOf(h)).value;
    expect([cell('在册'), cell('未完成职责'), cell('参加率'), cell('有未达标人数'), cell('读书')]).toEqual([3, 1, 0.6, 3, 2]);
    expect(ws.getRow(6).getCell(1).value).toBe('合计');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '总结.docx')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('各支部学习情况对比（未完成支部职责多的在前）');
    const table = text.slice(text.indexOf('各支部学习情况对比'));
    // 支部 在册 活动 未完成职责 参加率 全部达标 有未达标 人均读书 人均自学, the cells run together once the XML is gone.
    expect(table).toContain('三支部113100.0%0.0%110');
    expect(table).toContain('二支部32160.0%0.0%30.671');
    expect(table).toContain('一支部23083.3%50.0%10.51.8');
    expect(table).toContain('合计66475.0%16.7%50.671.1');
  });
});

describe('rank --branches (书香支部)', () => {
  // By hand, the year 2026 as of 2026-04-10 (April is still open, so it does not count against anyone):
  // duties met ÷ judged: 一 3/3, 二 2/3, 三 0/3; members with no gap in the 五坚持 (M1, R1): 一 1/2,
  // 二 0/3, 三 0/1; attendance as above; books per head 0.5, 0.67 (2 of 3), 1. Default weights 30/30/20/5,
  // each scored from the unrounded figure and the total rounded once:
  // 一 30 + 15 + 16.67 + 2.5 = 64.17; 二 20 + 0 + 12 + 3.33 (5 × 2/3, not 5 × 0.67) = 35.33; 三 0 + 0 + 20 + 5 = 25.
  it('scores each branch with explained components, awards the top ones, writes the award list and certificates', async () => {
    fresh();
    const j = await run('--json', 'rank', '--branches', '--year', '2026', '--top', '1');
    expect(j.code, j.stderr).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(doc.ranked.map((b: { branch: string; score: number }) => [b.branch, b.score])).toEqual([['一支部', 64.17], ['二支部', 35.33], ['三支部', 25]]);
    expect(doc.ranked[1].components.find((c: { key: string }) => c.key === 'booksPerHead')).toMatchObject({ value: 0.67, points: 3.33 });
    expect(doc.ranked[0].components.map((c: { key: string; points: number }) => [c.key, c.points])).toEqual([['duties', 30], ['persists', 15], ['attendanceRate', 16.67], ['booksPerHead', 2.5]]);
    expect(doc.awardees.map((b: { branch: string }) => b.branch)).toEqual(['一支部']);
    const t = await run('rank', '--branches', '--year', '2026', '--top', '1', '--docx', '--xlsx');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/1\. 一支部：支部职责完成 100%，五坚持全部达标人员占 50%，参加率 83\.3%，人均读书 0\.5 本，总分 64\.17/);
    const { default: JSZip } = await import('jszip');
    const { readFileSync } = await import('node:fs');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '2026年度书香支部评比.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于表彰2026年度“书香支部”的决定');
    expect(text).toContain('一支部：');
    expect(text).not.toContain('一支部 同志');
    expect(text).toContain('根据各支部“四举办”等支部职责完成情况、党员“五坚持”达标情况、学习活动参加率和人均读书情况综合计分评比，决定授予');
  });

  it('the decision names only the components the rule set scores (a weight above 0)', async () => {
    fresh();
    writeFileSync(join(dir, 'rules2.json'), JSON.stringify({ ...ORGAN_RULES, branchRanking: { weights: { duties: 30, persists: 0, attendanceRate: 20, booksPerHead: 0 } } }));
    expect((await run('rules', 'use', join(dir, 'rules2.json'))).code).toBe(0);
    const t = await run('rank', '--branches', '--year', '2026', '--top', '1', '--docx', 'b.docx');
    expect(t.code, t.stderr).toBe(0);
    const { default: JSZip } = await import('jszip');
    const text = (await (await JSZip.loadAsync(readFileSync(join(dir, 'b.docx')))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('根据各支部“四举办”等支部职责完成情况和学习活动参加率综合计分评比，决定授予以下 1 个党支部');
    expect(text).not.toMatch(/五坚持”达标情况|人均读书情况/);
  });
});
