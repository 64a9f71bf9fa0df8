// The reading contract (issue 15), differential: each edge case is an .xlsx written by hand (XML and
// zip bytes exactly as stated here, see helpers/handZip.ts) and read by readGrids — the fast reader —
// and by SheetJS, the full reader; both are compared cell for cell with what the XML really holds. The
// fast reader must not decline any of them (no NotPlainXlsx), and no other exception may pass as one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, Grid } from '../../src/domain/grid.js';
import { findRosterLayout } from '../../src/domain/rosterHeader.js';
import { isDateFormat, readPlainXlsx } from '../../src/io/excel/fastXlsx.js';
import { readWithSheetJs, sheetJs } from '../../src/io/read/sheetjs.js';
import { readGrids } from '../../src/io/readGrids.js';
import { tempDir } from '../helpers/cli.js';
import { handXlsx, MAIN, PKG, REL, styles, worksheet, type HandBook } from '../helpers/handZip.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('shuxiang-readers-')));
afterAll(() => cleanup());

const d = (iso: string) => new Date(`${iso}Z`);
const ss = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;

interface Case {
  name: string;
  book: HandBook;
  /** What the file holds: sheet name → rows. */
  holds: Record<string, Cell[][]>;
  /** SheetJS reads this case differently (why); the fast reader must still be right. */
  sheetjsDiffers?: string;
}

