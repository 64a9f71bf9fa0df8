// Three branches of a small organ, written through the real CLI (issue 18): the same records either in
// one database (`--branch` on every command) or each in its own branch database, to be collected. The
// figures every organ test expects are worked out by hand in test/cli/organ.test.ts from this list.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';

/** The rule set of the organ tests: one branch duty and two member rules, small enough to work by hand. */
export const ORGAN_RULES = {
  $schema: 'shuxiang-rules-v1', id: 'organ-test', title: '机关测试规则', settings: { excusedCountsAsAttended: false },
  rules: [
    { id: 'B1', title: '每月集中学习', source: '每月至少举办1次集中学习', appliesTo: 'branch', metric: 'sessions-held', period: 'month', threshold: 1, options: { sessionTypes: ['collective-study'] } },
    { id: 'M1', title: '每月参加集中学习', source: '每月参加集中学习不少于1次', appliesTo: 'all', metric: 'sessions-attended', period: 'month', threshold: 1, options: { sessionTypes: ['collective-study'] } },
    { id: 'R1', title: '每季度读1本书', source: '每季度至少读1本书', appliesTo: 'all', metric: 'books-finished', period: 'quarter', threshold: 1, options: {} },
  ],
};

type Step = string[];

/** Each branch's records, as CLI commands (`{S1}` … stand for the branch's sessions in order). */
export const BRANCHES: { name: string; steps: Step[]; plan?: string }[] = [
  {
    name: '一支部',
    steps: [
      ['member', 'add', '--name', '甲一', '--from', '2025-01-01'],
      ['member', 'add', '--name', '甲二', '--from', '2025-01-01'],
      ['session', 'add', '--type', '集中学习', '--date', '2026-01-15', '--topic', '一支部一月学习'],
      ['session', 'add', '--type', '集中学习', '--date', '2026-02-12', '--topic', '一支部二月学习'],
      ['session', 'add', '--type', '集中学习', '--date', '2026-03-12', '--topic', '一支部三月学习'],
      ['checkin', '{S1}', '--present', '甲一,甲二'],
      ['checkin', '{S2}', '--present', '甲一', '--absent', '甲二'],
      ['checkin', '{S3}', '--present', '甲一', '--late', '甲二'],
      ['log', 'book', '--member', '甲一', '--title', '之江新语', '--category', '政治理论', '--finished', '2026-02-10'],
      ['log', 'self-study', '--member', '甲一', '--date', '2026-01-05', '--hours', '2'],
      ['log', 'self-study', '--member', '甲二', '--date', '2026-03-02', '--hours', '1.5'],
    ],
    plan: '月份,学习主题,学习形式\n2026年1月,一月学习,集中学习\n',
  },
  {
    name: '二支部',
    steps: [
      ['member', 'add', '--name', '乙一', '--from', '2025-01-01'],
      ['member', 'add', '--name', '乙二', '--from', '2025-01-01'],
      ['member', 'add', '--name', '乙三', '--from', '2026-02-01'],
      ['session', 'add', '--type', '集中学习', '--date', '2026-01-20', '--topic', '二支部一月学习'],
      ['session', 'add', '--type', '集中学习', '--date', '2026-03-20', '--topic', '二支部三月学习'],
      ['checkin', '{S1}', '--present', '乙一', '--excused', '乙二:病假'],
      ['checkin', '{S2}', '--present', '乙一,乙二', '--absent', '乙三'],
      ['log', 'book', '--member', '乙一', '--title', '之江新语', '--category', '政治理论', '--finished', '2026-01-30'],
      ['log', 'book', '--member', '乙二', '--title', '红星照耀中国', '--category', '党史', '--finished', '2026-03-01'],
      ['log', 'self-study', '--member', '乙三', '--date', '2026-02-10', '--hours', '3'],
    ],
    plan: '月份,学习主题,学习形式\n2026年2月,二月学习,集中学习\n',
  },
  {
    name: '三支部',
    steps: [
      ['member', 'add', '--name', '丙一', '--from', '2025-01-01'],
      ['session', 'add', '--type', '读书交流', '--date', '2026-02-05', '--topic', '三支部读书会'],
      ['checkin', '{S1}', '--present', '丙一'],
      ['log', 'book', '--member', '丙一', '--title', '平凡的世界', '--category', '科学人文', '--finished', '2026-03-15'],
    ],
  },
];

/** Runs `shuxiang …` in `dir` at the organ tests' day (2026-04-10), expecting success. */
export async function ok(dir: string, args: string[], now = '2026-04-10'): Promise<string> {
  const r = await runCli(args, { cwd: dir, now });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Writes one branch's records into the database in `dir` (its sessions numbered from the ids returned). */
export async function writeBranch(dir: string, b: (typeof BRANCHES)[number], withBranchFlag: boolean): Promise<void> {
  const sessions: number[] = [];
  for (const step of b.steps) {
    const args = step.map((a) => a.replace(/^\{S(\d)\}$/, (_, i: string) => String(sessions[Number(i) - 1])));
    const flag = withBranchFlag && (args[0] === 'member' || args[0] === 'session') ? ['--branch', b.name] : [];
    // Issue 14: a branch is created on purpose only; the first member of each branch brings it in.
    if (flag.length && args[0] === 'member' && args[1] === 'add') flag.push('--new-branch');
    const out = await ok(dir, ['--json', ...args, ...flag]);
    if (args[0] === 'session') sessions.push((JSON.parse(out) as { id: number }).id);
  }
  if (b.plan) {
    writeFileSync(join(dir, `${b.name}计划.csv`), b.plan);
    await ok(dir, ['import', '--kind', 'plan', join(dir, `${b.name}计划.csv`), '--branch', b.name]);
  }
}

/** Makes `dir` use the organ tests' rule set. */
export async function useOrganRules(dir: string): Promise<void> {
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(ORGAN_RULES));
  await ok(dir, ['rules', 'use', join(dir, 'rules.json')]);
}
