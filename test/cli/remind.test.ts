// `shuxiang remind`: one message per member for the open periods, ready for a chat group; --xlsx; --json.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';
import { readXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-09-20' });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  // 张三 an ordinary member, 李四 on the committee, 王五 left in March (nothing open: not listed).
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01', leader: true }, { name: '王五', from: '2025-01-01', left: '2026-03-01' }]);
  for (const args of [
    ['book', '--member', '张三', '--title', '之江新语', '--category', '政治理论', '--finished', '2026-07-20'],
    ['exchange', '--member', '张三', '--date', '2026-08-20'],
    ['lecture', '--member', '张三', '--date', '2026-09-16', '--title', '数字财政'],
    ['writing', '--member', '张三', '--kind', '心得体会', '--title', '心得', '--date', '2026-08-01', '--chars', '1500'],
    ['self-study', '--member', '张三', '--date', '2026-09-18', '--hours', '4', '--notes'],
    ['book', '--member', '李四', '--title', '业务书', '--category', '业务', '--finished', '2026-05-20'],
  ]) expect((await run('log', ...args)).code).toBe(0);
});
afterEach(() => cleanup());

describe('remind', () => {
  it('one line per member with something open, soonest first, then a count; the branch to-dos on stderr', async () => {
    const r = await run('remind');
    expect(r.code).toBe(0);
    // September 2026: 22 weekdays − Friday the 25th (中秋节) + Sunday the 20th (调休 for 国庆) = 22 working days,
    // 8 of them from the 20th on (20, 21–24, 28–30); 张三 has logged 4 h and 1 note day.
    // 20 September is a Sunday: W38 (14–20) holds 张三's lecture of the 16th; 11 days to 30 September; 103 to the year's end.
    expect(r.stdout).toBe([
      '李四同志：本周还需听 1 次课或专题报告（剩 1 天）；本月还需参加 1 次集中学习，自学 22 小时、记 22 天学习笔记（剩 11 天，其中 8 个工作日）；'
        + '本季度还需读完 1 本书并参加 1 次读书交流（剩 11 天）；本半年还需撰写 1 篇心得体会或理论文章（剩 103 天）；'
        + '本年度还需读完 2 本书（1 本政治理论类、1 本科学人文类），作 1 次理论宣讲，作 1 次业务讲座，完成 60 天一线调研，撰写 1 篇调研报告，参加 2 次务虚会，参加 1 次继续教育培训和 1 次理论考试（剩 103 天）。',
      '张三同志：本月还需自学 18 小时、记 21 天学习笔记（剩 11 天，其中 8 个工作日）；本年度还需参加 1 次继续教育培训和 1 次理论考试（剩 103 天）。',
      '',
    ].join('\n'));
    expect(r.stderr).toContain('共 2 人还有未完成的事项（截至 2026-09-20；已全部完成的人未列出）。');
    expect(r.stderr).toContain('机关第一党支部：本月还需举办 1 次集中学习（剩 11 天）；本季度还需举办 1 次读书交流（剩 11 天）；本年度还需举办 2 次联学共建活动，举办 2 次红色教育活动（剩 103 天）。');
  });

  it('--json: the messages with their items and deadlines', async () => {
    const j = JSON.parse((await run('--json', 'remind', '--as-of', '2026-12-31')).stdout);
    expect(j.asOf).toBe('2026-12-31');
    expect(j.messages.map((m: { member: string }) => m.member)).toEqual(['李四', '张三']);
    const zhang = j.messages[1];
    expect(zhang.items.find((i: { rule: string }) => i.rule === 'P5-yearly')).toEqual({
      rule: 'P5-yearly', period: '2026', when: '本年度', todo: '参加 1 次继续教育培训和 1 次理论考试', due: '2026-12-31', daysLeft: 1,
    });
    expect(j.branches[0].branch).toBe('机关第一党支部');
  });

  it('--xlsx writes 姓名, 支部, 待完成事项, 截止日期 under a title: header styled and frozen, borders, text as text, dates as dates', async () => {
    const file = join(dir, '提醒.xlsx');
    const r = await run('remind', '--xlsx', '提醒.xlsx');
    expect(r.code).toBe(0);
    const ws = (await readXlsx(file)).getWorksheet('待完成事项')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^待完成事项提醒（截至2026年\d+月\d+日）$/);
    expect(ws.getRow(2).values).toEqual([undefined, '姓名', '支部', '待完成事项', '截止日期']);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('C3').border?.left?.style).toBe('thin');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '2:2' });
    const rows = ws.getSheetValues().slice(3) as unknown[][];
    // The name column fits the longest name.
    const longest = Math.max(...rows.map((row) => [...String(row[1])].length));
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(longest * 2);
    const zhang = rows.filter((row) => row[1] === '张三');
    expect(zhang.map((row) => row[3])).toEqual(['本月：自学 18 小时、记 21 天学习笔记', '本年度：参加 1 次继续教育培训和 1 次理论考试']);
    expect(zhang[0]![4]).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(ws.getCell('A3').numFmt).toBe('@');
    expect(rows.some((row) => row[1] === '（支部）')).toBe(true);
  });

  it('refuses a file name that is not .xlsx, and a bad date', async () => {
    expect((await run('remind', '--xlsx', '提醒.xls')).stderr).toContain('应以 .xlsx 结尾');
    expect((await run('remind', '--as-of', '9月')).code).toBe(2);
  });

  it('in the first days of a year, the week still running from December (2026-W53, 28 Dec – 3 Jan) is reminded and audited', async () => {
    // 张三 heard no lecture that week; on Saturday 2 January 2027 two days of it are left.
    const r = await runCli(['remind'], { cwd: dir, now: '2027-01-02' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/张三同志：本周还需听 1 次课或专题报告（剩 2 天）/);
    const a = JSON.parse((await runCli(['--json', 'audit', '--member', '张三', '--rule', 'P2-weekly'], { cwd: dir, now: '2027-01-02' })).stdout);
    expect(a.verdicts.map((v: { period: string; status: string }) => [v.period, v.status])).toEqual([['2026-W53', 'open']]);
    // A lecture on Monday 28 December meets it.
    expect((await runCli(['log', 'lecture', '--member', '张三', '--date', '2026-12-28', '--title', '新年讲座'], { cwd: dir, now: '2027-01-02' })).code).toBe(0);
    const after = (await runCli(['remind'], { cwd: dir, now: '2027-01-02' })).stdout.split('\n').find((l) => l.startsWith('张三同志'));
    expect(after).toMatch(/^张三同志：本月还需/);
  });
});
