// The fast .xlsx reader (issue 7) must give exactly what exceljs's readFile gives, cell for cell: the
// roster fixtures, LibreOffice's output, and workbooks exercising every kind of cell value; files it does
// not handle must still be read (through exceljs) by readGrids.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { BUILTIN_DATE_FORMATS, isDateFormat, readPlainXlsx } from '../../src/io/excel/fastXlsx.js';
import { NotPlainXlsx } from '../../src/io/excel/zipEntries.js';
import { readGrids, readGridsWithExceljs } from '../../src/io/readGrids.js';
import { tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('shuxiang-fastxlsx-')));
afterAll(() => cleanup());

async function same(file: string): Promise<void> {
  const fast = readPlainXlsx(readFileSync(file));
  expect(fast).toEqual(await readGridsWithExceljs(file));
  expect(await readGrids(file)).toEqual(fast);
}

describe('fast .xlsx reader', () => {
  const fixtures = join(__dirname, '..', 'fixtures', 'rosters');
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.xlsx'))) {
    it(`reads ${f} exactly as exceljs does`, async () => same(join(fixtures, f)));
  }

  it('reads every kind of cell value, merges, several sheets and odd names exactly as exceljs does', async () => {
    const file = join(dir, 'kinds.xlsx');
    await writeXlsx(file, [
      {
        name: '花名册 & <说明>',
        merges: ['A1:D1', 'B3:C4'],
        numFmt: { 4: 'yyyy-mm-dd', 5: 'yyyy"年"m"月"' },
        rows: [
          ['XX支部党员花名册'],
          ['序号', '姓名', '性别', '出生年月', '入党时间', '是否班子成员', '备注'],
          [1, { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }, undefined, new Date(Date.UTC(1985, 2, 1)), new Date(Date.UTC(2010, 6, 1)), true, 'a < b & c > "d" \'e\''],
          [2, undefined, '女', 31000.5, 40000, false, { text: '链接', hyperlink: 'https://example.org' }],
          [],
          [3, '李四', { formula: '"男"', result: '男' }, { formula: 'DATE(1990,1,2)', result: new Date(Date.UTC(1990, 0, 2)) }, { formula: 'A1' }, { error: '#N/A' }, '  前后空格  '],
          [4, '王五\n换行', '男', '1990.10', 199010, 'TRUE', 320102198008262021],
        ],
      },
      { name: '第二页', rows: [[undefined, undefined, 'C1 only'], [], [], ['A4']] },
      { name: '空白页', rows: [] },
    ]);
    await same(file);
  });

  // (test/fixtures/rosters/libreoffice_roster.xlsx covers LibreOffice's output where soffice is not installed)
  it.skipIf(!existsSync('/usr/bin/soffice'))('reads what LibreOffice writes now exactly as exceljs does', async () => {
    const src = join(dir, 'lo-src.xlsx');
    await writeXlsx(src, [{ name: '花名册', merges: ['A1:C1'], numFmt: { 3: 'yyyy-mm-dd' }, rows: [['标题'], ['姓名', '性别', '出生年月'], ['张三', '男', new Date(Date.UTC(1985, 2, 1))]] }]);
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo'), src], { stdio: 'ignore', timeout: 120000 });
    await same(join(dir, 'lo', 'lo-src.xlsx'));
  }, 150000);

  it('knows the built-in date formats exceljs knows', () => {
    const defaults = createRequire(__filename)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;
    const dates = Object.entries(defaults).filter(([, d]) => isDateFormat(d.f)).map(([id]) => Number(id));
    expect(dates).toEqual([...BUILTIN_DATE_FORMATS]);
  });

  it('refuses what it does not handle, and readGrids then reads the file through exceljs', async () => {
    const file = join(dir, 'shared.xlsx');
    // A shared formula copied down without cached results: exceljs names the master cell; the fast reader bows out.
    await writeXlsx(file, [{ name: 'S', rows: [['姓名', '性别'], ['张三', { formula: 'B1' }], ['李四', { sharedFormula: 'B2' }]] }]);
    expect(() => readPlainXlsx(readFileSync(file))).toThrow(NotPlainXlsx);
    expect(await readGrids(file)).toEqual(await readGridsWithExceljs(file));
    const broken = join(dir, 'broken.xlsx');
    copyFileSync(file, broken);
    execFileSync('truncate', ['-s', '200', broken]);
    expect(() => readPlainXlsx(readFileSync(broken))).toThrow(NotPlainXlsx);
    await expect(readGrids(broken)).rejects.toThrow(/无法读取 broken\.xlsx/);
  });
});
