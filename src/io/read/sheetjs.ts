// The full reader: SheetJS CE (@e965/xlsx), loaded only when a file needs it — .xls (BIFF8 and older),
// WPS .et, .ods, .xlsb, and the .xlsx files the fast reader declines (NotPlainXlsx). Its cells become
// the same Grid the fast reader gives: numbers in a date format (SSF.is_date) become dates through our
// own time-zone-free serial conversion (cellDates is off), merges are filled by gridBuild. Encryption is
// recognised before SheetJS sees the file; the work is bounded (limits.ts).
import { createRequire } from 'node:module';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Cell, Grid } from '../../domain/grid.js';
import { DamagedFile } from '../excel/zipEntries.js';
import { finishGrid, serialToDate, type Box } from './gridBuild.js';
import { CellBudget, TooLarge, size } from './limits.js';

type SheetJs = typeof import('@e965/xlsx');
let loaded: SheetJs | undefined;

/**
 * The built-in formats a Chinese Excel or WPS uses without writing their code (SheetJS's table leaves
 * them out, so their dates would read as numbers), and 71–81, which Excel maps onto 14–22 and 45–47.
 */
const EAST_ASIAN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
  71: 'm/d/yy', 72: 'm/d/yy', 73: 'd-mmm-yy', 74: 'd-mmm', 75: 'mmm-yy', 76: 'h:mm', 77: 'h:mm:ss', 78: 'm/d/yy h:mm', 79: 'mm:ss', 80: '[h]:mm:ss', 81: 'mmss.0',
};

/** The CommonJS build: it brings the code pages that old .xls files (BIFF5, GBK) need. */
export function sheetJs(): SheetJs {
  if (loaded) return loaded;
  const X = createRequire(import.meta.url)('@e965/xlsx') as SheetJs;
  for (const [id, code] of Object.entries(EAST_ASIAN_FORMATS)) X.SSF.load(code, Number(id));
  return (loaded = X);
}

/** Input the full reader takes at most: it holds the whole workbook model, several times its size. */
export const MAX_FULL_READ_BYTES = 100 * 1024 * 1024;

/** The file is password-protected (encrypted OOXML in an OLE container, or a BIFF FILEPASS record). */
export class Encrypted extends Error {}

/** The file holds no spreadsheet (an OLE container with no Workbook stream: a Word or PowerPoint file). */
export class NotSpreadsheet extends Error {}

interface CfbEntry { name: string; content?: Uint8Array | number[]; size: number; type: number }
interface Cfb { FileIndex: CfbEntry[] }

/** Checks an OLE compound file before it is parsed: encrypted (either kind) or not a workbook at all. */
export function checkOle(buf: Buffer): void {
  let cfb: Cfb;
  try {
    cfb = sheetJs().CFB.read(buf, { type: 'buffer' }) as Cfb;
  } catch (e) {
    throw new DamagedFile(`OLE container: ${(e as Error).message}`);
  }
  const names = new Set(cfb.FileIndex.map((f) => f.name));
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo') || names.has('\u0006DataSpaces')) throw new Encrypted('encrypted OOXML package');
  const stream = cfb.FileIndex.find((f) => f.name === 'Workbook' || f.name === 'Book' || f.name === 'WORKBOOK' || f.name === 'BOOK');
  if (!stream?.content) throw new NotSpreadsheet(`no Workbook stream (streams: ${[...names].filter(Boolean).join(', ')})`);
  // BIFF records of the workbook globals, up to their EOF: FILEPASS (0x002F) means the file is encrypted.
  const b = Buffer.from(stream.content as Uint8Array);
  for (let p = 0; p + 4 <= b.length;) {
    const type = b.readUInt16LE(p);
    if (type === 0x002f) throw new Encrypted('BIFF FILEPASS record');
    if (type === 0x000a) break;
    p += 4 + b.readUInt16LE(p + 2);
  }
}

