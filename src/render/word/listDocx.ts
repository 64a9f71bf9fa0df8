// A printable list as a Word file in the GB/T 9704 page (see gbStyles.ts): a title, a few lines of
// introduction, one full-width table whose header row repeats on each page, an optional signature.
// The book lists (书记荐书, 必学书目) and the award list (表彰名单) use it; more sections (certificates)
// can follow in the same document. The docx package is loaded here only.
import { INDENT_2, PAGE, gbStyles } from './gbStyles.js';
import { gbTable } from './gbTable.js';
import { writeFile } from 'node:fs/promises';

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
  const doc = new d.Document({
    creator: 'shuxiang',
    title: list.title,
    styles: gbStyles(),
    sections: [listSection(d, list), ...(more ? more(d) : [])],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

function listSection(d: Docx, l: ListDoc): Section {
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
      gbTable(d, l),
      ...(l.sign ?? []).map((t) => new d.Paragraph({ style: 'GbBody', alignment: 'right', indent: { firstLine: 0, right: INDENT_2 }, children: [new d.TextRun(t)] })),
    ],
  };
}
