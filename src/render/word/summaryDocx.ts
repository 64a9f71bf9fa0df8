// The written summary as a Word file laid out per GB/T 9704-2012 (see gbStyles.ts): title, 一级/二级
// headings, body paragraphs, tables with repeating header rows, the signature, and `— N —` page numbers
// (odd pages right, even pages left, one character in from the edge). The docx package is loaded here only.
import type { SummaryBlock } from '../../reports/summaryBlocks.js';
import type { SummaryTable } from '../../reports/summaryText.js';
import { titleLines } from '../../reports/titleLines.js';
import { chartParagraphs } from './charts.js';
import { FACE, INDENT_2, PAGE, gbStyles } from './gbStyles.js';
import { gbTable } from './gbTable.js';
import { writeFile } from 'node:fs/promises';

type Docx = typeof import('docx');

/** Writes the blocks to `file`. */
export async function writeSummaryDocx(file: string, blocks: SummaryBlock[], meta: { title: string }): Promise<void> {
  const d = await import('docx');
  const c = blocks.some((b) => b.kind === 'chart') ? await import('docx/charts') : undefined;
  const children: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [];
  let tableNo = 0;
  let figureNo = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'title': children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: titleLines(b.text).map((t, i) => new d.TextRun({ text: t, break: i ? 1 : 0 })) })); break;
      case 'h1': children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(b.text)] })); break;
      case 'h2': children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun(b.text)] })); break;
      case 'p':
        children.push(new d.Paragraph({ style: 'GbBody', children: [new d.TextRun({ text: b.text, ...(b.edit ? { highlight: 'yellow' as const } : {}) })] }));
        break;
      case 'sign':
        children.push(new d.Paragraph({ style: 'GbBody', children: [] }));
        for (const line of b.lines) children.push(new d.Paragraph({ style: 'GbBody', alignment: 'right', indent: { firstLine: 0, right: INDENT_2 * 2 }, children: [new d.TextRun(line)] }));
        break;
      case 'table':
        children.push(...table(d, b.table, ++tableNo));
        break;
      case 'chart':
        children.push(...chartParagraphs(d, c!, b.chart, ++figureNo), ...table(d, b.chart.table, ++tableNo));
        break;
    }
  }
  const pageNo = (side: 'right' | 'left') => new d.Footer({
    children: [new d.Paragraph({
      style: 'GbPage', alignment: side, indent: side === 'right' ? { right: 280 } : { left: 280 },
      children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'] })],
    })],
  });
  const doc = new d.Document({
    creator: 'shuxiang',
    title: meta.title,
    styles: gbStyles(),
    // Chart text takes the theme's fonts: name the Chinese face there too.
    theme: { fonts: { body: { latin: FACE.latin, eastAsia: FACE.h1 }, headings: { latin: FACE.latin, eastAsia: FACE.h1 } } },
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
          margin: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom, header: PAGE.header, footer: PAGE.footer },
          pageNumbers: { start: 1 },
        },
        grid: { type: d.DocumentGridType.LINES, linePitch: 579 },
      },
      footers: { default: pageNo('right'), even: pageNo('left') },
      children,
    }],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

/** A caption and a full-width table whose header row repeats on each page. */
function table(d: Docx, t: SummaryTable, no: number) {
  return [
    new d.Paragraph({ style: 'GbCaption', children: [new d.TextRun(`表${no}　${t.caption}`)] }),
    gbTable(d, { headers: t.headers, rows: t.rows, widths: t.widths, centred: t.numeric }),
    new d.Paragraph({ style: 'GbBody', children: [] }),
  ];
}
