// The one full-width table of our Word files (summary tables, book and award lists): thin black rules,
// a header row repeated on every page, rows never split across pages, an empty table shown as "（无）".
import { TEXT_WIDTH } from './gbStyles.js';

type Docx = typeof import('docx');

/** A table of text cells; `widths` are relative, `centred` marks columns centred (numbers, short codes). */
export function gbTable(d: Docx, t: { headers: string[]; rows: string[][]; widths: number[]; centred: boolean[] }): InstanceType<Docx['Table']> {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean) => new d.TableCell({
    width: { size: widths[i]!, type: d.WidthType.DXA },
    verticalAlign: d.VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [new d.Paragraph({ style: head ? 'GbTableHead' : 'GbTable', alignment: head || t.centred[i] ? 'center' : 'left', children: [new d.TextRun(text)] })],
  });
  const rows = t.rows.length ? t.rows : [t.headers.map((_, i) => (i === 0 ? '（无）' : ''))];
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
    ],
  });
}
