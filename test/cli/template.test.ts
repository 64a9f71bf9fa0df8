// `shuxiang template roster`: the workbook a secretary is asked to fill in, opened back with exceljs.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIELD_SPECS } from '../../src/domain/member.js';
import { validateIdCard } from '../../src/domain/idcard.js';
import { EXAMPLE_MARK, HEADER_ROW, writeRosterWorkbook } from '../../src/render/excel/rosterTemplate.js';
import { runCli, tempDir } from '../helpers/cli.js';

const LABELS = ['序号', ...FIELD_SPECS.map((s) => s.label)];
const col = (label: string) => LABELS.indexOf(label) + 1;

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('template roster', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes 党员花名册模板.xlsx in the working folder', async () => {
    const r = await runCli(['template', 'roster'], { cwd: dir });
    expect(r.code).toBe(0);
    const file = join(dir, '党员花名册模板.xlsx');
    expect(r.stdout).toBe(`已生成党员花名册模板：${file}\n`);
    expect(r.stderr).toContain('shuxiang import 党员花名册模板.xlsx');
    expect(existsSync(file)).toBe(true);
  });

  it('has the banner, the canonical header, frozen panes, text and date formats', async () => {
    await runCli(['template', 'roster'], { cwd: dir });
    const wb = await open(join(dir, '党员花名册模板.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['花名册', '填表说明']);
    const ws = wb.getWorksheet('花名册')!;

    expect(ws.getCell('A1').value).toBe('XX党支部党员花名册');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.model as { merges: string[] }).merges).toContain(`A1:${ws.getColumn(LABELS.length).letter}1`);

    const header = ws.getRow(HEADER_ROW);
    expect(LABELS.map((_, i) => header.getCell(i + 1).value)).toEqual(LABELS);
    expect(LABELS).toEqual(expect.arrayContaining(['姓名', '性别', '出生年月', '民族', '学历', '入党时间', '转正时间', '人员类别',
      '职务', '党内职务', '是否班子成员', '所在支部', '联系电话', '身份证号', '转入日期', '转出日期']));
    const h = header.getCell(col('姓名'));
    expect(h.font?.bold).toBe(true);
    expect(h.border?.top?.style).toBe('thin');
    expect(h.alignment?.wrapText).toBe(true);
    expect((h.fill as ExcelJS.FillPattern).pattern).toBe('solid');

    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBe(HEADER_ROW);

    for (const r of [HEADER_ROW + 1, 50, HEADER_ROW + 200]) {
      expect(ws.getCell(r, col('身份证号')).numFmt).toBe('@');
      expect(ws.getCell(r, col('联系电话')).numFmt).toBe('@');
      expect(ws.getCell(r, col('出生年月')).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getCell(r, col('转入日期')).numFmt).toBe('yyyy-mm-dd');
    }
    expect(ws.getColumn(col('身份证号')).width).toBeGreaterThanOrEqual(20);
  });

  it('offers drop-downs for 性别, 人员类别 and 是否班子成员 over 200 rows', async () => {
    await runCli(['template', 'roster'], { cwd: dir });
    const ws = (await open(join(dir, '党员花名册模板.xlsx'))).getWorksheet('花名册')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const at = (label: string, row: number) => dv[`${ws.getColumn(col(label)).letter}${row}`];
    for (const row of [HEADER_ROW + 1, 100, HEADER_ROW + 200]) {
      expect(at('性别', row)).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
      expect(at('人员类别', row)).toMatchObject({ type: 'list', formulae: ['"正式党员,预备党员,群众"'] });
      expect(at('是否班子成员', row)).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
      expect(at('出生年月', row)?.type).toBe('date');
      expect(at('身份证号', row)).toMatchObject({ type: 'textLength', formulae: [18] });
    }
    expect(at('性别', HEADER_ROW)).toBeUndefined();
  });

  it('prints on A4 landscape, one page wide, with the header repeated', async () => {
    await runCli(['template', 'roster'], { cwd: dir });
    const ws = (await open(join(dir, '党员花名册模板.xlsx'))).getWorksheet('花名册')!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
  });

  it('has one example row, marked 示例 in 序号, holding a valid person', async () => {
    await runCli(['template', 'roster'], { cwd: dir });
    const ws = (await open(join(dir, '党员花名册模板.xlsx'))).getWorksheet('花名册')!;
    const row = ws.getRow(HEADER_ROW + 1);
    expect(row.getCell(1).value).toBe(EXAMPLE_MARK);
    const id = validateIdCard(String(row.getCell(col('身份证号')).value));
    expect(id.ok).toBe(true);
    const birth = row.getCell(col('出生年月')).value as Date;
    expect(id.ok && id.birthDate).toBe(birth.toISOString().slice(0, 10));
    expect(row.getCell(col('姓名')).value).toBe('张三');
    expect(ws.getRow(HEADER_ROW + 2).getCell(1).value).toBeNull();
  });

  it('explains every column on 填表说明', async () => {
    await runCli(['template', 'roster'], { cwd: dir });
    const ws = (await open(join(dir, '党员花名册模板.xlsx'))).getWorksheet('填表说明')!;
    const firstColumn: unknown[] = [];
    ws.eachRow((r) => firstColumn.push(r.getCell(1).value));
    for (const label of LABELS) expect(firstColumn).toContain(label);
    const text = firstColumn.join('\n');
    expect(text).toContain('文本');
    expect(text).toContain('示例');
  });

  // Issue 16's one overwrite rule: a named file is refused, a taken default name gets the next number.
  it('never overwrites an existing file without --force: a named one is refused, the default name takes the next number', async () => {
    const file = join(dir, '党员花名册模板.xlsx');
    await runCli(['template', 'roster'], { cwd: dir });
    const before = readFileSync(file);
    const again = await runCli(['template', 'roster'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('已存在，未覆盖；本次保存为 党员花名册模板（2）.xlsx');
    expect(readFileSync(join(dir, '党员花名册模板（2）.xlsx')).length).toBeGreaterThan(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const named = await runCli(['template', 'roster', '党员花名册模板.xlsx'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('已经存在');
    expect(named.stderr).toContain('--force');
    const forced = await runCli(['template', 'roster', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
  });

  it('writes to a given file, adding .xlsx when there is no extension', async () => {
    const r = await runCli(['template', 'roster', '一支部'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(statSync(join(dir, '一支部.xlsx')).size).toBeGreaterThan(0);
    const bad = await runCli(['template', 'roster', '花名册.xls'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.xlsx');
    const noDir = await runCli(['template', 'roster', join('没有这个文件夹', 'a.xlsx')], { cwd: dir });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('不存在');
  });

  it('names the templates there are when the name is unknown or missing', async () => {
    const r = await runCli(['template', 'ledgr'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“ledgr”的模板');
    expect(r.stderr).toContain('roster（党员花名册）');
    const list = await runCli(['template'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('roster');
  });

  it('prints JSON with --json', async () => {
    const r = await runCli(['--json', 'template', 'roster'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({ template: 'roster', file: join(dir, '党员花名册模板.xlsx') });
  });

  it('has Chinese help with examples', async () => {
    const r = await runCli(['template', '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：\n  shuxiang template roster\n');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });
});

describe('writeRosterWorkbook with rows', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes text as text (never a formula) and dates as dates, numbering the rows', async () => {
    const file = join(dir, 'r.xlsx');
    const evil = '=HYPERLINK("http://example.com","点我")';
    await writeRosterWorkbook(file, { title: '机关第一党支部党员花名册', rows: [
      { name: evil, birthDate: '1985-03-01', idCard: '110101198503010012', phone: '13800138000' },
      { name: '李四', jobTitle: '+SUM(A1)' },
    ] });
    const ws = (await open(file)).getWorksheet('花名册')!;
    expect(ws.getCell('A1').value).toBe('机关第一党支部党员花名册');
    const first = ws.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe('1');
    expect(first.getCell(col('姓名')).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(col('姓名')).value).toBe(evil);
    expect(first.getCell(col('身份证号')).value).toBe('110101198503010012');
    expect((first.getCell(col('出生年月')).value as Date).toISOString().slice(0, 10)).toBe('1985-03-01');
    expect(ws.getRow(HEADER_ROW + 2).getCell(col('职务')).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(HEADER_ROW + 3).getCell(1).value).toBeNull();
  });
});
