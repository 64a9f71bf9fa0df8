// An undo or a restore whose output then cannot be written (stdout on a full disk, /dev/full) says it was
// done and not to repeat it (hunt 2026-12-04): it removes a batch instead of adding one, so "the change was
// saved" was never said, and retrying as told undid a second batch.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
let dir: string;
let cleanup: () => void;
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { cwd: dir, env: { ...process.env, SHUXIANG_NOW: '2026-05-20' }, encoding: 'utf8' });

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  expect((await runCli(['member', 'add', '--name', '张三'], { cwd: dir, now: '2026-05-20' })).code).toBe(0);
  expect((await runCli(['member', 'add', '--name', '李四'], { cwd: dir, now: '2026-05-20' })).code).toBe(0);
});
afterEach(() => cleanup());

describe('done, then the output fails', () => {
  it('undo: said as undone, not to be repeated; only one batch taken back', async () => {
    const before = (await runCli(['--json', 'history'], { cwd: dir, now: '2026-05-20' })).stdout;
    const r = sh(`${q(process.execPath)} ${q(BIN)} undo --yes > /dev/full`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/但第 \d+ 次写入（member add）已经撤销，不要重复执行/);
    const after = JSON.parse((await runCli(['--json', 'history'], { cwd: dir, now: '2026-05-20' })).stdout);
    expect(after.length ?? after.batches?.length).toBe((JSON.parse(before).length ?? JSON.parse(before).batches?.length) - 1);
  });
});
