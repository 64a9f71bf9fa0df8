// On a terminal, undo and restore say what they will do and ask first; "no" changes nothing.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { fullDump } from '../helpers/dump.js';
import { KEY, runTty } from '../helpers/tty.js';

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  expect((await runCli(['member', 'add', '--name', '张三', '--phone', '13812345678'], { cwd: dir })).code).toBe(0);
});
afterEach(() => cleanup());

describe('undo and restore on a terminal', () => {
  it('undo shows the batch and asks; n keeps everything', async () => {
    const before = fullDump(dir);
    const t = runTty(['undo'], { cwd: dir });
    await t.step('确认撤销吗', ['n', KEY.enter]);
    const r = await t.done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('将撤销第 2 次写入：2026-11-22 09:00:00 member add --name 张三 --phone 138****5678（新增 1，修改 0，删除 0）');
    expect(r.stderr).toContain('已取消，未做任何修改');
    expect(fullDump(dir)).toEqual(before);
  });

  it('undo: y takes it back', async () => {
    const t = runTty(['undo'], { cwd: dir });
    await t.step('确认撤销吗', ['y', KEY.enter]);
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已撤销第 2 次写入');
    expect(fullDump(dir).members!.rows).toEqual([]);
  });

  it('restore describes the backup and asks', async () => {
    expect((await runCli(['backup', 'b.db'], { cwd: dir })).code).toBe(0);
    const t = runTty(['restore', join(dir, 'b.db')], { cwd: dir });
    await t.step('替换当前数据库', ['n', KEY.enter]);
    const r = await t.done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 名人员，2 次写入记录');
  });
});
