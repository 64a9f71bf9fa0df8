// A fast, low-memory reader for plain .xlsx workbooks (what Excel, WPS and exceljs write): values only,
// straight into Grids, giving exactly what exceljs's readFile + normaliseCell give (the test
// test/io/fastXlsx.test.ts compares the two). Anything unusual throws NotPlainXlsx and readGrids reads
// the file with exceljs instead, so odd files lose speed, never correctness.
import type { Cell, Grid } from '../../domain/grid.js';
import { NotPlainXlsx, zipEntries } from './zipEntries.js';

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: entities decoded, line ends normalised. */
function text(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name]!;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    if (cp > 0x10ffff) throw new NotPlainXlsx(`bad character reference ${m}`);
    return String.fromCodePoint(cp);
  });
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = text(m[2] ?? m[3]!);
  return out;
}

/** exceljs decodes Excel's _xHHHH_ escapes in shared strings and rich-text runs (not in plain inline text). */
const unescapeX = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** The text of a string item (shared or inline): its runs joined, phonetic runs left out; undefined when it has no text element. */
function stringItem(xml: string, shared: boolean): string | undefined {
  if (xml.includes('<rPh')) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  const rich = xml.includes('<r>') || xml.includes('<r ');
  let out: string | undefined;
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) {
    const t = m[1] ? text(m[1]) : '';
    out = (out ?? '') + (shared || rich ? unescapeX(t) : t);
  }
  return out;
}

/** Shared strings by index; undefined marks an item exceljs would not read as text (a cell using it falls back). */
function sharedStrings(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const out: (string | undefined)[] = [];
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(m[1] ? stringItem(m[1], true) : undefined);
  return out;
}

/** The built-in number formats exceljs reads as dates (its defaultnumformats.js; fastXlsx.test.ts checks). */
export const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule for a date format: y, m, d, h, s or b outside quotes and brackets. */
export const isDateFormat = (fmt: string | undefined): boolean => !!fmt && /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Which cell styles (xf index) show numbers as dates, as exceljs decides it. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    const own = custom.get(id);
    out.push(id ? (own ? isDateFormat(own) : BUILTIN_DATE_FORMATS.has(id)) : false);
  }
  return out;
}

const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

function colIndex(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + ch - 64;
  }
  return c - 1;
}

interface Book { ss: (string | undefined)[]; dates: boolean[]; date1904: boolean }

/** One cell's value from its attributes and inner XML; undefined for an empty cell. */
function cellValue(a: Record<string, string>, inner: string, book: Book): Cell | undefined {
  const t = a.t ?? 'n';
  // An empty <v></v> is no value at all to exceljs.
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1] || undefined;
  const isDate = () => { const s = Number(a.s ?? 0); return s > 0 && book.dates[s] === true; };
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  if (f) {
    if (v === undefined) {
      if (!f[2]) throw new NotPlainXlsx('shared formula without a result');
      return { formula: text(f[2]), noResult: true };
    }
    if (t === 'str' || t === 'b' || t === 'e') {
      // exceljs turns a date-formatted formula's result into a date whatever its type: leave that to it.
      if (isDate()) throw new NotPlainXlsx('a text result in a date cell');
      if (t === 'b') return parseInt(v, 10) !== 0;
      if (t === 'e') return { error: text(v) };
      const s = text(v);
      if (s.includes('&')) throw new NotPlainXlsx('entity in a formula text');
      return s;
    }
    const n = parseFloat(v);
    return isDate() ? excelToDate(n, book.date1904) : n;
  }
  if (t === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner)?.[1];
    if (is === undefined) { if (v !== undefined) throw new NotPlainXlsx('inline string in <v>'); return undefined; }
    const s = stringItem(is, false);
    // Plain inline text that is empty is no value to exceljs; rich text always is one.
    return s === '' && !/<r[\s>]/.test(is) ? undefined : s;
  }
  if (v === undefined) return undefined;
  switch (t) {
    case 's': {
      const s = book.ss[parseInt(v, 10)];
      if (s === undefined) throw new NotPlainXlsx('shared string out of range');
      return s;
    }
    case 'str': { const s = text(v); if (s.includes('&')) throw new NotPlainXlsx('entity in a text cell'); return s; }
    case 'b': return parseInt(v, 10) !== 0;
    case 'e': return { error: text(v) };
    case 'n': { const n = parseFloat(v); return isDate() ? excelToDate(n, book.date1904) : n; }
    default: throw new NotPlainXlsx(`cell type ${t}`);
  }
}

const TAG = /<(row|c)\b([^>]*?)(\/?)>|<\/row>/g;

