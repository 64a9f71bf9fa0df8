// Interactive `checkin` on a fake terminal: pick/create the session, tick who came in the searchable list,
// mark the rest, confirm. Ctrl-C anywhere → exit 130 and nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { memberPicker } from '../../src/cli/memberPicker.js';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { addMembers, query } from '../helpers/roster.js';
import { KEY, runTty } from '../helpers/tty.js';

let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [
    { name: '张三', from: '2026-01-01' }, { name: '李四', from: '2026-01-01' }, { name: '王五', from: '2026-01-01' },
    { name: '赵六', from: '2026-01-01' }, { name: '孙七', from: '2026-04-01' },
  ]);
});
afterEach(() => cleanup());

const count = (table: string) => (query<{ n: number }>(dir, `SELECT count(*) AS n FROM ${table}`)[0]!.n);

describe('checkin (interactive)', { timeout: 20000 }, () => {
  it('creates today’s session on the spot and signs people in', async () => {
    const t = runTty(['checkin'], { cwd: dir });
    await t.step('活动类型', KEY.enter); // 集中学习 (default)
    await t.step('学习主题', ['学习党章', KEY.enter]);
    await t.step('学时', KEY.enter); // 2
    await t.step('谁到了？', ['zs', KEY.enter]);
    await t.step('已选 1/4', ['ls', KEY.enter]);
    await t.step('已选 2/4', ['赵', KEY.enter]);
    await t.step('已选 3/4', KEY.enter); // done
    await t.step('王五 没有到', [KEY.down, KEY.down, KEY.enter]); // 请假·病假
    await t.step('事由', ['住院', KEY.enter]);
    await t.step('其中谁迟到了', ['zl', KEY.enter]);
    await t.step('已选 1/3', KEY.enter);
    await t.step('确认写入', KEY.enter);
    const r = await t.done;
    expect(t.screen()).toContain('应到 4，实到 3（含迟到 1），请假 1，缺席 0，出席率 75.0%');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#1 2026-03-10 集中学习《学习党章》：应到 4，实到 3');
    expect(query(dir, 'SELECT s.topic, s.hours, m.name, a.status, a.excuse_kind, a.reason FROM attendance a JOIN members m ON m.id = a.member_id JOIN sessions s ON s.id = a.session_id ORDER BY m.id')).toEqual([
      { topic: '学习党章', hours: 2, name: '张三', status: 'present', excuse_kind: null, reason: null },
      { topic: '学习党章', hours: 2, name: '李四', status: 'present', excuse_kind: null, reason: null },
      { topic: '学习党章', hours: 2, name: '王五', status: 'excused', excuse_kind: '病假', reason: '住院' },
      { topic: '学习党章', hours: 2, name: '赵六', status: 'late', excuse_kind: null, reason: null },
    ]);
  });

  it('picks an existing session; Ctrl+A ticks everyone; the rest-absent shortcut', async () => {
    await runCli(['session', 'add', '--type', '讲座', '--date', '2026-03-10', '--topic', '预算法'], { cwd: dir, now: '2026-03-10' });
    const t = runTty(['checkin'], { cwd: dir });
    await t.step('为哪次活动签到', KEY.enter);
    await t.step('谁到了？', [KEY.ctrlA, 'zs', KEY.enter, 'ls', KEY.enter]); // all, then untick 张三 and 李四
    await t.step('已选 2/4', KEY.enter);
    await t.step('李四 没有到', [KEY.up, KEY.enter]); // last choice: 缺席 and the rest too
    await t.step('其中谁迟到了', KEY.enter);
    await t.step('确认写入', KEY.enter);
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(query(dir, 'SELECT m.name, a.status FROM attendance a JOIN members m ON m.id = a.member_id ORDER BY m.id')).toEqual([
      { name: '张三', status: 'absent' }, { name: '李四', status: 'absent' }, { name: '王五', status: 'present' }, { name: '赵六', status: 'present' },
    ]);
  });

  it('a session for invited people lists only them (issue 14)', async () => {
    await runCli(['session', 'add', '--type', '讲座', '--date', '2026-03-10', '--topic', '预算法', '--attendees', '李四,王五'], { cwd: dir, now: '2026-03-10' });
    const t = runTty(['checkin', '1'], { cwd: dir });
    await t.step('谁到了？（专题报告，应到 2 人）', ['ls', KEY.enter]);
    await t.step('已选 1/2', KEY.enter);
    await t.step('王五 没有到（1/1）', KEY.enter); // 缺席
    await t.step('其中谁迟到了', KEY.enter);
    await t.step('确认写入', KEY.enter);
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('应到 2，实到 1，请假 0，缺席 1，出席率 50.0%');
    expect(query(dir, 'SELECT m.name, a.status FROM attendance a JOIN members m ON m.id = a.member_id ORDER BY m.id')).toEqual([
      { name: '李四', status: 'present' }, { name: '王五', status: 'absent' },
    ]);
  });

  it('a committee-only session on a day without a committee member says so, not 没有在册人员', async () => {
    await runCli(['session', 'add', '--type', '务虚会', '--date', '2026-03-10', '--topic', '务虚', '--attendees', 'leaders'], { cwd: dir, now: '2026-03-10' });
    const t = runTty(['checkin', '1'], { cwd: dir });
    const r = await t.done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 号活动只面向支委（--attendees leaders），但机关第一党支部在 2026-03-10 没有在任的支委（班子成员），无法签到。');
    expect(r.stderr).toContain('shuxiang member edit 姓名 --leader --from 任职日期');
    expect(r.stderr).not.toContain('没有在册人员');
    expect(count('attendance')).toBe(0);
  });

  it('Ctrl-C → exit 130 and nothing written (not even the new session)', async () => {
    const t = runTty(['checkin'], { cwd: dir });
    await t.step('活动类型', KEY.enter);
    await t.step('学习主题', ['学习党章', KEY.enter]);
    await t.step('学时', KEY.enter);
    await t.step('谁到了？', ['zs', KEY.enter]);
    await t.step('已选 1/4', KEY.ctrlC);
    const r = await t.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('已取消，未做任何修改');
    expect(count('sessions')).toBe(0);
    expect(count('attendance')).toBe(0);
    expect(count("batches WHERE command = 'checkin'")).toBe(0);
  });

  it('answering no at the confirmation writes nothing', async () => {
    await runCli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '党章'], { cwd: dir, now: '2026-03-10' });
    const t = runTty(['checkin', '1'], { cwd: dir });
    await t.step('谁到了？', [KEY.ctrlA, KEY.enter]);
    await t.step('其中谁迟到了', KEY.enter);
    await t.step('确认写入', ['n', KEY.enter]);
    const r = await t.done;
    expect(r.code).toBe(130);
    expect(count('attendance')).toBe(0);
  });

  it('a re-run starts from the recorded statuses', async () => {
    await runCli(['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '党章'], { cwd: dir, now: '2026-03-10' });
    await runCli(['checkin', '1', '--present', '张三,李四,王五', '--excused', '赵六:公假'], { cwd: dir, now: '2026-03-10' });
    const t = runTty(['checkin', '1'], { cwd: dir });
    await t.step('已选 3/4', KEY.enter);
    await t.step('赵六 没有到', KEY.enter); // pre-selected 请假·公假
    await t.step('事由', KEY.enter);
    await t.step('其中谁迟到了', KEY.enter);
    await t.step('确认写入', KEY.enter);
    const r = await t.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('未变 4 条');
  });
});

describe('memberPicker (through @inquirer/testing)', () => {
  const choices = [
    { value: 1, name: '张三', keys: 'zs' }, { value: 2, name: '张珊', keys: 'zs' }, { value: 3, name: '李四', keys: 'ls' },
  ];
  it('filters by initials or name; Enter ticks the highlighted and clears the filter', async () => {
    const { answer, events, getScreen } = await render(memberPicker, { message: '谁到了？', choices });
    events.type('zs');
    expect(getScreen()).toContain('张珊');
    expect(getScreen()).not.toContain('李四');
    events.keypress('down');
    events.keypress('enter');
    events.type('李');
    events.keypress('enter');
    expect(getScreen()).toContain('已选 2/3');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([2, 3]);
  });
  it('says when nothing matches', async () => {
    const { events, getScreen } = await render(memberPicker, { message: '谁到了？', choices });
    events.type('qq');
    expect(getScreen()).toContain('没有匹配的人');
    events.keypress('enter');
    expect(getScreen()).toContain('没有与“qq”匹配的人');
  });
});
