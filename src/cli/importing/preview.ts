// The rejects workbooks an import leaves with --skip-invalid (rendered with exceljs, so on the CLI side;
// the reading, refusing and the one-batch write are in src/app/imports).
import { basename, dirname, extname, join } from 'node:path';
import type { SheetsRead } from '../../app/imports/readSheets.js';
import { writeAtomically } from '../../io/atomicWrite.js';
import { chooseOutput } from '../../io/outputFile.js';
import { writeRejectsSheets } from '../../render/excel/writeRejects.js';

/** Where the rejects of `input` go: `原文件名.rejects.xlsx`, or its next free number when that is taken (one
 * being corrected, say): an existing file is never replaced. */
export function rejectsFileFor(input: string): string {
  return chooseOutput(join(dirname(input), `${basename(input, extname(input))}.rejects.xlsx`), { named: false }).file;
}

/** With --skip-invalid: one rejects workbook beside each input that had problems; returns their paths. */
export async function writeAllRejects(read: SheetsRead): Promise<string[]> {
  const written: string[] = [];
  for (const f of read.files) {
    if (f.rejects.length === 0) continue;
    const out = rejectsFileFor(f.path);
    await writeAtomically(out, (tmp) => writeRejectsSheets(tmp, f.rejects));
    written.push(out);
  }
  return written;
}
