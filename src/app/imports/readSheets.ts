// Reading many filled-in sheets (members' ledgers, book catalogues) before anything is written: every
// file, every sheet, every row checked, each problem named `file › sheet › cell：reason`, members
// matched strictly by the one member resolver (exact name, 间隔号-less name, 张三#12 or #12 — never initials
// or part of a name), and a warning for evidence dated while someone was off the roll.
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EVIDENCE_KINDS, type RecordSpec } from '../../domain/evidenceKinds.js';
import { itemKey, type ItemValues } from '../../domain/evidenceValues.js';
import { cellRef, sheetsToRead, skippedSheetsNote, type Grid } from '../../domain/grid.js';
import { findLedgerSheet, readLedgerRows, type LedgerSheet, type NameRef } from '../../domain/ledgerRows.js';
import { onAnyRollOn, type Member } from '../../domain/member.js';
import { digestWarnings } from '../../domain/problemDigest.js';
import { describeProblem, type CellProblem } from '../../domain/rosterRows.js';
import { memberResolver, missText } from '../../domain/matchMember.js';
import { listInputFolder, readGrids } from '../../io/readGrids.js';
import { UserError } from '../../shared/errors.js';
import { refuseProblems, type ImportHooks } from './batch.js';

/** A row's problem; `at` is where the name came from when it is not on the row (B2, the title). */
type Located = CellProblem & { at?: NameRef };

/** One accepted row, and where it came from. */
export interface SheetItem {
  spec: RecordSpec;
  memberId: number;
  values: ItemValues;
}

/** One sheet's rejected rows, for the rejects workbook (the shape src/render/excel/writeRejects.ts takes). */
export interface RejectedSheet {
  sheet: string;
  grid: Grid;
  headerEnd: number;
  rejects: { row: number; reasons: string[] }[];
}

/** What was read from one file. */
export interface FileRead {
  path: string;
  name: string;
  sheets: { sheet: string; kind: string; rows: number }[];
  /** Rejected rows per sheet (for --skip-invalid). */
  rejects: RejectedSheet[];
}

/** Everything read: accepted items, and formatted problems and warnings. */
export interface SheetsRead {
  files: FileRead[];
  items: SheetItem[];
  problems: string[];
  warnings: string[];
}

/** The files a list of arguments names: folders stand for the spreadsheet files inside them (.xlsx/.xlsm/.xls/.et/.ods/.csv). */
export function expandInputs(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let isDir = false;
    try { isDir = statSync(p).isDirectory(); } catch { return [p]; }
    if (!isDir) return [p];
    const found = listInputFolder(p).filter((f) => /\.(xlsx|xlsm|xls|et|ods|csv)$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.') && !/\.rejects\.xlsx$/i.test(f)).sort();
    if (found.length === 0) throw new UserError(`文件夹 ${p} 里没有表格文件（.xlsx、.xls、.et、.ods 或 .csv）。`, ['请把台账文件放进这个文件夹，或直接给出文件名。']);
    return found.map((f) => join(p, f));
  });
}

/** Reads and checks every file (only its sheet `sheet`, when --sheet names one); `members` is empty for
 * anonymous sheets (the book catalogue). */
