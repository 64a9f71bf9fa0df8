// Property-based: the roster and ledger importers, fed thousands of generated malformed workbooks (.xlsx
// built with real exceljs, and CSV), never crash, never print a stack trace and never half-write: each
// run exits 0 or 2; exit 2 leaves the database byte-for-byte as it was; exit 0 records a batch whose
// counts match the change, and `undo` then restores the exact prior state.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { diffDump, fullDump } from '../helpers/dump.js';
import { makeId } from '../helpers/ids.js';
import { addMembers } from '../helpers/roster.js';
import type { Cell, Grid } from '../../src/domain/grid.js';
import { findLedgerSheet, readLedgerRows } from '../../src/domain/ledgerRows.js';
import { pickRosterSheet } from '../../src/domain/rosterHeader.js';
import { parseRosterRows } from '../../src/domain/rosterRows.js';
import { planRosterImport } from '../../src/domain/rosterPlan.js';

const ROSTER_HEADERS = ['姓名', '名字', '性别', '出生年月', '出生日期', '民族', '学历', '入党时间', '转正时间', '人员类别', '职务', '党内职务', '是否班子成员', '所在支部', '联系电话', '手机号码', '身份证号', '公民身份号码', '转入日期', '转出日期', '序号', '备注'];
const LEDGER_HEADERS = ['姓名', '序号', '日期', '学时', '学习内容', '是否做笔记', '书名', '作者', '类别', '读完日期', '标题', '字数', '类型', '开始日期', '结束日期', '天数', '地点', '主题', '名称', '成绩', '备注'];
const NAMES = ['张三', '李四', '王五', '阿依古丽·买买提', '欧阳娜娜'];

let dir: string;
let cleanup: () => void;
const counts = { roster: 0, ledger: 0, exit0: 0, exit2: 0, rosterGrids: 0, ledgerGrids: 0 };

/** Cell values as exceljs takes them: the plain, the odd and the broken. */
const cellArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES, '男', '女', '汉族', '本科', '正式党员', '预备党员', '书记', '是', '否', '机关第一党支部', '合计', '注：', '1', '✓', '') },
  { weight: 3, arbitrary: fc.constantFrom('2026-03-01', '1985/3/1', '1985.03', '1985年3月', '198503', '2023-02-30', '13/45/2026', '２０２６－０３－０１', '昨天', '0000-00-00') },
  { weight: 2, arbitrary: fc.constantFrom(makeId('19850301', 11), makeId('19850301', 12).toLowerCase(), '110105198503011234', '11010519850301', '１１０１０５１９８５０３０１００１１', '13812345678', '138-1234-5678', '1381234567') },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.constant(110105198503011000), fc.constant(46082), fc.constant(0)) },
  { weight: 1, arbitrary: fc.date({ min: new Date('1890-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('=HYPERLINK("http://x","点我")', '+1', '@SUM(A1)', '\t', ' ', '　', 'x'.repeat(5000)) },
  { weight: 1, arbitrary: fc.record({ richText: fc.array(fc.record({ text: fc.constantFrom(...NAMES, '1.5', '2026-') }), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ formula: fc.constantFrom('A1+1', 'NOW()', 'VLOOKUP(A1,B:B,1)'), result: fc.option(fc.oneof(fc.integer(), fc.constantFrom('张三', '2026-03-01')), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ text: fc.constantFrom(...NAMES), hyperlink: fc.constant('mailto:a@b.c') }) },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** A sheet: optional banner rows, a header drawn from real synonyms plus junk, then rows of odd cells. */
function sheetArb(headers: string[]) {
  return fc.record({
    name: fc.constantFrom('花名册', 'Sheet1', '自学', '读书', '心得', '台账', '说明'),
    banner: fc.option(fc.constantFrom('机关第一党支部党员花名册', '个人学习台账（张三）', '姓名：李四'), { nil: undefined }),
    header: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...headers) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { minLength: 1, maxLength: 10 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 11 }), { maxLength: 12 }),
    merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })), { nil: undefined }),
  });
}

