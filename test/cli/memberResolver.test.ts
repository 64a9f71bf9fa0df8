// The one member resolver through the CLI (issue 13): a ledger is strict — `张三#1` and `#2` are taken,
// initials and part of a name are refused (a wrong person is worse than a refusal) — while a flag is
// loose and takes `name#id` too.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-04-05' });
const d = (s: string) => new Date(`${s}T00:00:00Z`);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三' }, { name: '李四' }]);
});
afterEach(() => cleanup());

describe('one member resolver', () => {
  it('a ledger takes 张三#1 and #2, refuses initials and part of a name, each named by its cell', async () => {
    const file = join(dir, '支部.xlsx');
    await writeXlsx(file, [{ name: '自学', rows: [['序号', '姓名', '日期', '学时', '学习内容'], [1, '张三#1', d('2026-03-01'), 1, 'A'], [2, '#2', d('2026-03-01'), 1, 'B'], [3, 'zs', d('2026-03-02'), 1, 'C'], [4, '三', d('2026-03-02'), 1, 'D']] }]);
    const r = await run('import', '--kind', 'ledger', file);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').map((l) => l.trim());
    expect(lines).toContain('支部.xlsx › 自学 › B4：姓名“zs”不在花名册中，请核对姓名（须与花名册一致），或先用 shuxiang member add 添加此人');
    expect(lines).toContain('支部.xlsx › 自学 › B5：姓名“三”不在花名册中，请核对姓名（须与花名册一致），或先用 shuxiang member add 添加此人');
    expect(r.stderr).toContain('支部.xlsx 中有 2 处问题');
    const ok = await run('import', '--kind', 'ledger', file, '--skip-invalid');
    expect(ok.code).toBe(0);
    expect(query<{ member_id: number }>(dir, 'SELECT member_id FROM self_study ORDER BY member_id').map((x) => x.member_id)).toEqual([1, 2]);
  });

  it('a flag takes initials and name#id; a name#id that is not that person is nobody', async () => {
    expect((await run('member', 'show', 'zs')).stdout).toContain('张三');
    expect((await run('member', 'show', '李四#2')).stdout).toContain('李四');
    const bad = await run('member', 'show', '李四#1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('姓名“李四#1”没有找到对应的人员。');
  });
});
