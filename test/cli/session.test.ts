// `shuxiang session add|list|show|edit|remove` and scripted `checkin`, in-process against a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[], now = '2026-03-10') => runCli(args, { cwd: dir, now });
async function ok(args: string[], now?: string) {
  const r = await cli(args, now);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
}
async function addSession(extra: string[] = []): Promise<number> {
  const r = await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习党的二十届四中全会精神', '--hours', '2', ...extra]);
  return JSON.parse(r.stdout).id as number;
}
async function show(id: number) {
  return JSON.parse((await ok(['--json', 'session', 'show', String(id)])).stdout) as {
    counts: Record<string, number>;
    attendance: { name: string; status: string | null; excuseKind: string | null; reason: string | null }[];
  };
}
const statuses = (s: Awaited<ReturnType<typeof show>>) => Object.fromEntries(s.attendance.map((a) => [a.name, a.excuseKind ? `${a.status}:${a.excuseKind}` : a.status]));

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [
    { name: '张三', from: '2026-01-01', leader: true },
    { name: '李四', from: '2026-01-01' },
    { name: '王五', from: '2026-01-01' },
    { name: '赵六', from: '2026-01-01' },
    { name: '张珊', from: '2026-01-01' },
    { name: '孙七', from: '2026-04-01' },
    { name: '周八', from: '2025-01-01', left: '2026-03-05' },
  ]);
});
afterEach(() => cleanup());

describe('session add', () => {
  it('prints the new id, with every field in --json', async () => {
    const r = await ok(['--json', 'session', 'add', '--type', '讲座', '--date', '2026-03-12', '--topic', '数字财政', '--start', '14:30', '--end', '16:00', '--place', '三楼会议室', '--speaker', '李明', '--recorder', '王五', '--notes', '带笔记本']);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1, branch: '机关第一党支部', type: 'lecture', typeName: '专题报告', date: '2026-03-12', startTime: '14:30', endTime: '16:00',
      hours: 1.5, topic: '数字财政', place: '三楼会议室', speaker: '李明', recorder: '王五', notes: '带笔记本',
      attendees: { kind: 'all' }, // issue 14: who is expected
    });
    const text = await ok(['session', 'add', '--type', '专题报告', '--date', '2026-03-13', '--topic', '预算法']);
    expect(text.stdout).toContain('编号：2');
    expect(query(dir, 'SELECT type FROM sessions ORDER BY id')).toEqual([{ type: 'lecture' }, { type: 'lecture' }]);
  });

  it('rejects a bad type, date or time with the flag named (exit 2), and writes nothing', async () => {
    for (const [flag, value] of [['--type', '联欢会'], ['--date', '2026-02-30'], ['--start', '25:00'], ['--hours', '-1']]) {
      const r = await cli(['session', 'add', '--type', '集中学习', '--topic', 'x', flag!, value!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag!);
    }
    expect(query(dir, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 0 }]);
  });

  it('without a TTY, a missing --topic is an error naming the flag', async () => {
    const r = await cli(['session', 'add', '--type', '集中学习']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--topic');
  });

  it('rejects an unknown branch, listing the ones there are', async () => {
    const r = await cli(['session', 'add', '--type', '集中学习', '--topic', 'x', '--branch', '第九支部']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('机关第一党支部');
  });
});

describe('session list', () => {
  it('filters by month, quarter, year and type, with 应到/实到/请假/缺席', async () => {
    const a = await addSession();
    await ok(['session', 'add', '--type', '读书交流', '--date', '2026-04-15', '--topic', '读书']);
    await ok(['session', 'add', '--type', '集中学习', '--date', '2025-12-20', '--topic', '去年']);
    await ok(['checkin', String(a), '--present', '张三,李四', '--late', '赵六', '--excused', '王五:病假', '--absent', '张珊']);
    const month = JSON.parse((await ok(['--json', 'session', 'list', '--month', '2026-03'])).stdout);
    expect(month).toHaveLength(1);
    expect(month[0].counts).toEqual({ expected: 5, attended: 3, present: 2, late: 1, excused: 1, absent: 1, unmarked: 0, rate: 0.6 });
    expect(JSON.parse((await ok(['--json', 'session', 'list', '--quarter', '2026Q2'])).stdout).map((s: { topic: string }) => s.topic)).toEqual(['读书']);
    expect(JSON.parse((await ok(['--json', 'session', 'list', '--year', '2026'])).stdout)).toHaveLength(2);
    expect(JSON.parse((await ok(['--json', 'session', 'list', '--year', '2026', '--type', '读书交流'])).stdout)).toHaveLength(1);
    expect(JSON.parse((await ok(['--json', 'session', 'list'])).stdout)).toHaveLength(3);
    const text = await ok(['session', 'list', '--period', '2026-03']);
    expect(text.stdout).toMatch(/应到\s+实到\s+请假\s+缺席/);
    expect(text.stdout).toMatch(/2026-03-10\s+集中学习.*\s5\s+3\s+1\s+1\s+0\s+60\.0%/);
    expect(text.stderr).toContain('共 1 次活动（集中学习 1）');
  });

  it('rejects a malformed period id naming the flag', async () => {
    const r = await cli(['session', 'list', '--quarter', '2026-Q5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--quarter');
    expect((await cli(['session', 'list', '--month', '2026-03', '--year', '2026'])).code).toBe(2);
  });
});

describe('session show / edit / remove', () => {
  it('show lists each expected member with status and the counts', async () => {
    const id = await addSession();
    await ok(['checkin', String(id), '--present', '张三', '--excused', '王五:公假:出差']);
    const s = await show(id);
    expect(s.counts).toMatchObject({ expected: 5, attended: 1, excused: 1, unmarked: 3 });
    expect(s.attendance.find((a) => a.name === '王五')).toMatchObject({ status: 'excused', excuseKind: '公假', reason: '出差' });
    expect(s.attendance.find((a) => a.name === '李四')).toMatchObject({ status: null });
    const text = await ok(['session', 'show', String(id)]);
    expect(text.stdout).toContain('请假（公假）');
    expect(text.stdout).toContain('应到 5，实到 1');
  });

  it('edit changes only the given fields; an unknown id is exit 2', async () => {
    const id = await addSession();
    await ok(['session', 'edit', String(id), '--start', '09:00', '--end', '11:30', '--place', '会议室']);
    const s = JSON.parse((await ok(['--json', 'session', 'show', String(id)])).stdout);
    expect(s).toMatchObject({ topic: '学习党的二十届四中全会精神', hours: 2.5, place: '会议室', startTime: '09:00' });
    const r = await cli(['session', 'show', '99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有编号为 99');
  });

  it('remove of a session with attendance needs --yes without a TTY; then takes its attendance with it', async () => {
    const id = await addSession();
    await ok(['checkin', String(id), '--present', '张三,李四']);
    const r = await cli(['session', 'remove', String(id)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 2 }]);
    await ok(['session', 'remove', String(id), '--yes']);
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
    expect(query(dir, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 0 }]);
  });

  it('remove of a session without attendance needs no --yes', async () => {
    const id = await addSession();
    await ok(['session', 'remove', String(id)]);
    expect(query(dir, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 0 }]);
  });
});