type SheetGen = { name: string; banner?: string; header: string[]; rows: unknown[][]; merge?: [number, number] };

async function writeWorkbook(file: string, sheets: SheetGen[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    let name = s.name;
    for (let i = 2; used.has(name); i++) name = `${s.name}${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    // fast-check's records have no prototype; exceljs wants plain objects
    const all = [...(s.banner ? [[s.banner]] : []), s.header, ...s.rows].map((row) => row.map((v) => (v && typeof v === 'object' && !(v instanceof Date) ? JSON.parse(JSON.stringify(v)) : v)));
    all.forEach((row, r) => row.forEach((v, c) => { if (v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue; }));
    if (s.merge && s.banner) ws.mergeCells(1, 1, 1, s.merge[1]);
  }
  await wb.xlsx.writeFile(file);
}

function writeCsv(file: string, s: SheetGen): void {
  const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const line = (r: unknown[]) => r.map((v) => `"${text(v).replace(/"/g, '""')}"`).join(',');
  writeFileSync(file, [...(s.banner ? [[s.banner]] : []), s.header, ...s.rows].map(line).join('\r\n'));
}

/** One import of a generated file, checked: exit 0 or 2, no stack, all-or-nothing, undo exact. */
async function importChecked(args: string[]): Promise<void> {
  const before = fullDump(dir);
  const r = await runCli(args, { cwd: dir, now: '2026-12-31' });
  expect(r.stderr).not.toMatch(/内部错误|\n\s+at |Error:/);
  expect([0, 2], r.stderr).toContain(r.code);
  const after = fullDump(dir);
  if (r.code === 2) {
    counts.exit2++;
    expect(after).toEqual(before);
    return;
  }
  counts.exit0++;
  if (after.batches!.rows.length === before.batches!.rows.length) {
    expect(after).toEqual(before);
    return;
  }
  const b = after.batches!.rows.at(-1)! as { added: number; changed: number; removed: number };
  expect({ added: b.added, changed: b.changed, removed: b.removed }).toEqual(diffDump(before, after));
  const u = await runCli(['undo', '--yes', '--no-backup'], { cwd: dir, now: '2026-12-31' });
  expect(u.code, u.stderr).toBe(0);
  expect(fullDump(dir)).toEqual(before);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-fuzz-'));
  await initDb(dir);
  addMembers(dir, NAMES.slice(0, 3).map((name) => ({ name, from: '2025-01-01' })));
  // Hundreds of batches here: the bounded undo journal (issue 16, newest 50 kept) would drop older
  // before-images mid-run, which no undo restores — keep them all for the exact-undo check.
  const raw = new (await import('better-sqlite3')).default(join(dir, 'shuxiang.db'));
  raw.prepare("INSERT INTO settings (key, value) VALUES ('undoKeepBatches', '100000'), ('undoKeepDays', '100000')").run();
  raw.close();
});
afterAll(() => {
  cleanup();
  const files = counts.roster + counts.ledger;
  const grids = counts.rosterGrids + counts.ledgerGrids;
  console.log(`malformed inputs tried: ${files + grids} — ${files} files through the CLI (${counts.roster} rosters, ${counts.ledger} ledgers; exit 0: ${counts.exit0}, exit 2: ${counts.exit2}) and ${grids} sheets through the parsers in-process (${counts.rosterGrids} roster, ${counts.ledgerGrids} ledger); no crash, no stack trace, no partial write`);
});

const flags = fc.constantFrom<string[]>([], [], ['--skip-invalid'], ['--dry-run'], ['--no-backup']);

