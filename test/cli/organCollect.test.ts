// Collecting the branches (issue 18): each branch keeps its own database and sends `export --json`;
// the organ imports them all at once. A second, newer export of one branch — records added, edited and
// deleted in between — replaces exactly that branch's records: its new state, nothing duplicated,
// the other branches untouched, one batch that undo takes back. An older file is refused unless --force.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { fullDump } from '../helpers/dump.js';
import { BRANCHES, ok, writeBranch } from '../helpers/organ.js';

let dir: string;
let cleanup: () => void;
const at = (...p: string[]) => join(dir, ...p);

/** A branch's records as names and values, ids left out: what must be the same in both databases. */
function branchContent(sub: string, branch: string): Record<string, string[]> {
  const d = fullDump(at(sub));
  const branchId = d.branches!.rows.find((b) => b.name === branch)!.id;
  const members = new Map(d.members!.rows.filter((m) => m.branch_id === branchId).map((m) => [m.id, m.name]));
  const sessions = new Map(d.sessions!.rows.filter((s) => s.branch_id === branchId).map((s) => [s.id, `${s.date} ${s.topic}`]));
  const books = new Map(d.books!.rows.map((b) => [b.id, b.title]));
  const strip = (r: Record<string, unknown>) => {
    const { id: _i, batch_id: _b, ...rest } = r;
    if ('member_id' in rest) rest.member_id = members.get(rest.member_id as number);
    if ('session_id' in rest) rest.session_id = sessions.get(rest.session_id as number);
    if ('book_id' in rest) rest.book_id = books.get(rest.book_id as number);
    if ('branch_id' in rest) rest.branch_id = branch;
    return JSON.stringify(rest);
  };
  const out: Record<string, string[]> = {};
  for (const [t, v] of Object.entries(d)) {
    if (['batches', 'undo_log', 'settings', 'books', 'branches'].includes(t)) continue;
    const mine = v.rows.filter((r) => (r.branch_id !== undefined ? r.branch_id === branchId : r.member_id !== undefined ? members.has(r.member_id as number) : r.session_id !== undefined ? sessions.has(r.session_id as number) : true));
    out[t] = mine.map(strip).sort();
  }
  return out;
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  for (const [i, b] of BRANCHES.entries()) {
    mkdirSync(at(`b${i}`));
    await initDb(at(`b${i}`), b.name);
    await writeBranch(at(`b${i}`), b, false);
  }
  mkdirSync(at('各支部'));
  for (const i of [0, 1, 2]) await ok(at(`b${i}`), ['export', '--json', at('各支部', `${i}.json`)], '2026-04-10');
  mkdirSync(at('organ'));
  await initDb(at('organ'), '一支部');
}, 60_000);
afterEach(() => cleanup());

