// Privacy, end to end. (1) The scanner in test/helpers/cli.ts checks the output of every in-process run
// of the whole suite; here it is shown to catch a leak, and a tour of the reading commands over a
// database full of ID and phone numbers passes it. (2) Every file the tool writes that holds personal
// data is 0600: the written files are opened (xlsx/docx unzipped) and scanned for full numbers.
import JSZip from 'jszip';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData } from '../../src/domain/pii.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { makeId } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[]) => runCli(args, { cwd: dir, now: '2026-11-22' });
const ID = makeId('19850301', 11);
const PHONE = '13812345678';

/** The text inside a written file (the XML parts of .xlsx/.docx, else the bytes as UTF-8). */
async function textOf(file: string): Promise<string> {
  const bytes = readFileSync(file);
  if (/\.(xlsx|docx)$/i.test(file)) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir && f.name.endsWith('.xml')).map((f) => f.async('string')));
    return parts.join('\n').replace(/<[^>]+>/g, ' ');
  }
  if (/\.(db)$/i.test(file)) return bytes.toString('latin1');
  return bytes.toString('utf8');
}

function walk(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  const rows = [['姓名', '性别', '身份证号', '联系电话'], ['张三', '男', ID, PHONE], ['李四', '女', makeId('19900512', 22), '13900001111'], ['王五', '男', '110105198503011234', '13700002222']];
  await writeXlsx(join(dir, '花名册.xlsx'), [{ name: '花名册', rows, numFmt: { 3: '@' } }]);
  const r = await cli(['import', '花名册.xlsx', '--skip-invalid']);
  expect(r.code, r.stderr).toBe(0);
  expect((await cli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'])).code).toBe(0);
  expect((await cli(['checkin', '1', '--present', '张三', '--absent-rest'])).code).toBe(0);
  expect((await cli(['member', 'edit', '张三', '--phone', '13811112222'])).code).toBe(0);
  await writeXlsx(join(dir, '新名单.xlsx'), [{ name: '花名册', rows: [rows[0]!, ['孙八', '女', makeId('19920101', 44), '13500003333']], numFmt: { 3: '@' } }]);
  expect((await cli(['import', '新名单.xlsx'])).code).toBe(0); // its automatic backup holds the people above
});
afterAll(() => cleanup());

describe('no output shows a full ID-card or phone number without --reveal', () => {
  it('the scanner finds full numbers and passes masked ones', () => {
    expect(findPersonalData(`身份证 ${ID}，电话 ${PHONE}`)).toEqual([ID, PHONE]);
    expect(findPersonalData(maskPersonalData(`身份证 ${ID}，电话 ${PHONE}`))).toEqual([]);
    expect(maskPersonalData(`--id-card ${ID} --phone ${PHONE}`)).toBe(`--id-card ${ID.slice(0, 6)}********${ID.slice(-4)} --phone 138****5678`);
    expect(findPersonalData('ISBN 9787010000000，编号 12345678901234567890')).toEqual([]);
  });

  it('and runCli applies it to every run: a --reveal run shows the numbers, so the data is there to leak', async () => {
    const revealed = await cli(['member', 'list', '--reveal']);
    expect(findPersonalData(revealed.stdout)).toContain('13811112222');
  });

  it.each([
    ['member', 'list', '--all'], ['--json', 'member', 'list', '--all'], ['member', 'show', '张三'], ['--json', 'member', 'show', '张三'],
    ['history', '--all'], ['--json', 'history', '--all'], ['session', 'show', '1'], ['audit', '--year', '2026'], ['--json', 'audit', '--year', '2026'],
    ['remind'], ['report', '--year', '2026'], ['--json', 'report', '--year', '2026'], ['doctor'], ['backup'], ['export', '--json', 'all.json'],
    ['member', 'add', '--name', '赵六', '--phone', '13655556666', '--id-card', makeId('19880808', 33)], ['member', 'add', '--name', '钱七', '--id-card', ID],
  ])('shuxiang %s …', async (...args) => {
    const r = await cli(args);
    expect(r.stderr).not.toMatch(/内部错误/);
    // runCli has scanned stdout and stderr; a leak would have thrown above
  });
});

describe('files holding personal data are 0600', () => {
  it('backups, automatic backups, the JSON export and the rejects workbook', async () => {
    const files = walk(dir).filter((f) => !/shuxiang\.db(-wal|-shm)?$/.test(f) && !f.endsWith('花名册.xlsx') && !f.endsWith('新名单.xlsx'));
    const checked: string[] = [];
    for (const f of files) {
      if (findPersonalData(await textOf(f)).length === 0) continue;
      checked.push(f.slice(dir.length + 1));
      expect(statSync(f).mode & 0o777, f).toBe(0o600);
    }
    expect(checked.some((f) => f.startsWith('shuxiang-backups/shuxiang.备份.'))).toBe(true);
    expect(checked.some((f) => f.startsWith('shuxiang-backups/shuxiang.自动.'))).toBe(true);
    expect(checked).toContain('all.json');
    expect(checked).toContain('花名册.rejects.xlsx');
    expect(statSync(join(dir, 'shuxiang.db')).mode & 0o777).toBe(0o600);
  });

  it('report files are owner-only (0600), with or without --reveal', async () => {
    expect((await cli(['report', '--year', '2026', '--xlsx', 'r.xlsx', '--md', 'r.md', '--reveal'])).code).toBe(0);
    expect((await cli(['report', '--year', '2026', '--docx', 'r.docx'])).code).toBe(0);
    for (const f of ['r.xlsx', 'r.md', 'r.docx']) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });

  it('the sign-in sheet and the reminder list (names of people) are 0600 too', async () => {
    expect((await cli(['sheet', '1', 'sheet.xlsx'])).code).toBe(0);
    expect((await cli(['remind', '--xlsx', 'remind.xlsx'])).code).toBe(0);
    for (const f of ['sheet.xlsx', 'remind.xlsx']) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
  });
});

// Issue 16: rosters whose ID and phone go by other headers (and free text holding numbers), every file a
// command writes without --reveal scanned unzipped, and the error paths that repeat typed numbers.
describe('other headers, every written file, error paths', () => {
  let d: string;
  let done: () => void;
  const run = (args: string[]) => runCli(args, { cwd: d, now: '2026-11-22' });
  const OTHER_ID = makeId('19610119', 101, '310104');
  const RAW = [OTHER_ID, '13034762283', '13998765432', '13912345678'];
  // The template's example row shows the format with made-up numbers.
  const EXAMPLES = new Set(['110101198503010010', '13800138000']);
  const noFull = (text: string, where: string) => {
    expect(findPersonalData(text).filter((n) => !EXAMPLES.has(n)), where).toEqual([]);
    for (const n of RAW) expect(text.includes(n), `${where}: ${n.slice(0, 3)}…`).toBe(false);
  };

  beforeAll(async () => {
    ({ dir: d, cleanup: done } = tempDir());
    await initDb(d);
    const rows = [['姓名', '性别', '公民身份证号码', '移动电话', '办公电话', '家庭住址'], ['张三', '男', OTHER_ID, '13034762283', '13998765432', '某路1号 电话13912345678']];
    await writeXlsx(join(d, '花名册.xlsx'), [{ name: '花名册', rows, numFmt: { 3: '@', 4: '@', 5: '@' } }]);
    expect((await run(['import', '花名册.xlsx'])).code).toBe(0);
    expect((await run(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'])).code).toBe(0);
    expect((await run(['checkin', '1', '--present', '张三'])).code).toBe(0);
  });
  afterAll(() => done());

  it('every file the writers make holds no full number', async () => {
    const writers = [
      ['report', '--year', '2026', '--xlsx', 'out/台账.xlsx', '--docx', 'out/总结.docx', '--md', 'out/总结.md'],
      ['remind', '--xlsx', 'out/提醒.xlsx'], ['rank', '--year', '2026', '--xlsx', 'out/评比.xlsx', '--docx', 'out/评比.docx'],
      ['sheet', '1', 'out/签到表.xlsx'], ['template', 'roster', 'out/模板.xlsx'],
    ];
    mkdirSync(join(d, 'out'));
    for (const w of writers) {
      const r = await run(w);
      expect(r.code, `${w.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const files = walk(join(d, 'out'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) noFull(await textOf(f), f);
  });

  it('error paths repeat no typed number', async () => {
    for (const args of [['member', 'add', '--name', '李四', '--phone', '13812345678/13998765432'], ['member', 'show', '310104196110191006'], ['checkin', '1', '--present', OTHER_ID]]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      noFull(`${r.stdout}\n${r.stderr}`, args.join(' '));
      expect(r.stderr).not.toContain('310104196110191006');
    }
  });
});
