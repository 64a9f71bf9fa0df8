// `rules calendar` as the way to add a year chinese-days does not know (issue 19): the ready-made example
// file, enabling it (its 说明 shown, so an unedited example is visible), and the audit before and after.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarExampleFile } from '../../src/io/ruleSetFile.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2027-01-05' });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
});
afterEach(() => cleanup());

describe('rules calendar --example', () => {
  it('writes the example year, which then covers 2027 in the audit', async () => {
    const before = JSON.parse((await run('--json', 'audit', '--member', '张三', '--rule', 'P1-daily')).stdout);
    expect(before.calendarNote).toContain('2027 年的法定节假日数据未收录');
    expect(before.calendarNote).toContain('shuxiang rules calendar');

    const made = await run('rules', 'calendar', '--example', '2027节假日.json');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`已生成工作日调整文件的示例：${join(dir, '2027节假日.json')}（2027 年，为演示格式虚构的安排）。\n`);
    expect(made.stderr).toContain('再运行 shuxiang rules calendar 2027节假日.json 启用');
    expect(readFileSync(join(dir, '2027节假日.json'), 'utf8')).toBe(readFileSync(calendarExampleFile(), 'utf8'));

    const again = await run('rules', 'calendar', '--example', '2027节假日.json');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已经存在');

    const used = await run('rules', 'calendar', '2027节假日.json');
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toContain('（放假 29 天，调休上班 5 天）');
    expect(used.stdout).toContain('调整文件的说明：示例：以下 2027 年安排是为演示格式虚构的，不是官方安排。');
    expect(used.stdout).not.toContain('尚未收录：2027');

    // January 2027: 21 weekdays, less 元旦 on Friday the 1st = 20.
    const after = JSON.parse((await run('--json', 'audit', '--member', '张三', '--rule', 'P1-daily')).stdout);
    expect(after.verdicts[0].required).toEqual({ hours: 20, noteDays: 20 });
    expect(after.calendarNote).toBeUndefined();
  });

  it('needs no database and says where it cannot write', async () => {
    const { dir: empty, cleanup: done } = tempDir();
    try {
      const r = await runCli(['rules', 'calendar', '--example', join('没有这个文件夹', 'x.json')], { cwd: empty });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('无法写入');
      expect(existsSync(join(empty, 'shuxiang.db'))).toBe(false);
    } finally {
      done();
    }
  });
});

describe('the README shows the file rules calendar --example writes', () => {
  it('the JSON in README.md is the shipped example, labelled as not official', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const shown = /```json\n(\{\n {2}"说明"[\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(JSON.parse(shown!)).toEqual(JSON.parse(readFileSync(calendarExampleFile(), 'utf8')));
    expect(readme).toContain('下面的 2027 年日期是为演示格式虚构的示例，不是官方安排');
  });
});
