// Every spreadsheet a secretary has (issue 15), through the real CLI: a roster written by exceljs and
// saved by LibreOffice as .xls, .ods and .xlsx imports member for member as the original does; an .et
// is sniffed by its bytes (an .xls or an .xlsx inside); ledgers and sign-in sheets import from .xls.
// Encrypted and damaged files get their own Chinese reason, the technical detail only with -v.
// LibreOffice is needed to write .xls/.ods: without `soffice` on PATH those tests are skipped, visibly.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetJs } from '../../src/io/read/sheetjs.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { makeId } from '../helpers/ids.js';
import { addMembers, query } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE) console.warn('readFormats.test.ts: soffice is not on PATH — the LibreOffice .xls/.ods round trips are SKIPPED');

let root: string;
let cleanup: () => void;
beforeAll(() => ({ dir: root, cleanup } = tempDir('shuxiang-formats-')));
afterAll(() => cleanup());

let n = 0;
/** A fresh folder with an initialised database. */
async function freshDb(branch = '机关第一支部'): Promise<string> {
  const dir = join(root, `db${++n}`);
  mkdirSync(dir);
  await initDb(dir, branch);
  return dir;
}

/** LibreOffice converts the files into `outdir` (one profile per test run, so parallel runs do not clash). */
function soffice(format: string, outdir: string, files: string[]): void {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(root, 'lo-profile')}`, '--headless', '--convert-to', format, '--outdir', outdir, ...files], { stdio: 'ignore', timeout: 240000 });
}

const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** A roster as secretaries make them: banner, header, 序号, dates, IDs and phones as text, a formula. */
async function writeRoster(file: string): Promise<void> {
  await writeXlsx(file, [{
    name: '花名册',
    merges: ['A1:J1'],
    numFmt: { 4: 'yyyy-mm-dd', 5: 'yyyy"年"m"月"', 9: '@', 10: '@' },
    rows: [
      ['机关第一支部党员花名册'],
      ['序号', '姓名', '性别', '出生日期', '入党时间', '人员类别', '党内职务', '所在支部', '联系电话', '公民身份号码'],
      [1, '张三', '男', d('1985-03-01'), d('2010-07-01'), '正式党员', '书记', '机关第一支部', '13912345671', makeId('19850301', 1)],
      [{ formula: 'A3+1', result: 2 }, '李四', '女', d('1990-12-31'), d('2015-06-30'), '预备党员', undefined, '机关第一支部', '13912345672', makeId('19901231', 2)],
      [3, '阿依古丽·买买提', '女', '1988.05', '2012年7月', '正式党员', '组织委员', '机关第二支部', '13912345673', undefined],
      [4, '王五', '男', d('1975-01-15'), d('2001-07-01'), '正式党员', undefined, '机关第二支部', undefined, undefined],
    ],
  }]);
}

async function members(dir: string): Promise<unknown> {
  const r = await runCli(['member', 'list', '--json', '--reveal'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function importRoster(file: string): Promise<unknown> {
  const dir = await freshDb();
  const r = await runCli(['import', file, '--json'], { cwd: dir });
  expect(r.code, `${file}: ${r.stderr}`).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ added: 4, rejected: 0 });
  return members(dir);
}

describe.skipIf(!SOFFICE)('LibreOffice round trips (soffice on PATH)', () => {
  let src: string;
  let lo: string;
  beforeAll(async () => {
    src = join(root, 'roster.xlsx');
    await writeRoster(src);
    lo = join(root, 'lo');
    soffice('xls:MS Excel 97', lo, [src]);
    soffice('ods', lo, [src]);
    mkdirSync(join(lo, 'x'), { recursive: true });
    soffice('xlsx:Calc MS Excel 2007 XML', join(lo, 'x'), [src]);
  }, 300000);

  it('.xls, .ods and a LibreOffice .xlsx import member for member as the original .xlsx', async () => {
    const original = await importRoster(src);
    expect((original as { name: string }[]).map((m) => m.name)).toEqual(['张三', '李四', '阿依古丽·买买提', '王五']);
    for (const f of [join(lo, 'roster.xls'), join(lo, 'roster.ods'), join(lo, 'x', 'roster.xlsx')]) expect(await importRoster(f), f).toEqual(original);
  }, 120000);

  it('an .ods LibreOffice saved keeps its hidden sheet hidden, and SheetJS\'s English notes stay off stderr', async () => {
    // A ledger with a visible 自学 sheet and a hidden 旧台账 one, saved by LibreOffice as .ods.
    const wb = new ExcelJS.Workbook();
    const rows = (content: string) => [['姓名', '日期', '学时', '学习内容'], ['张三', d('2026-11-02'), 1.5, content]];
    wb.addWorksheet('自学').addRows(rows('学习党章'));
    wb.addWorksheet('旧台账', { state: 'hidden' }).addRows(rows('隐藏表里的旧内容'));
    wb.getWorksheet('自学')!.getColumn(2).numFmt = 'yyyy-mm-dd';
    wb.getWorksheet('自学')!.getColumn(3).numFmt = '0.0;-0.0;"-"';
    const xlsx = join(root, 'hidden.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const out = join(root, 'lo-hidden');
    soffice('ods', out, [xlsx]);
    const dir = await freshDb();
    addMembers(dir, [{ name: '张三', from: '2025-01-01', branch: '机关第一支部' }]);
    const r = await runCli(['import', '--kind', 'ledger', join(out, 'hidden.ods')], { cwd: dir, now: '2026-12-01' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('隐藏的工作表“旧台账”没有读取');
    expect(query(dir, 'SELECT content FROM self_study')).toEqual([{ content: '学习党章' }]);
    // A real process: what the library itself prints on stderr is seen too.
    const bin = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
    const p = spawnSync(process.execPath, [bin, 'import', '--kind', 'ledger', join(out, 'hidden.ods'), '--dry-run'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SHUXIANG_NOW: '2026-12-01', NO_COLOR: '1' } });
    expect(p.status, p.stderr).toBe(0);
    expect(p.stderr).not.toMatch(/ODS|format|[A-Za-z]{4,} [a-z]{3,}/);
  }, 120000);

  it('a WPS .et is read by its bytes: an .xls inside, or an .xlsx inside', async () => {
    const original = await importRoster(src);
    copyFileSync(join(lo, 'roster.xls'), join(root, 'biff.et'));
    copyFileSync(src, join(root, 'ooxml.et'));
    expect(await importRoster(join(root, 'biff.et'))).toEqual(original);
    expect(await importRoster(join(root, 'ooxml.et'))).toEqual(original);
    // And an .xlsx named .xls is an .xlsx.
    copyFileSync(src, join(root, 'named.xls'));
    expect(await importRoster(join(root, 'named.xls'))).toEqual(original);
  }, 120000);

  it('a ledger saved as .xls imports as its .xlsx does', async () => {
    const file = join(root, 'ledger', '张三.xlsx');
    mkdirSync(join(root, 'ledger'), { recursive: true });
    await writeXlsx(file, [
      { name: '自学', rows: [['个人学习台账（张三）· 自学'], [], ['序号', '日期', '学时', '学习内容', '笔记'], [1, d('2026-03-01'), 1.5, '第一卷', '是'], [2, '2026-03-02', '2小时', '第二卷', '否']] },
      { name: '考试', rows: [['考试名称', '日期', '成绩', '是否合格'], ['理论考试', d('2026-03-11'), 92, '合格']] },
    ]);
    soffice('xls:MS Excel 97', join(root, 'ledger'), [file]);
    const results = [];
    for (const f of [file, join(root, 'ledger', '张三.xls')]) {
      const dir = await freshDb('机关第一党支部');
      addMembers(dir, [{ name: '张三' }]);
      const r = await runCli(['--json', 'import', '--kind', 'ledger', f], { cwd: dir, now: '2026-04-05' });
      expect(r.code, r.stderr).toBe(0);
      results.push([JSON.parse(r.stdout).kinds, query(dir, 'SELECT date, hours, content, notes FROM self_study ORDER BY date'), query(dir, 'SELECT date, score, passed FROM exams')]);
    }
    expect(results[0]![0]).toEqual({ 'self-study': { added: 2, updated: 0, unchanged: 0 }, exam: { added: 1, updated: 0, unchanged: 0 } });
    expect(results[1]).toEqual(results[0]);
    // A folder holding only the .xls ledger is read too (folders stand for every spreadsheet format).
    const only = join(root, 'ledger-xls');
    mkdirSync(only, { recursive: true });
    copyFileSync(join(root, 'ledger', '张三.xls'), join(only, '张三.xls'));
    const dir = await freshDb('机关第一党支部');
    addMembers(dir, [{ name: '张三' }]);
    const r = await runCli(['--json', 'import', '--kind', 'ledger', only], { cwd: dir, now: '2026-04-05' });
    expect(r.code, r.stderr).toBe(0);
    expect([JSON.parse(r.stdout).kinds, query(dir, 'SELECT date, hours, content, notes FROM self_study ORDER BY date'), query(dir, 'SELECT date, score, passed FROM exams')]).toEqual(results[0]);
  }, 120000);

  it('a sign-in sheet filled in and saved as .xls imports as its .xlsx does', async () => {
    const results = [];
    const sheets: string[] = [];
    for (const ext of ['xlsx', 'xls']) {
      const dir = await freshDb('机关第一党支部');
      addMembers(dir, [{ name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' }]);
      const run = (...args: string[]) => runCli(args, { cwd: dir, now: '2026-03-10' });
      const id = JSON.parse((await run('--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习党章', '--place', '会议室', '--speaker', '李明')).stdout).id;
      const sheet = await run('sheet', String(id), 'b.xlsx');
      expect(sheet.code, sheet.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'b.xlsx'));
      wb.getWorksheet('签到表')!.eachRow((row) => {
        const name = String(row.getCell(2).value);
        if (name === '张三') row.getCell(3).value = '张三';
        if (name === '李四') row.getCell(4).value = '病假';
      });
      await wb.xlsx.writeFile(join(dir, 'b.xlsx'));
      if (ext === 'xls') soffice('xls:MS Excel 97', dir, [join(dir, 'b.xlsx')]);
      sheets.push(join(dir, `b.${ext}`));
      const r = await run('--json', 'import', '--kind', 'signin', `b.${ext}`);
      expect(r.code, r.stderr).toBe(0);
      const show = JSON.parse((await run('--json', 'session', 'show', String(id))).stdout) as { attendance: { name: string; status: string; excuseKind: string | null }[] };
      results.push(show.attendance.map((a) => [a.name, a.status, a.excuseKind]));
    }
    expect(results[0]).toContainEqual(['李四', expect.anything(), '病假']);
    expect(results[1]).toEqual(results[0]);
  }, 180000);
});

/** An OLE compound file holding these streams, written by SheetJS's CFB writer. */
function ole(streams: Record<string, Buffer>): Buffer {
  const { CFB } = sheetJs() as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, content: Buffer): void }; write(c: unknown, o: { type: string }): Buffer } };
  const c = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, content);
  return Buffer.from(CFB.write(c, { type: 'buffer' }));
}

/** BIFF8 records: BOF (workbook globals), then FILEPASS (RC4 encryption header), then EOF. */
function biffWithFilepass(): Buffer {
  const rec = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type & 0xff, type >> 8, body.length & 0xff, body.length >> 8]), body]);
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  const filepass = Buffer.alloc(54);
  filepass.writeUInt16LE(1, 0);
  filepass.writeUInt16LE(1, 2);
  filepass.writeUInt16LE(1, 4);
  return Buffer.concat([rec(0x0809, bof), rec(0x002f, filepass), rec(0x000a, Buffer.alloc(0))]);
}

describe('encrypted, damaged and foreign files: each its own Chinese reason', () => {
  let dir: string;
  beforeAll(async () => { dir = await freshDb(); });
  const importFile = (file: string, ...more: string[]) => runCli(['import', file, ...more], { cwd: dir });

  it('a password-protected .xlsx (encrypted OOXML in an OLE container) and a password-protected .xls (FILEPASS)', async () => {
    writeFileSync(join(dir, 'locked.xlsx'), ole({ EncryptionInfo: Buffer.alloc(64, 1), EncryptedPackage: Buffer.alloc(4096, 7) }));
    writeFileSync(join(dir, 'locked.xls'), ole({ Workbook: biffWithFilepass() }));
    writeFileSync(join(dir, 'locked.et'), ole({ Workbook: biffWithFilepass() }));
    for (const f of ['locked.xlsx', 'locked.xls', 'locked.et']) {
      const r = await importFile(f);
      expect(r.code, f).toBe(2);
      expect(r.stderr).toContain(`${f} 设置了打开密码（文件已加密）`);
      expect(r.stderr).toContain('取消密码');
      expect(r.stderr).not.toContain('旧版');
      expect(r.stderr.replaceAll('shuxiang', '').replaceAll(f, '')).not.toMatch(/[A-Za-z]{6,}/);
    }
  });

  it('damaged files say so; the technical detail (English) shows only with -v', async () => {
    const good = join(dir, 'good.xlsx');
    await writeRoster(good);
    const buf = readFileSync(good);
    writeFileSync(join(dir, 'cut.xlsx'), buf.subarray(0, Math.floor(buf.length / 2)));
    const r = await importFile('cut.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cut.xlsx 已损坏，无法读取');
    expect(r.stderr.replaceAll('shuxiang', '')).not.toMatch(/[A-Za-z]{6,}/);
    const v = await importFile('cut.xlsx', '-v');
    expect(v.stderr).toContain('技术细节：');
    // A zip whose sheet part is cut inside the deflate stream.
    const corrupt = Buffer.from(buf);
    const at = corrupt.indexOf('xl/worksheets/sheet1.xml') + 30;
    corrupt.fill(0xff, at, at + 200);
    writeFileSync(join(dir, 'corrupt.xlsx'), corrupt);
    const c = await importFile('corrupt.xlsx');
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/corrupt\.xlsx (已损坏|不是)/);
    // An OLE file that is cut short.
    writeFileSync(join(dir, 'cut.xls'), ole({ Workbook: Buffer.alloc(8192, 0) }).subarray(0, 1000));
    const x = await importFile('cut.xls');
    expect(x.code).toBe(2);
    expect(x.stderr).toContain('cut.xls 已损坏');
  });

  it('a Word file renamed .xls, a text file named .xlsx, an empty file', async () => {
    writeFileSync(join(dir, 'doc.xls'), ole({ WordDocument: Buffer.alloc(4096, 3) }));
    expect((await importFile('doc.xls')).stderr).toContain('doc.xls 不是电子表格');
    writeFileSync(join(dir, 'text.xlsx'), '姓名,性别\n张三,男\n');
    expect((await importFile('text.xlsx')).stderr).toContain('text.xlsx 不是 Excel/WPS 表格文件');
    writeFileSync(join(dir, 'empty.xls'), '');
    expect((await importFile('empty.xls')).stderr).toContain('empty.xls 是空文件');
  });

  it('a long cell value is quoted at most 50 characters in a message', async () => {
    writeFileSync(join(dir, 'long.csv'), `姓名,性别\n张三,${'男'.repeat(5000)}\n`);
    const r = await importFile('long.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`性别“${'男'.repeat(50)}…”无效`);
    expect(r.stderr.length).toBeLessThan(2000);
  });
});
