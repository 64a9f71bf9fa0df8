// The text of an essay file, so `log writing --file` can count its characters: .txt in UTF-8 or GBK,
// .docx through jszip (already installed as a dependency of exceljs and docx; loaded only here).
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UserError } from '../shared/errors.js';
import { checkInputFile } from './readGrids.js';

/** The body text of a .txt or .docx file (a .docx's paragraphs joined by line breaks). */
export async function readDocumentText(file: string): Promise<string> {
  const name = basename(file);
  if (checkInputFile(file).isDirectory()) throw new UserError(`找不到文件 ${file}，请检查路径和文件名。`);
  const ext = extname(file).toLowerCase();
  const buf = readFileSync(file);
  if (ext === '.txt' || ext === '.md') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return new TextDecoder('gb18030').decode(buf);
    }
  }
  if (ext === '.doc' || ext === '.wps') {
    throw new UserError(`${name} 是旧版 Word/WPS 格式，shuxiang 只能读取 .docx 或 .txt。`, ['请用 Word 或 WPS 打开，另存为 .docx 后再试；也可以直接用 --chars 填写字数。']);
  }
  if (ext !== '.docx') throw new UserError(`--file 只能是 .docx 或 .txt 文件，“${name}”的扩展名是 ${ext || '（无）'}。`);
  // jszip comes with exceljs and docx; imported lazily so other commands never load it.
  const JSZip = (await import('jszip')).default;
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string');
  } catch {
    xml = undefined;
  }
  if (xml === undefined) throw new UserError(`无法读取 ${name}：不是有效的 .docx 文件（可能已损坏或被加密）。`, ['请用 Word 或 WPS 打开确认后另存为 .docx，或直接用 --chars 填写字数。']);
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(''))
    .join('\n');
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
