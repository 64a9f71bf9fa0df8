// Values typed on the command line that are odd rather than plainly wrong: numbers too large for SQLite
// or an array, empty or hex numbers, a session moved after today with sign-ins on it, an input file the
// user may not read. Each is exit 2 with a Chinese message naming the flag, argument or file, and
// nothing is written.
import { chmodSync, chownSync, copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { useDemo } from '../helpers/demo.js';

const NOW = '2026-11-20';
const demo = useDemo(NOW);
const db = () => join(demo.dir(), 'd');
const run = (...args: string[]) => demo.run(args);
const HUGE = '99999999999999999999';

/** Exit 2 naming `what`, never the internal-error wording. */
function refused(r: CliResult, what: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(what);
  expect(r.stderr).not.toContain('内部错误');
  expect(r.stderr).not.toMatch(/\bat \S+ \(/);
}

describe('numbers too large for SQLite or an array', () => {
  it('history -n beyond any count is exit 2 naming --limit (was exit 70, datatype mismatch)', async () => {
    refused(await run('history', '-n', HUGE), '--limit');
    refused(await run('history', '--limit', '1e30'), '--limit');
    expect((await run('--json', 'history', '-n', '２')).code).toBe(0);
    expect(JSON.parse((await run('--json', 'history', '-n', '２')).stdout).batches).toHaveLength(2);
  });

  it('record numbers given as arguments are range-checked: session, book, batch, evidence item, member', async () => {
    for (const args of [['session', 'show', HUGE], ['session', 'edit', HUGE, '--place', 'x'], ['session', 'remove', HUGE], ['sheet', HUGE]]) {
      refused(await run(...args), '活动编号“');
      refused(await run(...args), '这个数太大');
    }
    refused(await run('books', 'show', `#${HUGE}`), '编号是从 1 开始的整数，这个数太大');
    refused(await run('log', 'remove', `self-study:${HUGE}`), '记录编号“self-study:');
    refused(await run('member', 'show', `#${HUGE}`), '人员编号');
    refused(await run('undo', HUGE, '--yes', '--no-backup'), '这个数太大');
    for (const id of ['1e30', '0x2', '']) refused(await run('undo', id, '--yes', '--no-backup'), `编号“${id}”无效`);
    expect(query(db(), 'SELECT count(*) AS n FROM batches')).toEqual([{ n: 4 }]);
  });
});

describe('empty, hex and exponent numbers after a flag', () => {
  it('log talk --audience "" is refused and keeps the audience already recorded', async () => {
    const talk = ['log', 'talk', '--member', '张伟', '--kind', '理论宣讲', '--topic', '测试', '--date', '2026-11-18'];
    expect((await run(...talk, '--audience', '30')).code).toBe(0);
    for (const v of ['', '  ', '0x10', '1e2', '30人']) refused(await run(...talk, '--audience', v), '--audience');
    const row = query<{ audience: number }>(db(), "SELECT audience FROM talks WHERE topic = '测试'");
    expect(row).toEqual([{ audience: 30 }]);
  });

  it('log research --days "" and books add/edit --copies "" are refused, not taken as absent', async () => {
    const e = await run('log', 'research', '--member', '张伟', '--date', '2026-11-18', '--days', '');
    refused(e, '--days');
    expect(e.stderr).toContain('天数没有填写');
    refused(await run('books', 'add', '--title', '空册数', '--copies', ''), '--copies');
    refused(await run('books', 'edit', '#1', '--copies', ''), '--copies');
    refused(await run('books', 'edit', '#1', '--copies', '0x3'), '--copies');
    refused(await run('books', 'list', '--required', ''), '--required');
    expect(query(db(), "SELECT count(*) AS n FROM books WHERE title = '空册数'")).toEqual([{ n: 0 }]);
  });

  it('session add --hours 0x10 is refused (was stored as 16); full-width digits are read', async () => {
    const add = ['session', 'add', '--type', '集中学习', '--date', '2026-11-18'];
    for (const v of ['0x10', '1e1', '', ' ', '２小时']) refused(await run(...add, '--hours', v, '--topic', `十六进制${v}`), '--hours');
    expect(query(db(), "SELECT count(*) AS n FROM sessions WHERE topic LIKE '十六进制%'")).toEqual([{ n: 0 }]);
    const ok = await run('--json', ...add, '--hours', '１.５', '--topic', '全角学时');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ hours: 1.5 });
  });

  it('--top, lend --days, -n and --year take decimal digits only', async () => {
    refused(await run('rank', '--top', '0x10'), '--top');
    refused(await run('rank', '--top', ''), '--top');
    refused(await run('history', '-n', '0x3'), '--limit');
    refused(await run('history', '-n', ''), '--limit');
    refused(await run('lend', '之江新语', '张伟', '--days', '0x10'), '--days');
    refused(await run('lend', '之江新语', '张伟', '--days', ''), '--days');
    refused(await run('books', 'require', '--year', '0x7EA'), '--year');
    refused(await run('plan', 'show', '--year', '2.026e3'), '--year');
    refused(await run('rank', '--year', '0x7EA'), '--year');
    expect((await run('rank', '--top', '３')).code).toBe(0);
    expect(query(db(), 'SELECT count(*) AS n FROM loans WHERE returned_on IS NULL AND lent_on = ?', NOW)).toEqual([{ n: 0 }]);
  });
});

