// The wording of the written summary on disk: the shipped template (templates/report/summary.md) and
// the organ's own (--template FILE, a .md wording template or a .docx with placeholders).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../shared/errors.js';

/** The shipped wording template. This file sits in src/io (vitest) or dist/io (built): two levels below the package. */
export function defaultWordingFile(): string {
  return fileURLToPath(new URL('../../templates/report/summary.md', import.meta.url));
}

/** The shipped wording. */
export function defaultWording(): string {
  return readFileSync(defaultWordingFile(), 'utf8');
}

/** Checks a --template file and returns its text (.md) or '' (.docx, read later by the filler). */
export function readWordingTemplate(file: string, kind: 'md' | 'docx'): string {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UserError(`找不到模板文件 ${file}。`, ['请检查文件名和路径是否写对。']);
  }
  if (kind === 'docx') return '';
  const text = readFileSync(file, 'utf8');
  if (text.includes('\uFFFD')) {
    throw new UserError(`模板文件 ${file} 不是 UTF-8 编码的文本。`, ['请用记事本“另存为”，编码选 UTF-8 后再试。']);
  }
  // Nothing but blanks and <!-- notes -->: the summary would be a blank document.
  if (!text.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').trim()) {
    throw new UserError(`措辞模板 ${file} 是空的（${text.trim() ? '除注释外' : ''}没有任何文字），按它生成的工作总结会是一份空白文件，没有生成任何文件。`, [
      `请在其中写上标题和正文（可复制自带的措辞模板 ${defaultWordingFile()} 再修改），或去掉 --template 使用自带的措辞。`,
    ]);
  }
  return text;
}
