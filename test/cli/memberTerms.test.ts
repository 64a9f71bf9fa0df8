// A member's terms (SPEC §3.3 "judged only for periods they belonged to the branch"): someone moved to
// another branch on a day, stepped down and appointed again, or left and came back keeps every earlier
// spell — each judged for the days it covers. Every figure is worked by hand below; the real CLI against
// a real database, and undo puts the member back as they were.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const NOW = '2026-12-20';
const run = (...args: string[]) => runCli(args, { cwd: dir, now: NOW });
const ok = async (...args: string[]) => {
  const r = await run(...args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};
const verdicts = async (...args: string[]) =>
  (JSON.parse((await runCli(['--json', 'audit', '--year', '2026', '--as-of', '2027-01-10', ...args], { cwd: dir, now: '2027-01-10' })).stdout).verdicts as { rule: string; member?: string; period: string; status: string; required: unknown; actual: unknown; note?: string }[]);
const one = async (rule: string, member: string, period = '2026') => {
  const vs = (await verdicts('--member', member, '--rule', rule)).filter((v) => v.period === period);
  expect(vs, `${rule} ${member} ${period}`).toHaveLength(1);
  return vs[0]!;
};

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir, '一支部');
});
afterEach(() => cleanup());

describe('moved to another branch on a day', () => {
  // 张三 on 一支部's committee since 2025; moved to 二支部 on 2026-07-01 and on its committee from that day.
  // 集中学习 in each branch on 02-10, 05-12, 08-11, 11-10. 张三 came to 一支部's in February (absent in May)
  // and to 二支部's two after the move (Aug, Nov): L1-rate 3 of 4 = 75% — not 2 of 4 (二支部's whole year),
  // nor 2 of 2 (二支部's sessions alone).
  // 二支部 also has 李四 all year, who came to nothing.
  beforeEach(async () => {
    await ok('member', 'add', '--name', '张三', '--from', '2025-01-01', '--post', '书记');
    await ok('member', 'add', '--name', '李四', '--from', '2025-01-01', '--branch', '二支部', '--new-branch');
    const ids: Record<string, number[]> = { 一支部: [], 二支部: [] };
    for (const d of ['2026-02-10', '2026-05-12', '2026-08-11', '2026-11-10']) {
      for (const b of ['一支部', '二支部']) ids[b]!.push(JSON.parse((await ok('--json', 'session', 'add', '--branch', b, '--type', '集中学习', '--date', d, '--topic', `${b}${d}`)).stdout).id);
    }
    await ok('checkin', String(ids['一支部']![0]), '--present', '张三');
    await ok('checkin', String(ids['一支部']![1]), '--absent', '张三');
    const moved = await ok('member', 'edit', '张三', '--move-to', '二支部', '--from', '2026-07-01');
    expect(moved.stdout).toContain('二支部（自 2026-07-01 起；此前在一支部的在册期间保留）');
    expect(moved.stderr).toContain("在原支部的班子成员任职随调动于 2026-07-01 结束（此前的任职期间保留）；如在新支部任职，请再运行 shuxiang member edit '#1' --leader --from 2026-07-01");
    await ok('member', 'edit', '张三', '--leader', '--from', '2026-07-01');
    await ok('checkin', String(ids['二支部']![2]), '--present', '张三');
    await ok('checkin', String(ids['二支部']![3]), '--present', '张三');
  });

  it('the attendance rate is taken over each branch\'s sessions while on its roll', async () => {
    expect(await one('L1-rate', '张三')).toMatchObject({ status: 'gap', actual: 0.75 });
    // The same verdict in the new branch's own audit, which holds none of the old branch's duties.
    const own = await verdicts('--branch', '二支部');
    expect(own.filter((v) => v.rule === 'L1-rate' && v.member === '张三')).toMatchObject([{ status: 'gap', actual: 0.75 }]);
    expect(own.filter((v) => v.member === undefined).every((v) => (v as { branch?: string }).branch === '二支部')).toBe(true);
    expect(own.some((v) => v.member === undefined)).toBe(true);
    // On the roll all year across the two spells: the monthly quota is judged every month, no month skipped.
    expect((await verdicts('--member', '张三', '--rule', 'L1-monthly')).map((v) => v.period)).toHaveLength(12);
    expect(query(dir, 'SELECT kind, branch, date_from, date_to FROM member_terms ORDER BY kind')).toEqual([
      { kind: 'leader', branch: null, date_from: '2025-01-01', date_to: '2026-07-01' },
      { kind: 'roll', branch: '一支部', date_from: '2025-01-01', date_to: '2026-07-01' },
    ]);
  });

  it('each period is the branch\'s whose roll they were on on its last day: the old branch\'s audit has its months', async () => {
    const monthly = await verdicts('--member', '张三', '--rule', 'L1-monthly');
    expect(monthly.map((v) => [v.period.slice(5), (v as { branch?: string }).branch])).toEqual([
      ...['01', '02', '03', '04', '05', '06'].map((m) => [m, '一支部']), ...['07', '08', '09', '10', '11', '12'].map((m) => [m, '二支部']),
    ]);
    const old = await verdicts('--branch', '一支部', '--rule', 'L1-monthly');
    expect(old.map((v) => [v.member, v.period, v.status])).toEqual([
      ['张三', '2026-01', 'gap'], ['张三', '2026-02', 'met'], ['张三', '2026-03', 'gap'], ['张三', '2026-04', 'gap'], ['张三', '2026-05', 'gap'], ['张三', '2026-06', 'gap'],
    ]);
    // By branch: on 一支部's roll and its committee for the first half, on 二支部's for the second.
    const doc = JSON.parse((await runCli(['--json', 'audit', '--by-branch', '--year', '2026', '--as-of', '2027-01-10'], { cwd: dir, now: '2027-01-10' })).stdout);
    const by = Object.fromEntries(doc.branches.map((b: { branch: string }) => [b.branch, b])) as Record<string, { members: number; membersInPeriod: number; rules: { rule: string; applicable: number; gap: number }[] }>;
    expect([by['一支部']!.members, by['一支部']!.membersInPeriod, by['二支部']!.members, by['二支部']!.membersInPeriod]).toEqual([0, 1, 2, 2]);
    expect(by['一支部']!.rules.find((r) => r.rule === 'L1-monthly')).toMatchObject({ applicable: 1, gap: 1 });
    expect(by['二支部']!.rules.find((r) => r.rule === 'L1-monthly')).toMatchObject({ applicable: 1, gap: 1 });
  });

  it('the whole organ\'s report counts them once, at each branch\'s sessions while on its roll, and not as a join or a leave', async () => {
    const doc = JSON.parse((await ok('--json', 'report', '--year', '2026')).stdout);
    expect(doc.members.find((m: { name: string }) => m.name === '张三').attendance).toMatchObject({ expected: 4, attended: 3 });
    // 张三 4 + 李四 4 expected; 3 attended.
    expect(doc.headline.attendance).toMatchObject({ expected: 8, attended: 3 });
    expect(doc.moves).toEqual({ joined: [], left: [] });
  });

  it('the old branch\'s sessions still list them as expected before the move; by branch, each branch counts its own', async () => {
    const s = JSON.parse((await ok('--json', 'session', 'show', '1')).stdout);
    expect(s.expected.map((m: { name: string }) => m.name)).toEqual(['张三']);
    // Everyone ever on 一支部's roll includes him, as its roll showed him.
    expect(JSON.parse((await ok('--json', 'member', 'list', '--branch', '一支部', '--all')).stdout)).toMatchObject([{ name: '张三', branch: '一支部', onRollLeft: '2026-07-01' }]);
    expect(JSON.parse((await ok('--json', 'member', 'list', '--branch', '一支部')).stdout)).toEqual([]);
    // The old branch's August session (#5) is after the move: refused, saying where they went.
    const late = await run('checkin', '5', '--present', '张三');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('张三 在 2026-08-11 不在一支部的名单上（2026-07-01 已调往二支部）');
    const doc = JSON.parse((await run('--json', 'audit', '--by-branch')).stdout);
    const att = Object.fromEntries(doc.branches.map((b: { branch: string; attendance: unknown }) => [b.branch, b.attendance]));
    // 一支部: 张三 at Feb and May → 1 of 2. 二支部: 李四 4 + 张三 2 (Aug, Nov) expected, 张三's 2 attended.
    expect(att['一支部']).toEqual({ expected: 2, attended: 1, rate: 0.5 });
    expect(att['二支部']).toEqual({ expected: 6, attended: 2, rate: 2 / 6 });
    // doctor does not call the sign-ins of the earlier spell out of the roll.
    expect((await run('doctor')).stdout).toContain('✓ 学习记录都在在册期间内');
    // The ranking's attendance rate is the audit's: 3 of 4.
    const rank = JSON.parse((await ok('--json', 'rank', '--year', '2026')).stdout);
    expect([...rank.ranked, ...(rank.unranked ?? [])].find((r: { name: string }) => r.name === '张三')).toMatchObject({ attendanceRate: 0.75 });
  });

  it('each branch\'s papers show the move as a paper roster would: 转出 from the old branch, 转入 to the new', async () => {
    const old = JSON.parse((await ok('--json', 'report', '--year', '2026', '--branch', '一支部')).stdout);
    expect(old.moves.left).toEqual([{ name: '张三', date: '2026-07-01' }]);
    expect(old.grid.rows).toMatchObject([{ name: '张三', marks: ['present', 'absent', null, null] }]);
    expect(old.headline.attendance).toMatchObject({ expected: 2, attended: 1 });
    const now = JSON.parse((await ok('--json', 'report', '--year', '2026', '--branch', '二支部')).stdout);
    expect(now.moves.joined).toEqual([{ name: '张三', date: '2026-07-01' }]);
    // 二支部: 李四 at 4 sessions, 张三 at the 2 after the move.
    expect(now.headline.attendance).toMatchObject({ expected: 6, attended: 2 });
  });

  it('the organ\'s papers of a past quarter show them where they were then, on its committee; no branch share below 0', async () => {
    const q2 = JSON.parse((await ok('--json', 'report', '--quarter', '2026-Q2')).stdout);
    // On 06-30: 张三 in 一支部 and on its committee, 李四 in 二支部.
    expect(q2.headline).toMatchObject({ members: 2, leaders: 1 });
    expect(q2.roster.find((r: { name: string }) => r.name === '张三')).toMatchObject({ branch: '一支部', leader: true });
    // A committee-only session of 一支部 in March that 张三 came to: the organ's figures expect him there too.
    const c = JSON.parse((await ok('--json', 'session', 'add', '--branch', '一支部', '--type', '务虚会', '--date', '2026-03-05', '--topic', '务虚', '--attendees', '支委')).stdout).id as number;
    await ok('checkin', String(c), '--present', '张三');
    const year = JSON.parse((await ok('--json', 'report', '--year', '2026')).stdout);
    expect(year.members.find((m: { name: string }) => m.name === '张三').attendance).toMatchObject({ expected: 5, attended: 4 });
    // By branch for Q2: his yearly verdict is 二支部's, but he was not on its roll in Q2 — no share below 0.
    const by = JSON.parse((await runCli(['--json', 'audit', '--by-branch', '--quarter', '2026-Q2', '--as-of', '2027-01-10'], { cwd: dir, now: '2027-01-10' })).stdout);
    for (const b of [...by.branches, by.organ]) {
      expect(b.peopleWithGaps).toBeLessThanOrEqual(b.membersInPeriod);
      for (const r of b.rules) expect(r.share === null || (r.share >= 0 && r.share <= 1)).toBe(true);
    }
  });

  it('an export collected into another database brings the earlier spell with it (same verdict), once', async () => {
    await ok('export', '--json', join(dir, '导出.json'));
    const other = tempDir();
    try {
      const there = (...a: string[]) => runCli(a, { cwd: other.dir, now: NOW });
      await initDb(other.dir, '一支部');
      for (let i = 0; i < 2; i++) {
        const r = await there('import', '--kind', 'json', join(dir, '导出.json'));
        expect(r.code, r.stderr).toBe(0);
      }
      expect(query(other.dir, 'SELECT kind, branch FROM member_terms ORDER BY kind')).toEqual([{ kind: 'leader', branch: null }, { kind: 'roll', branch: '一支部' }]);
      const vs = JSON.parse((await runCli(['--json', 'audit', '--year', '2026', '--as-of', '2027-01-10', '--member', '张三', '--rule', 'L1-rate'], { cwd: other.dir, now: '2027-01-10' })).stdout).verdicts;
      expect(vs).toMatchObject([{ status: 'gap', actual: 0.75 }]);
    } finally {
      other.cleanup();
    }
  });

  it('undo puts the member back in the old branch with the one spell', async () => {
    await ok('undo', '--yes');
    await ok('undo', '--yes');
    await ok('undo', '--yes');
    await ok('undo', '--yes');
    expect(query(dir, 'SELECT count(*) AS n FROM member_terms')).toEqual([{ n: 0 }]);
    expect(query(dir, "SELECT b.name AS branch, m.on_roll_from AS f, m.leader AS l, m.leader_from AS lf FROM members m JOIN branches b ON b.id = m.branch_id WHERE m.name = '张三'"))
      .toEqual([{ branch: '一支部', f: '2025-01-01', l: 1, lf: null }]);
  });

  it('refuses a move date outside the spell on the roll, in Chinese, exit 2, writing nothing', async () => {
    const r = await run('member', 'edit', '李四', '--move-to', '一支部', '--from', '2024-06-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('调动日期 2024-06-01 早于');
    const both = await run('member', 'edit', '李四', '--move-to', '一支部', '--leader', '--from', '2026-08-01');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('不能和 --from 一起用');
    expect(query(dir, "SELECT b.name AS b FROM members m JOIN branches b ON b.id = m.branch_id WHERE m.name = '李四'")).toEqual([{ b: '二支部' }]);
  });
});

describe('a branch\'s own roster listing someone who has since moved on', () => {
  // 张甲 一支部 → 二支部 on 04-15 → 三支部 on 09-10. 一支部's list still has him (转出 04-20, a few days off);
  // 二支部's list has his spell there (转入 04-15, 转出 09-10). Neither is about his current spell: nothing
  // of his roll dates, branch or post changes (a warning says why), and never an internal error.
  it('is read as the earlier spell it describes', async () => {
    const id = '110105198001011019';
    writeFileSync(join(dir, 'all.csv'), `\ufeff姓名,身份证号,转入日期\n张甲,${id},2025-01-01\n`);
    await ok('import', 'all.csv');
    await ok('branch', 'add', '二支部');
    await ok('branch', 'add', '三支部');
    await ok('member', 'edit', '张甲', '--move-to', '二支部', '--from', '2026-04-15');
    await ok('member', 'edit', '张甲', '--move-to', '三支部', '--from', '2026-09-10');
    const before = query(dir, 'SELECT branch_id, on_roll_from, on_roll_left, leader, party_post FROM members');
    writeFileSync(join(dir, 'A.csv'), `\ufeff姓名,身份证号,党内职务,转入日期,转出日期\n张甲,${id},书记,2025-01-01,2026-04-20\n`);
    const a = await run('import', 'A.csv', '--branch', '一支部');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('此人已于 2026-04-15 从一支部调往三支部');
    writeFileSync(join(dir, 'B.csv'), `\ufeff姓名,身份证号,转入日期,转出日期\n张甲,${id},2026-04-15,2026-09-10\n`);
    const b = await run('import', 'B.csv', '--branch', '二支部');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).not.toContain('内部错误');
    expect(query(dir, 'SELECT branch_id, on_roll_from, on_roll_left, leader, party_post FROM members')).toEqual(before);
  });
});

