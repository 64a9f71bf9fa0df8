// export --json / import --kind json: the whole database in one 0600 document; loading it into a new
// database reproduces it; two branches' exports merge into one database without colliding.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { fullDump } from '../helpers/dump.js';
import { makeId } from '../helpers/ids.js';

let dir: string;
let cleanup: () => void;
const at = (sub: string) => join(dir, sub);
const cli = (sub: string, args: string[]) => runCli(args, { cwd: at(sub), now: '2026-11-22' });

async function branch(sub: string, name: string, people: [string, string][]): Promise<void> {
  mkdirSync(at(sub));
  await initDb(at(sub), name);
  for (const [p, id] of people) expect((await cli(sub, ['member', 'add', '--name', p, '--id-card', id, '--phone', '13912345678', '--from', '2026-01-01'])).code).toBe(0);
  expect((await cli(sub, ['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', `${name}三月学习`])).code).toBe(0);
  expect((await cli(sub, ['checkin', '1', '--present', people.map((p) => p[0]).join(','), '--absent-rest'])).code).toBe(0);
  expect((await cli(sub, ['log', 'book', '--member', people[0]![0], '--title', '之江新语', '--author', '习近平', '--category', '政治理论', '--finished', '2026-03-20'])).code).toBe(0);
  expect((await cli(sub, ['log', 'self-study', '--member', people[0]![0], '--date', '2026-03-02', '--hours', '2', '--notes'])).code).toBe(0);
}

/** The dump without ids and batch ids: what must survive a move. */
function content(sub: string): unknown {
  const d = fullDump(at(sub));
  const members = new Map(d.members!.rows.map((m) => [m.id, m.name]));
  const sessions = new Map(d.sessions!.rows.map((s) => [s.id, s.topic]));
  const strip = (r: Record<string, unknown>) => {
    const { id: _i, batch_id: _b, ...rest } = r;
    if ('member_id' in rest) rest.member_id = members.get(rest.member_id);
    if ('session_id' in rest) rest.session_id = sessions.get(rest.session_id);
    if ('branch_id' in rest) rest.branch_id = '—';
    if ('book_id' in rest) rest.book_id = '—';
    return JSON.stringify(rest);
  };
  return Object.fromEntries(Object.entries(d).filter(([t]) => t !== 'batches' && t !== 'undo_log').map(([t, v]) => [t, v.rows.map(strip).sort()]));
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await branch('one', '机关第一党支部', [['张三', makeId('19800101', 11)], ['李四', makeId('19810202', 22)]]);
  await branch('two', '机关第二党支部', [['王五', makeId('19820303', 33)], ['张三', makeId('19830404', 44)]]);
});
afterEach(() => cleanup());

