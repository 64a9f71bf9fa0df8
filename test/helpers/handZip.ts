// Workbooks written by hand, byte for byte: a minimal zip writer (stored or deflated, sizes declared
// truthfully or not) and the few parts an .xlsx needs, so each edge case is exactly the XML a test
// states — an oracle independent of every reader and writer in the project.
import { crc32, deflateRawSync, constants } from 'node:zlib';

export interface ZipPart {
  path: string;
  data?: string | Buffer;
  /** Already deflated bytes (a bomb built without materialising it); `size`/`crc` describe the content. */
  deflated?: Buffer;
  size?: number;
  crc?: number;
  /** Declare this uncompressed size instead of the real one (a lying archive). */
  declare?: number;
}

/** A zip header: its signature, then little-endian fields at their offsets. */
function record(length: number, signature: number, fields: [offset: number, width: 2 | 4, value: number][]): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value >>> 0, at);
  }
  return b;
}

/** A zip archive of the parts, in order. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = p.data === undefined ? undefined : Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const body = p.deflated ?? deflateRawSync(raw!);
    const size = p.declare ?? p.size ?? raw!.length;
    const crc = p.crc ?? (raw ? crc32(raw) : 0);
    const name = Buffer.from(p.path, 'utf8');
    // Version 20, UTF-8 names, deflate; the central record adds "made by" and the local header's offset.
    const local = record(30, 0x04034b50, [[4, 2, 20], [6, 2, 0x0800], [8, 2, 8], [14, 4, crc], [18, 4, body.length], [22, 4, size], [26, 2, name.length]]);
    const cd = record(46, 0x02014b50, [[4, 2, 20], [6, 2, 20], [8, 2, 0x0800], [10, 2, 8], [16, 4, crc], [20, 4, body.length], [24, 4, size], [28, 2, name.length], [42, 4, offset]]);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = record(22, 0x06054b50, [[8, 2, parts.length], [10, 2, parts.length], [12, 4, cdSize], [16, 4, offset]]);
  return Buffer.concat([...locals, ...central, end]);
}

/**
 * `head`, then `unit` repeated `times`, then `tail`, deflated without building the whole: the unit is
 * compressed once with a full flush (which resets the dictionary and aligns to a byte), so its bytes
 * can simply be repeated. The CRC is not computed (readers that check it refuse such a bomb anyway).
 */
export function deflatedRepeat(head: string, unit: string, times: number, tail: string): { deflated: Buffer; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  // Many units per chunk make each flushed chunk small relative to what it stands for.
  const per = Math.max(1, Math.floor((1 << 20) / unit.length));
  const chunk = deflateRawSync(Buffer.from(unit.repeat(per)), flush);
  const parts = [deflateRawSync(Buffer.from(head), flush)];
  for (let i = 0; i < Math.floor(times / per); i++) parts.push(chunk);
  const rest = times % per;
  if (rest) parts.push(deflateRawSync(Buffer.from(unit.repeat(rest)), flush));
  parts.push(deflateRawSync(Buffer.from(tail)));
  return { deflated: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail) };
}

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HandSheet {
  name: string;
  /** The worksheet's XML, whole (use `worksheet()` for the usual wrapper). */
  xml: string | Omit<ZipPart, 'path'>;
  /** Where the part lives (default xl/worksheets/sheetN.xml) and how the workbook's rels name it. */
  path?: string;
  target?: string;
  type?: 'worksheet' | 'chartsheet';
}

export interface HandBook {
  sheets: HandSheet[];
  sharedStrings?: string | Omit<ZipPart, 'path'>;
  styles?: string;
  workbookPr?: string;
  /** Rewrite the workbook, rels or root rels (namespace prefixes and the like). */
  workbookXml?: (sheets: string) => string;
  relsXml?: (rels: string) => string;
  extra?: ZipPart[];
}

/** A worksheet part around the given sheetData content (and anything after it, such as mergeCells). */
export const worksheet = (rows: string, after = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** styles.xml with these number formats (id → code) and one cellXfs entry per listed numFmtId. */
export function styles(numFmts: Record<number, string>, xfs: number[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fmts = Object.entries(numFmts).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${Object.keys(numFmts).length}">${fmts}</numFmts><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
}

/** The .xlsx bytes. */
export function handXlsx(book: HandBook): Buffer {
  const rels: string[] = [];
  const sheets: string[] = [];
  const parts: ZipPart[] = [];
  const types: string[] = [];
  book.sheets.forEach((s, i) => {
    const kind = s.type ?? 'worksheet';
    const path = s.path ?? `xl/${kind}s/sheet${i + 1}.xml`;
    const target = s.target ?? path.replace(/^xl\//, '');
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${target}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    parts.push(typeof s.xml === 'string' ? { path, data: s.xml } : { path, ...s.xml });
    types.push(`<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind === 'worksheet' ? 'worksheet' : 'chartsheet'}+xml"/>`);
  });
  if (book.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push(typeof book.sharedStrings === 'string' ? { path: 'xl/sharedStrings.xml', data: book.sharedStrings } : { path: 'xl/sharedStrings.xml', ...book.sharedStrings });
    types.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  }
  if (book.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ path: 'xl/styles.xml', data: book.styles });
    types.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  }
  const sheetsXml = `<sheets>${sheets.join('')}</sheets>`;
  const workbook = book.workbookXml?.(sheetsXml) ?? `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.workbookPr ?? ''}${sheetsXml}</workbook>`;
  const relsXml = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`;
  return zip([
    { path: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types.join('')}</Types>` },
    { path: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { path: 'xl/workbook.xml', data: workbook },
    { path: 'xl/_rels/workbook.xml.rels', data: book.relsXml?.(relsXml) ?? relsXml },
    ...parts,
    ...(book.extra ?? []),
  ]);
}
