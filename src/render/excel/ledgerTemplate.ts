// The monthly personal study ledger (个人学习台账): one sheet per kind of evidence, columns from
// src/domain/evidenceKinds.ts, drop-downs, date formats, an example row and a 填表说明 sheet. One blank
// workbook serves both ways: one per member (name in the title and in the 姓名 field above the header)
// or one for the whole branch (the 姓名 column on every row).
import type { Borders, DataValidation, Fill, Worksheet } from 'exceljs';
import { EVIDENCE_KINDS, type EvidenceField, type EvidenceKindSpec } from '../../domain/evidenceKinds.js';
import { LEDGER_EXAMPLE_MARK } from '../../domain/ledgerRows.js';
import { displayWidth } from '../../shared/width.js';

/** Whose ledger and which month; without a member it is the branch-wide (or fill-in-your-name) form. */
export interface LedgerWorkbookOptions {
  member?: string;
  branch?: string;
  /** 2026-03: shown in the heading. */
  month?: string;
  /** Names offered in the 姓名 column's drop-down (branch form). */
  names?: string[];
}

const FONT = '宋体';
const HEADER_ROW = 4;
const THIN: Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as Borders;
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const EXAMPLE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
const ROWS = (k: EvidenceKindSpec) => (k.id === 'self-study' ? 31 : 10);
type WithValidations = Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } };

/** Writes the ledger workbook to `file`, replacing it. */
export async function writeLedgerWorkbook(file: string, opts: LedgerWorkbookOptions = {}): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shuxiang';
  for (const kind of EVIDENCE_KINDS) fillKindSheet(wb.addWorksheet(kind.sheet), kind, opts);
  fillNotesSheet(wb.addWorksheet('填表说明'), opts);
  await wb.xlsx.writeFile(file);
}