describe('export --json and import --kind json', () => {
  it('moves a database to a new one exactly (file 0600, full numbers inside)', async () => {
    const r = await cli('one', ['export', '--json', at('one.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(at('one.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(at('one.json'), 'utf8')).toContain(makeId('19800101', 11));
    expect(r.stdout).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
    mkdirSync(at('new'));
    const i = await cli('new', ['import', '--kind', 'json', at('one.json')]);
    expect(i.code, i.stderr).toBe(0);
    expect(statSync(at('new/shuxiang.db')).mode & 0o777).toBe(0o600);
    // The same records; the new database also remembers when the file was exported (an older one is then
    // refused there, as in an organ's collection).
    const moved = content('new') as Record<string, string[]>;
    expect(moved.settings!.filter((s) => s.startsWith('{"key":"branch-export:'))).toHaveLength(1);
    expect({ ...moved, settings: moved.settings!.filter((s) => !s.startsWith('{"key":"branch-export:')) }).toEqual(content('one'));
    expect((await cli('new', ['doctor'])).code).toBe(0);
  });

  it('merges two branches into one database without collisions; the same file twice adds nothing; undo takes it back', async () => {
    await cli('one', ['export', '--json', at('one.json')]);
    await cli('two', ['export', '--json', at('two.json')]);
    mkdirSync(at('organ'));
    await initDb(at('organ'), '机关第一党支部');
    expect((await cli('organ', ['import', '--kind', 'json', at('one.json')])).code).toBe(0);
    const afterOne = fullDump(at('organ'));
    const r = await cli('organ', ['--json', 'import', '--kind', 'json', at('two.json')]);
    expect(r.code, r.stderr).toBe(0);
    const d = fullDump(at('organ'));
    expect(d.branches!.rows.map((b) => b.name).sort()).toEqual(['机关第一党支部', '机关第二党支部']);
    expect(d.members!.rows).toHaveLength(4); // two people named 张三, different ID cards: both kept
    expect(d.sessions!.rows).toHaveLength(2);
    expect(d.attendance!.rows).toHaveLength(4);
    expect(d.books!.rows).toHaveLength(1); // the same book, matched
    expect(d.readings!.rows).toHaveLength(2);
    expect(JSON.parse(r.stdout).tables.books).toEqual({ added: 0, matched: 1, changed: 0, removed: 0 }); // issue 18: changed and removed per table
    const audit = await cli('organ', ['--json', 'session', 'list', '--year', '2026']);
    expect(audit.code, audit.stderr).toBe(0);
    const again = await cli('organ', ['import', '--kind', 'json', at('two.json')]);
    expect(again.code).toBe(0);
    expect(fullDump(at('organ'))).toEqual(d);
    expect((await cli('organ', ['undo', '--yes'])).code).toBe(0);
    expect(fullDump(at('organ'))).toEqual(afterOne);
  });

  it('refuses a document that is not an export, from a newer version, or hand-broken — nothing written', async () => {
    await cli('one', ['export', '--json', at('one.json')]);
    const before = fullDump(at('two'));
    const doc = JSON.parse(readFileSync(at('one.json'), 'utf8'));
    const cases: [string, string, RegExp][] = [
      ['notjson.json', '{ "format": ', /不是有效的 JSON 文件/],
      ['other.json', JSON.stringify({ hello: 1 }), /不是 shuxiang export 导出的 JSON 文件/],
      ['newer.json', JSON.stringify({ ...doc, schemaVersion: 99 }), /由更新版本的 shuxiang 导出/],
      ['table.json', JSON.stringify({ ...doc, tables: { ...doc.tables, spaceships: [] } }), /spaceships：本版本没有这张表/],
      ['column.json', JSON.stringify({ ...doc, tables: { ...doc.tables, members: [{ ...doc.tables.members[0], shoe_size: 42 }] } }), /members（人员）第 1 条：没有“shoe_size”这一列/],
      ['ref.json', JSON.stringify({ ...doc, tables: { ...doc.tables, self_study: [{ ...doc.tables.self_study[0], member_id: 777 }] } }), /self_study（自学）第 1 条：member_id = 777 指向的 members 记录在文件中不存在/],
      ['check.json', JSON.stringify({ ...doc, tables: { ...doc.tables, self_study: [{ ...doc.tables.self_study[0], hours: 99 }] } }), /self_study（自学）第 1 条：无法写入（有取值不符合要求/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(at(name), text);
      const r = await cli('two', ['import', '--kind', 'json', at(name)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr).not.toMatch(/内部错误|\n\s+at /);
      expect(fullDump(at('two'))).toEqual(before);
    }
    mkdirSync(at('fresh'));
    expect((await cli('fresh', ['import', '--kind', 'json', at('ref.json')])).code).toBe(2);
    expect(statSync(at('fresh/shuxiang.db'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('export to “-” (hunt 2026-12-04)', () => {
  it('is refused: the full numbers never go to the screen or a pipe, and no file named -.json is written', async () => {
    const r = await cli('one', ['export', '--json', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export 不写到屏幕或管道（“-”）');
    expect(r.stdout).toBe('');
    expect(existsSync(join(at('one'), '-.json'))).toBe(false);
  });
});
