// Issue 14, "nothing dated in the future is recorded as done": evidence dated after today (SHUXIANG_NOW)
// is refused by `log` (naming the flag) and by the ledger import (naming file › sheet › cell); a session
// may be planned ahead, but its sign-in accepts only 请假 before its day; `doctor` lists what is stored so.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const NOW = '2026-03-15';
const run = (args: string[], now = NOW) => runCli(args, { cwd: dir, now });
async function ok(args: string[], now = NOW) {
  const r = await run(args, now);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}
const json = async (args: string[], now = NOW) => JSON.parse((await ok(['--json', ...args], now)).stdout);
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const evidenceRows = () => query<{ n: number }>(dir, `SELECT (SELECT count(*) FROM self_study) + (SELECT count(*) FROM lectures) + (SELECT count(*) FROM readings)
  + (SELECT count(*) FROM writings) + (SELECT count(*) FROM research) + (SELECT count(*) FROM talks) + (SELECT count(*) FROM trainings)
  + (SELECT count(*) FROM exams) + (SELECT count(*) FROM exchanges) AS n`)[0]!.n;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await ok(['member', 'add', '--name', '张三', '--from', '2026-01-01']);
  await ok(['member', 'add', '--name', '李四', '--from', '2026-01-01']);
});
afterEach(() => cleanup());