describe('import --kind json of the branches', () => {
  it('several files in one batch; each branch as it is at home; a second run changes nothing', async () => {
    const r = await runCli(['import', '--kind', 'json', at('各支部', '0.json'), at('各支部', '1.json'), at('各支部', '2.json')], { cwd: at('organ'), now: '2026-04-11' });
    expect(r.code, r.stderr).toBe(0);
    for (const [i, b] of BRANCHES.entries()) expect(branchContent('organ', b.name)).toEqual(branchContent(`b${i}`, b.name));
    expect(r.stdout).toContain('二支部');
    const history = await runCli(['--json', 'history'], { cwd: at('organ'), now: '2026-04-11' });
    expect(JSON.parse(history.stdout).batches.filter((b: { command: string }) => b.command === 'import json')).toHaveLength(1);
    const before = fullDump(at('organ'));
    const again = await runCli(['import', '--kind', 'json', at('各支部', '0.json'), at('各支部', '1.json'), at('各支部', '2.json')], { cwd: at('organ'), now: '2026-04-12' });
    expect(again.code, again.stderr).toBe(0);
    expect(fullDump(at('organ'))).toEqual(before);
  });

  it('a newer export of one branch replaces exactly its records; the others stay; undo restores; an older file is refused', async () => {
    const all = [0, 1, 2].map((i) => at('各支部', `${i}.json`));
    await ok(at('organ'), ['import', '--kind', 'json', ...all], '2026-04-11');
    const others = [branchContent('organ', '一支部'), branchContent('organ', '三支部')];
    const firstTwo = branchContent('organ', '二支部');
    const before = fullDump(at('organ'));

    // At 二支部, between the two exports: someone joins and signs in, a session is renamed, a
    // self-study record is deleted, a book is finished, a person is renamed.
    const b1 = at('b1');
    await ok(b1, ['member', 'add', '--name', '乙四', '--from', '2026-04-01'], '2026-04-20');
    const s = JSON.parse(await ok(b1, ['--json', 'session', 'add', '--type', '集中学习', '--date', '2026-04-15', '--topic', '二支部四月学习'], '2026-04-20')) as { id: number };
    await ok(b1, ['checkin', String(s.id), '--present', '乙四,乙一', '--absent-rest'], '2026-04-20');
    await ok(b1, ['session', 'edit', '1', '--topic', '二支部一月学习（补记）'], '2026-04-20');
    await ok(b1, ['log', 'remove', 'self-study:1'], '2026-04-20');
    await ok(b1, ['log', 'book', '--member', '乙三', '--title', '习近平的七年知青岁月', '--category', '党史', '--finished', '2026-04-18'], '2026-04-20');
    await ok(b1, ['member', 'edit', '乙二', '--name', '乙贰'], '2026-04-20');
    await ok(b1, ['export', '--json', at('二支部-新.json')], '2026-04-21');

    const r = await runCli(['--json', 'import', '--kind', 'json', at('二支部-新.json')], { cwd: at('organ'), now: '2026-04-22' });
    expect(r.code, r.stderr).toBe(0);
    expect(branchContent('organ', '二支部')).toEqual(branchContent('b1', '二支部'));
    expect([branchContent('organ', '一支部'), branchContent('organ', '三支部')]).toEqual(others);
    const summary = JSON.parse(r.stdout).files[0].branches[0];
    expect(summary.branch).toBe('二支部');
    expect(summary.tables.members).toEqual({ added: 1, matched: 3, changed: 1, removed: 0 });
    expect(summary.tables.sessions).toEqual({ added: 1, matched: 2, changed: 1, removed: 0 });
    expect(summary.tables.attendance).toMatchObject({ added: 4, removed: 0 });
    expect(summary.tables.self_study).toEqual({ added: 0, matched: 0, changed: 0, removed: 1 });
    expect(summary.tables.readings).toMatchObject({ added: 1, removed: 0 });
    // No duplicates anywhere: as many rows as the three branches hold.
    const d = fullDump(at('organ'));
    expect(d.members!.rows).toHaveLength(2 + 4 + 1);
    expect(d.sessions!.rows).toHaveLength(3 + 3 + 1);

    // The first export of 二支部 is older than what is now held.
    const old = await runCli(['import', '--kind', 'json', at('各支部', '1.json')], { cwd: at('organ'), now: '2026-04-23' });
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/二支部.*更旧.*--force/s);
    expect(fullDump(at('organ'))).toEqual(d);

    expect((await runCli(['undo', '--yes'], { cwd: at('organ'), now: '2026-04-23' })).code).toBe(0);
    expect(fullDump(at('organ'))).toEqual(before);

    // With --force the older file is taken (here: the state before, again).
    await ok(at('organ'), ['import', '--kind', 'json', at('二支部-新.json')], '2026-04-24');
    const forced = await runCli(['import', '--kind', 'json', '--force', at('各支部', '1.json')], { cwd: at('organ'), now: '2026-04-24' });
    expect(forced.code, forced.stderr).toBe(0);
    expect(branchContent('organ', '二支部')).toEqual(firstTwo);
    expect([branchContent('organ', '一支部'), branchContent('organ', '三支部')]).toEqual(others);
  });
});

