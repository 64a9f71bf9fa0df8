// backup, restore, undo and the automatic backup when something is wrong: a folder where a file should be,
// a damaged database, a full disk, a read-only database. Each is exit 2 (the file the user named) or 3 (the
// database, or a file beside it) with a Chinese message naming the right file — and a failed command
// leaves nothing behind: no backup, no .partial file, no empty shuxiang-backups folder, no old file lost.
// Full disks are small tmpfs mounts and a read-only database (as root, who ignores chmod) a read-only bind
// mount: both need root; where mounting fails the tests say so and are skipped.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unmountAll } from '../helpers/mounts.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { fullDump } from '../helpers/dump.js';
import { makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

let dir: string;
let cleanup: () => void;
const mounts: string[] = [];
const cli = (args: string[], cwd = dir) => runCli(args, { cwd });
const backupsIn = (d: string) => (existsSync(join(d, 'shuxiang-backups')) ? readdirSync(join(d, 'shuxiang-backups')) : undefined);

const isRoot = process.getuid?.() === 0;
function mount(args: string[], at: string): boolean {
  try {
    execFileSync('mount', [...args, at], { stdio: 'ignore' });
    mounts.push(at);
    return true;
  } catch {
    return false;
  }
}
const canMount = (() => {
  const probe = join(tmpdir(), `shuxiang-backupfaults-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], probe);
  if (ok) execFileSync('umount', [mounts.pop()!]);
  rmSync(probe, { recursive: true, force: true });
  if (!ok) console.warn('backupFaults.test.ts: cannot mount a tmpfs here (needs root) — the full-disk tests are SKIPPED');
  return ok;
})();
// A read-only database: chmod 444 for a normal user; root ignores modes, so a read-only bind mount of the file.
const canMakeReadOnly = !isRoot || canMount;
if (!canMakeReadOnly) console.warn('backupFaults.test.ts: running as root without mount — the read-only database tests are SKIPPED');

/** Makes the database file read-only the way a user meets it (chmod 444; as root, a read-only mount). */
function makeReadOnly(file: string): void {
  if (!isRoot) return chmodSync(file, 0o444);
  expect(mount(['--bind', file], file)).toBe(true);
  execFileSync('mount', ['-o', 'remount,bind,ro', file], { stdio: 'ignore' });
}

/** A tmpfs at `at` with only about `free` bytes left. */
function fullDisk(at: string, free: number): void {
  mkdirSync(at, { recursive: true });
  expect(mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], at)).toBe(true);
  const s = statfsSync(at);
  writeFileSync(join(at, 'filler'), Buffer.alloc(Math.max(0, s.bavail * s.bsize - free)));
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
});
afterEach(() => {
  unmountAll(mounts);
  cleanup();
});

/** No internal error, no stack trace, no English library message. */
function calm(r: CliResult): void {
  expect(r.stderr).not.toMatch(/内部错误|\n\s+at |SqliteError|SystemError|Error:/);
}

/** Overwrites one b-tree page of the members table with garbage (the file still opens). */
function damageMembersPage(dbFile: string): void {
  const db = new Database(dbFile);
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number };
  const size = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(dbFile, 'r+');
  const junk = Buffer.alloc(size);
  for (let i = 0; i < size; i++) junk[i] = (i * 131 + 7) & 0xff;
  writeSync(fd, junk, 0, size, (rootpage - 1) * size);
  closeSync(fd);
}

async function someMembers(n = 3, cwd = dir): Promise<void> {
  for (let i = 0; i < n; i++) expect((await cli(['member', 'add', '--name', makeName(i)], cwd)).code).toBe(0);
}

describe('backup onto a folder', () => {
  it('is exit 2 "是一个文件夹，请指定备份文件名" (with or without --force), and the folder is left alone', async () => {
    mkdirSync(join(dir, 'd.db'));
    writeFileSync(join(dir, 'd.db', 'keep.txt'), 'x');
    mkdirSync(join(dir, 'u盘'));
    for (const args of [['backup', 'd.db', '--force'], ['backup', 'd.db'], ['backup', 'u盘']]) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('是一个文件夹，请指定备份文件名');
      calm(r);
    }
    expect(readdirSync(join(dir, 'd.db'))).toEqual(['keep.txt']);
    expect(readdirSync(join(dir, 'u盘'))).toEqual([]);
    expect(existsSync(join(dir, 'u盘.db'))).toBe(false);
  });
});

describe('backup of a damaged database', () => {
  it('is exit 3 saying the database (not the backup) is damaged, and leaves no backup file', async () => {
    await someMembers();
    damageMembersPage(join(dir, 'shuxiang.db'));
    const r = await cli(['backup', 'bak.db']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`数据库 ${join(dir, 'shuxiang.db')} 已损坏`);
    expect(r.stderr).toContain('shuxiang doctor');
    expect(r.stderr).not.toContain('备份文件 bak.db 已损坏');
    calm(r);
    expect(readdirSync(dir).filter((f) => f.startsWith('bak.db'))).toEqual([]);
    // the default place too: no file, and no shuxiang-backups folder made for it
    const d = await cli(['backup']);
    expect(d.code, d.stderr).toBe(3);
    expect(backupsIn(dir)).toBeUndefined();
  });

  it('backup --force over an older backup keeps that file when the new copy fails', async () => {
    await someMembers();
    expect((await cli(['backup', 'bak.db'])).code).toBe(0);
    const old = readFileSync(join(dir, 'bak.db'));
    damageMembersPage(join(dir, 'shuxiang.db'));
    const r = await cli(['backup', 'bak.db', '--force']);
    expect(r.code, r.stderr).toBe(3);
    expect(readFileSync(join(dir, 'bak.db')).equals(old)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('bak.db'))).toEqual(['bak.db']);
  });

  it('backup --force over an existing file replaces it once the copy is good', async () => {
    writeFileSync(join(dir, 'bak.db'), 'old');
    const r = await cli(['backup', 'bak.db', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(fullDump(dir, 'bak.db').members).toEqual(fullDump(dir).members);
  });
});

describe('restore: from a file that is no backup, onto a database that cannot be opened', () => {
  it('an empty (0-byte) file is refused as such: exit 2, nothing changed', async () => {
    await someMembers();
    const before = fullDump(dir);
    writeFileSync(join(dir, 'empty.db'), '');
    const r = await cli(['restore', 'empty.db', '--yes']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('empty.db 是空文件');
    calm(r);
    expect(fullDump(dir)).toEqual(before);
    expect(backupsIn(dir)).toBeUndefined();
  });

  it('a database whose header is destroyed (or a blank file) is replaced by the backup; the old file is moved aside as it was', async () => {
    await someMembers();
    expect((await cli(['backup', 'good.db'])).code).toBe(0);
    const saved = fullDump(dir, 'good.db');
    for (const spoil of [(f: string) => writeSync(openSync(f, 'r+'), Buffer.alloc(100, 0x5a), 0, 100, 0), (f: string) => writeFileSync(f, '')]) {
      const db = join(dir, 'shuxiang.db');
      spoil(db);
      const spoilt = readFileSync(db);
      const r = await cli(['restore', 'good.db', '--yes']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('无法作为数据库打开');
      calm(r);
      expect(fullDump(dir)).toEqual(saved);
      const aside = backupsIn(dir)!.find((f) => f.includes('恢复前') && f.endsWith('.db') && readFileSync(join(dir, 'shuxiang-backups', f)).equals(spoilt));
      expect(aside).toBeDefined();
    }
  });
});

describe.skipIf(!canMakeReadOnly)('a read-only database', () => {
  it('undo --yes is exit 3 "只读" and writes no automatic backup', async () => {
    await someMembers();
    makeReadOnly(join(dir, 'shuxiang.db'));
    const r = await cli(['undo', '--yes']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('只读');
    calm(r);
    expect(backupsIn(dir)).toBeUndefined();
  });

  it('import is exit 3 "只读" and writes no automatic backup', async () => {
    await writeXlsx(join(dir, 'r.xlsx'), [{ name: '花名册', rows: [['姓名', '性别'], ['张三', '男']] }]);
    makeReadOnly(join(dir, 'shuxiang.db'));
    const r = await cli(['import', 'r.xlsx']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('只读');
    calm(r);
    expect(backupsIn(dir)).toBeUndefined();
  });

  it('restore is exit 3 "只读" and keeps no copy aside', async () => {
    await someMembers();
    expect((await cli(['backup', 'good.db'])).code).toBe(0);
    rmSync(join(dir, 'shuxiang-backups'), { recursive: true, force: true });
    makeReadOnly(join(dir, 'shuxiang.db'));
    const r = await cli(['restore', 'good.db', '--yes']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('只读');
    calm(r);
    expect(backupsIn(dir)).toBeUndefined();
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('backup onto a full disk names the backup file, exit 2, says to free space or choose another place; nothing left there', async () => {
    await someMembers();
    const mnt = join(dir, 'mnt');
    fullDisk(mnt, 16 * 1024);
    const r = await cli(['backup', 'mnt/b.db']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`无法写入 ${join(mnt, 'b.db')}：磁盘空间不足`);
    expect(r.stderr).toContain('清理磁盘空间');
    expect(r.stderr).toContain('另一块磁盘');
    expect(r.stderr).not.toContain(join(dir, 'shuxiang.db'));
    calm(r);
    expect(readdirSync(mnt)).toEqual(['filler']);
  });

  it('a backup named like the database (shuxiang.db.old.db) is still an output path: exit 2', async () => {
    const disk = await databaseOnFullDisk();
    const r = await cli(['backup', 'shuxiang.db.old.db'], disk);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`无法写入 ${join(disk, 'shuxiang.db.old.db')}：磁盘空间不足`);
    calm(r);
    expect(readdirSync(disk).filter((f) => f.startsWith('shuxiang.db.old'))).toEqual([]);
  });

  it('import and undo with a database on a full disk: exit 3 naming the backup, no backup and no shuxiang-backups folder left', async () => {
    await writeXlsx(join(dir, 'r.xlsx'), [{ name: '花名册', rows: [['姓名', '性别'], ['张三', '男']] }]);
    const disk = await databaseOnFullDisk();
    const before = fullDump(disk);
    for (const args of [['import', join(dir, 'r.xlsx')], ['undo', '--yes']]) {
      const r = await cli(args, disk);
      expect(backupsIn(disk), args.join(' ')).toBeUndefined();
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/无法写入 .*shuxiang-backups.*磁盘空间不足/);
      calm(r);
    }
    expect(fullDump(disk)).toEqual(before);
  });

  it('restore with the database on a full disk: exit 3, the database as it was, nothing kept aside', async () => {
    expect((await cli(['backup', 'good.db'])).code).toBe(0);
    const disk = await databaseOnFullDisk();
    const before = fullDump(disk);
    const r = await cli(['restore', join(dir, 'good.db'), '--yes'], disk);
    expect(backupsIn(disk)).toBeUndefined();
    expect(fullDump(disk)).toEqual(before);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('磁盘空间不足');
    calm(r);
  });
});

/** A database with a few members on a tmpfs that has room for its -wal and -shm but not for a copy of it. */
async function databaseOnFullDisk(): Promise<string> {
  const disk = join(dir, 'disk');
  mkdirSync(disk);
  expect(mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], disk)).toBe(true);
  await initDb(disk);
  await someMembers(3, disk);
  const s = statfsSync(disk);
  writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, s.bavail * s.bsize - statSync(join(disk, 'shuxiang.db')).size / 2)));
  return disk;
}
