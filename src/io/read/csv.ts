// CSV in UTF-16 (with its BOM), strict UTF-8 (with or without BOM), else GBK (what Excel on Chinese Windows writes), bounded:
// a record or a cell longer than any spreadsheet program writes is refused with where it is.
import { readFileSync } from 'node:fs';
import { cellRef, type Cell, type Grid } from '../../domain/grid.js';
import { CellBudget, MAX_CSV_CELL, MAX_PART_BYTES, TooLarge, count, size } from './limits.js';
import { statSync } from 'node:fs';

/** A CSV file that cannot be parsed: the message is Chinese, the technical detail English. */
export class BadCsv extends Error {
  constructor(message: string, readonly technical: string) { super(message); }
}

const MAX_RECORD = 1024 * 1024;

/** The file's text: UTF-16 when it starts with a UTF-16 byte-order mark (Excel's “Unicode 文本”), else
 * strict UTF-8 (with or without BOM), else GBK/GB18030. */
function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

export async function readCsv(file: string): Promise<Grid> {
  const bytes = statSync(file).size;
  if (bytes > MAX_PART_BYTES) throw new TooLarge(`CSV 文件有 ${size(bytes)}，超过上限 ${size(MAX_PART_BYTES)}`);
  const buf = readFileSync(file);
  const text = decodeCsv(buf);
  // Excel's “Unicode 文本” (UTF-16, tab-separated, often named .txt or .csv): tabs and no comma on the header line.
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    // relax_quotes: a quote inside an unquoted cell is kept — ="110101…", the way exports keep a number as text.
    records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD }) as string[][];
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw new TooLarge(`CSV 第 ${err.lines ?? '?'} 行的内容超过 ${count(MAX_RECORD)} 个字符，不像是表格数据`);
    const where = err.lines ? `第 ${err.lines} 行附近` : '';
    throw new BadCsv(`无法解析这个 CSV 文件${where ? `（${where}）` : ''}：引号不成对，或不是逗号分隔的表格`, err.message);
  }
  const budget = new CellBudget('CSV');
  const rows = records.map((r, i) => {
    budget.spend(r.length);
    return r.map((v, c): Cell => {
      if (v.length > MAX_CSV_CELL) throw new TooLarge(`CSV 的 ${cellRef(i, c)} 单元格有 ${count(v.length)} 个字符，超过表格单元格的上限 ${count(MAX_CSV_CELL)} 个（Excel 也无法保存这么长的单元格）`);
      return v === '' ? null : asTyped(v);
    });
  });
  return { name: '', rows, merges: [] };
}

/** A number a CSV keeps as text the way spreadsheets export it: ="110101199003071234" (a text formula) or
 * '13912345678 (Excel's text mark), read as the digits; any other cell as it is. */
function asTyped(v: string): string {
  const formula = /^="([^"]*)"$/.exec(v);
  if (formula) return formula[1]!;
  if (/^'\d[\d\s-]*[Xx]?$/.test(v)) return v.slice(1);
  return v;
}