describe('import --kind db of a branch database', () => {
  it("reads the branch's own file without changing it, and replaces that branch like its export would", async () => {
    const before = fullDump(at('b1'));
    const r = await runCli(['import', '--kind', 'db', at('b1', 'shuxiang.db')], { cwd: at('organ'), now: '2026-04-11' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/二支部（shuxiang\.db，2026-04-10 09:00 导出）：已新增支部；人员 已新增 3/);
    expect(branchContent('organ', '二支部')).toEqual(branchContent('b1', '二支部'));
    expect(fullDump(at('b1'))).toEqual(before);
    const again = await runCli(['import', '--kind', 'db', at('b1', 'shuxiang.db')], { cwd: at('organ'), now: '2026-04-12' });
    expect(again.stdout).toContain('与已有数据相同，没有变化');
  });
});

describe('collecting: files that must not be taken as they are (hunt 2026-12-04)', () => {
  const organ = (args: string[], now = '2026-04-11') => runCli(args, { cwd: at('organ'), now });
  const edited = (name: string, edit: (doc: Record<string, any>) => void) => {
    const doc = JSON.parse(readFileSync(at('各支部', '1.json'), 'utf8'));
    edit(doc);
    writeFileSync(at('各支部', name), JSON.stringify(doc));
    return at('各支部', name);
  };

  it('an export without its time, with a time to come, with tables left out or with impossible values: refused whole, nothing written', async () => {
    const before = fullDump(at('organ'));
    const cases: [string, (d: Record<string, any>) => void, RegExp][] = [
      ['no-time.json', (d) => { delete d.exportedAt; }, /exportedAt：导出时间缺失/],
      ['future.json', (d) => { d.exportedAt = '2099-01-01T00:00:00'; }, /2099-01-01 00:00 在今天（2026-04-11）之后/],
      ['cut.json', (d) => { d.tables = { branches: d.tables.branches }; }, /缺少“members”（人员）表/],
      ['values.json', (d) => {
        d.tables.members[0].on_roll_from = '2026-13-01';
        d.tables.members[1].leader = 5;
        d.tables.members[2].name = ' ';
        d.tables.sessions[0].type = 'xx';
      }, /^(?=[\s\S]*on_roll_from：“2026-13-01”不是有效的日期)(?=[\s\S]*leader：“5”应为 0)(?=[\s\S]*name：名称是空的)(?=[\s\S]*type：“xx”不是已知的活动类型)/],
    ];
    for (const [name, edit, said] of cases) {
      const r = await organ(['import', '--kind', 'json', edited(name, edit)]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(said);
      expect(r.stderr).not.toMatch(/内部错误|at \w+ \(/);
    }
    expect(fullDump(at('organ'))).toEqual(before);
    // The genuine file is then taken (the refused future one left no time behind that would make it "older").
    expect((await organ(['import', '--kind', 'json', at('各支部', '1.json')])).code).toBe(0);
  });

  it('a branch renamed with a space is the same branch; a database made by the import remembers export times', async () => {
    // The organ's database does not exist yet: the import makes it (README), and still refuses an older file after.
    const r = await runCli(['--db', at('new.db'), 'import', '--kind', 'json', at('各支部', '1.json')], { cwd: dir, now: '2026-04-11' });
    expect(r.code, r.stderr).toBe(0);
    const older = edited('older.json', (d) => { d.exportedAt = '2026-04-01T09:00:00'; });
    const again = await runCli(['--db', at('new.db'), 'import', '--kind', 'json', older], { cwd: dir, now: '2026-04-11' });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/更旧，未导入任何数据/);
    // 二支部 written "二 支部" in a newer export: matched to the branch held, nothing doubled.
    expect((await organ(['import', '--kind', 'json', at('各支部', '1.json')])).code).toBe(0);
    const spaced = edited('spaced.json', (d) => { d.tables.branches[0].name = '二 支部'; d.exportedAt = '2026-04-10T10:00:00'; });
    const s = await organ(['import', '--kind', 'json', spaced]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('二支部（spaced.json');
    expect(s.stdout).toContain('与已有数据相同，没有变化');
    const d = fullDump(at('organ'));
    expect(d.branches!.rows.map((b) => b.name).sort()).toEqual(['一支部', '二支部']);
  });

  it('the same person (ID card) in two branches\' files is refused in Chinese, naming both, not a raw SQLite error', async () => {
    const id = '110101198001011005';
    const withId = (name: string, branchFile: string, member: number) => {
      const doc = JSON.parse(readFileSync(at('各支部', branchFile), 'utf8'));
      doc.tables.members[member].id_card = id;
      writeFileSync(at('各支部', name), JSON.stringify(doc));
      return at('各支部', name);
    };
    const a = withId('a.json', '1.json', 0);
    const b = withId('b.json', '2.json', 0);
    const before = fullDump(at('organ'));
    const r = await organ(['import', '--kind', 'json', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/身份证号 110101\*+1005）已作为“二支部”的人员在本数据库中/);
    expect(r.stderr).not.toMatch(/UNIQUE|内部错误/);
    expect(fullDump(at('organ'))).toEqual(before);
  });

  it('import --kind db: the time of a branch file after an undo is the undo\'s, and the database itself is refused', async () => {
    const file = at('b1', 'shuxiang.db');
    expect((await organ(['import', '--kind', 'db', file], '2026-04-11')).code).toBe(0);
    await ok(at('b1'), ['member', 'add', '--name', '错录', '--from', '2026-01-01'], '2026-04-12');
    expect((await organ(['import', '--kind', 'db', file], '2026-04-12')).stdout).toContain('人员 已新增 1');
    await ok(at('b1'), ['undo', '--yes'], '2026-04-13');
    const r = await organ(['import', '--kind', 'db', file], '2026-04-13');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2026-04-13 09:00 导出.*人员 已删除 1/);
    const self = await organ(['import', '--kind', 'db', at('organ', 'shuxiang.db')]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('就是本数据库');
  });
});

describe('the shared catalogue (hunt 2026-12-04)', () => {
  it('a title out on loan in two branches at once: its copies are raised to its open loans, and the summary says so', async () => {
    for (const b of ['b0', 'b2']) {
      await ok(at(b), ['books', 'add', '--title', '之江新语', '--author', '习近平', '--category', '政治理论', '--copies', '1'], '2026-04-10');
    }
    await ok(at('b0'), ['lend', '之江新语', '甲一', '--date', '2026-04-01'], '2026-04-10');
    const other = JSON.parse(await ok(at('b2'), ['--json', 'member', 'list'], '2026-04-10')) as { name: string }[];
    await ok(at('b2'), ['lend', '之江新语', other[0]!.name, '--date', '2026-04-02'], '2026-04-10');
    for (const b of ['b0', 'b2']) await ok(at(b), ['export', '--json', at(`${b}-books.json`)], '2026-04-10');
    const r = await runCli(['import', '--kind', 'json', at('b0-books.json'), at('b2-books.json')], { cwd: at('organ'), now: '2026-04-11' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/书目已.*修改 1（几个支部同时借出同一本书：册数增加到在借的本数）/);
    const show = await runCli(['books', 'show', '之江新语'], { cwd: at('organ'), now: '2026-04-11' });
    expect(show.stdout).toMatch(/册数：2，在架 0，借出 2/);
    expect((await runCli(['doctor'], { cwd: at('organ'), now: '2026-04-11' })).code).toBe(0);
  });
});
