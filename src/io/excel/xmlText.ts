// The XML reading the fast .xlsx reader needs, without an XML parser: element text (entities, CDATA,
// line ends), attributes, start tags, namespace prefixes bound on the root, and part paths. What the
// standard allows is read as a parser would; a malformed reference or an unclosed CDATA is DamagedFile.
import { DamagedFile } from './zipEntries.js';

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and the five named entity references decoded, line ends normalised. */
export function decode(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name]!;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    if (cp > 0x10ffff) throw new DamagedFile(`bad character reference ${m}`);
    return String.fromCodePoint(cp);
  });
}

/** Element text as an XML parser gives it: entities decoded, line ends normalised, CDATA taken as written. */
export function text(s: string): string {
  if (!s.includes('<![CDATA[')) return decode(s);
  let out = '';
  let i = 0;
  for (;;) {
    const open = s.indexOf('<![CDATA[', i);
    if (open < 0) return out + decode(s.slice(i));
    const close = s.indexOf(']]>', open + 9);
    if (close < 0) throw new DamagedFile('unclosed CDATA section');
    out += decode(s.slice(i, open)) + s.slice(open + 9, close).replace(/\r\n?/g, '\n');
    i = close + 3;
  }
}

/** Attributes of a start tag, values decoded. */
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
export function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decode(m[2] ?? m[3]!);
  return out;
}

/** Start tags of an element, attribute values free to hold '>' (a legal `[>=1]yyyy-mm-dd`). */
export const tags = (xml: string, name: string) => xml.matchAll(new RegExp(`<${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*?)/?>`, 'g'));

/** Prefixes the root element binds to one of these namespaces. */
export function prefixesFor(xml: string, ns: string[]): string[] {
  const head = xml.slice(0, 8192);
  const out: string[] = [];
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) if (ns.includes(m[2]!.trim())) out.push(m[1]!);
  return out;
}

/** The part with its elements' namespace prefix (`x:worksheet`, `ns0:Relationship`) taken off. */
export function unprefix(xml: string, ns: string[]): string {
  for (const p of prefixesFor(xml, ns)) xml = xml.replace(new RegExp(`<(/?)${p.replace(/\./g, '\\.')}:`, 'g'), '<$1');
  return xml;
}

/** "xl/worksheets/../x.xml" → "xl/x.xml". */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
