// 荣誉证书: one landscape A4 page per awardee in a formal layout — a double red frame, the heading
// 荣誉证书 in large red 方正小标宋, the citation in 仿宋 (name, the year's programme, the title conferred in
// 黑体), 特发此证，以资鼓励, and the organ and date at the lower right. East-Asian faces are named
// explicitly (gbStyles.ts) so Word and WPS do not fall back to a Latin face.
import { FACE, font, mm } from './gbStyles.js';

type Docx = typeof import('docx');
type Section = import('docx').ISectionOptions;

/** One certificate. */
export interface Certificate {
  name: string;
  /** The honour: 书香之星. */
  title: string;
  /** What it was earned in: 2026 年度“书香机关”读书活动. */
  activity: string;
  organ: string;
  /** 二〇二六年十二月三十一日 */
  date: string;
  /** Certificate number, printed small at the bottom left. */
  number?: string;
  /** What follows the name: “ 同志：” for a person (the default), “：” for a branch. */
  salutation?: string;
}

const RED = 'C00000';
const LANDSCAPE = { width: 16838, height: 11906 };

/** One section (page) per certificate, to follow a list in the same document. */
export function certificateSections(d: Docx, certs: Certificate[]): Section[] {
  const frame = (size: number, space: number) => ({ style: d.BorderStyle.DOUBLE, size, color: RED, space });
  const run = (text: string, face: string, size: number, extra: Record<string, unknown> = {}) => new d.TextRun({ text, font: font(face), size, ...extra });
  const para = (children: InstanceType<Docx['TextRun']>[], o: Record<string, unknown> = {}) => new d.Paragraph({ children, ...o });
  return certs.map((c) => ({
    properties: {
      page: {
        size: { width: LANDSCAPE.height, height: LANDSCAPE.width, orientation: d.PageOrientation.LANDSCAPE },
        margin: { top: mm(28), bottom: mm(22), left: mm(38), right: mm(38), header: mm(10), footer: mm(10) },
        borders: {
          pageBorders: { display: d.PageBorderDisplay.ALL_PAGES, offsetFrom: d.PageBorderOffsetFrom.PAGE, zOrder: d.PageBorderZOrder.BACK },
          pageBorderTop: frame(24, 30), pageBorderBottom: frame(24, 30), pageBorderLeft: frame(24, 30), pageBorderRight: frame(24, 30),
        },
      },
    },
    // An empty footer, or the list's page numbers would carry on onto the certificates.
    footers: { default: new d.Footer({ children: [] }) },
    children: [
      para([run('荣 誉 证 书', FACE.title, 80, { color: RED, bold: true })], { alignment: 'center', spacing: { before: mm(4), after: mm(14) } }),
      para([run(`${c.name}`, FACE.h2, 40, { bold: true }), run(c.salutation ?? '同志：', FACE.body, 36)], { spacing: { after: mm(5), line: 640, lineRule: 'exact' } }),
      para([run(`在${c.activity}中，勤学善思、笃行不怠，成绩突出，被评为`, FACE.body, 36)], { indent: { firstLine: 720 }, spacing: { line: 640, lineRule: 'exact' } }),
      para([run(`“${c.title}”`, FACE.h1, 56, { color: RED })], { alignment: 'center', spacing: { before: mm(6), after: mm(6) } }),
      para([run('特发此证，以资鼓励。', FACE.body, 36)], { indent: { firstLine: 720 }, spacing: { line: 640, lineRule: 'exact', after: mm(14) } }),
      para([run(c.organ, FACE.body, 36)], { alignment: 'right', indent: { right: mm(8) }, spacing: { line: 640, lineRule: 'exact' } }),
      para([run(c.date, FACE.body, 36)], { alignment: 'right', indent: { right: mm(8) }, spacing: { line: 640, lineRule: 'exact' } }),
      ...(c.number ? [para([run(`证书编号：${c.number}`, FACE.page, 20, { color: '595959' })], { spacing: { before: mm(6) } })] : []),
    ],
  }));
}
