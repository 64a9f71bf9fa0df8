// Reading roster rows into member candidates: every cell checked, every problem collected with its
// cell reference, in Chinese, with how to fix it.
import { parseDate, toDayIso } from './dates.js';
import { cellRef, cellText, isBlank, type Cell } from './grid.js';
import { lostLeadingZero, maskPhone, validateIdCard, validatePhone } from './idcard.js';
import { FIELD_SPECS, isLeaderPost, parseCategory, type MemberField } from './member.js';
import type { RosterLayout } from './rosterHeader.js';
import { cleanName, cleanText, clipQuotes, isPlausibleName, keepText, parseYesNo } from './text.js';

export type FieldValue = string | boolean;

/** A number as Excel writes it in scientific notation (1.10101E+17): what a long number typed as a number
 * becomes in a CSV that Excel saved. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;

export interface RosterRow {
  /** 0-based grid row. */
  row: number;
  fields: Partial<Record<MemberField, FieldValue>>;
  extra: Record<string, string>;
  /** The leader flag the row implies (explicit column, else the party post), or undefined. */
  leader?: boolean;
}

export interface CellProblem {
  row: number;
  col?: number;
  message: string;
}

export interface ParsedRoster {
  rows: RosterRow[];
  problems: CellProblem[];
  warnings: CellProblem[];
  skipped: { row: number; reason: string }[];
}

const NOTE_START = /^(合计|总计|小计|共计|注|备注|说明|填表|制表|审核|负责人|联系人|填报)/;
const SPEC_BY_FIELD = new Map(FIELD_SPECS.map((s) => [s.field, s]));

type Parsed = { ok: true; value: FieldValue | undefined } | { ok: false; message: string };

function parseField(field: MemberField, v: Cell, today: string): Parsed {
  const spec = SPEC_BY_FIELD.get(field)!;
  if (isBlank(v)) return { ok: true, value: undefined };
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    if ('error' in v) return { ok: false, message: `单元格是错误值 ${v.error}，请改成正确的${spec.label}` };
    return { ok: false, message: '公式没有计算结果，请在 Excel 或 WPS 中打开此文件、保存后再导入' };
  }
  switch (spec.kind) {
    case 'name': {
      if (typeof v !== 'string') return { ok: false, message: `姓名“${cellText(v)}”不是文字，请填写姓名` };
      const n = cleanName(v);
      if (!isPlausibleName(n)) return { ok: false, message: `“${v}”不像姓名（只能含汉字、字母和“·”），请检查是否填错列` };
      return { ok: true, value: n };
    }
    case 'gender': {
      const t = cleanText(cellText(v)).replace(/性$/, '');
      if (t === '男' || t === '女') return { ok: true, value: t };
      return { ok: false, message: `性别“${cellText(v)}”无效，请填“男”或“女”` };
    }
    case 'date': {
      const d = parseDate(v);
      if (!d.ok) return { ok: false, message: `${spec.label}：${d.reason}` };
      if (field === 'birthDate' && toDayIso(d.value) > today) {
        return { ok: false, message: `出生年月 ${d.value.iso} 晚于今天，请核对` };
      }
      return { ok: true, value: field === 'onRollFrom' || field === 'onRollLeft' ? toDayIso(d.value) : d.value.iso };
    }
    case 'category': {
      const c = parseCategory(cleanText(cellText(v)));
      if (c) return { ok: true, value: c };
      return { ok: false, message: `人员类别“${cellText(v)}”无效，请填“正式党员”“预备党员”或“群众”` };
    }
    case 'yesno': {
      const b = parseYesNo(cellText(v));
      if (b !== undefined) return { ok: true, value: b };
      return { ok: false, message: `“${cellText(v)}”无法识别，是否班子成员请填“是”或“否”` };
    }
    case 'phone': {
      const raw = typeof v === 'number' ? String(Math.round(v)) : cellText(v);
      if (typeof v === 'string' && SCIENTIFIC.test(v.trim())) return { ok: false, message: `电话号码被 Excel 存成了科学计数法（${v.trim()}），号码已丢失。请把该列设为“文本”格式后重新填写` };
      const p = validatePhone(raw, { storedAsNumber: typeof v === 'number' });
      return p.ok ? { ok: true, value: p.value } : { ok: false, message: p.reason };
    }
    case 'idcard': {
      // A number, or a CSV saved by Excel from one (1.10101E+17): the last digits are gone.
      if (typeof v === 'number' || (typeof v === 'string' && SCIENTIFIC.test(v.trim()))) {
        return {
          ok: false,
          message: '身份证号被 Excel 存成了数字，后几位已丢失（显示为 000 或科学计数法）。请把该列设为“文本”格式后重新填写身份证号',
        };
      }
      const r = validateIdCard(cellText(v));
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.reason };
    }
    case 'kept':
      return { ok: true, value: keepText(cellText(v)) || undefined };
    default:
      return { ok: true, value: cleanText(cellText(v)) || undefined };
  }
}

