// Reads a spreadsheet file into plain Grids: .xlsx through exceljs, .csv as UTF-8 or GBK; old
// binary formats get a message telling the user how to convert them.
import { openSync, readSync, closeSync, readFileSync, existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Cell, Grid } from '../domain/grid.js';
import { UserError } from '../shared/errors.js';
import { normaliseCell } from './excel/cells.js';

function magic(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(8);
    readSync(fd, b, 0, 8, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** All sheets of the file as grids. */
export async function readGrids(file: string): Promise<Grid[]> {
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}，请检查路径和文件名。`);
  if (statSync(file).isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个 .xlsx 或 .csv 文件。`);
  const ext = extname(file).toLowerCase();
  const head = magic(file);
  const isOle = head.readUInt32BE(0) === 0xd0cf11e0;
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isOle || ext === '.xls' || ext === '.et') {
    throw new UserError(`${name} 是旧版 Excel/WPS 格式（${ext || '.xls'}），shuxiang 只能读取 .xlsx 或 .csv。`, [
      '请用 Excel 或 WPS 打开它，选择“文件 › 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，然后导入新文件。',
    ]);
  }
  if (ext === '.csv' || ext === '.txt') return [await readCsv(file)];
  if (!isZip) {
    throw new UserError(`${name} 不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）。`, [
      '请用 Excel 或 WPS 打开后另存为 .xlsx 再导入；CSV 文件请使用 .csv 扩展名。',
    ]);
  }
  // Plain workbooks (nearly all) are read by the fast reader; anything it does not handle, and every
  // broken file, goes through exceljs — which also words the errors.
  try {
    const { readPlainXlsx } = await import('./excel/fastXlsx.js');
    return readPlainXlsx(readFileSync(file));
  } catch {
    return readGridsWithExceljs(file);
  }
}

/** All sheets of an .xlsx as exceljs reads them (the reference the fast reader is tested against). */
export async function readGridsWithExceljs(file: string): Promise<Grid[]> {
  const name = basename(file);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UserError(`无法读取 ${name}：文件可能已损坏或被加密（${(e as Error).message}）。`, [
      '请用 Excel 或 WPS 打开确认能正常显示，取消密码保护后另存为 .xlsx 再导入。',
    ]);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    // The workbook model is dropped row by row as it is copied, so the two never coexist in full
    // (a 100,000-row roster would otherwise hold both at once).
    const model = (ws as unknown as { _rows?: unknown[] })._rows;
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = normaliseCell(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
      if (model) model[rowNumber - 1] = undefined;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    const rawMerges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
    const merges = Object.values(rawMerges).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
    grids.push({ name: ws.name, rows, merges });
  });
  return grids;
}

/** CSV in strict UTF-8 (with or without BOM), else GBK (what Excel on Chinese Windows writes). */
async function readCsv(file: string): Promise<Grid> {
  const buf = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gb18030').decode(buf);
  }
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new UserError(`无法读取 CSV 文件 ${basename(file)}：${(e as Error).message}`, ['请检查引号是否成对，或用 Excel 打开后另存为 .xlsx 再导入。']);
  }
  return { name: '', rows: records.map((r) => r.map((v): Cell => (v === '' ? null : v))), merges: [] };
}
