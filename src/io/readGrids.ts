// Reads a spreadsheet file into plain Grids, whatever made it. The format is sniffed from the first
// bytes, never the extension (a WPS .et is an .xls or an .xlsx inside): a zip is an .xlsx (the fast
// reader, or SheetJS when it answers NotPlainXlsx — the only signal that hands a file on), an .ods or an
// .xlsb (SheetJS); an OLE compound file is an .xls/.et (SheetJS) unless it is encrypted; .csv/.txt is
// CSV in UTF-8 or GBK. Every refusal is Chinese and names the file; the technical detail shows with -v.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, parse, sep } from 'node:path';
import type { Grid } from '../domain/grid.js';
import { UserError } from '../shared/errors.js';
import { DamagedFile, NotPlainXlsx, zipEntries } from './excel/zipEntries.js';
import { MAX_PART_BYTES, TooLarge, size } from './read/limits.js';
import { readPlainXlsx } from './excel/fastXlsx.js';
import { checkOdsCells } from './read/odsBounds.js';
import { BadCsv, readCsv } from './read/csv.js';

function head(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(8);
    readSync(fd, b, 0, 8, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

/** An HTML table or an XML workbook (SpreadsheetML 2003): text whose first non-blank character is '<'. */
function looksLikeMarkup(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(512);
    const n = readSync(fd, b, 0, 512, 0);
    const t = b.subarray(0, n).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
    return t.startsWith('<?xml') || t.startsWith('<!doctype html') || t.startsWith('<html') || t.startsWith('<table') || t.startsWith('<meta') || t.startsWith('<head');
  } finally {
    closeSync(fd);
  }
}

/** Markup text in UTF-8 (with or without BOM), else GB18030 (what a Chinese system writes). */
function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

const SAVE_AS = '请用 Excel 或 WPS 打开它，确认能正常显示后“另存为” .xlsx 再导入。';

/** All sheets of the file as grids. */
export async function readGrids(file: string): Promise<Grid[]> {
  const name = basename(file);
  const st = checkInputFile(file);
  if (st.isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个 .xlsx、.xls、.et、.ods 或 .csv 文件。`);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return [await csv(file, name)];
  if (st.size === 0) throw new UserError(`${name} 是空文件（0 字节），里面没有表格。`, ['请确认选对了文件，或重新从原处复制一份。']);
  const magic = head(file);
  const isOle = magic.readUInt32BE(0) === 0xd0cf11e0 && magic.readUInt32BE(4) === 0xa1b11ae1;
  const isZip = magic[0] === 0x50 && magic[1] === 0x4b && (magic[2] === 3 || magic[2] === 5 || magic[2] === 7);
  if (!isOle && !isZip && looksLikeMarkup(file)) {
    // Many systems "export to Excel" as an HTML table or an Excel 2003 XML workbook named .xls: SheetJS reads both.
    if (st.size > MAX_PART_BYTES) return refuse(name, new TooLarge(`文件有 ${size(st.size)}，超过上限 ${size(MAX_PART_BYTES)}`));
    try {
      const { readMarkupWithSheetJs } = await import('./read/sheetjs.js');
      return readMarkupWithSheetJs(decodeText(readFileSync(file)));
    } catch (e) {
      return refuse(name, e);
    }
  }
  if (!isOle && !isZip) {
    throw new UserError(`${name} 不是 Excel/WPS 表格文件（可能已损坏，或只是改了扩展名）。`, [
      `${SAVE_AS}CSV 文件请使用 .csv 扩展名。`,
    ]);
  }
  if (st.size > MAX_PART_BYTES) return refuse(name, new TooLarge(`文件有 ${size(st.size)}，超过上限 ${size(MAX_PART_BYTES)}`));
  const buf = readFileSync(file);
  try {
    if (isOle) {
      const { checkOle, readWithSheetJs } = await import('./read/sheetjs.js');
      checkOle(buf);
      return readWithSheetJs(buf);
    }
    const zip = zipEntries(buf);
    if (zip.has('mimetype') || zip.has('content.xml')) return await full(buf, zip);
    try {
      return readPlainXlsx(buf);
    } catch (e) {
      if (!(e instanceof NotPlainXlsx)) throw e;
      return await full(buf, zip);
    }
  } catch (e) {
    return refuse(name, e);
  }
}

const NO_ACCESS = '请把文件复制到自己能打开的文件夹（如桌面）后再试，或请电脑的管理员给当前用户开放读取权限。';

/** The deepest folder on the way to `file` that the current user cannot enter (undefined when none is found). */
function closedFolder(file: string): string | undefined {
  const parts = dirname(file).split(sep).filter(Boolean);
  let dir = parse(file).root;
  for (const p of parts) {
    dir = dir.endsWith(sep) ? `${dir}${p}` : `${dir}${sep}${p}`;
    // Entering a folder needs search permission: stat of `dir/.` fails when it is missing.
    try { statSync(`${dir}${sep}.`); } catch { return dir; }
  }
  return undefined;
}

/** Why an input file (or folder) cannot be read, in Chinese; `opening` is true when the path was found but
 * opening it failed, so the file itself is closed to us rather than a folder on the way. */
function unreadable(path: string, e: unknown, opening: boolean): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError(`找不到文件 ${path}，请检查路径和文件名。`);
  if (code === 'ENOTDIR') return new UserError(`找不到文件 ${path}：路径中有一段是文件而不是文件夹。`, ['请检查路径和文件名。']);
  if (code === 'ENAMETOOLONG') return new UserError(`找不到文件 ${path}：路径太长。`, ['请把文件放到层级较浅的文件夹中，或改短文件名。']);
  if (code !== 'EACCES' && code !== 'EPERM') return e;
  const folder = opening ? undefined : closedFolder(path);
  if (folder) return new UserError(`无法读取 ${path}：所在的文件夹 ${folder} 没有访问权限（当前用户不能打开这个文件夹）。`, [NO_ACCESS]);
  return new UserError(`无法读取 ${path}：没有读取权限（当前用户不能打开${opening ? '它' : '这个文件或它所在的文件夹'}）。`, [NO_ACCESS]);
}

/** An input file's details once it is known to be readable, or the Chinese reason it is not: missing, in
 * a folder the user cannot enter, or without read permission (never blamed on writing). */
export function checkInputFile(file: string): Stats {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw unreadable(file, e, false);
  }
  if (st.isDirectory()) return st;
  try {
    closeSync(openSync(file, 'r'));
  } catch (e) {
    throw unreadable(file, e, true);
  }
  return st;
}

/** The names in an input folder, or the Chinese reason it cannot be listed. */
export function listInputFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    throw unreadable(dir, e, true);
  }
}

/** SheetJS on a zip, after every part has been inflated once within the bounds (declared sizes can lie). */
async function full(buf: Buffer, zip: ReturnType<typeof zipEntries>): Promise<Grid[]> {
  const { readWithSheetJs, MAX_FULL_READ_BYTES } = await import('./read/sheetjs.js');
  let total = 0;
  for (const [path, entry] of zip) {
    const bytes = entry.read(path);
    total += bytes.length;
    if (total > MAX_FULL_READ_BYTES) throw new TooLarge(`文件解压后超过 ${size(MAX_FULL_READ_BYTES)}，超出 shuxiang 能完整读取的上限`);
    if (path === 'content.xml') checkOdsCells(bytes.toString('utf8'));
  }
  return readWithSheetJs(buf);
}

/** The Chinese refusal for what a reader raised; anything unexpected is a bug and goes on as it is. */
async function refuse(name: string, e: unknown): Promise<never> {
  const { Encrypted, NotSpreadsheet } = await import('./read/sheetjs.js');
  const detail = (e as Error).message;
  if (e instanceof TooLarge) {
    throw new UserError(`${name} 太大，无法读取：${e.message}。`, ['请删去多余的工作表、空行空列和合并单元格，或把数据拆成几个文件后分别导入。']);
  }
  if (e instanceof Encrypted) {
    throw new UserError(`${name} 设置了打开密码（文件已加密），shuxiang 无法读取。`, [
      '请用 Excel 或 WPS 输入密码打开，在“文件 › 信息 › 保护工作簿”（WPS：“文件 › 文档加密”）中取消密码，保存后再导入。',
    ], detail);
  }
  if (e instanceof NotSpreadsheet) {
    throw new UserError(`${name} 不是电子表格（可能是 Word 或其他 Office 文件改了扩展名）。`, [SAVE_AS], detail);
  }
  if (e instanceof DamagedFile) {
    throw new UserError(`${name} 已损坏，无法读取（文件不完整，或内容不符合表格格式）。`, [SAVE_AS, '若文件是下载或拷贝来的，请重新获取一份。'], detail);
  }
  throw e;
}

async function csv(file: string, name: string): Promise<Grid> {
  try {
    return await readCsv(file);
  } catch (e) {
    if (e instanceof BadCsv) throw new UserError(`${name}：${e.message}。`, ['请检查引号是否成对，或用 Excel 打开后另存为 .xlsx 再导入。'], e.technical);
    return refuse(name, e);
  }
}
