// Reading a personal study ledger (个人学习台账): which sheet holds which kind of evidence, where its
// header is, whose ledger it is (a 姓名 column, a “姓名：” field above the header, or the title
// “个人学习台账（张三）”), and every row's values — each problem with its cell.
import { EVIDENCE_KINDS, findKind, type RecordSpec } from './evidenceKinds.js';
import { checkItem, parseFieldValue, type ItemValues } from './evidenceValues.js';
import { cellText, isBlank, type Cell, type Grid } from './grid.js';
import { FIELD_SPECS } from './member.js';
import { headerKey } from './rosterHeader.js';
import type { CellProblem } from './rosterRows.js';
import { cleanName, cleanText, isPlausibleName } from './text.js';

/** What the first cell of the template's example row says; such rows are skipped. */
export const LEDGER_EXAMPLE_MARK = '示例';

/** A name and the cell it was read from. */
export interface NameRef {
  text: string;
  row: number;
  col: number;
}

/** One sheet of a ledger, understood. */
export interface LedgerSheet {
  grid: Grid;
  kind: RecordSpec;
  headerRow: number;
  /** Field key → 0-based column. */
  columns: Map<string, number>;
  nameCol?: number;
  /** Whose ledger this sheet is, when it says so above the header. */
  owner?: NameRef;
}

/** One data row: whose it is, and its checked values. */
export interface LedgerRow {
  row: number;
  name: NameRef;
  values: ItemValues;
}

const NAME_KEYS = new Set(FIELD_SPECS.find((s) => s.field === 'name')!.synonyms.map(headerKey));
const SERIAL_KEYS = new Set(['序号', '编号', '序']);
const NOTE_START = /^(合计|总计|小计|共计|注[:：]|备注|说明|填表|制表|审核|负责人|本月合计)/;
const key = (v: Cell | undefined) => headerKey(cellText(v)).toLowerCase();

function fieldColumns(kind: RecordSpec, row: Cell[]): Map<string, number> {
  const cols = new Map<string, number>();
  row.forEach((v, c) => {
    const k = key(v);
    if (!k) return;
    const f = kind.fields.find((x) => !cols.has(x.key) && [x.label, ...(x.synonyms ?? [])].some((s) => headerKey(s).toLowerCase() === k));
    if (f) cols.set(f.key, c);
  });
  return cols;
}

/** The name a sheet states above its header: “姓名 | 张三”, “姓名：张三”, or “个人学习台账（张三）”. */
export function ownerAbove(grid: Grid, headerRow: number): NameRef | undefined {
  for (let r = 0; r < headerRow; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cleanText(cellText(row[c]));
      let m: RegExpExecArray | null;
      // The form line "姓名：张三　　支部：机关第一党支部": the name ends where the next label begins.
      if ((m = /^(?:姓名|名字)\s*[:：]\s*(\S.*)$/.exec(t))) return { text: cleanName(m[1]!.split(/\s*[,，;；、]\s*(?=[^\s:：]{1,8}\s*[:：])|\s+(?=[^\s:：]{1,8}\s*[:：])|\s{2,}/)[0]!), row: r, col: c };
      if (NAME_KEYS.has(headerKey(t))) {
        // The value sits in one of the next two cells (the template merges B:C), not in a further label.
        for (const d of [1, 2]) {
          const v = cleanName(cellText(row[c + d]));
          if (v && isPlausibleName(v)) return { text: v, row: r, col: c + d };
          if (v) break;
        }
        continue;
      }
      m = /台账\s*[（(]\s*([^）)]*?)\s*[）)]/.exec(t) ?? /^(.{2,20}?)(?:同志)?的?个人学习台账/.exec(t);
      if (m && isPlausibleName(cleanName(m[1] ?? ''))) return { text: cleanName(m[1]!), row: r, col: c };
    }
  }
  return undefined;
}