describe('doctor and earlier spells', () => {
  it('a sign-in in an earlier spell is inside the roll (the spell found by the member, not by its own row number)', async () => {
    // 甲 is member #1, 乙 #2; 乙's earlier spell is row #1 of member_terms.
    await ok('member', 'add', '--name', '甲', '--from', '2025-01-01');
    await ok('member', 'add', '--name', '乙', '--from', '2025-01-01');
    await ok('member', 'add', '--name', '丙', '--from', '2025-01-01', '--branch', '二支部', '--new-branch');
    await ok('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '三月');
    await ok('checkin', '1', '--present', '甲,乙');
    await ok('member', 'edit', '乙', '--move-to', '二支部', '--from', '2026-07-01');
    expect(query(dir, 'SELECT id, member_id FROM member_terms')).toEqual([{ id: 1, member_id: 2 }]);
    const r = await run('doctor');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('✓ 学习记录都在在册期间内');
  });
});

describe('stepped down and appointed again in the same year', () => {
  // 王五 on the committee from 2025-01-01, steps down on 2026-04-01, appointed again on 2026-10-01.
  // In post in 2026: 1 Jan – 31 Mar (90 days) + 1 Oct – 31 Dec (92 days) = 182 of 365 days.
  // L3-days: 60 × 182 / 365 = 29.9 → 30. Trips: 10 days in February (first post), 15 in November → 25 → gap 5.
  // (Losing the first post would give 92 days → 15, and 15 days counted → met.)
  it('both posts are judged', async () => {
    await ok('member', 'add', '--name', '王五', '--from', '2025-01-01');
    await ok('member', 'edit', '王五', '--leader', '--from', '2025-01-01');
    await ok('log', 'research', '--member', '王五', '--from', '2026-02-02', '--to', '2026-02-11', '--place', '某县', '--topic', '基层调研');
    await ok('member', 'edit', '王五', '--no-leader', '--from', '2026-04-01');
    await ok('member', 'edit', '王五', '--leader', '--from', '2026-10-01');
    await ok('log', 'research', '--member', '王五', '--from', '2026-11-02', '--to', '2026-11-16', '--place', '某镇', '--topic', '二次调研');
    expect(await one('L3-days', '王五')).toMatchObject({ status: 'gap', required: 30, actual: 25, note: '按任职 182/365 天折算' });
    // The months out of post are not judged by the leaders' monthly rule: Jan–Mar and Oct–Dec only.
    expect((await verdicts('--member', '王五', '--rule', 'L1-monthly')).map((v) => v.period))
      .toEqual(['2026-01', '2026-02', '2026-03', '2026-10', '2026-11', '2026-12']);
    expect(query(dir, 'SELECT kind, date_from, date_to FROM member_terms')).toEqual([{ kind: 'leader', date_from: '2025-01-01', date_to: '2026-04-01' }]);
  });
});

describe('a 书记 who left and came back', () => {
  // 孙八 and 周九, both 书记 on the roll from 2025-01-01, leave on 2026-03-01 and return on 2026-05-01: 孙八 by
  // a roster re-imported with the new 转入, 周九 by member edit --from. Both are on the committee again from
  // the return: in post 59 + 245 = 304 days of 2026 → L3-days 60 × 304 / 365 = 49.97 → 50.
  it('the return by roster and by member edit come out the same', async () => {
    for (const n of ['孙八', '周九']) {
      await ok('member', 'add', '--name', n, '--from', '2025-01-01', '--post', '书记');
      await ok('member', 'leave', n, '--date', '2026-03-01');
    }
    await runCli(['log', 'lecture', '--member', '孙八', '--date', '2026-02-03', '--title', '讲座'], { cwd: dir, now: NOW });
    writeFileSync(join(dir, '花名册.csv'), '\ufeff姓名,党内职务,转入日期,转出日期\n孙八,书记,2026-05-01,\n');
    await ok('import', '花名册.csv');
    const edited = await ok('member', 'edit', '周九', '--from', '2026-05-01');
    expect(edited.stderr + edited.stdout).toContain('自 2026-05-01 起仍记为班子成员');
    expect(query(dir, "SELECT name, leader, leader_from AS f, on_roll_from AS r FROM members ORDER BY id")).toEqual([
      { name: '孙八', leader: 1, f: '2026-05-01', r: '2026-05-01' }, { name: '周九', leader: 1, f: '2026-05-01', r: '2026-05-01' },
    ]);
    for (const n of ['孙八', '周九']) expect(await one('L3-days', n)).toMatchObject({ required: 50, note: '按任职 304/365 天折算' });
  });
});

describe('left and came back', () => {
  // 赵六 on the roll from 2025-01-01, 转出 2026-04-01, back on 2026-10-01 (a roster re-imported with
  // 转入 2026-10-01 and 转出 blank). Weeks judged in 2026: W01 … W14 (W14 is 30 March – 5 April, 2 of 7
  // days on the roll → 不适用) and W40 … W53 (W40 from Mon 28 September: 4 of 7 days); none in between.
  const roster = (rows: string) => writeFileSync(join(dir, '花名册.csv'), `\ufeff姓名,转入日期,转出日期\n${rows}`);
  beforeEach(async () => {
    await ok('member', 'add', '--name', '赵六', '--from', '2025-01-01');
    await ok('log', 'lecture', '--member', '赵六', '--date', '2026-02-03', '--title', '专题讲座');
    await ok('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '三月学习');
    await ok('checkin', '1', '--present', '赵六');
    await ok('member', 'leave', '赵六', '--date', '2026-04-01');
  });

  it('a roster re-import records the return (dry run first), and both spells are judged', async () => {
    roster('赵六,2026-10-01,\n');
    const dry = await ok('import', '花名册.csv', '--dry-run');
    expect(dry.stdout).toContain('2026-04-01 转出后重新转入');
    expect(query(dir, 'SELECT count(*) AS n FROM member_terms')).toEqual([{ n: 0 }]);
    await ok('import', '花名册.csv');
    expect(query(dir, "SELECT on_roll_from AS f, on_roll_left AS l FROM members WHERE name = '赵六'")).toEqual([{ f: '2026-10-01', l: null }]);
    const weeks = await verdicts('--member', '赵六', '--rule', 'P2-weekly');
    expect(weeks.map((v) => v.period)).toEqual([...Array.from({ length: 14 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 14 }, (_, i) => `2026-W${i + 40}`)]);
    expect(weeks.find((v) => v.period === '2026-W14')).toMatchObject({ status: 'na', note: '在册 2/7 天，不足半数，本期不考核' });
    // Re-importing the same roster changes nothing more.
    const again = JSON.parse((await ok('--json', 'import', '花名册.csv')).stdout);
    expect(query(dir, 'SELECT count(*) AS n FROM member_terms')).toEqual([{ n: 1 }]);
    expect(again).toMatchObject({ updated: 0, unchanged: 1 });
    // An old list still giving the first 转入 keeps the dates on file (with a warning); an earlier 转入 inside
    // the first spell is refused.
    roster('赵六,2025-01-01,\n');
    const old = await ok('import', '花名册.csv');
    expect(old.stderr + old.stdout).toContain('转入日期 2025-01-01 是此人此前一段在册期间的开始');
    expect(query(dir, "SELECT on_roll_from AS f FROM members WHERE name = '赵六'")).toEqual([{ f: '2026-10-01' }]);
    roster('赵六,2026-02-01,\n');
    const inside = await run('import', '花名册.csv');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('转入日期 2026-02-01 早于此人此前一段在册期间的结束（2026-04-01 转出）');
    // Undo of the import that recorded the return (the unchanged one wrote nothing): left on 2026-04-01 again, no earlier spell.
    await ok('undo', '--yes');
    expect(query(dir, 'SELECT count(*) AS n FROM member_terms')).toEqual([{ n: 0 }]);
    expect(query(dir, "SELECT on_roll_from AS f, on_roll_left AS l FROM members WHERE name = '赵六'")).toEqual([{ f: '2025-01-01', l: '2026-04-01' }]);
  });

  it('member edit --from after the 转出 records the return too', async () => {
    const r = await ok('member', 'edit', '赵六', '--from', '2026-10-01');
    expect(r.stderr + r.stdout).toContain('重新转入');
    expect(query(dir, 'SELECT kind, branch, date_from, date_to FROM member_terms')).toEqual([{ kind: 'roll', branch: '一支部', date_from: '2025-01-01', date_to: '2026-04-01' }]);
    // The March session still has 赵六 on its list, and doctor finds the sign-in inside a spell on the roll.
    expect(JSON.parse((await ok('--json', 'session', 'show', '1')).stdout).expected.map((m: { name: string }) => m.name)).toEqual(['赵六']);
    expect((await run('doctor')).stdout).toContain('✓ 学习记录都在在册期间内');
    expect((await ok('member', 'show', '赵六')).stdout).toMatch(/此前在册\s+一支部 2025-01-01 至 2026-03-31/);
    // The branch's papers show both: the 转出 and the return.
    expect(JSON.parse((await ok('--json', 'report', '--year', '2026', '--branch', '一支部')).stdout).moves)
      .toEqual({ joined: [{ name: '赵六', date: '2026-10-01' }], left: [{ name: '赵六', date: '2026-04-01' }] });
    // The new spell cannot be moved back into the earlier one.
    const overlap = await run('member', 'edit', '赵六', '--from', '2026-03-01');
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toContain('早于 赵六 此前一段在册期间的结束（一支部 2025-01-01 至 2026-03-31）');
    expect(JSON.parse((await ok('--json', 'member', 'show', '赵六')).stdout).history).toEqual([{ kind: 'roll', branch: '一支部', from: '2025-01-01', to: '2026-04-01' }]);
  });

  it('adding the same name again points to recording the return instead of a second person', async () => {
    const r = await ok('member', 'add', '--name', '赵六', '--from', '2026-10-01');
    expect(r.stderr).toContain("如是 #1 重新转入，请撤销这次添加（shuxiang undo）后用 shuxiang member edit '#1' --from 转入日期 登记");
  });

  it('a 转出 not after the 转入 is a problem of that row (exit 2, nothing written), never an internal error', async () => {
    await ok('member', 'add', '--name', '钱七', '--from', '2026-05-01');
    roster('钱七,,2026-03-01\n');
    const r = await run('import', '花名册.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('转出日期 2026-03-01 不晚于转入日期 2026-05-01（数据库中）');
    expect(r.stderr).not.toContain('内部错误');
    expect(query(dir, "SELECT on_roll_left AS l FROM members WHERE name = '钱七'")).toEqual([{ l: null }]);
  });
});

describe("a mover's records before the move (hunt 2026-12-04)", () => {
  // 张三 and 钱七 (二支部) all year; 赵六 in 一支部 until he moves to 二支部 on 07-01. 赵六 finishes 书A on
  // 03-01 (in 一支部) and 书B on 08-01 (in 二支部). Three people in the organ, two books.
  beforeEach(async () => {
    await ok('branch', 'add', '二支部');
    await ok('member', 'add', '--name', '张三', '--from', '2026-01-01');
    await ok('member', 'add', '--name', '钱七', '--branch', '二支部', '--from', '2026-01-01');
    await ok('member', 'add', '--name', '赵六', '--from', '2026-01-01');
    await ok('member', 'edit', '赵六', '--move-to', '二支部', '--from', '2026-07-01');
    const a = await ok('log', 'book', '--member', '赵六', '--title', '书A', '--category', '业务', '--finished', '2026-03-01');
    // On the roll of 一支部 that day: no "not on the roll" warning.
    expect(a.stderr).not.toContain('不在册');
    await ok('log', 'book', '--member', '赵六', '--title', '书B', '--category', '业务', '--finished', '2026-08-01');
  });
  const json = async (...args: string[]) => {
    const r = await runCli(['--json', ...args], { cwd: dir, now: '2027-01-05' });
    expect([0, 1], r.stderr).toContain(r.code);
    return JSON.parse(r.stdout);
  };

  it("each branch's ledger lists the book of its own spell; the ranking counts both", async () => {
    const books = async (branch: string) => (await json('report', '--year', '2026', '--branch', branch)).items.books.map((b: { values: { title: string } }) => b.values.title);
    expect(await books('一支部')).toEqual(['书A']);
    expect(await books('二支部')).toEqual(['书B']);
    const rank = await json('rank', '--year', '2026');
    const zhao = rank.ranked.find((p: { name: string }) => p.name === '赵六');
    expect(zhao.components.find((c: { key: string }) => c.key === 'books').value).toBe(2);
  });

  it('the organ total counts each person once: 3 people, 3 with gaps, 2 books ÷ 3 = 0.67 per head', async () => {
    const c = await json('audit', '--by-branch', '--year', '2026');
    expect(c.branches.map((b: { branch: string; membersInPeriod: number }) => [b.branch, b.membersInPeriod]).sort()).toEqual([['一支部', 2], ['二支部', 2]]);
    expect(c.organ).toMatchObject({ membersInPeriod: 3, peopleWithGaps: 3, books: 2, booksPerHead: 0.67 });
    for (const r of c.organ.rules) expect(r.applicable).toBeLessThanOrEqual(3);
  });

  it("a reminder before the move names the branch he is on then (the model the text, JSON and workbook render)", async () => {
    const r = await json('remind', '--as-of', '2026-06-15', '--branch', '一支部');
    expect(r.messages.filter((m: { member: string }) => m.member === '赵六').map((m: { branch: string }) => m.branch)).toEqual(['一支部']);
  });
});

describe('a branch that holds a mover\'s earlier spell (hunt 2026-12-04)', () => {
  beforeEach(async () => {
    await ok('branch', 'add', '二支部');
    await ok('member', 'add', '--name', '张三', '--from', '2026-01-01', '--branch', '二支部');
    await ok('member', 'add', '--name', '李四', '--from', '2026-01-01');
  });

  it('counts him among its people and cannot be removed while it does', async () => {
    await ok('member', 'edit', '张三', '--move-to', '一支部', '--from', '2026-09-01');
    const two = JSON.parse((await ok('--json', 'branch', 'list')).stdout).find((b: { name: string }) => b.name === '二支部');
    expect(two).toMatchObject({ members: 1, sessions: 0 });
    const r = await run('branch', 'remove', '二支部');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/还有 1 人、0 次活动，不能删除/);
  });

  it('doctor finds his sign-in at the old branch after the move', async () => {
    await ok('session', 'add', '--type', '集中学习', '--date', '2026-09-15', '--topic', '九月学习', '--branch', '二支部');
    await ok('checkin', '1', '--present', '张三');
    await ok('member', 'edit', '张三', '--move-to', '一支部', '--from', '2026-09-01');
    const r = await run('doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ 调动的人签到在当天所在的支部\s+张三（编号 #1）在 2026-09-15 不在“二支部”在册/);
  });
});

describe('a roster listing someone on file under another branch (hunt 2026-12-04)', () => {
  it('warns that a second person is added (maybe a move), naming the one on file and the way to record a move', async () => {
    await ok('branch', 'add', '二支部');
    writeFileSync(join(dir, 'r1.csv'), '姓名,所在支部,转入日期\n张三,一支部,2026-01-01\n王五,一支部,2026-01-01\n');
    await ok('import', join(dir, 'r1.csv'));
    writeFileSync(join(dir, 'r2.csv'), '姓名,所在支部,转入日期\n王五,二支部,2026-07-01\n');
    const r = await ok('import', join(dir, 'r2.csv'), '--dry-run');
    expect(r.stderr).toMatch(/r2\.csv › CSV › A2：数据库里“一支部”已有王五（编号 #2），此行将在“二支部”另外新增一人.*member edit 王五 --move-to 二支部 --from 日期/);
  });
});