/** Reads every data row under the header; rows that are notes, totals or blank are skipped. */
export function parseRosterRows(layout: RosterLayout, today: string): ParsedRoster {
  const out: ParsedRoster = { rows: [], problems: [], warnings: [], skipped: [] };
  const { grid } = layout;
  const nameCol = layout.columns.find((c) => c.role.kind === 'field' && c.role.field === 'name')!.col;
  const serialCol = layout.columns.find((c) => c.role.kind === 'serial')?.col;
  for (let r = layout.headerEnd + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const filled = cells.map((v, c) => ({ v, c })).filter((x) => !isBlank(x.v));
    if (filled.length === 0) continue;
    const firstText = cleanText(cellText(filled[0]!.v));
    if (NOTE_START.test(firstText)) { out.skipped.push({ row: r, reason: firstText.slice(0, 10) }); continue; }
    if (serialCol !== undefined && cleanText(cellText(cells[serialCol])) === '示例') { out.skipped.push({ row: r, reason: '示例行' }); continue; }
    const nameText = cleanText(cellText(cells[nameCol]));
    if (nameText === '姓名' || fieldIsHeaderRepeat(nameText)) { out.skipped.push({ row: r, reason: '重复的表头' }); continue; }
    if (isBlank(cells[nameCol])) {
      if (filled.length === 1 && typeof filled[0]!.v === 'string' && filled[0]!.v.length >= 6) {
        out.skipped.push({ row: r, reason: '说明文字' });
        continue;
      }
      if (filled.every((x) => x.c === serialCol)) continue;
      out.problems.push({ row: r, col: nameCol, message: '这一行没有填写姓名，请补上姓名或删除这一行' });
      continue;
    }
    const row: RosterRow = { row: r, fields: {}, extra: {} };
    for (const col of layout.columns) {
      const v = cells[col.col] ?? null;
      if (col.role.kind === 'serial') continue;
      if (col.role.kind === 'extra') {
        const t = keepText(cellText(v));
        if (t) row.extra[col.label] = t;
        // A second phone column (kept as typed, not checked) still says when Excel dropped a landline's 0.
        if (typeof v === 'number' && /电话|手机/.test(col.label) && lostLeadingZero(String(Math.round(v)))) {
          out.warnings.push({ row: r, col: col.col, message: `“${col.label}”被 Excel 存成了数字（${maskPhone(String(Math.round(v)))}），固定电话区号开头的 0 已丢失；该列按原样保存，请把该列设为“文本”格式后重新填写` });
        }
        continue;
      }
      const p = parseField(col.role.field, v, today);
      if (!p.ok) out.problems.push({ row: r, col: col.col, message: p.message });
      else if (p.value !== undefined) row.fields[col.role.field] = p.value;
    }
    crossCheck(row, layout, out, today);
    if (row.fields.leader !== undefined) row.leader = row.fields.leader as boolean;
    else if (row.fields.partyPost !== undefined) row.leader = isLeaderPost(row.fields.partyPost as string);
    out.rows.push(row);
  }
  return out;
}

function fieldIsHeaderRepeat(t: string): boolean {
  return t === '名字' || t === '党员姓名';
}

function colOf(layout: RosterLayout, field: MemberField): number | undefined {
  return layout.columns.find((c) => c.role.kind === 'field' && c.role.field === field)?.col;
}

/** Checks between cells of one row: ID vs birth date and gender, on-roll order. */
function crossCheck(row: RosterRow, layout: RosterLayout, out: ParsedRoster, today: string): void {
  const f = row.fields;
  for (const field of ['joinPartyDate', 'fullMemberDate'] as const) {
    const v = f[field];
    if (typeof v === 'string' && v > today) {
      out.warnings.push({ row: row.row, col: colOf(layout, field), message: `${SPEC_BY_FIELD.get(field)!.label} ${v} 晚于今天，请核对` });
    }
  }
  const id = f.idCard as string | undefined;
  if (id) {
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}`;
    if (typeof f.birthDate === 'string' && !f.birthDate.startsWith(birth) && !birth.startsWith(f.birthDate)) {
      out.warnings.push({ row: row.row, col: colOf(layout, 'birthDate'), message: `出生年月 ${f.birthDate} 与身份证号中的 ${birth} 不一致，请核对` });
    }
    const g = Number(id[16]) % 2 === 1 ? '男' : '女';
    if (f.gender && f.gender !== g) {
      out.warnings.push({ row: row.row, col: colOf(layout, 'gender'), message: `性别“${f.gender}”与身份证号（${g}）不一致，请核对` });
    }
  }
  if (typeof f.onRollFrom === 'string' && typeof f.onRollLeft === 'string' && f.onRollLeft <= f.onRollFrom) {
    out.problems.push({ row: row.row, col: colOf(layout, 'onRollLeft'), message: `转出日期 ${f.onRollLeft} 不晚于转入日期 ${f.onRollFrom}，请核对` });
  }
}

/** "file › sheet › K15: message" — the one format every import error uses. */
export function describeProblem(file: string, sheet: string, p: CellProblem): string {
  const where = p.col === undefined ? `第 ${p.row + 1} 行` : cellRef(p.row, p.col);
  return clipQuotes(`${file} › ${sheet || 'CSV'} › ${where}：${p.message}`);
}
