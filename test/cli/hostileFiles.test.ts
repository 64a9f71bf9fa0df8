// Small hostile files (issue 15) are refused quickly, with a Chinese message naming the sheet or part and
// the size, and without ever holding much memory: each is imported by the real binary (spawned, so its
// peak memory is its own), measured with GNU time where it is installed. The bombs are built as deflate
// streams of a repeated unit (helpers/handZip.ts), never materialised in the test.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { deflatedRepeat, handXlsx, MAIN, zip, type HandBook } from '../helpers/handZip.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const GiB = 1024 * 1024;

let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-hostile-'));
  await initDb(dir);
});
afterAll(() => cleanup());

/** Imports the file with the real binary: exit code, stderr, seconds, peak RSS in KiB (NaN without GNU time). */
function importFile(file: string): { code: number | null; stderr: string; s: number; kib: number } {
  const args = [BIN, '--db', join(dir, 'shuxiang.db'), 'import', file];
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '@@%M', process.execPath, ...args], { encoding: 'utf8', timeout: 120000, env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120000, env: { ...process.env, NO_COLOR: '1' } });
  const s = (performance.now() - t0) / 1000;
  const m = /@@(\d+)\s*$/.exec(r.stderr);
  return { code: r.status, stderr: r.stderr.replace(/@@\d+\s*$/, ''), s, kib: m ? Number(m[1]) : NaN };
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><dimension ref="A1:A1"/><sheetData>`;
const TAIL = '</sheetData></worksheet>';
/** 32 million tiny cells (rows and cells without references, so the unit repeats exactly). */
const cells32M = (unit: string) => deflatedRepeat(HEAD, `<row>${unit.repeat(1000)}</row>`, 32000, TAIL);

function write(name: string, book: HandBook): string {
  const file = join(dir, name);
  writeFileSync(file, handXlsx(book));
  return file;
}

const CASES: { name: string; file: () => string; message: RegExp }[] = [
  {
    name: '32M tiny cells, sizes declared truthfully (512 MB of sheet XML): refused before inflating',
    file: () => write('bomb-honest.xlsx', { sheets: [{ name: '炸弹', xml: cells32M('<c><v>1</v></c>') }] }),
    message: /bomb-honest\.xlsx 太大，无法读取：工作表“炸弹”解压后约 \d+ MB，超过上限 200 MB/,
  },
  {
    name: '32M tiny cells, the zip lying about their size: stopped while inflating',
    file: () => { const x = cells32M('<c><v>1</v></c>'); return write('bomb-lying.xlsx', { sheets: [{ name: '炸弹', xml: { ...x, declare: 4096 } }] }); },
    message: /bomb-lying\.xlsx 太大，无法读取：工作表“炸弹”解压后超过上限 200 MB/,
  },
  {
    name: '32M empty cells in 128 MB of XML (under the part limit): counted before parsing, refused at 5 million',
    file: () => write('bomb-cells.xlsx', { sheets: [{ name: '炸弹', xml: cells32M('<c/>') }] }),
    message: /bomb-cells\.xlsx 太大，无法读取：工作表“炸弹”的单元格超过 5,000,000 个/,
  },
  {
    name: 'a 1.27 GB sharedStrings part, declared truthfully',
    file: () => write('ss-honest.xlsx', { sheets: [{ name: 'S', xml: `${HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${TAIL}` }], sharedStrings: deflatedRepeat(`<sst xmlns="${MAIN}">`, '<si><t>x</t></si>', 75_000_000, '</sst>') }),
    message: /ss-honest\.xlsx 太大，无法读取：共享字符串表（sharedStrings）解压后约 1\.\d GB，超过上限 200 MB/,
  },
  {
    name: 'a 1.27 GB sharedStrings part, declared as 4 KB',
    file: () => write('ss-lying.xlsx', { sheets: [{ name: 'S', xml: `${HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${TAIL}` }], sharedStrings: { ...deflatedRepeat(`<sst xmlns="${MAIN}">`, '<si><t>x</t></si>', 75_000_000, '</sst>'), declare: 4096 } }),
    message: /ss-lying\.xlsx 太大，无法读取：共享字符串表（sharedStrings）解压后超过上限 200 MB/,
  },
  {
    name: 'an .ods of a few hundred bytes repeating one cell a billion times (rows × columns repeated)',
    file: () => {
      const f = join(dir, 'repeat.ods');
      const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
      writeFileSync(f, zip([
        { path: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
        { path: 'content.xml', data: `<office:document-content ${ns}><office:body><office:spreadsheet><table:table table:name="重复"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>` },
        { path: 'styles.xml', data: `<office:document-styles ${ns}/>` },
      ]));
      return f;
    },
    message: /repeat\.ods 太大，无法读取：工作表“重复”的单元格超过 5,000,000 个/,
  },
  {
    name: 'a CSV cell of 35 million characters',
    file: () => { const f = join(dir, 'huge-cell.csv'); writeFileSync(f, `姓名,备注\n张三,"${'长'.repeat(35_000_000)}"\n`); return f; },
    message: /huge-cell\.csv 太大，无法读取：CSV 第 \d+ 行的内容超过 1,048,576 个字符/,
  },
];

describe('hostile files: refused quickly, named, under 1 GiB', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = importFile(c.file());
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr.length).toBeLessThan(1000);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.s).toBeLessThan(60);
      if (TIME) expect(r.kib).toBeLessThan(GiB);
      console.log(`${c.name}: ${r.s.toFixed(1)} s, peak ${Number.isNaN(r.kib) ? '?' : Math.round(r.kib / 1024)} MiB`);
    }, 120000);
  }
});
