// Issue 14: sessions for part of the branch — `session add|edit --attendees leaders|张三,李四|all`, the
// expected list in `session show`, 应到 in `session list`, sign-in (scripted, sheet, import) for the
// expected only; undo and export keep it. The year's verdicts are in test/e2e/handYear.test.ts.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, runOk, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[], now = '2026-12-01') => runCli(args, { cwd: dir, now });
const ok = (args: string[], now = '2026-12-01') => runOk(args, { cwd: dir, now });
async function add(date: string, extra: string[] = [], type = '集中学习'): Promise<number> {
  return JSON.parse((await ok(['--json', 'session', 'add', '--type', type, '--date', date, '--topic', `学习（${date}）`, ...extra])).stdout).id as number;
}
interface Show { attendees: { kind: string; members?: { id: number; name: string }[] }; expected: { memberId: number; name: string }[]; counts: Record<string, number>; attendance: { name: string; status: string | null }[] }
async function show(id: number): Promise<Show> {
  return JSON.parse((await ok(['--json', 'session', 'show', String(id)])).stdout) as Show;
}
const names = (s: Show) => s.expected.map((m) => m.name);
const count = (table: string) => query<{ n: number }>(dir, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  await ok(['member', 'add', '--name', '赵书记', '--from', '2025-09-01', '--post', '书记'], '2026-01-05');
  await ok(['member', 'add', '--name', '钱委员', '--from', '2025-09-01', '--post', '组织委员'], '2026-01-05');
  for (const n of ['孙宣传', '李四', '王五']) await ok(['member', 'add', '--name', n, '--from', '2025-09-01'], '2026-01-05');
  await ok(['member', 'add', '--name', '周新', '--from', '2026-06-01'], '2026-01-05');
  await ok(['member', 'edit', '孙宣传', '--leader', '--from', '2026-07-01', '--post', '宣传委员'], '2026-01-05');
});
afterEach(() => cleanup());

describe('session add --attendees', () => {
  it('leaders: the committee on the session day, by tenure', async () => {
    const april = await add('2026-04-15', ['--attendees', 'leaders'], '务虚会');
    const august = await add('2026-08-14', ['--attendees', '支委'], '务虚会');
    const a = await show(april);
    expect(a.attendees).toEqual({ kind: 'leaders' });
    expect(names(a)).toEqual(['钱委员', '赵书记']); // pinyin order, as paper rosters list people
    expect(a.counts.expected).toBe(2);
    expect(names(await show(august))).toEqual(['钱委员', '孙宣传', '赵书记']);
    expect(query(dir, 'SELECT id, attendees FROM sessions ORDER BY id')).toEqual([{ id: april, attendees: 'leaders' }, { id: august, attendees: 'leaders' }]);
  });

  it('named people: exactly those, stored by id; the add output says who', async () => {
    const r = await ok(['session', 'add', '--type', '讲座', '--date', '2026-05-12', '--topic', '数字财政', '--attendees', '李四，王五']);
    expect(r.stdout).toContain('应到：李四、王五（2 人）');
    const s = await show(1);
    expect(s.attendees).toMatchObject({ kind: 'named', members: [{ name: '李四' }, { name: '王五' }] });
    expect(names(s)).toEqual(['李四', '王五']);
    expect(query(dir, 'SELECT m.name FROM session_attendees a JOIN members m ON m.id = a.member_id ORDER BY m.id')).toEqual([{ name: '李四' }, { name: '王五' }]);
  });

  it('default and "all": everyone on the roll that day', async () => {
    const id = await add('2026-05-12');
    const s = await show(id);
    expect(s.attendees).toEqual({ kind: 'all' });
    expect(s.counts.expected).toBe(5); // 周新 joins in June
    expect((await show(await add('2026-06-12', ['--attendees', 'all']))).counts.expected).toBe(6);
  });

  it('refuses an unknown name, someone not on the roll that day, or an empty list — exit 2, --attendees named, nothing written', async () => {
    const cases: [string, string][] = [['李四,陌生人', '陌生人'], ['周新', '周新'], [',', '--attendees']];
    for (const [value, said] of cases) {
      const r = await cli(['session', 'add', '--type', '讲座', '--date', '2026-05-12', '--topic', 'x', '--attendees', value]);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toContain('--attendees');
      expect(r.stderr, value).toContain(said);
    }
    expect(count('sessions')).toBe(0);
    expect(count('session_attendees')).toBe(0);
  });
});

