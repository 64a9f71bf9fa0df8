// An .ods repeats rows and cells by count (table:number-rows-repeated × number-columns-repeated), so a
// few bytes can stand for billions of cells, and SheetJS expands them all. Before SheetJS sees the file
// the cells that hold something are counted with their repeats, per sheet, against MAX_CELLS. Empty
// repeated fillers (LibreOffice ends every sheet with them) count for nothing, as they expand to nothing.
import { MAX_CELLS, tooManyCells } from './limits.js';

const TOKEN = /<table:table(?=[\s>])([^>]*)>|<table:table-row\b([^>]*?)(\/?)>|<\/table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(\/?)>/g;
const repeat = (a: string, name: string) => Math.max(1, Number(new RegExp(`table:${name}\\s*=\\s*["'](\\d+)["']`).exec(a)?.[1] ?? 1));

export function checkOdsCells(content: string): void {
  let sheet = '';
  let total = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  for (const m of content.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      sheet = /table:name\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1] ?? '';
      total = 0;
    } else if (m[2] !== undefined) {
      rowRepeat = repeat(m[2], 'number-rows-repeated');
      rowCells = 0;
      if (m[3]) rowRepeat = 1;
    } else if (m[4] !== undefined) {
      // A cell holds something when it has a value type or content (it is not self-closing).
      if (!m[5] || /office:value-type/.test(m[4])) rowCells += repeat(m[4], 'number-columns-repeated');
    } else {
      total += rowRepeat * rowCells;
      if (total > MAX_CELLS) throw tooManyCells(sheet, total);
      rowCells = 0;
    }
  }
}
