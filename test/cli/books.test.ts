// `shuxiang books list|add|import`: the catalogue, with the 书记荐书 and 必学书目 marks; readings join it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-04-05' });
const json = async (...args: string[]) => JSON.parse((await run('--json', ...args)).stdout);

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三' }]);
});
afterEach(() => cleanup());

describe('books', () => {
  it('add, mark and list: title + author identify a book', async () => {
    const a = await json('books', 'add', '--title', '之江新语', '--author', '习近平', '--category', '政治理论');
    expect(a).toMatchObject({ id: 1, title: '之江新语', author: '习近平', category: '政治理论', recommended: false, outcome: 'added' });
    const b = await json('books', 'add', '--title', '之江新语', '--author', '习近平', '--recommended', '--by', '李书记', '--reason', '常读常新', '--required', '2026');
    expect(b).toMatchObject({ id: 1, recommended: true, recommendedBy: '李书记', recommendReason: '常读常新', requiredYear: 2026, outcome: 'updated' });
    await run('books', 'add', '--title', '中国共产党简史', '--category', '党史');
    expect((await json('books', 'list')).map((x: { title: string }) => x.title)).toEqual(['中国共产党简史', '之江新语']);
    expect((await json('books', 'list', '--recommended')).map((x: { id: number }) => x.id)).toEqual([1]);
    expect((await json('books', 'list', '--required', '2026')).map((x: { id: number }) => x.id)).toEqual([1]);
    expect((await json('books', 'list', '--category', '党史')).map((x: { id: number }) => x.id)).toEqual([2]);
    const text = await run('books', 'list');
    expect(text.stdout).toContain('是（李书记）');
    const bad = await run('books', 'add', '--title', 'X', '--by', '李书记');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('请同时加上 --recommended');
    expect((await run('books', 'add', '--title', 'X', '--category', '小说')).stderr).toContain('--category：类别“小说”无效');
  });

  it('import (books import = import --kind books), idempotent; a reading of a catalogued book keeps its category', async () => {
    const file = join(dir, '书单.xlsx');
    await writeXlsx(file, [{ name: '书目', rows: [['2026年书单'], ['序号', '书名', '作者', '类别', '书记荐书', '推荐人', '必学年度'], ['示例', '示例书', '', '其他'], [1, '之江新语', '习近平', '政治理论', '是', '李书记', 2026], [2, '数字财政', '', '业务', '否', '', '']] }]);
    expect(await json('books', 'import', file)).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(await json('import', '--kind', 'books', file)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const list = await json('books', 'list');
    expect(list.find((b: { title: string }) => b.title === '之江新语')).toMatchObject({ recommended: true, recommendedBy: '李书记', requiredYear: 2026 });
    const r = await json('log', 'book', '--member', '张三', '--title', '数字财政', '--category', '其他', '--finished', '2026-03-01');
    expect(r).toMatchObject({ bookId: 2, values: { category: '业务' } });
    const bad = join(dir, 'bad.xlsx');
    await writeXlsx(bad, [{ name: '书目', rows: [['书名', '类别', '必学年度'], ['某书', '哲学', 1900]] }]);
    const e = await run('books', 'import', bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('bad.xlsx › 书目 › B2：类别“哲学”无效');
    expect(e.stderr).toContain('bad.xlsx › 书目 › C2：必学年度“1900”超出范围：须不小于 2000 且不超过 2100');
  });
});

describe('one book however its title is typed (hunt 2026-12-04)', () => {
  it('之江新语 and 《之江新语》, （第四卷） and (第四卷): one catalogue entry, the first spelling kept, found by either', async () => {
    addMembers(dir, [{ name: '李四' }]);
    const ledger = join(dir, '台账.xlsx');
    await writeXlsx(ledger, [{ name: '读书', rows: [['序号', '姓名', '书名', '作者', '类别', '读完日期'], [1, '张三', '之江新语', '习近平', '政治理论', '2026-03-01'], [2, '李四', '《之江新语》', '习近平', '政治理论', '2026-03-02']] }]);
    expect((await run('import', '--kind', 'ledger', ledger)).code).toBe(0);
    const list = join(dir, '书单.xlsx');
    await writeXlsx(list, [{ name: '书目', rows: [['序号', '书名', '作者', '类别', '册数'], [1, '习近平谈治国理政（第四卷）', '习近平', '政治理论', 2]] }]);
    expect((await run('import', '--kind', 'books', list)).code).toBe(0);
    await writeXlsx(list, [{ name: '书目', rows: [['序号', '书名', '作者', '类别', '册数'], [1, '习近平谈治国理政(第四卷)', '习近平', '政治理论', 2]] }]);
    expect((await run('import', '--kind', 'books', list)).stdout).toContain('未变 1 本');
    const books = JSON.parse((await run('--json', 'books', 'list')).stdout) as { title: string }[];
    expect(books.map((b) => b.title).sort()).toEqual(['习近平谈治国理政（第四卷）', '之江新语'].sort());
    expect((await run('lend', '习近平谈治国理政(第四卷)', '张三')).code).toBe(0);
  });
});