describe('session edit --attendees', () => {
  it('changes who is expected; back to everyone; undo restores the list', async () => {
    const id = await add('2026-05-12', ['--attendees', '李四,王五'], '讲座');
    const r = JSON.parse((await ok(['--json', 'session', 'edit', String(id), '--attendees', 'leaders'])).stdout);
    expect(r).toMatchObject({ changed: true, attendees: { kind: 'leaders' } });
    expect(names(await show(id))).toEqual(['钱委员', '赵书记']);
    expect(count('session_attendees')).toBe(0);
    await ok(['undo', '--yes']);
    expect(names(await show(id))).toEqual(['李四', '王五']);
    await ok(['session', 'edit', String(id), '--attendees', 'all']);
    expect((await show(id)).counts.expected).toBe(5);
    // the same list again is no change
    await ok(['session', 'edit', String(id), '--attendees', '李四,王五']);
    const same = JSON.parse((await ok(['--json', 'session', 'edit', String(id), '--attendees', '王五,李四'])).stdout);
    expect(same.changed).toBe(false);
  });

  it('a sign-in of someone no longer expected is kept but not counted, and the edit says so', async () => {
    const id = await add('2026-05-12');
    await ok(['checkin', String(id), '--present', '李四,王五,赵书记']);
    const r = await ok(['session', 'edit', String(id), '--attendees', 'leaders']);
    expect(r.stderr).toContain('2 条签到记录');
    const s = await show(id);
    expect(s.counts).toMatchObject({ expected: 2, attended: 1, unmarked: 1 });
  });
});

describe('sign-in for part of the branch', () => {
  it('checkin: someone not expected is refused, naming them; --absent-rest marks only the expected', async () => {
    const id = await add('2026-04-15', ['--attendees', 'leaders'], '务虚会');
    const r = await cli(['checkin', String(id), '--present', '赵书记,李四']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('李四 不在本次活动的应到名单');
    expect(r.stderr).toContain(`shuxiang session edit ${id} --attendees`);
    expect(count('attendance')).toBe(0);
    await ok(['checkin', String(id), '--present', '赵书记', '--absent-rest']);
    const s = await show(id);
    expect(s.attendance.map((a) => [a.name, a.status])).toEqual([['钱委员', 'absent'], ['赵书记', 'present']]);
    expect(s.counts).toMatchObject({ expected: 2, attended: 1, absent: 1, rate: 0.5 });
  });

  it('session list: 应到 counts the expected people only', async () => {
    await add('2026-04-15', ['--attendees', 'leaders'], '务虚会');
    await add('2026-05-12', ['--attendees', '李四'], '讲座');
    await add('2026-05-13');
    const list = JSON.parse((await ok(['--json', 'session', 'list', '--year', '2026'])).stdout) as { counts: { expected: number } }[];
    expect(list.map((s) => s.counts.expected)).toEqual([2, 1, 5]);
    const text = (await ok(['session', 'list', '--year', '2026'])).stdout;
    expect(text).toMatch(/务虚会.*支委/);
  });

  it('sheet lists the expected people only, and the filled sheet imports back', async () => {
    const id = await add('2026-08-14', ['--attendees', 'leaders'], '务虚会');
    await ok(['sheet', String(id), 'a.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const ws = wb.getWorksheet('签到表')!;
    const listed: string[] = [];
    for (let r = 6; ws.getCell(`B${r}`).value && !String(ws.getCell(`A${r}`).value).startsWith('应到'); r++) listed.push(String(ws.getCell(`B${r}`).value));
    expect(listed).toEqual(['钱委员', '孙宣传', '赵书记']);
    ws.getCell('C6').value = '钱委员';
    ws.getCell('C8').value = '赵书记';
    await wb.xlsx.writeFile(join(dir, 'a.xlsx'));
    await ok(['import', '--kind', 'signin', 'a.xlsx']);
    expect((await show(id)).attendance.map((a) => [a.name, a.status])).toEqual([['钱委员', 'present'], ['孙宣传', 'absent'], ['赵书记', 'present']]);
  });

  it('export --json and import into a new database keep who was expected', async () => {
    await add('2026-05-12', ['--attendees', '李四,王五'], '讲座');
    await ok(['export', '--json', 'all.json']);
    const other = tempDir();
    try {
      await initDb(other.dir);
      const r = await runCli(['import', '--kind', 'json', join(dir, 'all.json')], { cwd: other.dir, now: '2026-12-01' });
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse((await runCli(['--json', 'session', 'show', '1'], { cwd: other.dir, now: '2026-12-01' })).stdout) as Show;
      expect(names(s)).toEqual(['李四', '王五']);
    } finally {
      other.cleanup();
    }
  });
});
