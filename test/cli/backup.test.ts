// backup / restore and the automatic backup before imports: dated 0600 copies through the online backup
// API, restore checks the file and keeps the current database aside, only the newest 10 automatic ones kept.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { fullDump } from '../helpers/dump.js';
import { makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const cli = (args: string[], now = '2026-11-22') => runCli(args, { cwd: dir, now });
const backups = () => (existsSync(join(dir, 'shuxiang-backups')) ? readdirSync(join(dir, 'shuxiang-backups')).sort() : []);
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
});
afterEach(() => cleanup());

describe('backup and restore', () => {
  it('writes a dated 0600 copy that holds the same data, and nothing beside it', async () => {
    await cli(['member', 'add', '--name', '张三', '--phone', '13812345678']);
    const r = await cli(['backup']);
    expect(r.code, r.stderr).toBe(0);
    expect(backups()).toEqual(['shuxiang.备份.20261122-090000.db']);
    const file = join(dir, 'shuxiang-backups', backups()[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.stdout).toBe(`已备份到 ${file}\n`);
    expect(fullDump(dir, 'shuxiang-backups/' + backups()[0]).members).toEqual(fullDump(dir).members);
    expect((await cli(['backup'])).code).toBe(0);
    expect(backups()).toEqual(['shuxiang.备份.20261122-090000-2.db', 'shuxiang.备份.20261122-090000.db']);
  });

  it('refuses to overwrite a file without --force', async () => {
    writeFileSync(join(dir, 'b.db'), 'x');
    const r = await cli(['backup', 'b.db']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已经存在');
    expect((await cli(['backup', 'b.db', '--force'])).code).toBe(0);
  });

  it('restore puts the backup back and keeps the current database aside', async () => {
    await cli(['member', 'add', '--name', '张三']);
    await cli(['backup', 'before.db']);
    const saved = fullDump(dir);
    await cli(['member', 'add', '--name', '李四']);
    const current = fullDump(dir);
    const r = await cli(['restore', 'before.db', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(fullDump(dir)).toEqual(saved);
    const aside = backups().find((f) => f.includes('恢复前'))!;
    expect(fullDump(dir, `shuxiang-backups/${aside}`)).toEqual(current);
    expect(statSync(join(dir, 'shuxiang.db')).mode & 0o777).toBe(0o600);
  });

  it('restore checks the file first: not a database, not shuxiang, missing — exit 2, nothing changed', async () => {
    const before = fullDump(dir);
    writeFileSync(join(dir, 'junk.db'), 'this is not sqlite at all, just text '.repeat(200));
    let r = await cli(['restore', 'junk.db', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/junk\.db 不是有效的 SQLite 数据库文件|junk\.db.*损坏/);
    r = await cli(['restore', 'nope.db', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到备份文件');
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    r = await cli(['restore', 'other.db', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是 shuxiang 的数据库');
    expect(fullDump(dir)).toEqual(before);
    expect(backups()).toEqual([]);
  });

  it('restore without a terminal and without --yes names the flag', async () => {
    await cli(['backup', 'b.db']);
    const r = await cli(['restore', 'b.db']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
  });
});

describe('automatic backup before every import', () => {
  const rosterFile = async (name: string, people: string[]) => {
    await writeXlsx(join(dir, name), [{ name: '花名册', rows: [['姓名', '性别'], ...people.map((p) => [p, '男'])] }]);
    return name;
  };

  it('keeps the state before the import; dropped when the import fails or changes nothing; --no-backup skips it', async () => {
    const before = fullDump(dir);
    const f = await rosterFile('r.xlsx', ['张三', '李四']);
    expect((await cli(['import', f])).code).toBe(0);
    expect(backups()).toHaveLength(1);
    expect(fullDump(dir, `shuxiang-backups/${backups()[0]}`).members).toEqual(before.members);
    expect((await cli(['import', f])).code).toBe(0); // same file again: nothing changes, no new backup
    expect(backups()).toHaveLength(1);
    await writeXlsx(join(dir, 'bad.xlsx'), [{ name: '花名册', rows: [['姓名', '出生年月'], ['王五', '2023-02-30']] }]);
    expect((await cli(['import', 'bad.xlsx'])).code).toBe(2);
    expect(backups()).toHaveLength(1);
    expect((await cli(['import', await rosterFile('r2.xlsx', ['赵六']), '--no-backup'])).code).toBe(0);
    expect((await cli(['import', await rosterFile('r3.xlsx', ['钱七']), '--dry-run'])).code).toBe(0);
    expect(backups()).toHaveLength(1);
  });

  it('keeps only the newest 10', async () => {
    for (let i = 0; i < 13; i++) expect((await cli(['import', await rosterFile(`r${i}.xlsx`, [makeName(i)])])).code).toBe(0);
    const auto = backups().filter((f) => f.includes('自动'));
    expect(auto).toHaveLength(10);
    // the newest one holds the 12 people imported before the last import
    const newest = auto.sort((a, b) => statSync(join(dir, 'shuxiang-backups', b)).mtimeMs - statSync(join(dir, 'shuxiang-backups', a)).mtimeMs || b.localeCompare(a, 'en', { numeric: true }))[0]!;
    expect(fullDump(dir, `shuxiang-backups/${newest}`).members!.rows).toHaveLength(12);
    for (const f of auto) expect(statSync(join(dir, 'shuxiang-backups', f)).mode & 0o777).toBe(0o600);
  });
});