describe('checkin (scripted)', () => {
  it('records statuses; re-running updates instead of duplicating', async () => {
    const id = await addSession();
    const r = await ok(['--json', 'checkin', String(id), '--present', '张三,李四', '--late', '赵六', '--excused', '王五:病假', '--absent-rest']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ added: 5, changed: 0, unchanged: 0 });
    expect(statuses(await show(id))).toEqual({ 张三: 'present', 李四: 'present', 赵六: 'late', 王五: 'excused:病假', 张珊: 'absent' });
    const again = JSON.parse((await ok(['--json', 'checkin', String(id), '--present', '赵六,张珊'])).stdout);
    expect(again).toMatchObject({ added: 0, changed: 2 });
    expect(statuses(await show(id))).toEqual({ 张三: 'present', 李四: 'present', 赵六: 'present', 王五: 'excused:病假', 张珊: 'present' });
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 5 }]);
    const text = await ok(['checkin', String(id), '--present', '赵六']);
    expect(text.stderr).toContain('未变 1 条');
  });

  it('resolves unique pinyin initials; an ambiguous one lists the candidates (exit 2, nothing written)', async () => {
    const id = await addSession();
    await ok(['checkin', String(id), '--present', 'ls,ww']);
    expect(statuses(await show(id))).toMatchObject({ 李四: 'present', 王五: 'present' });
    const r = await cli(['checkin', String(id), '--present', 'zs,zl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“zs”对应了 2 个人');
    expect(r.stderr).toContain('张三');
    expect(r.stderr).toContain('张珊');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 2 }]);
  });

  it('an unknown name is an error; so is one given in two conflicting lists', async () => {
    const id = await addSession();
    const r = await cli(['checkin', String(id), '--present', '张三,钱九']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“钱九”没有找到');
    const c = await cli(['checkin', String(id), '--present', '张三', '--absent', '张三']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('张三 同时出现在 --present 和 --absent 中');
    expect(query(dir, 'SELECT count(*) AS n FROM attendance')).toEqual([{ n: 0 }]);
  });

  it('a member who joined after the session is not expected; one who left is not listed afterwards', async () => {
    const id = await addSession();
    const s = await show(id);
    expect(s.attendance.map((a) => a.name).sort()).toEqual(['张三', '张珊', '李四', '王五', '赵六'].sort());
    const joined = await cli(['checkin', String(id), '--present', '孙七']);
    expect(joined.code).toBe(2);
    expect(joined.stderr).toContain('孙七 在 2026-03-10 不在机关第一党支部的名单上（2026-04-01 才转入）');
    const left = await cli(['checkin', String(id), '--present', '周八']);
    expect(left.code).toBe(2);
    expect(left.stderr).toContain('2026-03-05 已转出');
    const earlier = JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-03-02', '--topic', '早些时候'])).stdout).id;
    expect((await show(earlier)).attendance.map((a) => a.name)).toContain('周八');
    const april = JSON.parse((await ok(['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-04-02', '--topic', '四月'])).stdout).id;
    expect((await show(april)).attendance.map((a) => a.name)).toContain('孙七');
  });

  it('--absent-rest leaves statuses already recorded alone', async () => {
    const id = await addSession();
    await ok(['checkin', String(id), '--present', '张三', '--excused', '王五']);
    await ok(['checkin', String(id), '--present', '李四', '--absent-rest']);
    expect(statuses(await show(id))).toEqual({ 张三: 'present', 李四: 'present', 王五: 'excused', 赵六: 'absent', 张珊: 'absent' });
  });

  it('without a TTY and without flags, names the flags (exit 2)', async () => {
    const id = await addSession();
    const r = await cli(['checkin', String(id)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--present');
    expect(r.stderr).toContain('--absent-rest');
  });

  it('without a session id uses today’s only session, else asks for the id', async () => {
    await addSession();
    await ok(['checkin', '--present', '张三']);
    await addSession(['--topic', '第二次']);
    const r = await cli(['checkin', '--present', '张三']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('今天有 2 次活动');
  });
});
