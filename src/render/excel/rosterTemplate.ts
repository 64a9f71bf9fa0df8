// The roster workbook (党员花名册): a blank template for `template roster`, and the same layout filled
// with rows for `demo`, so what the demo shows is exactly what a secretary is asked to fill in.
import type { Borders, DataValidation, Fill, Font, Worksheet } from 'exceljs';
import { FIELD_SPECS, type FieldSpec, type MemberField } from '../../domain/member.js';
import { idCardCheckChar } from '../../domain/idcard.js';
import { displayWidth } from '../../shared/width.js';

/** One person as the roster shows them: text per field, dates as YYYY-MM-DD. */
export type RosterRow = Partial<Record<MemberField, string>>;

/** What a 序号 cell holds on the example row; the importer skips rows marked so. */
export const EXAMPLE_MARK = '示例';

/** Rows below the header that get the text formats and drop-downs (room to fill in). */
export const FORMATTED_ROWS = 200;

/** The header is on this row: banner, note, header. */
export const HEADER_ROW = 3;

/** Options of the workbook: a banner title, and either rows (filled) or nothing (blank template). */
export interface RosterWorkbookOptions {
  title?: string;
  rows?: RosterRow[];
  /** The line under the banner; a default suits the blank template or the filled sheet. */
  note?: string;
}

interface ColumnLayout {
  width: number;
  required?: boolean;
  /** Drop-down choices; `strict` refuses anything else, otherwise they are suggestions. */
  list?: string[];
  strict?: boolean;
  format: string;
  notes: string;
}

const POSTS = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '委员'];
const DATE_NOTE = '日期，写成 1985-03-01 或 1985/3/1（Excel、WPS 会自动识别为日期）。';

const LAYOUT: Record<MemberField, ColumnLayout> = {
  name: { width: 14, required: true, format: '文字', notes: '必填。每人一行。少数民族姓名中间的点写“·”，如“阿依古丽·买买提”；姓名中间不要加空格。' },
  gender: { width: 7, list: ['男', '女'], strict: true, format: '下拉选择', notes: '男 或 女。' },
  birthDate: { width: 12, format: '日期', notes: DATE_NOTE + '应与身份证号中的出生日期一致。' },
  ethnicity: { width: 8, format: '文字', notes: '如 汉族、回族、维吾尔族。' },
  education: { width: 12, list: ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中专', '高中及以下'], format: '下拉或文字', notes: '最高学历，可从下拉中选，也可直接填写。' },
  joinPartyDate: { width: 12, format: '日期', notes: DATE_NOTE + '即被接收为预备党员的日期。' },
  fullMemberDate: { width: 12, format: '日期', notes: DATE_NOTE + '预备党员留空。' },
  category: { width: 11, list: ['正式党员', '预备党员', '群众'], strict: true, format: '下拉选择', notes: '正式党员、预备党员，或参加支部学习的非党员干部职工（群众）。' },
  jobTitle: { width: 16, format: '文字', notes: '行政职务或职级，如 科长、副科长、四级主任科员、科员。' },
  partyPost: { width: 11, list: POSTS, format: '下拉或文字', notes: '书记、副书记、组织委员、宣传委员、纪检委员、委员；普通党员留空。' },
  leader: { width: 14, list: ['是', '否'], strict: true, format: '下拉选择', notes: '支部委员会（班子）成员选“是”。党内职务为书记、副书记或各委员的，也按班子成员统计，适用“四带头”指标。' },
  branch: { width: 18, format: '文字', notes: '党支部全称，一张表可以有多个支部。留空时归入导入时用 --branch 指定的支部，未指定则为数据库的默认支部。' },
  phone: { width: 14, format: '文本', notes: '手机号 11 位，也可填座机。本列已设为“文本”格式。shuxiang 的各种输出中会显示为 138****5678。' },
  idCard: { width: 21, format: '文本', notes: '18 位，最后一位可以是 X，会校验。本列已设为“文本”格式，请勿改成数字格式（Excel 会把 18 位数字的后三位变成 0）。有身份证号时按身份证号识别同一个人，没有时按“姓名 + 所在支部”识别。' },
  onRollFrom: { width: 12, format: '日期', notes: DATE_NOTE + '从其他支部转入（调入）本支部的日期，从这一天起计入在册人数并参加考核；一直在本支部的留空。' },
  onRollLeft: { width: 12, format: '日期', notes: DATE_NOTE + '转出（调出）本支部的日期，这一天起不再在册，之前的学习记录保留；仍在本支部的留空。' },
};

const EXAMPLE: RosterRow = {
  name: '张三', gender: '男', birthDate: '1985-03-01', ethnicity: '汉族', education: '大学本科',
  joinPartyDate: '2008-06-15', fullMemberDate: '2009-06-15', category: '正式党员', jobTitle: '四级主任科员',
  leader: '否', branch: '机关第一党支部', phone: '13800138000',
  idCard: '11010119850301001' + idCardCheckChar('11010119850301001'),
};

const FONT = '宋体';
const THIN: Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as Borders;
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const EXAMPLE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
const BLANK_TEMPLATE_ROWS = 30;

/** Writes the roster workbook (花名册 + 填表说明) to `file`, replacing it. */
export async function writeRosterWorkbook(file: string, opts: RosterWorkbookOptions = {}): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuxiang';
  const filled = opts.rows !== undefined;
  fillRosterSheet(wb.addWorksheet('花名册'), opts, filled);
  fillNotesSheet(wb.addWorksheet('填表说明'));
  await wb.xlsx.writeFile(file);
}

