// Rosters built in code with the awkward things real ones contain, and the errors bad ones get.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { membersIn } from '../helpers/db.js';
import { makeId } from '../helpers/ids.js';
import { readXlsx, writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir, '机关第一党支部');
});
afterEach(() => cleanup());

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const HEAD1 = ['序号', '姓名', '性别', '出生年月', '入党情况', undefined, '党内职务', '联系电话', '身份证号', '籍贯'];
const HEAD2 = [undefined, undefined, undefined, undefined, '入党时间', '转正时间', undefined, undefined, undefined, undefined];

describe('a tricky but valid roster', () => {
  it('reads banners, two-row headers, every cell kind and date spelling', async () => {
    const file = join(dir, 'tricky.xlsx');
    const idX = makeId('19900307', 1).slice(0, 17);
    const withX = idX + 'X';
    // find a sequence whose check char is X so the lower-case x path is exercised
    let xId = '';
    for (let seq = 2; seq < 999 && !xId; seq += 2) {
      const id = makeId('19850315', seq);
      if (id.endsWith('X')) xId = id;
    }
    expect(withX.length).toBe(18);
    await writeXlsx(file, [
      { name: '说明', rows: [['本表由组织委员填写'], ['请勿修改表头']] },
      {
        name: '党员花名册',
        merges: ['A1:J1', 'E3:F3', 'A3:A4', 'B3:B4'],
        rows: [
          ['机关第一党支部党员花名册'],
          [],
          HEAD1,
          HEAD2,
          [1, '张 三', '男', new Date(Date.UTC(1985, 2, 1)), 40000, '2011年3月', '书记', 13812345678, makeId('19850301', 11), '山东'],
          [2, { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] }, '女', '198503', '2010/3/1', '2011.03', '组织委员', { text: '13912345678', hyperlink: 'tel:13912345678' }, makeId('19850302', 22), '河北'],
          [],
          [3, '阿依古丽•买买提', '女', 1985.03, '2015-07-01', undefined, undefined, '010-66668888', xId.toLowerCase(), undefined],
          [4, '王五', { formula: '"男"', result: '男' }, '1985年3月', undefined, undefined, undefined, undefined, fullWidth(makeId('19850303', 33).slice(0, 14)) + makeId('19850303', 33).slice(14), undefined],
          ['合计', '4人'],
          ['注：本表数据截至2026年10月'],
        ],
      },
    ]);
    // the full-width ID above must be the same as makeId('19850303', 33)
    const r = await runCli(['import', file, '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ sheet: '党员花名册', added: 4, leaders: 2, rejected: 0 });
    const ms = membersIn(dir);
    const by = (n: string) => ms.find((m) => m.name === n)!;
    expect(ms.map((m) => m.name)).toEqual(['张三', '李四', '阿依古丽·买买提', '王五']);
    expect(by('张三')).toMatchObject({ birthDate: '1985-03-01', joinPartyDate: '2009-07-06', fullMemberDate: '2011-03', phone: '13812345678', leader: true, partyPost: '书记', extra: { 籍贯: '山东' } });
    expect(by('李四')).toMatchObject({ birthDate: '1985-03', joinPartyDate: '2010-03-01', fullMemberDate: '2011-03', phone: '13912345678', leader: true });
    expect(by('阿依古丽·买买提')).toMatchObject({ birthDate: '1985-03', idCard: xId, phone: '010-66668888', leader: false });
    expect(by('王五')).toMatchObject({ gender: '男', birthDate: '1985-03', idCard: makeId('19850303', 33) });
    expect(ms.every((m) => m.branch === '机关第一党支部' && m.onRollFrom === undefined)).toBe(true);
    const again = await runCli(['import', file, '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('a two-row header whose lower row names more fields keeps the upper row\'s own columns (性别, 备注 with nothing under them)', async () => {
    // As some programs save merged cells: 序号 and 姓名 written again in the covered cells of row 3, so
    // row 3 (姓名, 入党时间, 转正时间) names more fields than row 2 (姓名, 性别).
    const file = join(dir, 'two.xlsx');
    await writeXlsx(file, [{
      name: '花名册',
      merges: ['A1:F1', 'A2:A3', 'B2:B3', 'D2:E2'],
      rows: [
        ['机关第一党支部党员花名册'],
        ['序号', '姓名', '性别', '入党情况', undefined, '备注'],
        ['序号', '姓名', undefined, '入党时间', '转正时间', undefined],
        [1, '张三', '男', '2010-07-01', '2011-07-01', '退休返聘人员'],
      ],
    }]);
    const r = await runCli(['import', file, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 1, rejected: 0 });
    expect(membersIn(dir)).toMatchObject([{ name: '张三', gender: '男', joinPartyDate: '2010-07-01', fullMemberDate: '2011-07-01', extra: { 备注: '退休返聘人员' } }]);
  });

  it('reads numbers a CSV keeps as text the way exports do: ="…" and a leading \'', async () => {
    const { writeFileSync } = await import('node:fs');
    const id = makeId('19900307', 5);
    writeFileSync(join(dir, 'r.csv'), `\ufeff姓名,身份证号,联系电话,备注\n赵六,="${id}",'13912345678,'不是数字的备注\n`);
    const r = await runCli(['import', join(dir, 'r.csv'), '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(membersIn(dir)).toMatchObject([{ name: '赵六', idCard: id, phone: '13912345678', extra: { 备注: "'不是数字的备注" } }]);
  });

  it('reads a UTF-8 CSV with BOM and a 转入/转出 interval', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'r.csv');
    writeFileSync(file, '\ufeff姓名,性别,转入日期,转出日期,所在支部\n赵六,男,2026-07-01,,机关第二党支部\n钱七,女,,2026/3/1,机关第二党支部\n');
    const r = await runCli(['import', file, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const ms = membersIn(dir);
    expect(ms.find((m) => m.name === '赵六')).toMatchObject({ onRollFrom: '2026-07-01', branch: '机关第二党支部' });
    expect(ms.find((m) => m.name === '钱七')).toMatchObject({ onRollLeft: '2026-03-01' });
    expect(JSON.parse(r.stdout).branches).toEqual(['机关第二党支部']);
  });
});

describe('a year and month typed into a number cell (常规 format)', () => {
  // Excel keeps the number, not what was typed: 1985.03 stays 1985.03, but 1985.10 becomes 1985.1, so a
  // 1985.1 in the file is January or October. It is refused by cell; every other number can be only one month.
  it('refuses 1985.1 by cell, saying to type 1985.01 as text; reads 1986.2, 1985.12, 1985.03 and the text 2011.2', async () => {
    const file = join(dir, 'n.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['序号', '姓名', '性别', '出生年月', '入党时间'], [1, '陈一', '男', 1985.1, 2010.1], [2, '陈二', '女', 1986.2, '2011.2'], [3, '陈三', '男', 1985.12, 1985.03]] }]);
    const r = await runCli(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('n.xlsx › 花名册 › D2：出生年月：“1985.1”是数字，看不出是 1985 年 1 月还是 10 月（Excel 会把输入的 1985.10 存成 1985.1）。请把该列设为“文本”格式后写成 1985.01 或 1985-01（也可写 1985年1月）');
    expect(r.stderr).toContain('n.xlsx › 花名册 › E2：入党时间：“2010.1”是数字，看不出是 2010 年 1 月还是 10 月');
    expect(r.stderr).toContain('n.xlsx 有 2 处问题，未导入任何数据');
    expect(membersIn(dir)).toHaveLength(0);
    const ok = await runCli(['import', file, '--skip-invalid', '--json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const by = (n: string) => membersIn(dir).find((m) => m.name === n);
    expect(by('陈一')).toBeUndefined();
    expect(by('陈二')).toMatchObject({ birthDate: '1986-02', joinPartyDate: '2011-02' });
    expect(by('陈三')).toMatchObject({ birthDate: '1985-12', joinPartyDate: '1985-03' });
  });
});

describe('a phone number Excel stored as a number', () => {
  // A landline typed into a 常规 cell loses its leading 0 (010-66668888 → 1066668888), as an ID number
  // loses its last digits: refused by cell. A mobile (11 digits, 1…) and a local number lose nothing.
  it('refuses a landline that lost its 0, naming the cell and saying to set the column to text; mobiles and local numbers pass', async () => {
    const file = join(dir, 'p.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['序号', '姓名', '联系电话'], [1, '李一', 1066668888], [2, '李二', 57187654321], [3, '李三', 13812345678], [4, '李四', 66668888], [5, '李五', '010-66668888']] }]);
    const r = await runCli(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('p.xlsx › 花名册 › C2：电话号码被 Excel 存成了数字（******8888），固定电话区号开头的 0 已丢失。请把该列设为“文本”格式后重新填写，如 010-66668888');
    expect(r.stderr).toContain('p.xlsx › 花名册 › C3：电话号码被 Excel 存成了数字（*******4321）');
    expect(r.stderr).toContain('p.xlsx 有 2 处问题，未导入任何数据');
    expect(membersIn(dir)).toHaveLength(0);
    const ok = await runCli(['import', file, '--skip-invalid'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(membersIn(dir).map((m) => [m.name, m.phone])).toEqual([['李三', '13812345678'], ['李四', '66668888'], ['李五', '010-66668888']]);
  });

  it('a second phone column (kept as typed) is imported, with a warning naming the cell', async () => {
    const file = join(dir, 'p2.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['姓名', '联系电话', '办公电话'], ['李一', 13812345678, 1066668888]] }]);
    const r = await runCli(['import', file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('p2.xlsx › 花名册 › C2：“办公电话”被 Excel 存成了数字（******8888），固定电话区号开头的 0 已丢失；该列按原样保存，请把该列设为“文本”格式后重新填写');
    expect(membersIn(dir)).toMatchObject([{ name: '李一', phone: '13812345678', extra: { 办公电话: '1066668888' } }]);
  });

  it('a CSV that Excel saved from such a column (the 0 already gone) is refused the same way', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'p.csv'), '姓名,联系电话\n李一,1066668888\n李二,01066668888\n');
    const r = await runCli(['import', join(dir, 'p.csv')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('p.csv › CSV › B2：“******8888”不像电话号码：固定电话要带以 0 开头的区号，如 010-66668888；若开头的 0 是 Excel 去掉的，请把该列设为“文本”格式后重新填写');
    expect(r.stderr).toContain('p.csv 有 1 处问题');
  });
});

describe('a date typed as text with a time of day', () => {
  it('takes the day and reads past the time (not kept): 2001/7/1 0:00, 2002-07-01 14:30, 2026/3/6 9:00:00', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 't.csv'), '姓名,性别,入党时间,转正时间,转入日期\n赵六,男,2001/7/1 0:00,2002-07-01 14:30,2026/3/6 9:00:00\n钱七,女,2001-07-01 25:00,,\n');
    const bad = await runCli(['import', join(dir, 't.csv')], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('t.csv › CSV › C3：入党时间：“25:00”不是真实的时间，请核对；只需写日期，如 2026-03-05');
    expect(bad.stderr).toContain('t.csv 有 1 处问题');
    const r = await runCli(['import', join(dir, 't.csv'), '--skip-invalid'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(membersIn(dir)).toMatchObject([{ name: '赵六', joinPartyDate: '2001-07-01', fullMemberDate: '2002-07-01', onRollFrom: '2026-03-06' }]);
  });
});

describe('bad rosters: every problem named by sheet and cell, nothing written', () => {
  async function badRoster(rows: unknown[][]) {
    const file = join(dir, 'bad.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['姓名', '性别', '出生日期', '身份证号'], ...rows] }]);
    return { file, r: await runCli(['import', file], { cwd: dir }) };
  }

  it('lists duplicate IDs, bad checksums, missing names, impossible dates and numeric IDs together', async () => {
    const good = makeId('19900101', 11);
    const badSum = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const { r } = await badRoster([
      ['甲', '男', '1990-01-01', good],
      ['乙', '男', '1990-01-01', good],
      ['丙', '女', '1990-01-01', badSum],
      [undefined, '女', '1990-01-01', makeId('19900101', 22)],
      ['丁', '女', '2023-02-30', makeId('19900101', 42)],
      ['戊', '男', '1990-01-01', 110105199001011000],
      ['己', '未知', '1990-01-01', undefined],
    ]);
    expect(r.code).toBe(2);
    const e = r.stderr;
    expect(e).toContain('bad.xlsx 有 6 处问题，未导入任何数据');
    expect(e).toContain('bad.xlsx › 花名册 › 第 3 行：身份证号与第 2 行重复');
    expect(e).toMatch(/bad\.xlsx › 花名册 › D4：身份证号 110105\*+\d{3}. 校验位不对/);
    expect(e).toContain('bad.xlsx › 花名册 › A5：这一行没有填写姓名，请补上姓名或删除这一行');
    expect(e).toContain('bad.xlsx › 花名册 › C6：出生年月：“2023-02-30”不是真实存在的日期');
    expect(e).toContain('bad.xlsx › 花名册 › D7：身份证号被 Excel 存成了数字');
    expect(e).toContain('bad.xlsx › 花名册 › B8：性别“未知”无效，请填“男”或“女”');
    expect(e).toContain('--skip-invalid');
    expect(e).not.toMatch(/\n\s+at /);
    expect(membersIn(dir)).toHaveLength(0);
  });

  it('--skip-invalid imports the good rows and writes the rejects beside the input', async () => {
    const file = join(dir, 'bad.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['姓名', '性别', '身份证号'], ['甲', '男', makeId('19900101', 11)], ['乙', '男', 110105199001011000]] }]);
    const r = await runCli(['import', file, '--skip-invalid', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ added: 1, rejected: 1 });
    expect(s.rejectsFile).toBe(join(dir, 'bad.rejects.xlsx'));
    expect(existsSync(s.rejectsFile)).toBe(true);
    const wb = await readXlsx(s.rejectsFile);
    const ws = wb.getWorksheet('未导入的行')!;
    expect(ws.getRow(1).values).toEqual([undefined, '原行号', '原因', '姓名', '性别', '身份证号']);
    expect(ws.getCell('A2').value).toBe(3);
    expect(String(ws.getCell('B2').value)).toContain('身份证号被 Excel 存成了数字');
    expect(ws.getCell('C2').value).toBe('乙');
    expect(membersIn(dir).map((m) => m.name)).toEqual(['甲']);
  });

  it('a formula text in a cell is stored and written back as text, never as a formula', async () => {
    const file = join(dir, 'f.xlsx');
    await writeXlsx(file, [{ name: 'S', rows: [['姓名', '性别', '备注'], ['甲', '男', '=HYPERLINK("http://x","y")'], ['=1+1', '男', '']] }]);
    const r = await runCli(['import', file, '--skip-invalid', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(membersIn(dir)[0]!.extra).toEqual({ 备注: '=HYPERLINK("http://x","y")' });
    const wb = await readXlsx(join(dir, 'f.rejects.xlsx'));
    const cell = wb.getWorksheet('未导入的行')!.getCell('C2');
    expect(cell.value).toBe('=1+1');
    expect(cell.type).toBe(3 /* ValueType.String */);
  });

  it('an unknown --sheet lists the sheets; a sheet without a header says what it looked for', async () => {
    const file = join(dir, 'x.xlsx');
    await writeXlsx(file, [{ name: '封面', rows: [['2026年']] }, { name: '名单', rows: [['姓名', '性别'], ['甲', '男']] }]);
    const r1 = await runCli(['import', file, '--sheet', '花名册'], { cwd: dir });
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('没有名为“花名册”的工作表。本文件的工作表有：“封面”、“名单”');
    const r2 = await runCli(['import', file, '--sheet', '封面'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('找不到表头行');
    const r3 = await runCli(['import', file], { cwd: dir });
    expect(r3.code).toBe(0);
  });

  // A workbook with a roster per branch, one sheet each: only the sheet that looked most like a roster was
  // imported, the others dropped without a word. Refused, naming every sheet with people on it, with the
  // command for each; a sheet with a header and nobody under it (a blank template) does not count.
  it('people on more than one sheet are refused, each sheet named with its --sheet command', async () => {
    const file = join(dir, '全机关花名册.xlsx');
    const sheet = (branch: string, people: string[]) => ({ name: branch, rows: [[`机关${branch}党员花名册`], ['序号', '姓名', '性别', '所在支部'], ...people.map((p, i) => [i + 1, p, '男', `机关${branch}`])] });
    await writeXlsx(file, [sheet('第一支部', ['甲一', '甲二', '甲三']), sheet('第二支部', ['乙一', '乙二']), sheet('第三支部', [])]);
    const r = await runCli(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('全机关花名册.xlsx 有 2 个工作表都填有人员：“第一支部”（3 人）、“第二支部”（2 人）。只导入其中一张会漏掉其余的人，因此没有导入。');
    expect(r.stderr).toContain('shuxiang import 全机关花名册.xlsx --sheet 第二支部');
    expect(r.stderr).not.toContain('--sheet 第三支部');
    expect(membersIn(dir)).toEqual([]);
    await runCli(['import', file, '--sheet', '第一支部'], { cwd: dir });
    const two = await runCli(['import', file, '--sheet', '第二支部'], { cwd: dir });
    expect(two.code, two.stderr).toBe(0);
    expect(membersIn(dir).map((m) => m.name)).toEqual(['甲一', '甲二', '甲三', '乙一', '乙二']);
  });

  it('a missing file and a folder get plain messages', async () => {
    const r = await runCli(['import', 'nope.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    const r2 = await runCli(['import', '.'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('是文件夹');
  });
});

describe('--dry-run and --sync', () => {
  async function roster(names: string[]) {
    const file = join(dir, 'r.xlsx');
    await writeXlsx(file, [{ name: 'S', rows: [['姓名', '性别', '党内职务'], ...names.map((n, i) => [n, '男', i === 0 ? '书记' : ''])] }]);
    return file;
  }

  it('--dry-run shows adds and changes and writes nothing', async () => {
    const file = await roster(['甲', '乙']);
    const r = await runCli(['import', file, '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ 新增 甲（机关第一党支部，班子成员）');
    expect(r.stdout).toContain('+ 新增 乙（机关第一党支部）');
    expect(membersIn(dir)).toHaveLength(0);
    await runCli(['import', file], { cwd: dir });
    const file2 = join(dir, 'r2.xlsx');
    await writeXlsx(file2, [{ name: 'S', rows: [['姓名', '性别', '党内职务'], ['甲', '女', '']] }]);
    const r2 = await runCli(['import', file2, '--dry-run'], { cwd: dir });
    expect(r2.stdout).toContain('~ 修改 甲：性别 男 → 女；党内职务 书记 → （空）'.replace('；党内职务 书记 → （空）', ''));
    expect(membersIn(dir).find((m) => m.name === '甲')!.gender).toBe('男');
  });

  it('--sync needs --yes without a terminal, then marks the missing as left today', async () => {
    await runCli(['import', await roster(['甲', '乙', '丙'])], { cwd: dir });
    const file = await roster(['甲', '乙']);
    const r = await runCli(['import', file, '--sync'], { cwd: dir, now: '2026-11-22' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(membersIn(dir).find((m) => m.name === '丙')!.onRollLeft).toBeUndefined();
    const ok = await runCli(['import', file, '--sync', '--yes', '--json'], { cwd: dir, now: '2026-11-22' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ left: 1, unchanged: 2 });
    expect(membersIn(dir).find((m) => m.name === '丙')!.onRollLeft).toBe('2026-11-22');
  });

  it('a roster that drops someone does not delete them without --sync', async () => {
    await runCli(['import', await roster(['甲', '乙'])], { cwd: dir });
    await runCli(['import', await roster(['甲'])], { cwd: dir });
    expect(membersIn(dir).map((m) => [m.name, m.onRollLeft])).toEqual([['甲', undefined], ['乙', undefined]]);
  });
});
