// A fast, low-memory reader for .xlsx workbooks (what Excel, WPS, LibreOffice, Numbers, Google Sheets and
// report generators write): values only, straight into Grids. It reads the XML as the standard defines
// it — parts found through their relationships, any namespace prefix, rows and cells with or without
// their references, inline and shared strings (CDATA, entities, _xHHHH_ escapes, phonetic runs left
// out), cached formula results (0 included), t="d" dates, both date systems — and refuses what it does
// not handle (xlsb, zip64, encrypted entries) with NotPlainXlsx, the one signal on which readGrids hands
// the file to the full reader. Any other exception is a bug. Work is bounded (read/limits.ts).
import type { Cell, Grid } from '../../domain/grid.js';
import { finishGrid, serialToDate, type Box } from '../read/gridBuild.js';
import { CellBudget, MAX_CELLS, TooLarge, count, tooManyCells } from '../read/limits.js';
import { BUILTIN_DATE_FORMATS, isDateFormat } from './dateFormats.js';
import { attrs, decode, normalisePath, prefixesFor, tags, text, unprefix } from './xmlText.js';
import { DamagedFile, NotPlainXlsx, zipEntries, type ZipEntry } from './zipEntries.js';

export { BUILTIN_DATE_FORMATS, isDateFormat };

interface CellAttrs { r?: string; t?: string; s?: string }
/** A cell's r, t and s attributes, without a regex (this runs once per cell: millions of times). */
function cellAttrs(s: string): CellAttrs {
  const out: CellAttrs = {};
  for (let i = 0; ;) {
    const eq = s.indexOf('=', i);
    if (eq < 0) return out;
    let end = eq - 1;
    while (end >= 0 && s.charCodeAt(end) <= 32) end--;
    let begin = end;
    while (begin >= 0 && s.charCodeAt(begin) > 32) begin--;
    let q = eq + 1;
    while (q < s.length && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") return out;
    const close = s.indexOf(quote, q + 1);
    if (close < 0) return out;
    if (end === begin + 1) {
      const name = s[end];
      if (name === 'r' || name === 't' || name === 's') out[name] = decode(s.slice(q + 1, close));
    }
    i = close + 1;
  }
}

/** Excel's _xHHHH_ escapes (ST_Xstring): _x000D_ is a carriage return, _x005F_ an underscore. */
const unescapeX = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** The text of a string item (shared or inline): its runs joined, phonetic runs (<rPh>) left out. */
function stringItem(xml: string): string {
  if (xml.includes('<rPh')) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) if (m[1]) out += text(m[1]);
  return unescapeX(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    if (out.length >= MAX_CELLS) throw new TooLarge(`共享字符串表的条目超过 ${count(MAX_CELLS)} 个，超出 shuxiang 能读取的上限`);
    out.push(m[1] ? stringItem(m[1]) : '');
  }
  return out;
}

/** Per cell style (xf index): whether it shows numbers as dates, and the digits a zero-padding format
 * ("00000": a 工号 123 shown as 00123) pads whole numbers to (0: none). */
function cellStyles(xml: string | undefined): { dates: boolean[]; pads: number[] } {
  if (!xml) return { dates: [], pads: [] };
  const custom = new Map<number, string>();
  for (const m of tags(xml, 'numFmt')) {
    const a = attrs(m[1]!);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dates: boolean[] = [];
  const pads: number[] = [];
  for (const m of tags(xfs, 'xf')) {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    const own = custom.get(id);
    dates.push(own !== undefined ? isDateFormat(own) : BUILTIN_DATE_FORMATS.has(id));
    pads.push(own !== undefined && /^0{2,}$/.test(own) ? own.length : 0);
  }
  return { dates, pads };
}

/** 0-based column of a reference's letters ("AB12" → 27), or -1 without letters. */
function colIndex(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch === 4) continue; // '$'
    if (ch < 65 || ch > 90) break;
    c = c * 26 + ch - 64;
  }
  return c - 1;
}

/** An ISO 8601 date (t="d") as the date and time it names, time-zone free; undefined when it is not one. */
function isoDate(s: string): Date | undefined {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?)?/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

interface Book { ss: string[]; dates: boolean[]; pads: number[]; date1904: boolean }

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function number(v: string, where: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || (n === 0 && v.trim() === '')) throw new DamagedFile(`${where}: "${v.slice(0, 50)}" is not a number`);
  return n;
}