/** The kind and header of one sheet, or undefined when it is not a ledger sheet (e.g. 填表说明). */
export function findLedgerSheet(grid: Grid, specs: readonly RecordSpec[] = EVIDENCE_KINDS, scanRows = 15): LedgerSheet | undefined {
  const named = grid.name ? specs.find((k) => k === findKind(grid.name) || k.sheet === grid.name || k.sheetAliases.includes(grid.name)) ?? specs.find((k) => grid.name.includes(k.sheet)) : undefined;
  if (!named && /说明|填表须知|备注/.test(grid.name)) return undefined;
  const kinds = named ? [named] : specs;
  let best: LedgerSheet | undefined;
  let bestScore = 0;
  for (let r = 0; r < Math.min(scanRows, grid.rows.length); r++) {
    const row = grid.rows[r] ?? [];
    for (const kind of kinds) {
      const columns = fieldColumns(kind, row);
      const complete = kind.fields.every((f) => !f.required || columns.has(f.key));
      const nameCol = row.findIndex((v) => NAME_KEYS.has(key(v)));
      // A header names at least two things (one field alone, like 日期, is too easily found in notes).
      if (!complete || columns.size + (nameCol >= 0 ? 1 : 0) < 2 || columns.size <= bestScore) continue;
      best = { grid, kind, headerRow: r, columns, ...(nameCol >= 0 ? { nameCol } : {}) };
      bestScore = columns.size;
    }
  }
  if (best) {
    const owner = ownerAbove(grid, best.headerRow);
    if (owner) best.owner = owner;
  }
  return best;
}

function skippable(sheet: LedgerSheet, cells: Cell[]): boolean {
  const filled = cells.map((v, c) => ({ v, c })).filter((x) => !isBlank(x.v));
  if (filled.length === 0) return true;
  const first = cleanText(cellText(filled[0]!.v));
  if (first === LEDGER_EXAMPLE_MARK || NOTE_START.test(first)) return true;
  if (sheet.nameCol !== undefined && NAME_KEYS.has(key(cells[sheet.nameCol]))) return true;
  // Only a 序号 (or a pre-filled name) and nothing else: an empty line of the form.
  const fieldCols = new Set(sheet.columns.values());
  return !filled.some((x) => fieldCols.has(x.c));
}

/** Every data row under the header, checked; `fallbackOwner` is the workbook's name (another sheet's);
 * `anonymous` sheets (the book catalogue) belong to nobody; with `today`, a date after it is a problem. */
export function readLedgerRows(sheet: LedgerSheet, opts: { fallbackOwner?: NameRef; anonymous?: boolean; today?: string } = {}): { rows: LedgerRow[]; problems: CellProblem[] } {
  const rows: LedgerRow[] = [];
  const problems: CellProblem[] = [];
  const { grid, kind } = sheet;
  const serialCol = (grid.rows[sheet.headerRow] ?? []).findIndex((v) => SERIAL_KEYS.has(key(v)));
  for (let r = sheet.headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (skippable(sheet, cells) || (serialCol >= 0 && cleanText(cellText(cells[serialCol])) === LEDGER_EXAMPLE_MARK)) continue;
    const before = problems.length;
    const own = sheet.nameCol !== undefined && !isBlank(cells[sheet.nameCol]) ? { text: cleanName(cellText(cells[sheet.nameCol])), row: r, col: sheet.nameCol } : undefined;
    const name = opts.anonymous ? { text: '', row: r, col: 0 } : own ?? sheet.owner ?? opts.fallbackOwner;
    if (!name) {
      problems.push({ row: r, col: sheet.nameCol, message: '这一行不知道是谁的记录：请在“姓名”列填写姓名，或在表格顶部“姓名”处填写本人姓名' });
    }
    const values: ItemValues = {};
    for (const f of kind.fields) {
      const col = sheet.columns.get(f.key);
      const p = parseFieldValue(f, col === undefined ? undefined : cells[col]);
      if (p.ok) values[f.key] = p.value;
      else problems.push({ row: r, col, message: p.message });
    }
    if (problems.length === before) {
      for (const p of checkItem(kind, values, opts.today)) problems.push({ row: r, col: sheet.columns.get(p.key), message: p.message });
    }
    if (problems.length === before) rows.push({ row: r, name: name!, values });
  }
  return { rows, problems };
}
