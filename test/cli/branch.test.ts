// Issue 14, "branches are managed, not created by typos": a --branch that names no branch is an error
// with the nearest names (never a new branch); --new-branch creates one on purpose; a roster's 所在支部
// column still adds branches and says so; `branch list|add|rename|merge|remove` manage them, and
// `merge A B` moves everyone and everything of A into B in one undoable batch.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const { run, ok, json } = cliAt(() => dir, '2026-03-15');
const branches = () => query<{ name: string }>(dir, 'SELECT name FROM branches ORDER BY id').map((b) => b.name);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir, '机关第一党支部');
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01', branch: '机关第二党支部' }]);
});
afterEach(() => cleanup());

describe('a --branch typo is an error with suggestions, never a new branch', () => {
  it('member add --branch 机关第一支部: exit 2, 是不是：机关第一党支部？, nothing written', async () => {
    const batches = query(dir, 'SELECT count(*) AS n FROM batches')[0];
    const r = await run('member', 'add', '--name', '王五', '--branch', '机关第一支部');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--branch：没有名为“机关第一支部”的支部。是不是：机关第一党支部？');
    expect(r.stderr).toContain('--new-branch');
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部']);
    expect(query(dir, 'SELECT count(*) AS n FROM members')).toEqual([{ n: 2 }]);
    expect(query(dir, 'SELECT count(*) AS n FROM batches')[0]).toEqual(batches);
  });

  it('--new-branch creates it on purpose', async () => {
    const r = await ok('member', 'add', '--name', '王五', '--branch', '机关第三党支部', '--new-branch');
    expect(r.stderr).toContain('已新建支部“机关第三党支部”');
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部', '机关第三党支部']);
    expect(await json('member', 'show', '王五')).toMatchObject({ branch: '机关第三党支部' });
  });

  it('member edit --move-to a typo is refused the same way; --new-branch allows it', async () => {
    const r = await run('member', 'edit', '张三', '--move-to', '机关第二支部');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--move-to：没有名为“机关第二支部”的支部。是不是：机关第二党支部？');
    expect(await json('member', 'show', '张三')).toMatchObject({ branch: '机关第一党支部' });
    await ok('member', 'edit', '张三', '--move-to', '机关第二党支部');
    expect(await json('member', 'show', '张三')).toMatchObject({ branch: '机关第二党支部' });
  });

  it.each([
    [['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A', '--branch', '机关第二支部']],
    [['member', 'list', '--branch', '机关第二支部']],
    [['audit', '--branch', '机关第二支部']],
    [['session', 'list', '--branch', '机关第二支部']],
    [['report', '--year', '2026', '--branch', '机关第二支部']],
  ])('%j: the same error through the one branch resolver', async (args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“机关第二支部”的支部。是不是：机关第二党支部？');
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部']);
  });

  it('a roster 所在支部 column still adds branches, listed in the import summary', async () => {
    writeFileSync(join(dir, 'r.csv'), '\ufeff姓名,所在支部\n王五,机关第三党支部\n赵六,机关第一党支部\n');
    const r = await ok('import', 'r.csv');
    expect(r.stdout).toContain('新建支部 1 个：机关第三党支部');
    const s = await json('import', 'r.csv', '--dry-run');
    expect(s.newBranches).toEqual([]);
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部', '机关第三党支部']);
  });

  it('a roster 所在支部 spaced differently finds the existing branch; a new one keeps its full-width marks', async () => {
    writeFileSync(join(dir, 'r.csv'), '\ufeff姓名,所在支部\n王五,机关第二　党支部\n赵六,机关第四党支部（综合）\n');
    const r = await json('import', 'r.csv');
    expect(r.newBranches).toEqual(['机关第四党支部（综合）']);
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部', '机关第四党支部（综合）']);
    expect(await json('member', 'show', '王五')).toMatchObject({ branch: '机关第二党支部' });
  });
});

describe('branch list|add|rename|merge|remove', () => {
  it('list: every branch with its people on the roll and its sessions', async () => {
    await ok('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A', '--branch', '机关第二党支部');
    expect(await json('branch', 'list')).toEqual([
      { id: 1, name: '机关第一党支部', members: 1, onRoll: 1, sessions: 0, default: true },
      { id: 2, name: '机关第二党支部', members: 1, onRoll: 1, sessions: 1, default: false },
    ]);
    const text = await ok('branch', 'list');
    expect(text.stdout).toMatch(/机关第一党支部（默认）\s+1\s+1\s+0/);
  });

  it('add: a name that exists is refused', async () => {
    const r = await run('branch', 'add', '机关第二党支部');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('支部“机关第二党支部”已经有了');
  });

  it('rename keeps everyone and the default branch setting', async () => {
    const r = await ok('branch', 'rename', '机关第一党支部', '机关第一党支部（综合）');
    expect(r.stdout).toContain('已把支部“机关第一党支部”改名为“机关第一党支部（综合）”');
    expect(await json('member', 'show', '张三')).toMatchObject({ branch: '机关第一党支部（综合）' });
    // Members added without --branch still go to the (renamed) default branch.
    await ok('member', 'add', '--name', '王五');
    expect(await json('member', 'show', '王五')).toMatchObject({ branch: '机关第一党支部（综合）' });
    const taken = await run('branch', 'rename', '机关第二党支部', '机关第一党支部（综合）');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('branch merge');
    const typo = await run('branch', 'rename', '机关第二支部', 'X');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('是不是：机关第二党支部？');
  });

  it('merge A B moves everyone and everything of A into B; undo takes it back as one batch', async () => {
    const s = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', 'A', '--branch', '机关第二党支部')).id;
    await ok('checkin', String(s), '--present', '李四');
    const r = await ok('branch', 'merge', '机关第二党支部', '机关第一党支部');
    expect(r.stdout).toContain('已把支部“机关第二党支部”并入“机关第一党支部”：1 人、1 次活动');
    expect(branches()).toEqual(['机关第一党支部']);
    expect(await json('member', 'show', '李四')).toMatchObject({ branch: '机关第一党支部' });
    expect(await json('session', 'show', String(s))).toMatchObject({ branch: '机关第一党支部', counts: { present: 1 } });
    expect(query(dir, "SELECT count(*) AS n FROM batches WHERE command = 'branch merge'")).toEqual([{ n: 1 }]);
    await ok('undo', '--yes');
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部']);
    expect(await json('member', 'show', '李四')).toMatchObject({ branch: '机关第二党支部' });
    expect(await json('session', 'show', String(s))).toMatchObject({ branch: '机关第二党支部' });
  });

  it('merge of the default branch into another moves the default too', async () => {
    await ok('branch', 'merge', '机关第一党支部', '机关第二党支部');
    await ok('member', 'add', '--name', '王五');
    expect(await json('member', 'show', '王五')).toMatchObject({ branch: '机关第二党支部' });
  });

  it('remove only when empty', async () => {
    const r = await run('branch', 'remove', '机关第二党支部');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('支部“机关第二党支部”还有 1 人、0 次活动，不能删除');
    expect(r.stderr).toContain('shuxiang branch merge 机关第二党支部');
    await ok('branch', 'add', '临时支部');
    const ok2 = await ok('branch', 'remove', '临时支部');
    expect(ok2.stdout).toContain('已删除支部“临时支部”');
    expect(branches()).toEqual(['机关第一党支部', '机关第二党支部']);
  });

  it('--help is in Chinese with examples', async () => {
    const r = await ok('branch', '--help');
    expect(r.stdout).toContain('支部');
    expect(r.stdout).toContain('示例');
    expect(r.stdout).toContain('shuxiang branch merge');
  });
});