describe('log refuses evidence dated after today', () => {
  it.each([
    ['self-study', ['--date', '2026-03-16', '--hours', '1'], '--date', '日期 2026-03-16'],
    ['lecture', ['--date', '2026-04-01', '--title', '数字财政'], '--date', '日期 2026-04-01'],
    ['book', ['--title', '之江新语', '--category', '政治理论', '--finished', '2026-03-16'], '--finished', '读完日期 2026-03-16'],
    ['writing', ['--kind', '心得体会', '--title', '有感', '--chars', '1500', '--date', '2026-12-31'], '--date', '完成日期 2026-12-31'],
    ['talk', ['--kind', '理论宣讲', '--date', '2026-03-20', '--topic', '全会精神'], '--date', '日期 2026-03-20'],
    ['research', ['--from', '2026-03-14', '--to', '2026-03-17'], '--to', '结束日期 2026-03-17'],
    ['training', ['--name', '业务培训', '--from', '2026-03-16', '--to', '2026-03-18'], '--from', '开始日期 2026-03-16'],
    ['exam', ['--name', '理论考试', '--date', '2026-03-16', '--score', '90'], '--date', '日期 2026-03-16'],
    ['exchange', ['--date', '2026-03-16', '--book', '之江新语'], '--date', '日期 2026-03-16'],
  ])('log %s after today: exit 2, the flag named, nothing stored', async (kind, flags, flag, what) => {
    const r = await run(['log', kind, '--member', '张三', ...(flags as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${flag}：${what} 在今天（2026-03-15）之后：还没有发生的事不能登记为已完成`);
    expect(evidenceRows()).toBe(0);
    expect(query(dir, "SELECT count(*) AS n FROM batches WHERE command LIKE 'log %'")).toEqual([{ n: 0 }]);
  });

  it('today itself is fine, and so is the default date (today)', async () => {
    expect(await json(['log', 'self-study', '--member', '张三', '--hours', '1'])).toMatchObject({ values: { date: NOW } });
    expect(await json(['log', 'lecture', '--member', '张三', '--date', NOW, '--title', 'A'])).toMatchObject({ values: { date: NOW } });
    expect(evidenceRows()).toBe(2);
  });
});

describe('the reading room records loans and returns once they happened', () => {
  it('lend or return --date after today: exit 2 naming --date, nothing stored', async () => {
    await ok(['books', 'add', '--title', '之江新语', '--category', '政治理论']);
    const lend = await run(['lend', '之江新语', '张三', '--date', '2026-03-16']);
    expect(lend.code).toBe(2);
    expect(lend.stderr).toContain('--date：日期 2026-03-16 在今天（2026-03-15）之后');
    expect(query(dir, 'SELECT count(*) AS n FROM loans')).toEqual([{ n: 0 }]);
    await ok(['lend', '之江新语', '张三', '--date', '2026-03-01']);
    const back = await run(['return', '之江新语', '--date', '2026-04-01', '--log-read']);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('--date：日期 2026-04-01 在今天（2026-03-15）之后');
    expect(query(dir, 'SELECT returned_on FROM loans')).toEqual([{ returned_on: null }]);
    expect(query(dir, 'SELECT count(*) AS n FROM readings')).toEqual([{ n: 0 }]);
  });
});

describe('the ledger import refuses rows dated after today', () => {
  it('names file › sheet › cell and writes nothing; --skip-invalid keeps only the past rows', async () => {
    const file = join(dir, '台账.xlsx');
    await writeXlsx(file, [
      { name: '听课', rows: [['姓名', '日期', '课程题目'], ['张三', d('2026-03-12'), '已听'], ['李四', d('2026-04-01'), '还没听']] },
      { name: '读书', rows: [['姓名', '书名', '类别', '读完日期'], ['张三', '之江新语', '政治理论', '2026/3/20']] },
    ]);
    const r = await run(['import', '--kind', 'ledger', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('台账.xlsx › 听课 › B3：日期 2026-04-01 在今天（2026-03-15）之后');
    expect(r.stderr).toContain('台账.xlsx › 读书 › D2：读完日期 2026-03-20 在今天（2026-03-15）之后');
    expect(evidenceRows()).toBe(0);
    const skip = await run(['--json', 'import', '--kind', 'ledger', file, '--skip-invalid']);
    expect(skip.code).toBe(0);
    expect(query(dir, 'SELECT title, date FROM lectures')).toEqual([{ title: '已听', date: '2026-03-12' }]);
    expect(query(dir, 'SELECT count(*) AS n FROM readings')).toEqual([{ n: 0 }]);
  });
});

describe('a session after today: planned, but only 请假 before its day', () => {
  let id: number;
  beforeEach(async () => {
    id = (await json(['session', 'add', '--type', '集中学习', '--date', '2026-03-20', '--topic', '学习党章'])).id;
  });

  it('session add for a future day is allowed', async () => {
    expect(await json(['session', 'show', String(id)])).toMatchObject({ date: '2026-03-20', counts: { expected: 2, unmarked: 2 } });
  });

  it('checkin --present / --late / --absent / --absent-rest for it is refused, exit 2, nothing stored', async () => {
    for (const flags of [['--present', '张三'], ['--late', '张三'], ['--absent', '李四'], ['--excused', '张三:病假', '--absent-rest']]) {
      const r = await run(['checkin', String(id), ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain('还没有举行（今天是 2026-03-15）：只能预先登记请假（--excused）');
    }
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
  });

  it('checkin --excused for it is registered in advance', async () => {
    await ok(['checkin', String(id), '--excused', '张三:公假:出差']);
    const s = await json(['session', 'show', String(id)]);
    expect(s.attendance.find((a: { name: string }) => a.name === '张三')).toMatchObject({ status: 'excused', excuseKind: '公假', reason: '出差' });
    // On the day, the rest can be signed in.
    await ok(['checkin', String(id), '--present', '李四'], '2026-03-20');
    expect((await json(['session', 'show', String(id)], '2026-03-20')).counts).toMatchObject({ present: 1, excused: 1 });
  });

  it('a sign-in sheet for it: 出席 is refused by cell; a sheet with only 请假 goes in, blanks stay unmarked', async () => {
    await ok(['sheet', String(id), 's.xlsx']);
    const fill = async (marks: Record<string, string>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 's.xlsx'));
      wb.getWorksheet('签到表')!.eachRow((row) => {
        const m = marks[String(row.getCell(2).value)];
        if (m) row.getCell(4).value = m;
      });
      await wb.xlsx.writeFile(join(dir, 's.xlsx'));
    };
    await fill({ 张三: '出席', 李四: '病假' });
    const bad = await run(['import', '--kind', 'signin', 's.xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/s\.xlsx › 签到表 › D\d+：活动 #\d+（2026-03-20）还没有举行（今天是 2026-03-15）：只能预先登记请假/);
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
    await fill({ 张三: ' ', 李四: '病假' });
    await ok(['import', '--kind', 'signin', 's.xlsx']);
    expect(query(dir, 'SELECT member_id, status, excuse_kind FROM attendance')).toEqual([{ member_id: 2, status: 'excused', excuse_kind: '病假' }]);
  });
});

describe('doctor lists future-dated records already stored', () => {
  it('records entered while the clock was ahead are listed with the member and the dates; exit 1', async () => {
    const later = '2026-05-01';
    await ok(['log', 'lecture', '--member', '张三', '--date', '2026-04-20', '--title', 'A'], later);
    await ok(['log', 'research', '--member', '张三', '--from', '2026-03-10', '--to', '2026-04-02'], later);
    const s = (await json(['session', 'add', '--type', '集中学习', '--date', '2026-04-10', '--topic', 'B'], later)).id;
    await ok(['checkin', String(s), '--present', '李四', '--excused', '张三:事假'], later);
    const r = await run(['--json', 'doctor']);
    expect(r.code).toBe(1);
    const check = JSON.parse(r.stdout).checks.find((c: { id: string }) => c.id === 'future-dated');
    expect(check).toMatchObject({ ok: false });
    expect(check.problems).toEqual([
      '张三（编号 #1）有 1 条听课记录日期在今天（2026-03-15）之后（2026-04-20）',
      '张三（编号 #1）有 1 条调研记录日期在今天（2026-03-15）之后（2026-04-02）',
      '李四（编号 #2）有 1 条签到（请假以外）记录日期在今天（2026-03-15）之后（2026-04-10）',
    ]);
    const text = await run(['doctor']);
    expect(text.stdout).toContain('✗ 没有把今天以后的事记成已完成');
    // On a later day the same records are fine.
    const after = JSON.parse((await run(['--json', 'doctor'], later)).stdout).checks.find((c: { id: string }) => c.id === 'future-dated');
    expect(after).toMatchObject({ ok: true, problems: [] });
  });
});
