// The one overwrite rule for every file the tool writes (issue 16): an existing file is never replaced
// without --force — a hand-edited summary .docx included; where the user named no file, the default
// name takes the next free number (`2026年度学习台账（2）.xlsx`) and the message says so.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../shared/errors.js';

/** Where to write, and whether the default name was taken so the next free number was used. */
export interface OutputChoice {
  file: string;
  /** The default name that was taken (the message says the file went to `file` instead). */
  taken?: string;
  /** An existing file is to be replaced (--force). */
  replace: boolean;
}

/** The file a name the user typed means: the name with `.ext` added when it has no such ending. A name
 * that is a folder is refused (not written as 文件夹.xlsx beside it), with a file name to use inside it. */
export function typedOutput(file: string, ext: string, flag?: string): string {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UserError(`${flag ? `${flag} 的 ` : ''}${file} 是一个文件夹，请给出要保存的文件名。`, [`如要保存在这个文件夹里，请写成 ${join(file, `文件名.${ext}`)}。`]);
  }
  return file.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? file : `${file}.${ext}`;
}

/** `name（n）.ext` for n = 2, 3, … */
function numbered(file: string, n: number): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}（${n}）${ext}`);
}

/** Decides where a writer writes `file`: `named` = the user gave this name (else it is the default). */
export function chooseOutput(file: string, o: { named: boolean; force?: boolean; flag?: string }): OutputChoice {
  if (!existsSync(file)) return { file, replace: false };
  if (statSync(file).isDirectory()) throw new UserError(`${file} 是一个文件夹，请给出要保存的文件名。`);
  if (o.force) return { file, replace: true };
  if (o.named) {
    throw new UserError(`文件 ${file} 已经存在，未覆盖。`, [`如要覆盖，请加上 --force；或换一个文件名${o.flag ? `（${o.flag} 文件名）` : ''}。`]);
  }
  for (let n = 2; ; n++) {
    const next = numbered(file, n);
    if (!existsSync(next)) return { file: next, taken: file, replace: false };
  }
}

/** The line telling the user the default name was taken (for ctx.info), or undefined. */
export function takenNote(c: OutputChoice): string | undefined {
  return c.taken ? `${basename(c.taken)} 已存在，未覆盖；本次保存为 ${basename(c.file)}（加 --force 可覆盖原文件）。` : undefined;
}