/** One cell's value from its attributes and inner XML; undefined for an empty cell. */
function cellValue(a: CellAttrs, inner: string, book: Book, shared: Map<string, string>, where: string): Cell | undefined {
  const t = a.t ?? 'n';
  const vm = /<v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
  const v = vm ? text(vm[1] ?? '') : undefined;
  const isDate = () => book.dates[Number(a.s ?? 0)] === true;
  const f = inner.includes('<f') ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner) : null;
  let formula: string | undefined;
  if (f) {
    const fa = attrs(f[1]!);
    formula = f[2] ? text(f[2]) : undefined;
    if (fa.t === 'shared' && fa.si !== undefined) {
      if (formula !== undefined) shared.set(fa.si, formula);
      else formula = shared.get(fa.si);
    }
  }
  if (t === 'inlineStr') {
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(inner)?.[1];
    const s = is !== undefined ? stringItem(is) : v !== undefined ? unescapeX(v) : undefined;
    return s ? s : undefined;
  }
  if (v === undefined || (v === '' && t !== 'str')) return f ? { formula: formula ?? '', noResult: true } : undefined;
  switch (t) {
    case 's': {
      const s = book.ss[number(v, where)];
      if (s === undefined) throw new DamagedFile(`${where}: shared string ${v} out of range`);
      return s === '' ? undefined : s;
    }
    case 'str': { const s = unescapeX(v); return s === '' ? undefined : s; }
    case 'b': return v.trim() === '1' || v.trim() === 'true';
    case 'e': return { error: v };
    case 'd': {
      const d = isoDate(v);
      if (!d) throw new DamagedFile(`${where}: "${v.slice(0, 50)}" is not an ISO date`);
      return d;
    }
    case 'n': case '': {
      const n = number(v, where);
      if (isDate()) return serialToDate(n, book.date1904);
      // A whole number its format pads with zeros is what the cell shows (00123), as typed.
      const pad = book.pads[Number(a.s ?? 0)] ?? 0;
      return pad && Number.isInteger(n) && n >= 0 && String(n).length < pad ? String(n).padStart(pad, '0') : n;
    }
    default: throw new DamagedFile(`${where}: unknown cell type ${t}`);
  }
}

const TAG = /<(row|c)\b([^>]*?)(\/?)>|<\/row>/g;