/** Error codes as SheetJS stores them → the text Excel shows. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function cellOf(c: CellObject, date1904: boolean, isDate: (fmt: string) => boolean): Cell | undefined {
  if (c.v === undefined || c.v === null) return c.f ? { formula: c.f, noResult: true } : undefined;
  switch (c.t) {
    case 's': { const s = String(c.v); return s === '' ? undefined : s; }
    case 'b': return !!c.v;
    case 'e': return { error: c.w ?? ERRORS[c.v as number] ?? `#${String(c.v)}` };
    case 'd': return c.v instanceof Date ? c.v : new Date(String(c.v));
    case 'n': {
      const n = c.v as number;
      return typeof c.z === 'string' && isDate(c.z) ? serialToDate(n, date1904) : n;
    }
    default: return undefined;
  }
}

function grid(name: string, ws: WorkSheet, date1904: boolean, isDate: (fmt: string) => boolean): Grid {
  const budget = new CellBudget(name);
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  const rows: (Cell | undefined)[][] = [];
  data.forEach((row, r) => {
    if (!row) return;
    budget.spend(row.length);
    const out: (Cell | undefined)[] = (rows[r] = []);
    row.forEach((c, col) => { if (c) { const v = cellOf(c, date1904, isDate); if (v !== undefined) out[col] = v; } });
  });
  const merges: Box[] = (ws['!merges'] ?? []).map((m) => {
    budget.spend(1);
    return { top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c };
  });
  return finishGrid(name, rows, merges, budget);
}

/** An HTML table or an Excel 2003 XML workbook, already decoded to text. */
export function readMarkupWithSheetJs(text: string): Grid[] {
  if (text.length > MAX_FULL_READ_BYTES) throw new TooLarge(`文件有 ${size(text.length)}，超过 shuxiang 能完整读取的上限 ${size(MAX_FULL_READ_BYTES)}`);
  // An HTML table's cells are text as the exporting system wrote them: kept as text (raw), not guessed into
  // numbers — an ID number, a 工号 00123 or a landline 010… would lose digits. (A 2003 XML workbook types
  // its own cells; raw leaves those as typed.)
  return readWithSheetJs(text, { raw: true });
}

interface ZipEntries { FullPaths: string[]; FileIndex: { content?: Uint8Array | number[]; size: number }[] }

/**
 * An .xlsb or .xlsx with the built-in formats of EAST_ASIAN_FORMATS written into its styles (BrtFmt
 * records right after BrtBeginStyleSheet; numFmt elements at the head of numFmts): SheetJS resets its
 * format table when it opens a zip, so a date the file formats by number alone (31: 2026年3月10日, as a
 * Chinese Excel saves it) would read as a plain number. The file's own formats come later and win.
 * Anything else is returned as it is.
 */
function withEastAsianFormats(X: SheetJs, buf: Buffer): Buffer {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return buf;
  let zip: ZipEntries;
  try {
    zip = X.CFB.read(buf, { type: 'buffer' }) as unknown as ZipEntries;
  } catch {
    return buf;
  }
  const at = zip.FullPaths.findIndex((p) => /\/xl\/styles\.(bin|xml)$/i.test(p));
  const entry = zip.FileIndex[at];
  if (!entry?.content) return buf;
  const styles = Buffer.from(entry.content as Uint8Array);
  const content = zip.FullPaths[at]!.toLowerCase().endsWith('.bin') ? binStyles(styles) : xmlStyles(styles);
  if (!content) return buf;
  entry.content = content;
  entry.size = content.length;
  return Buffer.from(X.CFB.write(zip as never, { fileType: 'zip', type: 'buffer' }) as Uint8Array);
}

/** styles.bin with BrtFmt records of the East Asian formats after its first record. */
function binStyles(styles: Buffer): Buffer | undefined {
  const first = recordEnd(styles, 0);
  if (first === undefined) return undefined;
  const formats = Object.entries(EAST_ASIAN_FORMATS).map(([id, code]) => brtFmt(Number(id), code));
  return Buffer.concat([styles.subarray(0, first), ...formats, styles.subarray(first)]);
}

/** styles.xml with numFmt elements of the East Asian formats first in numFmts (made if there is none). */
function xmlStyles(styles: Buffer): Buffer | undefined {
  const xml = styles.toString('utf8');
  const own = /<([A-Za-z_][\w.-]*:)?numFmts\b[^>]*?(\/?)>/.exec(xml);
  const sheet = /<([A-Za-z_][\w.-]*:)?styleSheet\b[^>]*>/.exec(xml);
  const prefix = (own ?? sheet)?.[1] ?? '';
  const list = Object.entries(EAST_ASIAN_FORMATS).map(([id, code]) => `<${prefix}numFmt numFmtId="${id}" formatCode="${code.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"/>`).join('');
  if (own && !own[2]) return Buffer.from(xml.slice(0, own.index + own[0].length) + list + xml.slice(own.index + own[0].length), 'utf8');
  const open = `<${prefix}numFmts>${list}</${prefix}numFmts>`;
  if (own) return Buffer.from(xml.slice(0, own.index) + open + xml.slice(own.index + own[0].length), 'utf8');
  if (sheet && !sheet[0].endsWith('/>')) return Buffer.from(xml.slice(0, sheet.index + sheet[0].length) + open + xml.slice(sheet.index + sheet[0].length), 'utf8');
  return undefined;
}