const CASES: Case[] = [
  {
    name: 'inline strings, plain and rich, with xml:space',
    book: { sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 三 </t></r></is></c></row>') }] },
    holds: { S: [['姓名', '张 三 ']] },
  },
  {
    name: 'rows and cells without r attributes',
    book: { sheets: [{ name: 'S', xml: worksheet('<row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>性别</t></is></c></row><row><c t="inlineStr"><is><t>张三</t></is></c><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row>') }] },
    holds: { S: [['姓名', '性别'], ['张三', null, 3, 4], [], [], [5], [6]] },
  },
  {
    name: 'parts named otherwise, found through workbook.xml.rels (relative, absolute and ../ targets)',
    book: {
      sheets: [
        { name: '花名册', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>'), path: 'xl/data/roster part.xml', target: 'data/roster part.xml' },
        { name: '二', xml: worksheet('<row r="1"><c r="A1"><v>2</v></c></row>'), path: 'xl/x/y.xml', target: '/xl/x/y.xml' },
        { name: '三', xml: worksheet('<row r="1"><c r="A1"><v>3</v></c></row>'), path: 'elsewhere/z.xml', target: '../elsewhere/z.xml' },
      ],
    },
    holds: { 花名册: [[1]], 二: [[2]], 三: [[3]] },
    sheetjsDiffers: 'SheetJS does not resolve a ../ target',
  },
  {
    name: 'namespace prefixes: ns0:Relationships, x:workbook, x:worksheet, x:sst and another prefix for r:id',
    book: {
      sheets: [{ name: 'S', xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>` }],
      sharedStrings: `<x:sst xmlns:x="${MAIN}"><x:si><x:t>姓名</x:t></x:si></x:sst>`,
      workbookXml: (sheets) => `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}">${sheets.replace(/<(\/?)sheet/g, '<$1x:sheet').replace(/r:id/g, 'rel:id')}</x:workbook>`,
      relsXml: (rels) => rels.replace(/<(\/?)Relationship/g, '<$1ns0:Relationship').replace(`xmlns="${PKG}"`, `xmlns:ns0="${PKG}"`),
    },
    holds: { S: [['姓名', 7]] },
  },
  {
    name: 'a chart sheet between worksheets is left out',
    book: {
      sheets: [
        { name: '数据', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: '图表', type: 'chartsheet', xml: `<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>` },
        { name: '后', xml: worksheet('<row r="1"><c r="A1"><v>2</v></c></row>') },
      ],
    },
    holds: { 数据: [[1]], 后: [[2]] },
  },
  {
    name: 'cached formula results: 0, text, boolean, error; no result; shared formulas with and without results',
    book: {
      sheets: [{ name: 'S', xml: worksheet(
        '<row r="1"><c r="A1"><f>SIN(RADIANS(180))</f><v>0</v></c><c r="B1" t="str"><f>"男"</f><v>男</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>A1+1</f></c></row>'
        + '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">ROW()-1</f><v>1</v></c><c r="B2"><f t="shared" ref="B2:B3" si="1">A2*2</f></c></row>'
        + '<row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c><c r="B3"><f t="shared" si="1"/></c></row>'
        + '<row r="4"><c r="A4"><f t="shared" si="0"/><v>0</v></c></row>') }],
    },
    holds: { S: [[0, '男', true, { error: '#DIV/0!' }, { formula: 'A1+1', noResult: true }], [1, { formula: 'A2*2', noResult: true }], [2, { formula: 'A2*2', noResult: true }], [0]] },
    sheetjsDiffers: 'SheetJS drops a formula cell that has no cached result, and writes shared formulas shifted',
  },
  {
    name: 'date formats: [>=1]yyyy-mm-dd with an unescaped >, 年月日, built-in 14 and Chinese built-in 31, a time, a plain number',
    book: {
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" s="1"><v>31107</v></c><c r="B1" s="2"><v>31107</v></c><c r="C1" s="3"><v>31107</v></c><c r="D1" s="4"><v>31107</v></c><c r="E1" s="5"><v>0.5</v></c><c r="F1" s="6"><v>31107</v></c><c r="G1"><v>31107</v></c></row>') }],
      styles: styles({ 164: '[>=1]yyyy-mm-dd;General', 165: 'yyyy"年"m"月"d"日"', 166: 'h:mm', 167: '0.00_ ' }, [0, 164, 165, 14, 31, 166, 167]),
    },
    holds: { S: [[d('1985-03-01T00:00:00'), d('1985-03-01T00:00:00'), d('1985-03-01T00:00:00'), d('1985-03-01T00:00:00'), d('1899-12-30T12:00:00'), 31107, 31107]] },
  },
  {
    name: 'CDATA, entities (named, decimal, hex), _x000D_ escapes and phonetic runs in shared strings',
    book: {
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>') }],
      sharedStrings: ss('<t><![CDATA[a<b & "c"]]></t>', '<t>&lt;&#20013;&#x6587;&amp;&quot;&#x1F600;</t>', '<t>第一行_x000D_\n第二行 _x005F_x000D_</t>', '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>', '<t xml:space="preserve">  前后空格  </t>'),
    },
    holds: { S: [['a<b & "c"', '<中文&"😀', '第一行\r\n第二行 _x000D_', '東京', '  前后空格  ']] },
    sheetjsDiffers: 'SheetJS keeps _x005F_ undecoded',
  },
  {
    name: 'date1904="true": serials count from 1904-01-01',
    book: { workbookPr: '<workbookPr date1904="true"/>', sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" s="1"><v>29645</v></c><c r="B1"><v>29645</v></c></row>') }], styles: styles({}, [0, 14]) },
    holds: { S: [[d('1985-03-01T00:00:00'), 29645]] },
  },
  {
    name: 'date1904="1" is the same boolean',
    book: { workbookPr: '<workbookPr date1904="1" defaultThemeVersion="124226"/>', sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" s="1"><v>29645</v></c></row>') }], styles: styles({}, [0, 14]) },
    holds: { S: [[d('1985-03-01T00:00:00')]] },
  },
  {
    name: 't="d" ISO dates, t="b" booleans, t="e" errors, t="n" without t',
    book: { sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="d"><v>1985-03-01T00:00:00</v></c><c r="B1" t="d"><v>2026-12-01T08:30:00.000</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="n"><v>-1.5E3</v></c></row>') }] },
    holds: { S: [[d('1985-03-01T00:00:00'), d('2026-12-01T08:30:00'), false, { error: '#N/A' }, -1500]] },
    sheetjsDiffers: 'with cellDates off SheetJS turns t="d" into a serial in the General format',
  },
  {
    name: 'a very wide, sparse sheet: A1, XFD1 and row 1,048,576',
    book: { sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="1048576"><c r="B1048576"><v>3</v></c></row>') }] },
    holds: { S: [] }, // checked by shape below
  },
  {
    name: 'comments in the sheet, empty and styled-empty cells, a row with spans and a cell outside sheetData',
    book: { sheets: [{ name: 'S', xml: worksheet('<!-- a comment <row r="9"> --><row r="1" spans="1:3"><c r="A1" s="0"/><c r="B1"><v>2</v></c><c r="C1" t="s"></c></row>', '<extLst><ext><c r="Z9"><v>9</v></c></ext></extLst>') }] },
    holds: { S: [[null, 2]] },
  },
];

/** A finished grid shape comparable to `holds`. */
const shape = (grids: Grid[]) => Object.fromEntries(grids.map((g) => [g.name, g.rows]));

describe('hand-written .xlsx edge cases, cell for cell', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const buf = handXlsx(c.book);
      const file = join(dir, `${c.name.slice(0, 20).replace(/[^\w]/g, '_')}.xlsx`);
      writeFileSync(file, buf);
      // The fast reader reads it itself: no NotPlainXlsx, so no silent hand-over to the full reader.
      const fast = readPlainXlsx(buf);
      expect(await readGrids(file)).toEqual(fast);
      if (c.name.startsWith('a very wide')) {
        const rows = fast[0]!.rows;
        expect(rows).toHaveLength(1048576);
        expect(rows[0]).toHaveLength(16384);
        expect([rows[0]![0], rows[0]![16383], rows[1048575]![1], rows[5]]).toEqual([1, 2, 3, []]);
        return;
      }
      expect(shape(fast)).toEqual(c.holds);
      const full = shape(readWithSheetJs(buf));
      if (c.sheetjsDiffers) expect(full, c.sheetjsDiffers).not.toEqual(c.holds);
      else expect(full).toEqual(c.holds);
    }, 60000);
  }
});

describe('50,000 merged ranges', () => {
  it('are read and filled in seconds, not minutes, and the roster header is found through them', async () => {
    // A header row, then 50,000 rows each merging B:C (a 支部 name spread over two columns).
    let rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>所在支部</t></is></c><c r="D1" t="inlineStr"><is><t>性别</t></is></c></row>';
    let merges = '';
    for (let r = 2; r <= 50001; r++) {
      rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>人${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>一支部</t></is></c><c r="D${r}" t="inlineStr"><is><t>男</t></is></c></row>`;
      merges += `<mergeCell ref="B${r}:C${r}"/>`;
    }
    const buf = handXlsx({ sheets: [{ name: '花名册', xml: worksheet(rows, `<mergeCells count="50000">${merges}</mergeCells>`) }] });
    const t0 = performance.now();
    const [g] = readPlainXlsx(buf);
    const layout = findRosterLayout(g!);
    const ms = performance.now() - t0;
    expect(g!.merges).toHaveLength(50000);
    expect(g!.rows[50000]).toEqual(['人50001', '一支部', '一支部', '男']);
    expect(layout?.columns.map((c) => c.label)).toEqual(['姓名', '所在支部', '性别']);
    // openpyxl takes 5 s on this; the old reader never finished. Generous for a loaded 2-core machine.
    expect(ms).toBeLessThan(15000);
    console.log(`50,000 merges: read and header found in ${Math.round(ms)} ms`);
  }, 60000);

  it('overlapping and unordered merges give one answer: covered cells show their merge’s own top-left value', () => {
    const buf = handXlsx({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>', '<mergeCells><mergeCell ref="B1:C2"/><mergeCell ref="A1:B1"/></mergeCells>') }] });
    expect(readPlainXlsx(buf)[0]!.rows).toEqual([[1, 1, 2], [4, 2, 2]]);
  });
});

describe('the date rule is SheetJS’s own', () => {
  it('isDateFormat agrees with SSF.is_date on every kind of format code', () => {
    const codes = ['General', '0', '0.00', '#,##0', '0%', '0.00E+00', '# ?/?', '@', 'm/d/yy', 'yyyy-mm-dd', '[>=1]yyyy-mm-dd', 'yyyy"年"m"月"', '[$-804]yyyy"年"m"月"d"日"', 'h:mm:ss', '[h]:mm', 'mm:ss.0', '上午/下午h"时"mm"分"', 'AM/PM h', '"年"0', '0"天"', '[Red]0.00', '[DBNum1][$-804]General', 'General;[Red]-General', '_(* #,##0_)', '\\d0', 'e', 'B1yyyy', '#,##0.00_);[Red]\\(#,##0.00\\)', '0.00_ ', 'dd/mm/yyyy\\ hh:mm'];
    for (const f of codes) expect(isDateFormat(f), f).toBe(sheetJs().SSF.is_date(f));
  });
});
