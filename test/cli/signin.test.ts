// `shuxiang sheet` → fill the workbook → `import --kind signin`: the same attendance as scripted checkin.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSignin } from '../../src/cli/commands/import/signin.js';
import { AppContext } from '../../src/cli/context.js';
import type { ImportOptions } from '../../src/cli/importing/options.js';
import { ShuxiangError } from '../../src/shared/errors.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir, now: '2026-03-10' });
async function ok(args: string[]) {
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
}
async function newSession(topic: string): Promise<number> {
  return JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', topic, '--place', '三楼会议室', '--speaker', '李明'])).stdout).id;
}
async function statuses(id: number) {
  const s = JSON.parse((await ok(['--json', 'session', 'show', String(id)])).stdout) as { attendance: { name: string; status: string; excuseKind: string | null }[] };
  return Object.fromEntries(s.attendance.map((a) => [a.name, [a.status, a.excuseKind]]));
}

/** Calls importSignin as `import --kind signin` will, capturing output; returns exit code and text. */
async function importSheet(files: string[], opts: ImportOptions = {}, json = false) {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) },
    stdin: process.stdin, env: { NO_COLOR: '1', SHUXIANG_NOW: '2026-03-10' }, cwd: dir,
  };
  const ctx = new AppContext(io, { json });
  try {
    await importSignin(ctx, files, opts);
    return { code: 0, stdout: out, stderr: err };
  } catch (e) {
    if (!(e instanceof ShuxiangError)) throw e;
    return { code: e.exitCode, stdout: out, stderr: [e.message, ...e.details].join('\n') };
  } finally {
    ctx.closeAll();
  }
}

/** Opens a sheet and fills 签名/状态/备注 by name. */
async function fill(file: string, marks: Record<string, { sig?: string; status?: string; note?: string }>, edit?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('签到表')!;
  ws.eachRow((row) => {
    const m = marks[String(row.getCell(2).value)];
    if (!m) return;
    if (m.sig !== undefined) row.getCell(3).value = m.sig;
    if (m.status !== undefined) row.getCell(4).value = m.status;
    if (m.note !== undefined) row.getCell(5).value = m.note;
  });
  edit?.(ws);
  await wb.xlsx.writeFile(file);
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [
    { name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' },
    { name: '赵六', from: '2026-01-01' }, { name: '孙七', from: '2026-01-01' }, { name: '钱八', from: '2026-04-01' },
    { name: '=HYPERLINK("http://x","点我")', from: '2026-01-01' },
  ]);
});
afterEach(() => cleanup());