describe('importers fed malformed workbooks', () => {
  it('roster: .xlsx', async () => {
    await fc.assert(fc.asyncProperty(fc.array(sheetArb(ROSTER_HEADERS), { minLength: 1, maxLength: 3 }), flags, async (sheets, f) => {
      counts.roster++;
      await writeWorkbook(join(dir, 'r.xlsx'), sheets);
      await importChecked(['import', 'r.xlsx', ...f]);
    }), { numRuns: 120, seed: 9 });
  }, 120_000);

  it('roster: .csv', async () => {
    await fc.assert(fc.asyncProperty(sheetArb(ROSTER_HEADERS), flags, async (sheet, f) => {
      counts.roster++;
      writeCsv(join(dir, 'r.csv'), sheet);
      await importChecked(['import', 'r.csv', ...f]);
    }), { numRuns: 150, seed: 10 });
  }, 120_000);

  it('ledger: .xlsx', async () => {
    await fc.assert(fc.asyncProperty(fc.array(sheetArb(LEDGER_HEADERS), { minLength: 1, maxLength: 3 }), flags, async (sheets, f) => {
      counts.ledger++;
      await writeWorkbook(join(dir, '张三.xlsx'), sheets);
      await importChecked(['import', '--kind', 'ledger', '张三.xlsx', ...f]);
    }), { numRuns: 120, seed: 11 });
  }, 120_000);

  it('ledger: .csv', async () => {
    await fc.assert(fc.asyncProperty(sheetArb(LEDGER_HEADERS), flags, async (sheet, f) => {
      counts.ledger++;
      writeCsv(join(dir, '李四.csv'), sheet);
      await importChecked(['import', '--kind', 'ledger', '李四.csv', ...f]);
    }), { numRuns: 150, seed: 12 });
  }, 120_000);
});

/** Cells as the readers hand them to the parsers (after normalising exceljs / CSV values). */
const gridCellArb: fc.Arbitrary<Cell> = fc.oneof(
  cellArb.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date) as fc.Arbitrary<Cell>,
  fc.constantFrom<Cell>({ error: '#N/A' }, { formula: 'A1+1', noResult: true }),
);

function gridArb(headers: string[]): fc.Arbitrary<Grid> {
  return fc.record({
    name: fc.constantFrom('花名册', 'Sheet1', '自学', '读书'),
    rows: fc.tuple(
      fc.array(fc.array(gridCellArb, { maxLength: 3 }), { maxLength: 3 }),
      fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...headers) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 10 }),
      fc.array(fc.array(gridCellArb, { maxLength: 11 }), { maxLength: 15 }),
    ).map(([top, header, body]) => [...top, header as Cell[], ...body]),
    merges: fc.array(fc.record({ top: fc.nat(3), left: fc.nat(5), bottom: fc.nat(4), right: fc.nat(8) }), { maxLength: 2 }),
  });
}

describe('the parsers, in-process, on generated sheets', () => {
  it('roster: pick sheet, parse rows, plan — never throws; every problem names a row', () => {
    fc.assert(fc.property(fc.array(gridArb(ROSTER_HEADERS), { minLength: 1, maxLength: 3 }), (grids) => {
      counts.rosterGrids++;
      const layout = pickRosterSheet(grids);
      if ('error' in layout) return;
      const parsed = parseRosterRows(layout, '2026-12-31');
      for (const p of parsed.problems) expect(p.row).toBeGreaterThanOrEqual(0);
      planRosterImport({ rows: parsed.rows, existing: [], existingBranches: [], defaultBranch: '机关第一党支部', importDate: '2026-12-31', sync: false });
    }), { numRuns: 3000, seed: 13 });
  });

  it('ledger: find sheet, read rows — never throws', () => {
    fc.assert(fc.property(gridArb(LEDGER_HEADERS), (grid) => {
      counts.ledgerGrids++;
      const sheet = findLedgerSheet(grid);
      if (!sheet) return;
      const { problems } = readLedgerRows(sheet, { fallbackOwner: undefined });
      for (const p of problems) expect(p.row).toBeGreaterThanOrEqual(0);
    }), { numRuns: 2000, seed: 14 });
  });
});

