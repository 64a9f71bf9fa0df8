// Issue 14, "smaller things seen on the way": an audit of a year with no records stops and says so; a
// plan link to another month asks for --force; session list says 未签到 rather than 0.0%; init --db of a
// folder says it is a folder; a lock held by another program says so; a CSV with only a header row says
// there is no one to import.
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (args: string[], env?: Record<string, string>) => runCli(args, { cwd: dir, now: '2026-11-22', env });
async function ok(...args: string[]) {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
}
const json = async (...args: string[]) => JSON.parse((await ok('--json', ...args)).stdout);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三' }, { name: '李四' }]);
});
afterEach(() => cleanup());

describe('audit --as-of a year with no records', () => {
  it('says that year has no records, names the years that have, and stops with exit 2', async () => {
    await ok('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A');
    await ok('log', 'self-study', '--member', '张三', '--hours', '1', '--date', '2026-03-10');
    const r = await run(['audit', '--as-of', '2025-06-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025 年没有任何记录（学习活动、签到、学习记录都没有），无法检查。');
    expect(r.stderr).toContain('有记录的年度：2026');
    expect(r.stdout).toBe('');
    const y = await run(['audit', '--year', '2024']);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('2024 年没有任何记录');
    // The year that has records is audited as before (gaps → exit 1), and so is the current year even
    // before anything is recorded in it (the clock says 2027-01-04 here).
    expect((await run(['audit', '--as-of', '2026-06-30'])).code).toBe(1);
    const fresh = await runCli(['audit', '--as-of', '2027-01-04'], { cwd: dir, now: '2027-01-04' });
    expect(fresh.stderr).not.toContain('没有任何记录');
    // A year held only by a record of another kind (an article of 2024) is audited: every kind counts.
    await ok('log', 'writing', '--member', '李四', '--kind', '心得体会', '--title', '心得', '--chars', '900', '--date', '2024-05-06');
    const only = await run(['audit', '--year', '2024']);
    expect(only.stderr).not.toContain('没有任何记录');
    expect(only.code).toBe(1);
    expect((await run(['audit', '--year', '2023'])).stderr).toContain('有记录的年度：2024、2026');
  });
});

describe('plan link to another month', () => {
  it('a March session linked to August asks for --force; with it, it is linked', async () => {
    const s = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A')).id;
    const file = join(dir, '计划.xlsx');
    await writeXlsx(file, [{ name: '学习计划', rows: [['2026年度学习计划'], ['序号', '月份', '学习主题', '形式'], [1, '2026-03', '三月主题', '集中学习'], [2, '2026-08', '八月主题', '集中学习']] }]);
    await ok('import', '--kind', 'plan', file);
    const r = await run(['plan', 'link', String(s), '--month', '2026-08']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`活动 #${s} 是 2026-03-10 举行的，不在 2026-08`);
    expect(r.stderr).toContain('--force');
    expect(query(dir, 'SELECT count(*) AS n FROM plan_links')).toEqual([{ n: 0 }]);
    expect(await json('plan', 'link', String(s), '--month', '2026-08', '--force')).toMatchObject({ sessionId: s, month: '2026-08', changed: true });
    expect(await json('plan', 'link', String(s), '--month', '2026-03')).toMatchObject({ month: '2026-03' });
  });
});

describe('session list', () => {
  it('shows 未签到 for a session nobody has been signed in for, and the rate once they are', async () => {
    const a = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '已签到')).id;
    await json('session', 'add', '--type', '集中学习', '--date', '2026-03-12', '--topic', '没签到');
    await ok('checkin', String(a), '--present', '张三', '--absent', '李四');
    const r = await ok('session', 'list');
    const line = (topic: string) => r.stdout.split('\n').find((l) => l.includes(topic))!;
    expect(line('没签到')).toMatch(/未签到\s*$/);
    expect(line('没签到')).not.toContain('0.0%');
    expect(line('已签到')).toMatch(/50\.0%\s*$/);
    const listed = await json('session', 'list');
    expect(listed.find((s: { topic: string }) => s.topic === '没签到').counts).toMatchObject({ expected: 2, unmarked: 2 });
  });
});

describe('files and locks', () => {
  it('init --db a folder says the path is a folder, exit 2', async () => {
    mkdirSync(join(dir, '数据'));
    const r = await run(['init', '--db', '数据', '--organ', '机关', '--branch', '一支部', '--year', '2026', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是一个文件夹，不是数据库文件');
    expect(r.stderr).toContain('数据/shuxiang.db');
    expect(r.stderr).not.toContain('已经存在');
  });

  it('init --db in a folder that is not there says so in Chinese (exit 3), no errno text', async () => {
    const r = await run(['init', '--db', join('没有这个文件夹', 'shuxiang.db'), '--organ', '机关', '--branch', '一支部', '--year', '2026', '--yes']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('所在文件夹不存在');
    expect(r.stderr).not.toMatch(/ENOENT|no such file/);
  });

  it('a lock held by another program says so (not “另一个 shuxiang 进程”), exit 3, nothing written', async () => {
    const other = new Database(join(dir, 'shuxiang.db'));
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const r = await run(['member', 'add', '--name', '王五'], { SHUXIANG_BUSY_TIMEOUT_MS: '200' });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('数据库正被其他程序占用');
      expect(r.stderr).not.toContain('另一个 shuxiang 进程');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect(query(dir, "SELECT count(*) AS n FROM members WHERE name = '王五'")).toEqual([{ n: 0 }]);
  });

  it('a roster CSV with only a header row says there is no one to import, exit 2', async () => {
    writeFileSync(join(dir, '花名册.csv'), '\ufeff姓名,职务,所在支部\n');
    const r = await run(['import', '花名册.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('花名册.csv 只有表头，没有可导入的人员');
    writeFileSync(join(dir, '空行.csv'), '\ufeff姓名,职务\n,\n\n');
    const blank = await run(['import', '空行.csv']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('空行.csv 只有表头，没有可导入的人员');
    expect(query(dir, 'SELECT count(*) AS n FROM members')).toEqual([{ n: 2 }]);
  });
});

describe('hunt 2026-12-04: small things said wrong', () => {
  it('the --phone hint is not itself masked into 138****5678', async () => {
    const r = await run(['member', 'edit', '张三', '--phone', '12345']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请写成 11 位手机号，或带区号的座机号（如 010-12345678）');
    expect(r.stderr).not.toContain('****');
  });

  it('backup 文件夹/ (a folder, made or not) is refused as a folder, not written beside it as 文件夹.db', async () => {
    const r = await run(['backup', 'U盘备份/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/U盘备份 是一个文件夹，请指定备份文件名/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'U盘备份.db'))).toBe(false);
  });

  it("doctor's fix for an impossible 入党时间 does not point to --from (the 转入日期)", async () => {
    const db = new Database(join(dir, 'shuxiang.db'));
    db.prepare("UPDATE members SET birth_date = '1990-01-01', join_party_date = '2000-01-01' WHERE name = '张三'").run();
    db.close();
    const r = await run(['doctor']);
    expect(r.stdout).toMatch(/入党时间、转正时间请在花名册 Excel 中改好后重新导入/);
    expect(r.stdout).toContain('注意 --from 改的是转入日期');
  });
});
