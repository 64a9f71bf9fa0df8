// Personal numbers masked at the source (issue 16): rosters whose ID and phone columns go by other
// headers, free text holding a number, and error messages that repeat what the user typed — all
// masked on stdout and stderr by the one filter (runCli's scanner checks every run; the raw numbers
// are also looked for directly, for the shapes the scanner does not know).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { makeId } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir });
const ID = makeId('19610119', 101, '310104');
const MOBILE = '13034762283';
const OFFICE = '13998765432';
const HOME = '13912345678';
const RAW = [ID, MOBILE, OFFICE, HOME, '3101041961101910061', '13812345678', '310104196110191006'];

function noRawNumbers(r: { stdout: string; stderr: string }): void {
  for (const n of RAW) {
    expect(r.stdout, n).not.toContain(n);
    expect(r.stderr, n).not.toContain(n);
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await writeXlsx(join(dir, '花名册.xlsx'), [{
    name: '花名册',
    rows: [['姓名', '性别', '公民身份证号码', '移动电话', '办公电话', '家庭住址'], ['张三', '男', ID, MOBILE, OFFICE, `某路1号 电话${HOME}`]],
    numFmt: { 3: '@', 4: '@', 5: '@' },
  }]);
  const r = await cli(['import', '花名册.xlsx']);
  expect(r.code, r.stderr).toBe(0);
  noRawNumbers(r);
  expect((await cli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'])).code).toBe(0);
});
afterAll(() => cleanup());

describe('rosters with other headers: the ID and phone are the fields, and every kept number is masked', () => {
  it.each([[['member', 'show', '张三']], [['--json', 'member', 'show', '张三']], [['--json', 'member', 'list']], [['member', 'list']], [['history']]])('%j', async (args) => {
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    noRawNumbers(r);
  });

  it('公民身份证号码 and 移动电话 filled the fields (shown in full with --reveal)', async () => {
    const r = await cli(['--json', 'member', 'show', '张三', '--reveal']);
    const m = JSON.parse(r.stdout);
    expect(m.idCard).toBe(ID);
    expect(m.phone).toBe(MOBILE);
    expect(m.extra['办公电话']).toBe(OFFICE);
  });

  it('import --dry-run of a changed phone shows it masked', async () => {
    await writeXlsx(join(dir, '改.xlsx'), [{ name: '花名册', rows: [['姓名', '性别', '公民身份证号码', '移动电话'], ['张三', '男', ID, '13900009999']], numFmt: { 3: '@' } }]);
    const r = await cli(['import', '改.xlsx', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    noRawNumbers(r);
    expect(`${r.stdout}${r.stderr}`).not.toContain('13900009999');
  });
});

describe('error messages that repeat what was typed are masked', () => {
  it.each([
    [['member', 'add', '--name', '李四', '--phone', '13812345678/13998765432']],
    [['member', 'show', '310104196110191006']],
    [['checkin', '1', '--present', ID]],
    [['member', 'add', '--name', '王五', '--id-card', '3101041961101910061']],
    [['member', 'edit', '张三', '--phone', '13812345678x']],
  ])('%j', async (args) => {
    const r = await cli(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/内部错误/);
    noRawNumbers(r);
  });

  it('a 19-digit ID cell in a roster', async () => {
    await writeXlsx(join(dir, '错.xlsx'), [{ name: '花名册', rows: [['姓名', '性别', '身份证件号码'], ['赵六', '男', '3101041961101910061']], numFmt: { 3: '@' } }]);
    const r = await cli(['import', '错.xlsx']);
    expect(r.code).toBe(2);
    noRawNumbers(r);
  });
});