/** How many <c> elements lie between start and end, stopping past MAX_CELLS. */
function countCells(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = xml.indexOf('<c', start); i >= 0 && i < end && n <= MAX_CELLS; i = xml.indexOf('<c', i + 2)) {
    const next = xml.charCodeAt(i + 2);
    if (next === 47 || next === 62 || next === 32 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

function sheet(name: string, xml: string, book: Book): Grid {
  const budget = new CellBudget(name);
  let start = xml.indexOf('<sheetData');
  if (start < 0) return finishGrid(name, [], [], budget);
  let end = xml.indexOf('</sheetData>', start);
  if (end < 0) end = xml.length;
  if (xml.includes('<!--', start)) {
    // Comments can hide anything: drop them once (rare) rather than test for them at every tag.
    xml = xml.slice(0, end).replace(/<!--[\s\S]*?-->/g, '') + xml.slice(end);
    start = xml.indexOf('<sheetData');
    end = xml.indexOf('</sheetData>', start);
    if (end < 0) end = xml.length;
  }
  // Counted before anything is parsed: a sheet of millions of empty <c/> is refused in a fraction of a second.
  const elements = countCells(xml, start, end);
  if (elements > MAX_CELLS) throw tooManyCells(name);
  const rows: (Cell | undefined)[][] = [];
  const shared = new Map<string, string>();
  let cells: (Cell | undefined)[] | undefined;
  let rowNo = 0;
  let col = -1;
  let width = 0;
  TAG.lastIndex = start;
  for (let m = TAG.exec(xml); m && m.index < end; m = TAG.exec(xml)) {
    if (m[1] === 'row') {
      const r = /\br\s*=\s*["']\s*(\d+)\s*["']/.exec(m[2]!);
      rowNo = r ? Number(r[1]) : rowNo + 1;
      if (rowNo < 1 || rowNo > MAX_ROW) throw new DamagedFile(`row ${rowNo} outside the sheet`);
      col = -1;
      cells = m[3] ? undefined : (rows[rowNo - 1] ??= []);
      width = cells?.length ?? 0;
      continue;
    }
    if (m[1] === undefined) { cells = undefined; continue; }
    // A cell outside any <row> is not in the sheet (Excel drops it too).
    const a = cellAttrs(m[2]!);
    let inner = '';
    if (!m[3]) {
      const close = xml.indexOf('</c>', TAG.lastIndex);
      if (close < 0) throw new DamagedFile('unclosed cell');
      inner = xml.slice(TAG.lastIndex, close);
      TAG.lastIndex = close + 4;
    }
    if (!cells) continue;
    const ref = a.r;
    const c = ref ? colIndex(ref) : col + 1;
    col = c < 0 ? col + 1 : c;
    if (col >= MAX_COL) throw new DamagedFile(`column ${col + 1} outside the sheet`);
    // Every cell counts once, and so does every column a row's width grows by (a lone XFD1 is 16,384).
    budget.spend(Math.max(1, col + 1 - width));
    if (col + 1 > width) width = col + 1;
    const value = cellValue(a, inner, book, shared, ref ?? `R${rowNo}C${col + 1}`);
    if (value !== undefined) cells[col] = value;
  }
  const merges: Box[] = [];
  const tail = xml.indexOf('<mergeCells', end);
  if (tail >= 0) {
    for (const mm of xml.slice(tail, xml.indexOf('</mergeCells>', tail) >>> 0).matchAll(/<mergeCell\b[^>]*?\bref\s*=\s*["']\s*\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?\s*["']/g)) {
      const box = { top: Number(mm[2]) - 1, left: colIndex(mm[1]!.toUpperCase()), bottom: Number(mm[4] ?? mm[2]) - 1, right: colIndex((mm[3] ?? mm[1]!).toUpperCase()) };
      if (box.bottom < box.top) [box.top, box.bottom] = [box.bottom, box.top];
      if (box.right < box.left) [box.left, box.right] = [box.right, box.left];
      budget.spend(1);
      merges.push(box);
    }
  }
  return finishGrid(name, rows, merges, budget);
}

const MAIN_NS = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
const PKG_REL_NS = ['http://schemas.openxmlformats.org/package/2006/relationships'];
const DOC_REL_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

interface Rel { type: string; target: string }

/** Every worksheet of an .xlsx in workbook order (chart and dialog sheets left out), or NotPlainXlsx. */
export function readPlainXlsx(buf: Buffer): Grid[] {
  const zip = zipEntries(buf);
  const lower = new Map<string, ZipEntry>();
  for (const [k, e] of zip) lower.set(k.toLowerCase(), e);
  const entry = (path: string) => zip.get(path) ?? zip.get(`/${path}`) ?? lower.get(path.toLowerCase());
  const read = (path: string, what?: string) => entry(path)?.read(what).toString('utf8');
  /** The relationships of a part, by id, targets resolved against the part's folder. */
  const relsOf = (part: string): Map<string, Rel> => {
    const slash = part.lastIndexOf('/');
    const dir = part.slice(0, slash + 1);
    const xml = read(`${dir}_rels/${part.slice(slash + 1)}.rels`);
    const out = new Map<string, Rel>();
    if (!xml) return out;
    for (const m of tags(unprefix(xml, PKG_REL_NS), 'Relationship')) {
      const a = attrs(m[1]!);
      if (!a.Target || a.TargetMode === 'External') continue;
      const target = a.Target.replace(/\\/g, '/');
      out.set(a.Id ?? '', { type: a.Type ?? '', target: normalisePath(target.startsWith('/') ? target : dir + target) });
    }
    return out;
  };
  const root = [...relsOf('').values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (root.endsWith('.bin')) throw new NotPlainXlsx('binary workbook (xlsb)');
  const wbXml = read(root);
  if (wbXml === undefined) {
    if (entry('xl/workbook.bin')) throw new NotPlainXlsx('binary workbook (xlsb)');
    throw new DamagedFile(`no workbook part (${root})`);
  }
  const workbook = unprefix(wbXml, MAIN_NS);
  const rels = relsOf(root);
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const dir = root.slice(0, root.lastIndexOf('/') + 1);
  const ssPath = partOf('sharedStrings') ?? `${dir}sharedStrings.xml`;
  const stylesPath = partOf('styles') ?? `${dir}styles.xml`;
  const pr = [...tags(workbook, 'workbookPr')][0];
  const date1904 = /^(1|true)$/.test(attrs(pr?.[1] ?? '').date1904?.trim() ?? '');
  const styles = cellStyles(entry(stylesPath) ? unprefix(read(stylesPath, '样式表（styles）')!, MAIN_NS) : undefined);
  const book: Book = {
    ss: sharedStrings(entry(ssPath) ? unprefix(read(ssPath, '共享字符串表（sharedStrings）')!, MAIN_NS) : undefined),
    dates: styles.dates, pads: styles.pads,
    date1904,
  };
  const rid = [...prefixesFor(workbook, DOC_REL_NS), 'r'].map((p) => `${p}:id`);
  const grids: Grid[] = [];
  const sheetsXml = /<sheets\b[\s\S]*?<\/sheets>/.exec(workbook)?.[0] ?? '';
  for (const m of tags(sheetsXml, 'sheet')) {
    const a = attrs(m[1]!);
    const id = rid.map((k) => a[k]).find((x) => x !== undefined) ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rels.get(id ?? '');
    if (!rel) throw new DamagedFile(`sheet "${a.name}" has no relationship ${id}`);
    if (!rel.type.endsWith('/worksheet')) continue; // chart, dialog and macro sheets hold no cells to import
    const name = a.name ?? '';
    const xml = read(rel.target, `工作表“${name}”`);
    if (xml === undefined) throw new DamagedFile(`missing ${rel.target}`);
    const g = sheet(name, unprefix(xml, MAIN_NS), book);
    if (a.state === 'hidden' || a.state === 'veryHidden') g.hidden = true;
    grids.push(g);
  }
  return grids;
}