describe('a session moved after today', () => {
  it('is refused while 出席/迟到/缺席 sign-ins are on it, and the date stays', async () => {
    const before = query<{ date: string }>(db(), 'SELECT date FROM sessions WHERE id = 1');
    const n = query<{ n: number }>(db(), "SELECT count(*) AS n FROM attendance WHERE session_id = 1 AND status <> 'excused'")[0]!.n;
    expect(n).toBeGreaterThan(0);
    const r = await run('session', 'edit', '1', '--date', '2026-12-01');
    refused(r, '--date');
    expect(r.stderr).toContain(`已有 ${n} 人签到为出席、迟到或缺席`);
    expect(r.stderr).toContain('只能登记请假');
    expect(query(db(), 'SELECT date FROM sessions WHERE id = 1')).toEqual(before);
  });

  it('may move when only 请假 is registered', async () => {
    const s = JSON.parse((await run('--json', 'session', 'add', '--type', '集中学习', '--date', '2026-11-19', '--topic', '只有请假')).stdout);
    expect((await run('checkin', String(s.id), '--excused', '张伟:病假')).code).toBe(0);
    const r = await run('--json', 'session', 'edit', String(s.id), '--date', '2026-12-01');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-12-01', changed: true });
  });
});

/** Runs the CLI as user `nobody` (65534): natively when not root, else by switching the effective uid of
 * this worker process for the one command (vitest's forks pool: the worker is its own process). */
const asRoot = process.getuid?.() === 0;
const canDrop = !asRoot || (isMainThread && typeof process.seteuid === 'function');

async function asNobody(args: string[], cwd: string): Promise<CliResult> {
  if (!asRoot) return runCli(args, { cwd, now: NOW });
  process.seteuid!(65534);
  try {
    return await runCli(args, { cwd, now: NOW });
  } finally {
    process.seteuid!(0);
  }
}

describe('an input file that cannot be read', () => {
  it('a path through a file is “not a folder”, not a missing file', async () => {
    const r = await run('import', join(db(), 'shuxiang.db', 'r.xlsx'), '--dry-run');
    refused(r, '路径中有一段是文件而不是文件夹');
  });

  it.skipIf(!canDrop)('a file without read permission says so (not 没有写权限); so does a folder that cannot be entered', async () => {
    const work = join(demo.dir(), 'unreadable');
    mkdirSync(join(work, 'closed'), { recursive: true });
    for (const f of readdirSync(db())) if (f.startsWith('shuxiang.db')) copyFileSync(join(db(), f), join(work, f));
    copyFileSync(join(db(), '示例花名册.xlsx'), join(work, 'r.xlsx'));
    copyFileSync(join(db(), '示例花名册.xlsx'), join(work, 'closed', 'r.xlsx'));
    writeFileSync(join(work, 'essay.txt'), '学习心得');
    // Loads every module the runs below need while they can still be read.
    expect((await runCli(['--db', join(work, 'shuxiang.db'), 'import', join(work, 'r.xlsx'), '--dry-run'], { cwd: work, now: NOW })).code).toBe(0);
    if (asRoot) {
      for (const f of readdirSync(work)) chownSync(join(work, f), 65534, 65534);
      chmodSync(demo.dir(), 0o755);
      chmodSync(work, 0o777);
    }
    chmodSync(join(work, 'r.xlsx'), 0o000);
    chmodSync(join(work, 'essay.txt'), 0o000);
    chmodSync(join(work, 'closed'), 0o000);
    try {
      const file = await asNobody(['--db', join(work, 'shuxiang.db'), 'import', join(work, 'r.xlsx'), '--dry-run'], work);
      refused(file, `无法读取 ${join(work, 'r.xlsx')}：没有读取权限`);
      expect(file.stderr).not.toContain('写权限');
      const folder = await asNobody(['--db', join(work, 'shuxiang.db'), 'import', join(work, 'closed', 'r.xlsx'), '--dry-run'], work);
      refused(folder, `所在的文件夹 ${join(work, 'closed')} 没有访问权限`);
      expect(folder.stderr).not.toContain('找不到文件');
      const listing = await asNobody(['--db', join(work, 'shuxiang.db'), 'books', 'import', join(work, 'closed'), '--dry-run'], work);
      refused(listing, `无法读取 ${join(work, 'closed')}`);
      const essay = await asNobody(['--db', join(work, 'shuxiang.db'), 'log', 'writing', '--member', '张伟', '--kind', '心得体会', '--date', '2026-11-18', '--file', join(work, 'essay.txt')], work);
      refused(essay, '没有读取权限');
      if (process.env.FV_DEBUG) console.log([file, folder, listing, essay].map((x) => x.stderr).join('\n----\n'));
    } finally {
      chmodSync(join(work, 'closed'), 0o700);
      expect(statSync(join(work, 'closed')).isDirectory()).toBe(true);
    }
  });
});
