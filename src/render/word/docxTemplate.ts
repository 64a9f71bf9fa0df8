// Fills a user's own .docx with the report's figures: every {{占位符}} in the text of the body, headers
// and footers is replaced, keeping the document's own layout. Word often splits typed text over several
// runs ({{ in one, 在册人数 in another); the text of a whole paragraph is matched, and the value goes into
// the run where the placeholder starts (its formatting applies), the rest of the placeholder is removed.
// Not supported: placeholders inside fields, text boxes nested in a paragraph, and generated tables.
import { readFile, writeFile } from 'node:fs/promises';
import { UserError } from '../../shared/errors.js';

const PARAGRAPH = /<w:p\b[^>]*>[\s\S]*?<\/w:p>/g;
const TEXT = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes `out`: the template with its placeholders filled; returns the placeholder names it did not know. */
export async function fillDocxTemplate(template: string, out: string, fields: Record<string, string>): Promise<string[]> {
  const JSZip = (await import('jszip')).default;
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(await readFile(template));
  } catch {
    throw new UserError(`模板 ${template} 不是有效的 .docx 文件。`, ['请用 Word 或 WPS 打开它，另存为“Word 文档 (*.docx)”后再试。']);
  }
  if (!zip.file('word/document.xml')) throw new UserError(`模板 ${template} 中没有 Word 正文（word/document.xml），不是 Word 文档。`);
  const unknown = new Set<string>();
  for (const name of Object.keys(zip.files).filter((n) => PARTS.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, fillXml(xml, fields, unknown));
  }
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return [...unknown];
}

/** Fills the placeholders of every paragraph of one XML part (exported for tests). */
export function fillXml(xml: string, fields: Record<string, string>, unknown = new Set<string>()): string {
  return xml.replace(PARAGRAPH, (p) => fillParagraph(p, fields, unknown));
}

function fillParagraph(p: string, fields: Record<string, string>, unknown: Set<string>): string {
  const nodes = [...p.matchAll(TEXT)];
  const texts = nodes.map((m) => decode(m[2]!));
  const joined = texts.join('');
  if (!joined.includes('{{')) return p;
  const starts: number[] = [];
  texts.reduce((at, t) => (starts.push(at), at + t.length), 0);
  const nodeAt = (pos: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= pos) i++;
    return i;
  };
  const found = [...joined.matchAll(PLACEHOLDER)].filter((m) => {
    if (m[1]! in fields) return true;
    unknown.add(m[1]!);
    return false;
  });
  if (!found.length) return p;
  // Right to left, so the offsets of earlier placeholders stay valid.
  for (const m of found.reverse()) {
    const a = m.index!;
    const b = a + m[0].length;
    const i = nodeAt(a);
    const k = nodeAt(b - 1);
    const value = fields[m[1]!]!;
    if (i === k) texts[i] = texts[i]!.slice(0, a - starts[i]!) + value + texts[i]!.slice(b - starts[i]!);
    else {
      texts[i] = texts[i]!.slice(0, a - starts[i]!) + value;
      for (let j = i + 1; j < k; j++) texts[j] = '';
      texts[k] = texts[k]!.slice(b - starts[k]!);
    }
  }
  let n = 0;
  return p.replace(TEXT, () => {
    const t = texts[n++]!;
    return `<w:t xml:space="preserve">${t.split('\n').map(encode).join('</w:t><w:br/><w:t xml:space="preserve">')}</w:t>`;
  });
}