function fillRosterSheet(ws: Worksheet, opts: RosterWorkbookOptions, filled: boolean): void {
  const specs = FIELD_SPECS;
  const last = specs.length + 1;
  const rows = opts.rows ?? [];
  const lastFormatted = HEADER_ROW + FORMATTED_ROWS;
  // Column styles first: cells made later inherit them, and empty cells show them in Excel and WPS.
  ws.getColumn(1).width = 6;
  ws.getColumn(1).alignment = { horizontal: 'center', vertical: 'middle' };
  specs.forEach((s, i) => {
    const col = ws.getColumn(i + 2);
    const fit = Math.max(0, ...rows.map((r) => displayWidth(r[s.field] ?? '') + 2));
    col.width = Math.min(40, Math.max(LAYOUT[s.field].width, fit));
    col.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    col.font = { name: FONT, size: 11 };
    if (s.kind === 'date') col.numFmt = 'yyyy-mm-dd';
    if (s.kind === 'phone' || s.kind === 'idcard') col.numFmt = '@';
  });

  ws.mergeCells(1, 1, 1, last);
  const banner = ws.getCell(1, 1);
  banner.value = opts.title ?? 'XX党支部党员花名册';
  banner.font = { name: FONT, size: 18, bold: true };
  banner.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  ws.mergeCells(2, 1, 2, last);
  const note = ws.getCell(2, 1);
  note.value = opts.note ?? (filled
    ? '本表由 shuxiang demo 生成，人员信息均为虚构；身份证号、手机号为随机生成。格式与 shuxiang template roster 生成的模板相同。'
    : '填写说明见“填表说明”工作表。红色表头为必填项；第 4 行为示例，导入时自动跳过，可删除。请勿修改第 3 行表头的文字。');
  note.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  note.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = 20;

  const header = ws.getRow(HEADER_ROW);
  header.height = 32;
  ['序号', ...specs.map((s) => s.label)].forEach((label, i) => {
    const cell = header.getCell(i + 1);
    const required = i > 0 && LAYOUT[specs[i - 1]!.field].required;
    cell.value = label;
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: required ? 'FFC00000' : 'FF000000' } } as Font;
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  const body: { mark: string; row: RosterRow; example: boolean }[] = filled
    ? rows.map((row, i) => ({ mark: String(i + 1), row, example: false }))
    : [{ mark: EXAMPLE_MARK, row: EXAMPLE, example: true }, ...Array.from({ length: BLANK_TEMPLATE_ROWS }, () => ({ mark: '', row: {}, example: false }))];
  body.forEach((b, i) => writeBodyRow(ws, HEADER_ROW + 1 + i, b.mark, b.row, b.example, specs));

  addValidations(ws, specs, HEADER_ROW + 1, lastFormatted);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: 'C4', activeCell: 'B4' }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

function writeBodyRow(ws: Worksheet, r: number, mark: string, row: RosterRow, example: boolean, specs: FieldSpec[]): void {
  const xr = ws.getRow(r);
  xr.height = 20;
  const cells = [mark || undefined, ...specs.map((s) => cellValue(s, row[s.field]))];
  cells.forEach((v, i) => {
    const cell = xr.getCell(i + 1);
    // Text goes in as plain strings (never formula objects), dates as real dates.
    if (v !== undefined) cell.value = v;
    cell.border = THIN;
    if (example) {
      cell.fill = EXAMPLE_FILL;
      cell.font = { name: FONT, size: 11, italic: true, color: { argb: 'FF7F7F7F' } };
    }
  });
}