function sheet(name: string, xml: string, book: Book): Grid {
  const start = xml.indexOf('<sheetData');
  if (start < 0 || xml.includes('<![CDATA[') || xml.includes('<!--') || /<\w+:(?:row|c|sheetData)\b/.test(xml)) throw new NotPlainXlsx('unusual sheet XML');
  const end = xml.indexOf('</sheetData>', start);
  const rows: Cell[][] = [];
  let cells: Cell[] | undefined;
  let rowNo = 0;
  let col: number;
  TAG.lastIndex = start;
  const limit = end < 0 ? start : end;
  for (let m = TAG.exec(xml); m && m.index < limit; m = TAG.exec(xml)) {
    if (m[1] === 'row') {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(m[2]!);
      if (!r) throw new NotPlainXlsx('a row without its number');
      rowNo = Number(r[1]);
      cells = [];
      if (m[3]) cells = undefined;
      continue;
    }
    if (m[1] === undefined) {
      if (cells && cells.length > 0) {
        // Holes are cells that were absent or styled but empty.
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        rows[rowNo - 1] = cells;
      }
      cells = undefined;
      continue;
    }
    if (!cells) throw new NotPlainXlsx('cell outside a row');
    const a = attrs(m[2]!);
    if (!a.r) throw new NotPlainXlsx('a cell without its reference');
    col = colIndex(a.r);
    let inner = '';
    if (!m[3]) {
      const close = xml.indexOf('</c>', TAG.lastIndex);
      if (close < 0) throw new NotPlainXlsx('unclosed cell');
      inner = xml.slice(TAG.lastIndex, close);
      TAG.lastIndex = close + 4;
    }
    const value = cellValue(a, inner, book);
    if (value !== undefined) cells[col] = value;
    // exceljs reads an empty cell without a style as merged: a null that still counts as a cell.
    else if (!Number(a.s ?? 0)) cells[col] = null;
  }
  const merges: Grid['merges'] = [];
  for (const mm of xml.slice(limit).matchAll(/<mergeCell\s[^>]*?ref\s*=\s*["']([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?["']/g)) {
    const box = { top: Number(mm[2]) - 1, left: colIndex(mm[1]!), bottom: Number(mm[4] ?? mm[2]) - 1, right: colIndex(mm[3] ?? mm[1]!) };
    if (box.bottom < box.top || box.right < box.left) throw new NotPlainXlsx('reversed merge');
    // The overlap check is quadratic: a sheet with thousands of merges is left to exceljs.
    if (merges.length > 2000) throw new NotPlainXlsx('too many merges');
    if (merges.some((x) => box.top <= x.bottom && box.bottom >= x.top && box.left <= x.right && box.right >= x.left)) throw new NotPlainXlsx('overlapping merges');
    merges.push(box);
  }
  // exceljs shows every cell a merge covers (but its top-left) with the top-left cell's value.
  for (const box of merges) {
    const master = rows[box.top]?.[box.left] ?? null;
    for (let r = box.top; r <= box.bottom; r++) {
      const row = (rows[r] ??= []);
      for (let c = box.left; c <= box.right; c++) if (r > box.top || c > box.left) row[c] = master;
      for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    }
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name, rows, merges };
}

/** Every worksheet of a plain .xlsx in workbook order, or NotPlainXlsx. */
export function readPlainXlsx(buf: Buffer): Grid[] {
  const zip = zipEntries(buf);
  const read = (path: string) => zip.get(path)?.().toString('utf8');
  const workbook = read('xl/workbook.xml');
  const rels = read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new NotPlainXlsx('no xl/workbook.xml');
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    const target = a.Target!.startsWith('/') ? a.Target!.slice(1) : `xl/${a.Target}`;
    targets.set(a.Id!, { type: a.Type ?? '', target });
  }
  const partOf = (type: string) => [...targets.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const book: Book = {
    ss: sharedStrings(read(partOf('sharedStrings') ?? 'xl/sharedStrings.xml')),
    dates: dateStyles(read(partOf('styles') ?? 'xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904\s*=\s*["']1["']/.test(workbook),
  };
  const grids: Grid[] = [];
  for (const m of workbook.matchAll(/<sheet\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]!);
    const rel = targets.get(a['r:id'] ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) throw new NotPlainXlsx('a sheet that is not a worksheet');
    const xml = read(rel.target);
    if (xml === undefined) throw new NotPlainXlsx(`missing ${rel.target}`);
    grids.push(sheet(a.name ?? '', xml, book));
  }
  if (grids.length === 0) throw new NotPlainXlsx('no worksheets');
  return grids;
}
