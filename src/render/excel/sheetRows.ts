// Plain rows of a streaming sheet written straight as sheet XML, byte for byte what exceljs's row and
// cell writers make of them (<row r ht customHeight spans x14ac:dyDescent>, <c r s t="str"><v>…): an
// organ's workbook is over a million cells, and exceljs builds a cell object, a model and an XML node
// list for each. Styles still go through exceljs's own style table, in the same order, so the style
// ids are the same too. Only for exceljs's WorkbookWriter sheets; anything else keeps the usual path.
import type { Style, Worksheet } from 'exceljs';

/** A cell's value as the ledger writes it (see cellValue in ledgerStyle.ts). */
export type RowValue = string | number | Date | null;

/** Writes rows one after another from the sheet's next row; `end` writes out what is buffered and hands
 * the sheet back to exceljs (its next row is the one after the last written). */
export interface RowWriter {
  row(values: RowValue[], looks: Partial<Style>[], height?: number): void;
  end(): void;
}

/** The parts of exceljs's WorksheetWriter this relies on (lib/stream/xlsx/worksheet-writer.js 4.4). */
interface StreamingSheet {
  _rows: unknown[];
  _rowZero: number;
  startedData: boolean;
  stream: { write(s: string): unknown };
  _workbook: { styles: { addStyleModel(style: Partial<Style>, cellType: number): number } };
}

// exceljs's ValueType numbers (lib/doc/enums.js), which its style table takes for a cell's type.
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const DATE = 4;

/** A writer of rows for `ws`, or undefined when `ws` is not a streaming sheet with every row so far committed. */
export function rowWriter(ws: Worksheet): RowWriter | undefined {
  const s = ws as unknown as Partial<StreamingSheet>;
  if (!Array.isArray(s._rows) || s._rows.length !== 0 || typeof s._rowZero !== 'number' || s.startedData !== true || !s._workbook?.styles?.addStyleModel) return undefined;
  const sheet = s as StreamingSheet;
  const styles = sheet._workbook.styles;
  // A style's id, as exceljs's cell writer finds it: by object identity once seen (its first cell's type
  // decides a format-less style, as there).
  const ids = new WeakMap<Partial<Style>, number>();
  const idOf = (look: Partial<Style>, type: number) => {
    let id = ids.get(look);
    if (id === undefined) ids.set(look, (id = styles.addStyleModel(look, type)));
    return id;
  };
  let next = sheet._rowZero;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) sheet.stream.write(buffer.join(''));
    buffer = [];
  };
  return {
    row(values, looks, height) {
      const n = next++;
      let xml = '';
      for (let i = 0; i < looks.length; i++) {
        const v = values[i] ?? null;
        const type = v === null ? NULL : typeof v === 'number' ? NUMBER : typeof v === 'string' ? STRING : DATE;
        const id = idOf(looks[i]!, type);
        if (type === NULL && !id) continue;
        xml += `<c r="${columnName(i)}${n}"${id ? ` s="${id}"` : ''}`;
        if (type === NULL) xml += '/>';
        else if (type === NUMBER) xml += `><v>${v}</v></c>`;
        else if (type === STRING) xml += ` t="str"><v>${xmlEncode(v as string)}</v></c>`;
        else xml += `><v>${25569 + (v as Date).getTime() / (24 * 3600 * 1000)}</v></c>`;
      }
      if (!height && !looks.length) return;
      buffer.push(`<row r="${n}"${height ? ` ht="${height}" customHeight="1"` : ''}${looks.length ? ` spans="1:${looks.length}"` : ''} x14ac:dyDescent="0.25">${xml}</row>`);
      if (buffer.length >= 100) flush();
    },
    end() {
      flush();
      sheet._rowZero = next;
    },
  };
}

const names: string[] = [];
/** A column's letters (0 → A, 26 → AA). */
function columnName(i: number): string {
  let name = names[i];
  if (name === undefined) {
    name = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    names[i] = name;
  }
  return name;
}

const SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
/** Text escaped as exceljs escapes it (lib/utils/utils.js xmlEncode): the five entities, and control
 * characters XML cannot hold dropped. */
function xmlEncode(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) out += '&quot;';
    else if (c === 38) out += '&amp;';
    else if (c === 39) out += '&apos;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    else if (c === 127 || (c <= 31 && (c <= 8 || (c >= 11 && c !== 13)))) continue;
    else out += text[i];
  }
  return out;
}
