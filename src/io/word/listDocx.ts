// A printable list as a Word file in the GB/T 9704 page (see gbStyles.ts): a title, a few lines of
// introduction, one full-width table whose header row repeats on each page, an optional signature.
// The book lists (书记荐书, 必学书目) and the award list (表彰名单) use it; more sections (certificates)
// can follow in the same document. The docx package is loaded here only.
import { INDENT_2, PAGE, TEXT_WIDTH, gbStyles } from './gbStyles.js';

type Docx = typeof import('docx');
type Section = import('docx').ISectionOptions;

/** A list to print. */
export interface ListDoc {
  title: string;
  intro: string[];
  caption: string;
  headers: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** Columns centred (numbers, short codes); others left-aligned. */
  centred: boolean[];
  /** Lines under the table, right-aligned (organ, date). */
  sign?: string[];
}

/** Writes the list, then any extra sections `more` builds, to `file`. */
export async function writeListDocx(file: string, list: ListDoc, more?: (d: Docx) => Section[]): Promise<void> {
  const d = await import('docx');
  const { writeFile } = await import('node:fs/promises');
  const doc = new d.Document({
    creator: 'shuxiang',
    title: list.title,
    styles: gbStyles(),
    sections: [listSection(d, list), ...(more ? more(d) : [])],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

function listSection(d: Docx, l: ListDoc): Section {
  const total = l.widths.reduce((a, b) => a + b, 0);
  const widths = l.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean) => new d.TableCell({
    width: { size: widths[i]!, type: d.WidthType.DXA },
    verticalAlign: d.VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [new d.Paragraph({ style: head ? 'GbTableHead' : 'GbTable', alignment: head || l.centred[i] ? 'center' : 'left', children: [new d.TextRun(text)] })],
  });
  const rows = l.rows.length ? l.rows : [l.headers.map((_, i) => (i === 0 ? '（无）' : ''))];
  const footer = new d.Footer({
    children: [new d.Paragraph({ style: 'GbPage', alignment: 'center', children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'] })] })],
  });
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
        margin: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom, header: PAGE.header, footer: PAGE.footer },
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: footer },
    children: [
      new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(l.title)] }),
      ...l.intro.map((t) => new d.Paragraph({ style: 'GbBody', children: [new d.TextRun(t)] })),
      new d.Paragraph({ style: 'GbCaption', children: [new d.TextRun(l.caption)] }),
      new d.Table({
        width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
        columnWidths: widths,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [
          new d.TableRow({ tableHeader: true, cantSplit: true, children: l.headers.map((h, i) => cell(h, i, true)) }),
          ...rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
        ],
      }),
      ...(l.sign ?? []).map((t) => new d.Paragraph({ style: 'GbBody', alignment: 'right', indent: { firstLine: 0, right: INDENT_2 }, children: [new d.TextRun(t)] })),
    ],
  };
}