export async function readSheets(paths: string[], specs: readonly RecordSpec[], members: Member[] | null, today: string, hooks: ImportHooks = {}, sheet?: string): Promise<SheetsRead> {
  const resolve = memberResolver(members ?? [], { strict: true });
  const out: SheetsRead = { files: [], items: [], problems: [], warnings: [] };
  const seen = new Map<string, { index: number; where: string }>();
  // An unknown --sheet name is refused even with --skip-invalid: it is the command that is wrong, not a row.
  const unknownSheet: string[] = [];
  for (const [i, path] of paths.entries()) {
    const name = basename(path);
    hooks.progress?.({ stage: paths.length > 1 ? `读取 ${i + 1}/${paths.length}：${name}` : `读取 ${name}` });
    const file: FileRead = { path, name, sheets: [], rejects: [] };
    out.files.push(file);
    // --sheet: only that sheet (a hidden one too); else every visible sheet.
    const shown = sheetsToRead(await readGrids(path), sheet);
    if ('error' in shown) {
      unknownSheet.push(`${name}：${shown.error}`);
      continue;
    }
    const { grids, skipped } = shown;
    if (skipped.length) hooks.warn?.(skippedSheetsNote(name, skipped));
    const found = grids.map((g) => findLedgerSheet(g, specs)).filter((s): s is LedgerSheet => !!s);
    if (found.length === 0) {
      out.problems.push(`${name}${sheet === undefined ? '' : ` › ${sheet}`}：没有找到${specs.length === 1 ? specs[0]!.name : '学习台账'}的表头（各工作表前 15 行里没有“${specs[0]!.fields.filter((f) => f.required).map((f) => f.label).join('”“')}”等列名）。请使用 shuxiang template ${specs === EVIDENCE_KINDS ? 'ledger' : 'books'} 生成的模板。`);
      continue;
    }
    const owner: NameRef | undefined = found.find((s) => s.owner)?.owner;
    for (const sheet of found) {
      const sheetName = sheet.grid.name;
      const read = readLedgerRows(sheet, { fallbackOwner: owner, anonymous: members === null, today });
      const problems: Located[] = [...read.problems];
      const warnings: CellProblem[] = [];
      let accepted = 0;
      for (const row of read.rows) {
        let memberId = 0;
        if (members !== null) {
          const r = resolve(row.name.text);
          if (r.kind !== 'one') { problems.push({ row: row.row, col: row.name.col, message: missText(r, { as: 'ledger' }).message, ...(row.name.row !== row.row ? { at: row.name } : {}) }); continue; }
          const who = r.member;
          memberId = who.id;
          const day = row.values[(sheet.kind as { dateKey?: string }).dateKey ?? ''];
          if (typeof day === 'string' && !onAnyRollOn(who, day)) warnings.push({ row: row.row, message: `${who.name} 在 ${day} 不在册（在册期间 ${who.onRollFrom ?? '最初'} 至 ${who.onRollLeft ? `${who.onRollLeft} 前` : '今'}），仍会记录` });
        }
        const key = `${sheet.kind.id}\u0001${itemKey(sheet.kind, memberId, row.values)}`;
        const where = `${name} › ${sheetName || 'CSV'} › 第 ${row.row + 1} 行`;
        const before = seen.get(key);
        const item = { spec: sheet.kind, memberId, values: row.values };
        if (before) {
          warnings.push({ row: row.row, message: `与 ${before.where} 是同一条记录（${sheet.kind.key.map((k) => sheet.kind.fields.find((f) => f.key === k)!.label).join('、')}相同），以后者为准` });
          out.items[before.index] = item;
        } else {
          seen.set(key, { index: out.items.length, where });
          out.items.push(item);
        }
        accepted++;
      }
      out.warnings.push(...digestWarnings(name, sheetName, warnings));
      file.sheets.push({ sheet: sheetName, kind: sheet.kind.id, rows: accepted });
      const shown = new Set<string>();
      for (const p of problems.sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0))) {
        const at = p.at;
        const text = at ? `${name} › ${sheetName || 'CSV'} › ${cellRef(at.row, at.col)}：${p.message}` : describeProblem(name, sheetName, p);
        if (!shown.has(text)) out.problems.push(text);
        shown.add(text);
      }
      const byRow = new Map<number, string[]>();
      for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
      if (byRow.size) file.rejects.push({ sheet: sheetName || '未导入的行', grid: sheet.grid, headerEnd: sheet.headerRow, rejects: [...byRow].map(([row, reasons]) => ({ row, reasons })) });
    }
  }
  if (unknownSheet.length) throw new UserError(unknownSheet.length === 1 ? unknownSheet[0]! : `${unknownSheet.length} 个文件里没有 --sheet 指定的工作表：`, [...(unknownSheet.length === 1 ? [] : unknownSheet), '请确认 --sheet 写的工作表名称（区分全角半角），未导入任何数据。']);
  hooks.progress?.({ stage: '已读取', done: out.items.length, unit: '条' });
  return out;
}

/** readSheets, then its warnings to `hooks.warn` and a refusal on any problem unless `skipInvalid`;
 * `noun` names the files in that refusal (台账文件, 书目文件). */
export async function readSheetsChecked(paths: string[], specs: readonly RecordSpec[], members: Member[] | null, o: { noun: string; skipInvalid?: boolean; sheet?: string }, today: string, hooks: ImportHooks = {}): Promise<SheetsRead> {
  const read = await readSheets(paths, specs, members, today, hooks, o.sheet);
  for (const w of read.warnings) hooks.warn?.(w);
  refuseProblems(read.problems, o.skipInvalid, paths.length > 1 ? `${paths.length} 个${o.noun}` : `${basename(paths[0]!)} `);
  return read;
}
