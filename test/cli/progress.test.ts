// Progress on long runs (issue 19), through the real CLI on a fake terminal: the roster import shows rows
// read and written, the ledger import the entries written, report and rank their stages — each line
// erased before the result is printed. Nothing of it without a terminal or with --json.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { freshDatabaseEachTest, runCli } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

const tmp = freshDatabaseEachTest();

const CLEAR = '\r\u001b[K';

/** `shuxiang …args` with stderr a terminal 100 columns wide; counts show at once (no 1 s wait). */
async function onTerminal(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let err = '';
  let out = '';
  const stderr = { isTTY: true, columns: 100, write: (s: string) => ((err += s), true) };
  const stdout = { isTTY: false, write: (s: string) => ((out += s), true) };
  const code = await main(args, {
    stdout, stderr, stdin: new PassThrough(), cwd: tmp.dir,
    env: { PATH: process.env.PATH, NO_COLOR: '1', SHUXIANG_NOW: '2026-11-22', SHUXIANG_PROGRESS_DELAY_MS: '0', ...env },
  });
  return { code, stdout: out, stderr: err };
}

/** The progress texts drawn, in order: what stands between two erase sequences (messages end in a newline). */
function drawn(stderr: string): string[] {
  return stderr.split(CLEAR).slice(1, -1).filter((p) => p && !p.includes('\n'));
}

/** No progress text is left on the screen: after the last erase only whole lines (or nothing) follow. */
function alwaysErased(stderr: string): boolean {
  const last = stderr.split(CLEAR).at(-1)!;
  return stderr.includes(CLEAR) && (last === '' || last.endsWith('\n'));
}

/** Distinct names for up to 100 people: 王建国, 李建国, … 王秀英, … */
const nameOf = (i: number) => '王李张刘陈杨黄赵周吴'[i % 10]! + ['建国', '秀英', '志强', '丽华', '海涛', '春梅', '德明', '玉兰', '文博', '晓燕'][Math.floor(i / 10)]!;

async function roster(rows: number): Promise<string> {
  const file = join(tmp.dir, '花名册.xlsx');
  const people = Array.from({ length: rows }, (_, i) => [nameOf(i), i % 2 ? '男' : '女', '机关第一党支部']);
  await writeXlsx(file, [{ name: '花名册', rows: [['姓名', '性别', '所在支部'], ...people] }]);
  return file;
}

describe('progress on a terminal', () => {
  it('the roster import shows the rows read and written, then erases the line', async () => {
    const r = await onTerminal(['import', await roster(40), '--no-backup']);
    expect(r.code, r.stderr).toBe(0);
    const lines = drawn(r.stderr);
    expect(lines[0]).toBe('读取 花名册.xlsx…');
    expect(lines).toContain('已读取 花名册.xlsx：40 行');
    expect(lines.some((l) => /^写入：\d+ \/ 40 行$/.test(l))).toBe(true);
    expect(alwaysErased(r.stderr)).toBe(true);
    expect(r.stdout).toContain('40');
  });

  it('report and rank show their stages (判定、工作表、Word)', async () => {
    await onTerminal(['import', await roster(5), '--no-backup']);
    const rep = await onTerminal(['report', '--year', '2026', '--xlsx', '--docx']);
    expect(rep.code, rep.stderr).toBe(0);
    expect(drawn(rep.stderr)).toEqual(['判定各项指标…', '生成工作表（学习台账 .xlsx）…', '生成 Word（工作总结）…']);
    expect(alwaysErased(rep.stderr)).toBe(true);
    const rank = await onTerminal(['rank', '--year', '2026', '--xlsx', '--docx']);
    expect(rank.code, rank.stderr).toBe(0);
    expect(drawn(rank.stderr)).toEqual(['判定与计分…', '生成工作表（评比计分表 .xlsx）…', '生成 Word（表彰名单和荣誉证书）…']);
    expect(alwaysErased(rank.stderr)).toBe(true);
  }, 60_000);

  it('the ledger import counts the entries written', async () => {
    await onTerminal(['import', await roster(3), '--no-backup']);
    const ledger = join(tmp.dir, '台账.xlsx');
    await writeXlsx(ledger, [{ name: '自学', rows: [['姓名', '日期', '学时', '内容'], [nameOf(0), '2026-03-02', 1, '理论学习'], [nameOf(1), '2026-03-03', 2, '理论学习']] }]);
    const r = await onTerminal(['import', '--kind', 'ledger', ledger, '--no-backup']);
    expect(r.code, r.stderr).toBe(0);
    expect(drawn(r.stderr)[0]).toBe('读取 台账.xlsx…');
    expect(drawn(r.stderr).some((l) => /^写入：\d \/ 2 条$/.test(l))).toBe(true);
    expect(alwaysErased(r.stderr)).toBe(true);
  });

  it('an error is printed on a line of its own', async () => {
    const r = await onTerminal(['import', join(tmp.dir, '没有这个文件.xlsx'), '--no-backup']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\r\u001b\[K读取 没有这个文件\.xlsx…\r\u001b\[K错误：/);
  });
});

describe('no progress without a person watching', () => {
  it('nothing with --json, with -q, or when stderr is not a terminal', async () => {
    const file = await roster(10);
    for (const args of [['--json', 'import', file, '--no-backup'], ['-q', 'report', '--year', '2026', '--xlsx']]) {
      const r = await onTerminal(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('\r');
      expect(r.stderr).not.toContain('\u001b[K');
    }
    const piped = await runCli(['report', '--year', '2026', '--xlsx', '--docx'], { cwd: tmp.dir, env: { SHUXIANG_PROGRESS_DELAY_MS: '0' } });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).not.toContain('判定');
  });
});
