// The rejects workbooks an import leaves with --skip-invalid (rendered with exceljs, so on the CLI side;
// the reading, refusing and the one-batch write are in src/app/imports).
import { basename, dirname, extname, join } from 'node:path';
import type { SheetsRead } from '../../app/imports/readSheets.js';
import { writeAtomically } from '../../io/atomicWrite.js';
import { writeRejectsSheets } from '../../render/excel/writeRejects.js';

/** With --skip-invalid: one rejects workbook beside each input that had problems; returns their paths. */
export async function writeAllRejects(read: SheetsRead): Promise<string[]> {
  const written: string[] = [];
  for (const f of read.files) {
    if (f.rejects.length === 0) continue;
    const out = join(dirname(f.path), `${basename(f.path, extname(f.path))}.rejects.xlsx`);
    await writeAtomically(out, (tmp) => writeRejectsSheets(tmp, f.rejects));
    written.push(out);
  }
  return written;
}