function cellValue(spec: FieldSpec, v: string | undefined): string | Date | undefined {
  if (v === undefined || v === '') return undefined;
  const m = spec.kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : v;
}

// exceljs has range data validations (sqref) but its typings leave them out.
type WithValidations = Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } };

function addValidations(sheet: Worksheet, specs: FieldSpec[], first: number, last: number): void {
  const ws = sheet as WithValidations;
  specs.forEach((s, i) => {
    const letter = ws.getColumn(i + 2).letter;
    const range = `${letter}${first}:${letter}${last}`;
    const layout = LAYOUT[s.field];
    if (layout.list) {
      ws.dataValidations.add(range, {
        type: 'list', allowBlank: true, formulae: [`"${layout.list.join(',')}"`],
        showErrorMessage: !!layout.strict, errorStyle: 'stop', errorTitle: `${s.label}填写有误`,
        error: `请从下拉列表中选择：${layout.list.join('、')}`,
      });
    } else if (s.kind === 'date') {
      // A serial below 1906 is what 1985.03 typed into a date cell becomes: refuse it at entry.
      ws.dataValidations.add(range, {
        type: 'date', operator: 'between', allowBlank: true,
        formulae: [new Date(Date.UTC(1906, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: `${s.label}填写有误`,
        error: '请填写日期，如 1985-03-01 或 1985/3/1。',
      });
    } else if (s.kind === 'idcard') {
      ws.dataValidations.add(range, {
        type: 'textLength', operator: 'equal', allowBlank: true, formulae: [18],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: '身份证号位数不对',
        error: '请填写 18 位身份证号（最后一位可以是 X）。',
        showInputMessage: true, promptTitle: '身份证号', prompt: '18 位，按文本填写，最后一位可以是 X',
      });
    }
  });
}

function fillNotesSheet(ws: Worksheet): void {
  const widths = [14, 8, 12, 72];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { vertical: 'middle', wrapText: true };
    ws.getColumn(i + 1).font = { name: FONT, size: 11 };
  });
  ws.mergeCells(1, 1, 1, 4);
  const title = ws.getCell(1, 1);
  title.value = '党员花名册填表说明';
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  const general = [
    '1. 第 1 行标题可改为本支部名称；第 3 行是表头，请勿修改文字或删除列。可以在右侧增加列，导入时原样保留。',
    `2. 每人一行，不要合并单元格。第 4 行（序号为“${EXAMPLE_MARK}”）是示例，导入时自动跳过，可以删除或保留。`,
    '3. 日期写成 1985-03-01 或 1985/3/1；从其他表格粘贴来的 1985.03、1985年3月、198503 等写法也能识别。',
    '4. 身份证号和联系电话两列已设为“文本”格式，直接输入即可，不要改成数字格式。',
    '5. 填好后运行：shuxiang import 文件名.xlsx。同一张表重复导入不会产生重复人员；表中删掉的人不会从数据库删除（导入时加 --sync 可将其标记为转出）。',
  ];
  let r = 3;
  for (const line of general) {
    ws.mergeCells(r, 1, r, 4);
    ws.getCell(r, 1).value = line;
    ws.getRow(r).height = 32;
    r++;
  }
  r++;
  const head = ws.getRow(r);
  ['列名', '是否必填', '格式', '填写说明'].forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  const headerRow = r;
  const lines: [string, string, string, string][] = [
    ['序号', '选填', '数字', `仅用于排序，导入时忽略。填“${EXAMPLE_MARK}”的行不导入。`],
    ...FIELD_SPECS.map((s): [string, string, string, string] => {
      const l = LAYOUT[s.field];
      const also = s.synonyms.filter((x) => x !== s.label && !x.includes(s.label) && x.length <= 6).slice(0, 3);
      const synonyms = also.length ? `（其他表格中写作“${also.join('”“')}”的列也能识别）` : '';
      return [s.label, l.required ? '必填' : '选填', l.format, l.notes + synonyms];
    }),
  ];
  for (const line of lines) {
    r++;
    const row = ws.getRow(r);
    line.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = THIN;
      if (i < 3) c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (i === 1 && v === '必填') c.font = { name: FONT, size: 11, bold: true, color: { argb: 'FFC00000' } };
    });
    row.height = Math.max(20, Math.ceil(displayWidth(line[3]) / 68) * 16 + 6);
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
}