describe('sheet', () => {
  it('writes an A4 sheet: title, one row per member on the roll, hidden ids, drop-down, repeated header', async () => {
    const id = await newSession('学习党章');
    const r = await ok(['sheet', String(id)]);
    const file = join(dir, '签到表_2026-03-10_集中学习.xlsx');
    expect(r.stdout).toContain(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('签到表')!;
    expect(ws.getCell('A1').value).toBe('机关第一党支部学习签到表');
    expect(ws.getCell('A2').value).toBe('集中学习：学习党章');
    expect(String(ws.getCell('A3').value)).toContain('2026-03-10（星期二）');
    expect(ws.getCell('D3').value).toBe('地点：三楼会议室');
    expect(ws.getCell('F1').value).toBe(`shuxiang:session=${id}`);
    expect(ws.getRow(5).values).toEqual([undefined, '序号', '姓名', '签名', '状态', '备注', '人员编号']);
    const names: string[] = [];
    for (let r = 6; ws.getCell(`B${r}`).value && !String(ws.getCell(`A${r}`).value).startsWith('应到'); r++) names.push(String(ws.getCell(`B${r}`).value));
    expect(names).toHaveLength(6); // 钱八 joins in April
    expect(names).not.toContain('钱八');
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(ws.getCell('D6').dataValidation).toMatchObject({ type: 'list', formulae: ['"出席,迟到,请假,事假,病假,公假,缺席"'] });
    // One validation for the 状态 column, no overlapping ranges (Excel would offer to “repair” the file).
    const sheetXml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]*)"/g)].map((m) => m[1])).toEqual([`D6:D${5 + names.length}`]);
    // Printed for members: no command lines on the sheet.
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string' && Number(c.col) <= 5) texts.push(c.value); }));
    expect(texts.filter((x) => /shuxiang|--kind/.test(x))).toEqual([]);
    // The formula-looking name is a text cell, never a formula.
    const evil = names.findIndex((n) => n.startsWith('='));
    expect(ws.getCell(`B${6 + evil}`).type).toBe(ExcelJS.ValueType.String);
    // issue 16: without --force nothing is overwritten — the default name takes the next number, a named file is refused
    const again = await cli(['sheet', String(id)]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('本次保存为 签到表_2026-03-10_集中学习（2）.xlsx');
    expect((await cli(['sheet', String(id), '签到表_2026-03-10_集中学习.xlsx'])).code).toBe(2);
    await ok(['sheet', String(id), '--force']);
  });

  // Nobody expected is said as it is: no committee member that day (not 没有在册人员…请先导入花名册 while
  // people are on the roll), or named people none of whom are on the roll that day — with the fix.
  it('a committee session on a day without a committee member, or named people all off the roll, say so', async () => {
    await ok(['member', 'edit', '张三', '--leader', '--from', '2026-03-08']);
    const leaders = JSON.parse((await ok(['--json', 'session', 'add', '--type', '务虚会', '--date', '2026-03-05', '--topic', '务虚', '--attendees', 'leaders'])).stdout).id;
    const r = await cli(['sheet', String(leaders), 'l.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      `错误：${leaders} 号活动只面向支委（--attendees leaders），但机关第一党支部在 2026-03-05 没有在任的支委（班子成员），签到表会是空的。`,
      '  张三 自 2026-03-08 起任支委。如当时已在任，请改正任职起始日：shuxiang member edit 张三 --leader --from 任职日期',
      `  如这次活动是全体参加的，请改为：shuxiang session edit ${leaders} --attendees all`,
    ].join('\n') + '\n');
    const named = JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-05', '--topic', '指定', '--attendees', '孙七'])).stdout).id;
    await ok(['member', 'leave', '孙七', '--date', '2026-03-01']);
    const n = await cli(['sheet', String(named), 'n.xlsx']);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain(`错误：${named} 号活动的应到人员（指定 1 人：孙七）在 2026-03-05 不在机关第一党支部的名单上，签到表会是空的。`);
    expect(n.stderr).toContain(`shuxiang session edit ${named} --attendees all`);
    expect(`${r.stderr}${n.stderr}`).not.toMatch(/没有在册人员|导入花名册/);
    expect(existsSync(join(dir, 'l.xlsx')) || existsSync(join(dir, 'n.xlsx'))).toBe(false);
  });
});

