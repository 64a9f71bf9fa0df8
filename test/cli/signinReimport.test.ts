// Issue 14, "re-importing a sign-in sheet never downgrades what is known": a blank line (no status, no
// signature) leaves an existing 出席/迟到/请假 as it is — only people with no status yet become 缺席 —
// and a status that changes an existing one is listed as a change, by --dry-run before anything is written.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, tempDir } from '../helpers/cli.js';
import { cliAt } from '../helpers/cliAt.js';
import { query } from '../helpers/db.js';

let dir: string;
let cleanup: () => void;
let id: number;
const { run, ok, json } = cliAt(() => dir, '2026-03-15');
const stored = () => Object.fromEntries(query<{ name: string; status: string }>(dir, 'SELECT m.name, a.status FROM attendance a JOIN members m ON m.id = a.member_id ORDER BY m.id').map((r) => [r.name, r.status]));

/** A copy of the sheet printed before anyone signed in, filled with statuses (and signatures) by name. */
async function sheet(file: string, marks: Record<string, { status?: string; sig?: string }>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'printed.xlsx'));
  wb.getWorksheet('签到表')!.eachRow((row) => {
    const m = marks[String(row.getCell(2).value)];
    if (m?.sig) row.getCell(3).value = m.sig;
    if (m?.status) row.getCell(4).value = m.status;
  });
  await wb.xlsx.writeFile(join(dir, file));
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  for (const n of ['张三', '李四', '王五', '赵六']) await ok('member', 'add', '--name', n, '--from', '2026-01-01');
  id = (await json('session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习党章')).id;
  await ok('sheet', String(id), 'printed.xlsx');
});
afterEach(() => cleanup());

describe('re-importing a sign-in sheet', () => {
  it('a blank line keeps 出席/迟到/请假; only people with no status yet become 缺席', async () => {
    await sheet('a.xlsx', { 张三: { status: '出席' }, 李四: { status: '病假' }, 王五: { sig: '王五', status: '迟到' } });
    await ok('import', '--kind', 'signin', 'a.xlsx');
    expect(stored()).toEqual({ 张三: 'present', 李四: 'excused', 王五: 'late', 赵六: 'absent' });
    // The second sheet is the scan of a copy where only 赵六's line was filled in.
    await sheet('b.xlsx', { 赵六: { sig: '赵六' } });
    const r = await ok('import', '--kind', 'signin', 'b.xlsx');
    expect(stored()).toEqual({ 张三: 'present', 李四: 'excused', 王五: 'late', 赵六: 'present' });
    expect(r.stdout).toContain('状态有改动的 1 人：赵六 缺席 → 出席');
    expect(r.stderr).toContain('表上空白、保留原有状态的 3 人：张三（出席）、李四（请假）、王五（迟到）');
    expect(r.stderr).not.toContain('按缺席记');
  });

  it('checkin first, then a sheet with that person blank: the checkin stands', async () => {
    await ok('checkin', String(id), '--present', '张三', '--excused', '李四:公假');
    await sheet('c.xlsx', { 王五: { status: '出席' } });
    const r = await json('import', '--kind', 'signin', 'c.xlsx');
    expect(stored()).toEqual({ 张三: 'present', 李四: 'excused', 王五: 'present', 赵六: 'absent' });
    expect(r.files[0]).toMatchObject({ added: 2, changed: 0, unchanged: 2, kept: 2, blankAsAbsent: ['赵六'], changes: [] });
  });

  it('a status that changes a known one is listed, and --dry-run lists it before anything is written', async () => {
    await ok('checkin', String(id), '--present', '张三,李四', '--late', '王五', '--absent', '赵六');
    await sheet('d.xlsx', { 张三: { status: '缺席' }, 王五: { status: '出席' } });
    const before = query(dir, 'SELECT count(*) AS n FROM batches')[0];
    const dry = await ok('import', '--kind', 'signin', 'd.xlsx', '--dry-run');
    expect(dry.stdout).toContain('状态将改动的 2 人：张三 出席 → 缺席、王五 迟到 → 出席');
    expect(stored()).toEqual({ 张三: 'present', 李四: 'present', 王五: 'late', 赵六: 'absent' });
    expect(query(dir, 'SELECT count(*) AS n FROM batches')[0]).toEqual(before);
    const dryJson = await json('import', '--kind', 'signin', 'd.xlsx', '--dry-run');
    expect(dryJson.files[0].changes).toEqual([
      { memberId: 1, name: '张三', from: 'present', to: 'absent' },
      { memberId: 3, name: '王五', from: 'late', to: 'present' },
    ]);
    const r = await ok('import', '--kind', 'signin', 'd.xlsx');
    expect(r.stdout).toContain('状态有改动的 2 人：张三 出席 → 缺席、王五 迟到 → 出席');
    expect(stored()).toEqual({ 张三: 'absent', 李四: 'present', 王五: 'present', 赵六: 'absent' });
    // One batch, undone as one.
    await ok('undo', '--yes');
    expect(stored()).toEqual({ 张三: 'present', 李四: 'present', 王五: 'late', 赵六: 'absent' });
  });
});

describe('a sheet printed for a session since removed (hunt 2026-12-04)', () => {
  it('its number given to a later session of another day: refused, naming both days; nothing written', async () => {
    await sheet('filled.xlsx', { 张三: { status: '出席' }, 李四: { status: '出席' } });
    await ok('session', 'remove', String(id), '--yes');
    const again = (await json('session', 'add', '--type', '读书交流', '--date', '2026-03-05', '--topic', '乙会')).id;
    expect(again).toBe(id); // (SQLite gives the freed number again)
    const r = await run('import', '--kind', 'signin', join(dir, 'filled.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`签到表上印的是 2026-03-10 的活动（活动编号 ${id}），数据库中的 #${id} 却是 2026-03-05 的“乙会”`);
    expect(stored()).toEqual({});
  });
});
