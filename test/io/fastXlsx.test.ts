// The fast .xlsx reader (issue 7) must give exactly what exceljs's readFile gives, cell for cell, on what
// exceljs writes and reads right: the roster fixtures, LibreOffice's output, and workbooks exercising every
// kind of cell value; files it does not handle (NotPlainXlsx) must still be read, now by SheetJS (issue 15).
// exceljs's known misreads are covered against a hand-written oracle in readers.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { BUILTIN_DATE_FORMATS, isDateFormat, readPlainXlsx } from '../../src/io/excel/fastXlsx.js';
import { NotPlainXlsx } from '../../src/io/excel/zipEntries.js';
import { readWithSheetJs, sheetJs } from '../../src/io/read/sheetjs.js';
import { readGrids } from '../../src/io/readGrids.js';
import { tempDir } from '../helpers/cli.js';
import { readGridsWithExceljs } from '../helpers/exceljsGrids.js';
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

  it('knows the built-in date formats exceljs knows, and the East Asian ones exceljs does not', async () => {
    const defaults = createRequire(__filename)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;
    const dates = Object.entries(defaults).filter(([, d]) => isDateFormat(d.f)).map(([id]) => Number(id));
    for (const id of dates) expect(BUILTIN_DATE_FORMATS.has(id), String(id)).toBe(true);
    for (const id of [27, 31, 57, 58]) expect(BUILTIN_DATE_FORMATS.has(id)).toBe(true);
  });

  it('hands what it does not handle (an .xlsb) to SheetJS, and refuses a broken file as damaged', async () => {
    const X = sheetJs();
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, X.utils.aoa_to_sheet([['姓名', '性别'], ['张三', '男']]), '花名册');
    const file = join(dir, 'book.xlsb');
    writeFileSync(file, X.write(wb, { type: 'buffer', bookType: 'xlsb' }) as Buffer);
    expect(() => readPlainXlsx(readFileSync(file))).toThrow(NotPlainXlsx);
    expect(await readGrids(file)).toEqual(readWithSheetJs(readFileSync(file)));
    expect((await readGrids(file))[0]!.rows).toEqual([['姓名', '性别'], ['张三', '男']]);
    const broken = join(dir, 'broken.xlsx');
    await writeXlsx(broken, [{ name: 'S', rows: [['姓名']] }]);
    execFileSync('truncate', ['-s', '200', broken]);
    await expect(readGrids(broken)).rejects.toThrow(/broken\.xlsx 已损坏/);
  });
});

describe('the full reader knows the built-in formats of a Chinese Excel (27–36, 50–58) in .xlsb and .xlsx', () => {
  // SheetJS itself writes 31 (yyyy"年"m"月"d"日") by its number alone, as a Chinese Excel saves it, and
  // forgets the format's code on reading it back (its format table is reset for every zip it opens).
  const book = (bookType: 'xlsb' | 'xlsx', code: string) => {
    const X = sheetJs();
    const ws = X.utils.aoa_to_sheet([['姓名', '入党时间'], ['张三', 46000], ['李四', 46001.5]]);
    for (const a of ['B2', 'B3']) ws[a]!.z = code;
    const wb = X.utils.book_new();
    X.utils.book_append_sheet(wb, ws, '花名册');
    return X.write(wb, { type: 'buffer', bookType }) as Buffer;
  };

  for (const bookType of ['xlsb', 'xlsx'] as const) {
    it(`${bookType}: 2025年12月9日 by format 31 alone reads as the date`, () => {
      const buf = book(bookType, 'yyyy"年"m"月"d"日"');
      // The oracle: SheetJS reading the file on its own has no format for the cell.
      const plain = sheetJs().read(buf, { type: 'buffer', cellNF: true, dense: true }).Sheets['花名册']!['!data']![1]![1]!;
      expect(plain.z).toBeUndefined();
      expect(readWithSheetJs(buf)[0]!.rows.slice(1).map((r) => r[1])).toEqual([new Date('2025-12-09T00:00:00Z'), new Date('2025-12-10T12:00:00Z')]);
    });
  }

  it('an .xlsb through readGrids, and a file\'s own format of the same number wins over ours', async () => {
    const file = join(dir, 'roster.xlsb');
    writeFileSync(file, book('xlsb', 'yyyy"年"m"月"d"日"'));
    expect((await readGrids(file))[0]!.rows[1]).toEqual(['张三', new Date('2025-12-09T00:00:00Z')]);
    // The same .xlsx with its styles saying numFmt 31 is "0.00": a number it stays.
    const X = sheetJs();
    const zip = X.CFB.read(book('xlsx', 'yyyy"年"m"月"d"日"'), { type: 'buffer' }) as unknown as { FullPaths: string[]; FileIndex: { content: Uint8Array; size: number }[] };
    const at = zip.FullPaths.findIndex((p) => p.endsWith('/xl/styles.xml'));
    const xml = Buffer.from(zip.FileIndex[at]!.content).toString('utf8');
    const own = xml.includes('<numFmts') ? xml.replace(/<numFmts[^>]*>/, (m) => `${m}<numFmt numFmtId="31" formatCode="0.00"/>`) : xml.replace(/<styleSheet[^>]*>/, (m) => `${m}<numFmts count="1"><numFmt numFmtId="31" formatCode="0.00"/></numFmts>`);
    expect(own).not.toBe(xml);
    zip.FileIndex[at]!.content = Buffer.from(own, 'utf8');
    zip.FileIndex[at]!.size = zip.FileIndex[at]!.content.length;
    const edited = Buffer.from(X.CFB.write(zip as never, { fileType: 'zip', type: 'buffer' }) as Uint8Array);
    expect(readWithSheetJs(edited)[0]!.rows[1]).toEqual(['张三', 46000]);
  });
});