describe('import --kind signin', () => {
  it('round trip gives the same attendance as the scripted checkin', async () => {
    const a = await newSession('脚本签到');
    await ok(['checkin', String(a), '--present', '张三,李四', '--late', '赵六', '--excused', '王五:病假', '--absent-rest']);
    const b = await newSession('纸质签到');
    await ok(['sheet', String(b), 'b.xlsx']);
    await fill(join(dir, 'b.xlsx'), { 张三: { sig: '张三' }, 李四: { status: '✓' }, 赵六: { sig: '赵六', status: '迟' }, 王五: { status: '病假' } });
    const r = await cli(['import', '--kind', 'signin', 'b.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新增 6 条');
    expect(r.stderr).toContain('签名和状态都空着、按缺席记的 2 人');
    expect(await statuses(b)).toEqual(await statuses(a));
    // The same file again changes nothing.
    const again = await importSheet(['b.xlsx'], {}, true);
    expect(JSON.parse(again.stdout).files[0]).toMatchObject({ added: 0, changed: 0, unchanged: 6 });
  });

  it('reads the status words secretaries write: 出勤, 缺勤, 是, 否, ✔️, and ○ as 请假 (its kind from the 备注)', async () => {
    const id = await newSession('常见写法');
    await ok(['sheet', String(id), 'w.xlsx']);
    await fill(join(dir, 'w.xlsx'), { 张三: { status: '出勤' }, 李四: { status: '缺勤' }, 王五: { status: '是' }, 赵六: { status: '○', note: '病假' }, 孙七: { status: '否' }, '=HYPERLINK("http://x","点我")': { status: '✔️' } });
    const r = await cli(['import', '--kind', 'signin', 'w.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(await statuses(id)).toEqual({
      张三: ['present', null], 李四: ['absent', null], 王五: ['present', null], 赵六: ['excused', '病假'], 孙七: ['absent', null], '=HYPERLINK("http://x","点我")': ['present', null],
    });
  });

  it('bad values are reported by file › sheet › cell, in Chinese; nothing is written', async () => {
    const id = await newSession('错误');
    await ok(['sheet', String(id), 'bad.xlsx']);
    await fill(join(dir, 'bad.xlsx'), { 张三: { status: '好' }, 李四: { status: '出席' } }, (ws) => {
      ws.getCell('B12').value = '陌生人';
      ws.getCell('D12').value = '出席';
    });
    const r = await importSheet(['bad.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.xlsx › 签到表 › D\d+：状态“好”无法识别/);
    expect(r.stderr).toContain('bad.xlsx › 签到表 › B12：“陌生人”不是 2026-03-10 机关第一党支部在册的人员');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
    const skip = await importSheet(['bad.xlsx'], { skipInvalid: true });
    expect(skip.code).toBe(0);
    expect(query(dir, "SELECT count(*) AS n FROM attendance WHERE status = 'present'")).toEqual([{ n: 1 }]);
  });

  it('--dry-run shows the change and writes nothing', async () => {
    const id = await newSession('预览');
    await ok(['sheet', String(id), 'p.xlsx']);
    await fill(join(dir, 'p.xlsx'), { 张三: { status: '出席' } });
    const r = await importSheet(['p.xlsx'], { dryRun: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('将新增 6 条');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
    expect(query(dir, "SELECT count(*) AS n FROM batches WHERE command = 'import signin'")).toEqual([{ n: 0 }]);
  });

  // A secretary writes the status into the 签名 column, or strikes it through, as often as she uses 状态:
  // none of that is a signature (each was recorded 出席).
  it('a status word in 签名 is that status; a dash, slash or 无 is no signature; a clash with 状态 is refused', async () => {
    const id = await newSession('签名栏');
    await ok(['sheet', String(id), 's.xlsx']);
    await fill(join(dir, 's.xlsx'), {
      张三: { sig: '请假', note: '病假，住院' }, 李四: { sig: '缺席' }, 王五: { sig: '迟到' }, 赵六: { sig: '/' }, 孙七: { sig: '—' },
      '=HYPERLINK("http://x","点我")': { sig: '无' },
    });
    const r = await cli(['import', '--kind', 'signin', 's.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('签名栏划掉（“/”“—”“无”）、状态空着、按缺席记的 3 人');
    expect(await statuses(id)).toEqual({
      张三: ['excused', '病假'], 李四: ['absent', null], 王五: ['late', null], 赵六: ['absent', null], 孙七: ['absent', null],
      '=HYPERLINK("http://x","点我")': ['absent', null],
    });

    const c = await newSession('矛盾');
    await ok(['sheet', String(c), 'c.xlsx']);
    await fill(join(dir, 'c.xlsx'), { 张三: { sig: '请假', status: '出席' }, 李四: { sig: '/', status: '出席' }, 王五: { sig: '病假', status: '请假' }, 赵六: { sig: '赵六' } });
    const bad = await importSheet(['c.xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/c\.xlsx › 签到表 › C\d+：签名栏写的是“请假”，状态栏（D\d+）却是“出席”，两者矛盾/);
    expect(bad.stderr).toMatch(/c\.xlsx › 签到表 › C\d+：签名栏划了“\/”（没有签到），状态栏（D\d+）却是“出席”，两者矛盾/);
    // 病假 in 签名 and 请假 in 状态 agree.
    expect(bad.stderr).not.toContain('“病假”');
    expect(query(dir, `SELECT count(*) AS n FROM attendance WHERE session_id = ${c}`)).toEqual([{ n: 0 }]);
  });

  // A hand-made sheet in two halves side by side, the usual way to get a branch onto one A4 page.
  it('a sheet laid out in two blocks side by side reads both blocks', async () => {
    const id = await newSession('两栏');
    // The two halves; the last row's right half first names 张三 a second time.
    const twoBlocks = (lastRow: unknown[]) => writeXlsx(join(dir, 'two.xlsx'), [{
      name: '签到',
      rows: [
        [`学习签到表（活动编号：${id}）`],
        ['序号', '姓 名', '签 到', '序号', '姓 名', '签 到'],
        [1, '张三', '张三', 4, '赵六', '赵六'],
        [2, '李四', '李四', 5, '孙七', '请假'],
        lastRow,
      ],
    }]);
    await twoBlocks([3, '王五', '', 6, '张三', '张三']);
    const dup = await importSheet(['two.xlsx']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('two.xlsx › 签到 › E5：张三 在 B3 已经出现过。');
    await twoBlocks([3, '王五', '']);
    const r = await cli(['import', '--kind', 'signin', 'two.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('当日在册但不在这张表上的 1 人未登记');
    expect(await statuses(id)).toEqual({ 张三: ['present', null], 李四: ['present', null], 王五: ['absent', null], 赵六: ['present', null], 孙七: ['excused', null], '=HYPERLINK("http://x","点我")': [null, null] });
  });

  // A month's sign-ins kept as one workbook, a sheet per session: every sheet goes in (one batch), none
  // silently left behind; a hidden sheet keeps its rule (not read, the user told), a notes sheet is named.
  it('a workbook with a sheet per session imports every sheet, in one batch', async () => {
    const a = await newSession('第一次');
    const b = await newSession('第二次');
    const c = await newSession('隐藏的');
    const book = async (ids: number[]) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('说明').addRow(['每次活动一张表']);
      ids.forEach((id, i) => {
        const ws = wb.addWorksheet(`第${i + 1}次`);
        ws.addRow([`学习签到表　活动编号：${id}`]);
        ws.addRow(['序号', '姓名', '签名', '状态']);
        ws.addRow([1, '张三', '张三', '']);
        ws.addRow([2, '李四', '', '病假']);
      });
      const hidden = wb.addWorksheet('旧表');
      hidden.state = 'hidden';
      hidden.addRow([`活动编号：${c}`]);
      hidden.addRow(['姓名', '状态']);
      hidden.addRow(['王五', '出席']);
      await wb.xlsx.writeFile(join(dir, 'month.xlsx'));
    };
    await book([a, b]);
    const batches = () => query(dir, "SELECT count(*) AS n FROM batches WHERE command = 'import signin'")[0];
    const r = await cli(['import', '--kind', 'signin', 'month.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`month.xlsx › 第1次 → #${a}`);
    expect(r.stdout).toContain(`month.xlsx › 第2次 → #${b}`);
    expect(r.stderr).toContain('隐藏的工作表“旧表”没有读取');
    expect(r.stderr).toContain('工作表“说明”里没有签到表的表头');
    for (const id of [a, b]) expect((await statuses(id))).toMatchObject({ 张三: ['present', null], 李四: ['excused', '病假'] });
    expect(await statuses(c)).toMatchObject({ 王五: [null, null] });
    expect(batches()).toEqual({ n: 1 });
    // The same session on two sheets is refused, naming both; nothing written.
    await book([a, a]);
    const dup = await importSheet(['month.xlsx']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain(`month.xlsx › 第2次：与 month.xlsx › 第1次 是同一次活动（#${a}）的签到表`);
    expect(batches()).toEqual({ n: 1 });
  });

  it('an unfilled sheet is refused rather than marking everyone absent', async () => {
    const id = await newSession('空表');
    await ok(['sheet', String(id), 'blank.xlsx']);
    const r = await importSheet(['blank.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('像是还没填写的空表');
  });

  it('a sheet without a session id, or for a removed session, is refused', async () => {
    const id = await newSession('删除');
    await ok(['sheet', String(id), 'gone.xlsx']);
    await ok(['session', 'remove', String(id)]);
    const r = await importSheet(['gone.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`活动编号 ${id} 在数据库中不存在`);
    expect(existsSync(join(dir, 'gone.xlsx'))).toBe(true);
  });

  // Someone on the roll but not on the session's 应到名单 is told so — in checkin's words, with the command
  // that adds them — not that they are off the roll: typed onto the sheet by name, or on a sheet printed
  // before the attendees were changed (the hidden 人员编号 column).
  it('someone on the roll but not expected is refused as checkin refuses them', async () => {
    const id = JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '部分人', '--attendees', '张三'])).stdout).id;
    await ok(['sheet', String(id), 'n.xlsx']);
    await fill(join(dir, 'n.xlsx'), { 张三: { status: '出席' } }, (ws) => {
      ws.getCell('B7').value = '李四';
      ws.getCell('D7').value = '出席';
    });
    const said = `李四 不在本次活动的应到名单上（本次应到指定 1 人：张三）。如确需为其签到，请先把他加入应到名单：shuxiang session edit ${id} --attendees 张三,李四`;
    const r = await cli(['import', '--kind', 'signin', 'n.xlsx']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`n.xlsx › 签到表 › B7：${said}`);
    expect(r.stderr).not.toContain('在册的人员');
    const checkin = await cli(['checkin', String(id), '--present', '李四']);
    expect(checkin.code).toBe(2);
    expect(checkin.stderr).toContain(`--present：${said}`);

    const all = await newSession('全体');
    await ok(['sheet', String(all), 'a.xlsx']);
    await fill(join(dir, 'a.xlsx'), { 张三: { status: '出席' }, 李四: { status: '出席' } });
    await ok(['session', 'edit', String(all), '--attendees', '张三']);
    const later = await cli(['import', '--kind', 'signin', 'a.xlsx']);
    expect(later.code, later.stderr).toBe(2);
    expect(later.stderr).toContain(`李四 不在本次活动的应到名单上（本次应到指定 1 人：张三）。如确需为其签到，请先把他加入应到名单：shuxiang session edit ${all} --attendees 张三,李四`);
    expect(later.stderr).not.toContain('隐藏的“人员编号”列');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
  });
});
