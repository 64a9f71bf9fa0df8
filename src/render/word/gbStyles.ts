// GB/T 9704-2012 (党政机关公文格式) in docx terms: A4, 版心 156 × 225 mm, margins, the type faces and
// sizes (half-points), exact 28.95 pt line spacing for 22 lines a page, 2-character first-line indent.
// Every font names its East-Asian face explicitly, or Word and WPS fall back to the Latin one.

/** Millimetres to twips (1 mm = 1440 / 25.4 twips), rounded. */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);

/** Page and margins, in twips, as Word writes 3.7 / 2.8 / 2.6 / 3.5 cm (2.8 cm is 1587.4, Word says 1588). */
export const PAGE = {
  width: 11906, height: 16838,
  top: 2098, left: 1588, right: 1474, bottom: 1984,
  header: mm(15), footer: mm(22),
} as const;

/** Text width inside the margins (156 mm), in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Half-point sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

/** Exactly 28.95 pt per line: 22 lines fill the 225 mm type area. */
export const LINE = 579;

/** Two characters of 3号 (16 pt) text, in twips. */
export const INDENT_2 = 640;

/** The faces the standard names (fallbacks like Noto CJK are up to the reader's machine). */
export const FACE = { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', page: '宋体', latin: 'Times New Roman' } as const;

/** A font object naming the East-Asian face and a Latin face for digits and letters. */
export function font(eastAsia: string) {
  return { ascii: FACE.latin, hAnsi: FACE.latin, eastAsia, cs: FACE.latin };
}

const exact = { line: LINE, lineRule: 'exact' as const };

/** The document's styles: defaults for body text, the title, the two heading levels, tables and the page number. */
export function gbStyles() {
  return {
    default: {
      document: {
        // Chinese text marked zh-CN: a reader without the named face picks a Simplified Chinese one, not a Japanese one.
        run: { font: font(FACE.body), size: SIZE.sanhao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { ...exact, before: 0, after: 0 }, alignment: 'both' as const },
      },
      title: { run: { font: font(FACE.title), size: SIZE.erhao, color: '000000' }, paragraph: { alignment: 'center' as const, spacing: { ...exact, after: LINE } } },
      heading1: { run: { font: font(FACE.h1), size: SIZE.sanhao, bold: false, color: '000000' }, paragraph: { indent: { firstLine: INDENT_2 }, spacing: exact, keepNext: true, outlineLevel: 0 } },
      heading2: { run: { font: font(FACE.h2), size: SIZE.sanhao, bold: false, italics: false, color: '000000' }, paragraph: { indent: { firstLine: INDENT_2 }, spacing: exact, keepNext: true, outlineLevel: 1 } },
    },
    paragraphStyles: [
      { id: 'GbBody', name: 'GB 正文', basedOn: 'Normal', quickFormat: true, run: { font: font(FACE.body), size: SIZE.sanhao }, paragraph: { indent: { firstLine: INDENT_2 }, spacing: exact, alignment: 'both' as const } },
      { id: 'GbTable', name: 'GB 表格', basedOn: 'Normal', run: { font: font(FACE.body), size: SIZE.sihao }, paragraph: { spacing: { line: 400, lineRule: 'exact' as const }, alignment: 'center' as const } },
      { id: 'GbTableHead', name: 'GB 表头', basedOn: 'GbTable', run: { font: font(FACE.h1), size: SIZE.sihao } },
      { id: 'GbCaption', name: 'GB 表题', basedOn: 'Normal', run: { font: font(FACE.h1), size: SIZE.sihao }, paragraph: { alignment: 'center' as const, spacing: { ...exact, before: 0 }, keepNext: true } },
      { id: 'GbPage', name: 'GB 页码', basedOn: 'Normal', run: { font: font(FACE.page), size: SIZE.sihao }, paragraph: { spacing: { line: 240, lineRule: 'auto' as const } } },
    ],
  };
}