/** Where the BIFF12 record at `at` ends (type: 1–2 bytes, size: 1–4 bytes, 7 bits each); undefined if cut short. */
function recordEnd(b: Buffer, at: number): number | undefined {
  let i = at;
  for (let k = 0; k < 2 && i < b.length; k++) if (!(b[i++]! & 0x80)) break;
  let size = 0;
  for (let k = 0; k < 4 && i < b.length; k++) {
    const byte = b[i++]!;
    size |= (byte & 0x7f) << (7 * k);
    if (!(byte & 0x80)) return i + size <= b.length ? i + size : undefined;
  }
  return undefined;
}

/** A BrtFmt record: format id (2 bytes) and its code as an XLWideString (length in 4 bytes, UTF-16LE). */
function brtFmt(id: number, code: string): Buffer {
  const payload = Buffer.alloc(6 + 2 * code.length);
  payload.writeUInt16LE(id, 0);
  payload.writeUInt32LE(code.length, 2);
  payload.write(code, 6, 'utf16le');
  const size: number[] = [];
  for (let n = payload.length; ; n >>= 7) {
    if (n < 0x80) { size.push(n); break; }
    size.push((n & 0x7f) | 0x80);
  }
  return Buffer.concat([Buffer.from([0x2c, ...size]), payload]);
}

/** Every worksheet of a workbook SheetJS reads (chart and dialog sheets left out). */
export function readWithSheetJs(buf: Buffer | string, opts: { codepage?: number; raw?: boolean } = {}): Grid[] {
  if (buf.length > MAX_FULL_READ_BYTES) throw new TooLarge(`文件有 ${size(buf.length)}，超过 shuxiang 能完整读取的上限 ${size(MAX_FULL_READ_BYTES)}`);
  const X = sheetJs();
  let wb: WorkBook;
  // SheetJS prints its own English notes on stderr while reading (an .ods LibreOffice saved: "ODS number
  // format may be incorrect"); they are not the user's to read.
  const say = console.error;
  console.error = () => {};
  try {
    wb = X.read(typeof buf === 'string' ? buf : withEastAsianFormats(X, buf), { type: typeof buf === 'string' ? 'string' : 'buffer', dense: true, cellDates: false, cellFormula: true, cellNF: true, cellText: false, cellHTML: false, cellStyles: false, sheetStubs: false, WTF: false, ...(opts.codepage ? { codepage: opts.codepage } : {}), ...(opts.raw ? { raw: true } : {}) });
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/password|encrypt/i.test(message)) throw new Encrypted(message);
    throw new DamagedFile(message);
  } finally {
    console.error = say;
  }
  // SheetJS does not say which sheets of an OpenDocument file are hidden: read from its table styles.
  const odsHidden = wb.Workbook?.Sheets?.some((x) => x.Hidden !== undefined) ? undefined : hiddenOdsTables(X, buf);
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const isDate = (fmt: string) => X.SSF.is_date(fmt);
  const grids: Grid[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) continue;
    const g = grid(name, ws, date1904, isDate);
    if (wb.Workbook?.Sheets?.[i]?.Hidden || odsHidden?.has(name)) g.hidden = true;
    grids.push(g);
    delete wb.Sheets[name];
  }
  return grids;
}

/** The names of the tables an OpenDocument spreadsheet hides (a table style with table:display="false"),
 * from its content.xml (an .ods) or its own text (a flat .fods); undefined for any other file. */
function hiddenOdsTables(X: SheetJs, buf: Buffer | string): Set<string> | undefined {
  let xml: string;
  if (typeof buf === 'string') {
    if (!buf.includes('urn:oasis:names:tc:opendocument:xmlns:table')) return undefined;
    xml = buf;
  } else {
    // An .ods begins with its uncompressed mimetype entry (the only zip this concerns).
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50 || !buf.subarray(0, 120).toString('latin1').includes('opendocument')) return undefined;
    let zip: ZipEntries;
    try {
      zip = X.CFB.read(buf, { type: 'buffer' }) as unknown as ZipEntries;
    } catch {
      return undefined;
    }
    const at = zip.FullPaths.findIndex((p) => /\/content\.xml$/i.test(p));
    const entry = zip.FileIndex[at];
    if (!entry?.content) return undefined;
    xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
  }
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const unescape = (v: string) => v.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
  const hiddenStyles = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    if (attr(m[1]!, 'style:family') !== 'table' || !/table:display="false"/.test(m[2]!)) continue;
    const name = attr(m[1]!, 'style:name');
    if (name) hiddenStyles.add(name);
  }
  const out = new Set<string>();
  if (hiddenStyles.size === 0) return out;
  for (const m of xml.matchAll(/<table:table\b([^>]*)>/g)) {
    const style = attr(m[1]!, 'table:style-name');
    const name = attr(m[1]!, 'table:name');
    if (style && name && hiddenStyles.has(style)) out.add(unescape(name));
  }
  return out;
}