function fillKindSheet(ws: Worksheet, kind: EvidenceKindSpec, opts: LedgerWorkbookOptions): void {
  const withName = !opts.member;
  const lead = withName ? ['序号', '姓名'] : ['序号'];
  const labels = [...lead, ...kind.fields.map((f) => f.label)];
  const last = labels.length;
  ws.getColumn(1).width = 6;
  if (withName) ws.getColumn(2).width = 10;
  kind.fields.forEach((f, i) => {
    const col = ws.getColumn(lead.length + 1 + i);
    col.width = Math.max(f.width ?? 12, displayWidth(f.label) + 2);
    if (f.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (f.type === 'text') col.numFmt = '@';
  });
  for (let c = 1; c <= last; c++) {
    const col = ws.getColumn(c);
    col.font = { name: FONT, size: 11 };
    col.alignment = { vertical: 'middle', horizontal: c > lead.length && kind.fields[c - lead.length - 1]!.type === 'text' ? 'left' : 'center', wrapText: true };
  }
  const blank = '\u3000'.repeat(4);
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = `个人学习台账（${opts.member ?? blank}）· ${kind.name}${opts.month ? `（${opts.month.replace('-', ' 年 ')} 月）` : ''}`;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  // Row 2: 姓名 / 支部 fields; a per-member ledger carries its owner here (the importer reads B2).
  const fields: [number, string, string][] = [[1, '姓名', opts.member ?? ''], [4, '支部', opts.branch ?? '']];
  for (const [c, label, value] of fields) {
    if (c + 2 > Math.max(last, 6)) continue;
    ws.getCell(2, c).value = label;
    ws.getCell(2, c).font = { name: FONT, size: 11, bold: true };
    ws.mergeCells(2, c + 1, 2, c + 2);
    const v = ws.getCell(2, c + 1);
    if (value) v.value = value;
    v.numFmt = '@';
    v.border = { bottom: { style: 'thin' } };
  }
  ws.mergeCells(3, 1, 3, last);
  const note = ws.getCell(3, 1);
  note.value = `${kind.description}。红色表头为必填项；第 ${HEADER_ROW + 1} 行是示例（导入时跳过）。${withName ? '全支部合用一本时每行填写姓名；一人一本时在第 2 行填写姓名，姓名列可不填。' : ''}`;
  note.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(3).height = 30;

  const header = ws.getRow(HEADER_ROW);
  header.height = 30;
  labels.forEach((label, i) => {
    const f = kind.fields[i - lead.length];
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = { name: FONT, size: 11, bold: true, color: { argb: f?.required || label === '姓名' ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  const example = [LEDGER_EXAMPLE_MARK, ...(withName ? ['张三'] : []), ...kind.fields.map(exampleValue)];
  const rows = ROWS(kind);
  // The example row is as tall as its longest wrapped value.
  const lines = Math.max(1, ...kind.fields.map((f) => Math.ceil(displayWidth(String(f.example)) / Math.max(4, (f.width ?? 12) - 2))));
  for (let i = 0; i <= rows; i++) {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.height = i === 0 ? 16 * lines + 6 : 20;
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = THIN;
      if (i === 0) {
        const v = example[c - 1];
        if (v !== undefined && v !== '') cell.value = v;
        cell.fill = EXAMPLE_FILL;
        cell.font = { name: FONT, size: 11, italic: true, color: { argb: 'FF7F7F7F' } };
      }
    }
  }
  addValidations(ws as WithValidations, kind, lead.length, HEADER_ROW + 1, HEADER_ROW + 200, withName ? opts.names : undefined);
  ws.views = [{ state: 'frozen', xSplit: lead.length, ySplit: HEADER_ROW, topLeftCell: `${ws.getColumn(lead.length + 1).letter}${HEADER_ROW + 1}`, activeCell: `${ws.getColumn(lead.length + 1).letter}${HEADER_ROW + 2}` }];
  ws.pageSetup = {
    ...ws.pageSetup, paperSize: 9, orientation: last > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

function exampleValue(f: EvidenceField): string | number | Date {
  if (typeof f.example === 'boolean') return f.example ? '是' : '否';
  const m = f.type === 'date' && typeof f.example === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.example) : null;
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : f.example;
}

function addValidations(ws: WithValidations, kind: EvidenceKindSpec, lead: number, first: number, last: number, names?: string[]): void {
  const range = (c: number) => `${ws.getColumn(c).letter}${first}:${ws.getColumn(c).letter}${last}`;
  if (names?.length && names.join(',').length < 250) {
    ws.dataValidations.add(range(2), { type: 'list', allowBlank: true, formulae: [`"${names.join(',')}"`], showErrorMessage: false });
  }
  kind.fields.forEach((f, i) => {
    const r = range(lead + 1 + i);
    const err = { showErrorMessage: true, errorStyle: 'stop', errorTitle: `${f.label}填写有误` } as const;
    if (f.type === 'enum' || f.type === 'bool') {
      const list = f.type === 'bool' ? ['是', '否'] : [...(f.options ?? [])];
      ws.dataValidations.add(r, { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], ...err, error: `请从下拉列表中选择：${list.join('、')}` });
    } else if (f.type === 'date') {
      ws.dataValidations.add(r, { type: 'date', operator: 'between', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))], ...err, error: '请填写日期，如 2026-03-10 或 2026/3/10。' });
    } else if (f.type === 'number' || f.type === 'int') {
      const low = f.min ?? 0;
      const high = f.max ?? 1e9;
      ws.dataValidations.add(r, {
        type: f.type === 'int' ? 'whole' : 'decimal', operator: 'between', allowBlank: true, formulae: [f.minExclusive ? low + 0.01 : low, high], ...err,
        error: `请填写${f.type === 'int' ? '整数' : '数字'}：${f.minExclusive ? `大于 ${low}` : `不小于 ${low}`}${f.max !== undefined ? `，不超过 ${f.max}` : ''}。`,
      });
    }
  });
}

function fillNotesSheet(ws: Worksheet, opts: LedgerWorkbookOptions): void {
  [10, 12, 8, 10, 60].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).font = { name: FONT, size: 11 };
    ws.getColumn(i + 1).alignment = { vertical: 'middle', wrapText: true };
  });
  ws.mergeCells(1, 1, 1, 5);
  ws.getCell(1, 1).value = `个人学习台账填表说明${opts.member ? `（${opts.member}）` : ''}`;
  ws.getCell(1, 1).font = { name: FONT, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const general = [
    '1. 每类学习记录一张工作表（自学、听课、读书、心得文章、调研、宣讲、培训、考试、读书交流），没有的可以空着。第 4 行是表头，请勿修改或删除列。',
    '2. 一人一本：在每张表第 2 行“姓名”后填写本人姓名，各行的姓名列可以不填。全支部合用一本：每行都在“姓名”列填写姓名。',
    `3. 第 5 行（序号为“${LEDGER_EXAMPLE_MARK}”）是示例，导入时自动跳过。日期写成 2026-03-10 或 2026/3/10；学时写小时数，如 1 或 1.5（大于 0，不超过 24），按分钟计的写明分钟（如 90分钟，折合 1.5 小时）。`,
    '4. 类别、类型、是否做笔记等列请从下拉列表中选择。读书的“类别”为：政治理论、业务、科学人文、党史、其他。',
    '5. 填好后交给支部，由支部运行：shuxiang import --kind ledger 文件或文件夹（可一次导入多人的台账）。同一本台账重复导入不会重复记录；改了某行再导入会更新那一条。',
  ];
  general.forEach((line, i) => {
    ws.mergeCells(3 + i, 1, 3 + i, 5);
    ws.getCell(3 + i, 1).value = line;
    ws.getRow(3 + i).height = 34;
  });
  let r = 4 + general.length;
  const head = ws.getRow(r);
  ['工作表', '列名', '必填', '格式', '说明'].forEach((h, i) => {
    Object.assign(head.getCell(i + 1), { value: h, fill: HEADER_FILL, border: THIN, font: { name: FONT, size: 11, bold: true } });
  });
  const headerRow = r;
  const FORMAT: Record<string, string> = { date: '日期', number: '数字', int: '整数', text: '文字', bool: '是/否', enum: '下拉选择' };
  for (const kind of EVIDENCE_KINDS) {
    for (const f of kind.fields) {
      const also = (f.synonyms ?? []).slice(0, 3);
      const line = [kind.sheet, f.label, f.required ? '必填' : '选填', FORMAT[f.type]!, `${f.help.replace(/（默认今天）|（必填）/g, '')}${also.length ? `。也可写作“${also.join('”“')}”` : ''}`];
      const row = ws.getRow(++r);
      line.forEach((v, i) => Object.assign(row.getCell(i + 1), { value: v, border: THIN }));
      row.height = Math.max(20, Math.ceil(displayWidth(line[4]!) / 56) * 15 + 6);
      if (f.required) row.getCell(3).font = { name: FONT, size: 11, bold: true, color: { argb: 'FFC00000' } };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}
