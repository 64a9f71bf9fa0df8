// Issue 14: ISBNs are checked wherever a book enters (`log book`, the ledger's 读书 sheet, `books import`),
// not only `books add`; `log book --title 之江新语` takes the category of the catalogue's book of that title.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const { run, ok, json } = cliAt(() => dir, '2026-03-15');
const d = (s: string) => new Date(`${s}T00:00:00Z`);
/** A valid ISBN-13 (check digit 5) and the same with a copying slip in its last digit. */
const GOOD = '978-7-213-03584-5';
const BAD = '9787213035840';

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三', from: '2026-01-01' }]);
});
afterEach(() => cleanup());

describe('ISBNs are checked wherever a book enters', () => {
  it('log book: a wrong check digit is refused naming --isbn; a right one is stored as bare digits', async () => {
    const bad = await run('log', 'book', '--member', '张三', '--title', '之江新语', '--category', '政治理论', '--isbn', BAD, '--finished', '2026-03-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--isbn：ISBN“${BAD}”无效：校验位应为 5，请核对是否抄错`);
    expect(query(dir, 'SELECT count(*) AS n FROM books')).toEqual([{ n: 0 }]);
    expect(query(dir, 'SELECT count(*) AS n FROM readings')).toEqual([{ n: 0 }]);
    await ok('log', 'book', '--member', '张三', '--title', '之江新语', '--category', '政治理论', '--isbn', GOOD, '--finished', '2026-03-01');
    expect(query(dir, 'SELECT title, isbn FROM books')).toEqual([{ title: '之江新语', isbn: '9787213035845' }]);
  });

  it('the ledger 读书 sheet: a wrong ISBN is named by file › sheet › cell, nothing written', async () => {
    const file = join(dir, '台账.xlsx');
    await writeXlsx(file, [{ name: '读书', rows: [['姓名', '书名', 'ISBN', '类别', '读完日期'], ['张三', '之江新语', BAD, '政治理论', d('2026-03-01')]] }]);
    const r = await run('import', '--kind', 'ledger', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`台账.xlsx › 读书 › C2：ISBN“${BAD}”无效：校验位应为 5`);
    expect(query(dir, 'SELECT count(*) AS n FROM readings')).toEqual([{ n: 0 }]);
    await writeXlsx(file, [{ name: '读书', rows: [['姓名', '书名', 'ISBN', '类别', '读完日期'], ['张三', '之江新语', GOOD, '政治理论', d('2026-03-01')]] }]);
    await ok('import', '--kind', 'ledger', file);
    expect(query(dir, 'SELECT isbn FROM books')).toEqual([{ isbn: '9787213035845' }]);
  });

  it('books import: a wrong ISBN is named by cell', async () => {
    writeFileSync(join(dir, '书目.csv'), `\ufeff书名,ISBN,类别\n之江新语,${BAD},政治理论\n`);
    const r = await run('books', 'import', '书目.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`书目.csv › CSV › B2：ISBN“${BAD}”无效`);
    expect(query(dir, 'SELECT count(*) AS n FROM books')).toEqual([{ n: 0 }]);
  });

  it('the ISBNs the help of books add and edit show are valid ones', async () => {
    const help = (await ok('books', 'add', '--help')).stdout;
    const shown = /--isbn\s+(\d[\d-]+)/.exec(help)![1]!;
    await ok('books', 'add', '--title', '之江新语', '--category', '政治理论', '--isbn', shown);
    const edit = /--isbn\s+(\d[\d-]+)/.exec((await ok('books', 'edit', '--help')).stdout)![1]!;
    await ok('books', 'edit', '#1', '--isbn', edit);
  });
});

describe('log book takes the category of the catalogue\'s book', () => {
  it('--title 之江新语 without --category: the catalogue says 政治理论', async () => {
    await ok('books', 'add', '--title', '之江新语', '--author', '习近平', '--category', '政治理论');
    const item = await json('log', 'book', '--member', '张三', '--title', '之江新语', '--finished', '2026-03-01');
    expect(item.values).toMatchObject({ title: '之江新语', author: '习近平', category: '政治理论' });
    expect(query(dir, 'SELECT count(*) AS n FROM books')).toEqual([{ n: 1 }]);
    expect(query(dir, 'SELECT b.title, b.category FROM readings r JOIN books b ON b.id = r.book_id')).toEqual([{ title: '之江新语', category: '政治理论' }]);
  });

  it('two catalogue books of that title with different categories: --author or --category is asked for', async () => {
    await ok('books', 'add', '--title', '之江新语', '--author', '习近平', '--category', '政治理论');
    await ok('books', 'add', '--title', '之江新语', '--author', '某编者', '--category', '其他');
    const r = await run('log', 'book', '--member', '张三', '--title', '之江新语', '--finished', '2026-03-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('书目库中有 2 本《之江新语》');
    expect(r.stderr).toContain('--author');
    const item = await json('log', 'book', '--member', '张三', '--title', '之江新语', '--author', '某编者', '--finished', '2026-03-01');
    expect(item.values).toMatchObject({ author: '某编者', category: '其他' });
  });

  it('a title not in the catalogue still needs --category (no guessing)', async () => {
    const r = await run('log', 'book', '--member', '张三', '--title', '新书', '--finished', '2026-03-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--category');
  });
});
