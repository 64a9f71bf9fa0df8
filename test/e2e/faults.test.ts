// Storage faults end to end (issue 16): a full database, a full or read-only disk, a damaged file, a
// database on a read-only mount, a report killed half-way — each is exit 3 (the database) or 2 (an
// output path) with a Chinese message saying what to do, never "内部错误", and nothing half-written.
// Mounts (tmpfs, remounted read-only) need root; where mounting fails the tests say so and are skipped.
import Database from 'better-sqlite3';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { unmountAll } from '../helpers/mounts.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoBackup } from '../../src/store/backup.js';
import { openDb } from '../../src/store/db.js';
import { initDb, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { makeId, makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
let dir: string;
let cleanup: () => void;
const mounts: string[] = [];
const cli = (args: string[], env: Record<string, string> = {}, cwd = dir) => runCli(args, { cwd, env });

/** Mounts a tmpfs of `size` at `at`; false (the test then skips, saying why) when this machine cannot. */
function mountTmpfs(at: string, size: string): boolean {
  mkdirSync(at, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'ignore' });
    mounts.push(at);
    return true;
  } catch {
    return false;
  }
}
const remountReadOnly = (at: string) => execFileSync('mount', ['-o', 'remount,ro', at], { stdio: 'ignore' });
const canMount = (() => {
  const probe = join(require('node:os').tmpdir(), `shuxiang-mount-probe-${process.pid}`);
  const ok = mountTmpfs(probe, '64k');
  if (ok) execFileSync('umount', [probe]);
  mounts.pop();
  rmSync(probe, { recursive: true, force: true });
  if (!ok) console.warn('faults.test.ts: cannot mount a tmpfs here (needs root) — the disk-full and read-only-mount tests are SKIPPED');
  return ok;
})();

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
});
afterEach(() => {
  unmountAll(mounts);
  cleanup();
});

function calm(r: CliResult): void {
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+|SqliteError|Error:/);
}

async function roster(file: string, n: number, withIds = true): Promise<void> {
  const rows: unknown[][] = [['姓名', '性别', '公民身份证号码', '移动电话']];
  for (let k = 0; k < n; k++) rows.push([makeName(k), k % 2 ? '男' : '女', withIds ? makeId(`19${70 + (k % 30)}0${1 + (k % 9)}1${k % 10}`, (k % 499) * 2 + 2 - (k % 2), String(110000 + Math.floor(k / 499))) : '', `139${String(10000000 + k).slice(-8)}`]);
  await writeXlsx(file, [{ name: '花名册', rows, numFmt: { 3: '@' } }]);
}

describe('a full database (PRAGMA max_page_count)', () => {
  it('an import is exit 3 "磁盘已满" with what to do, and writes nothing', async () => {
    await roster(join(dir, 'r.xlsx'), 300);
    const r = await cli(['import', 'r.xlsx', '--no-backup'], { SHUXIANG_FAULT_MAX_PAGES: '0' });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('磁盘已满');
    expect(r.stderr).toContain('清理磁盘空间');
    calm(r);
    expect(query(dir, 'SELECT count(*) AS n FROM members')).toEqual([{ n: 0 }]);
  });

  it('member add too', async () => {
    await roster(join(dir, 'r.xlsx'), 50);
    expect((await cli(['import', 'r.xlsx'])).code).toBe(0);
    const r = await cli(['member', 'add', '--name', '新人', '--job', '科长'.repeat(3000)], { SHUXIANG_FAULT_MAX_PAGES: '0' });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('磁盘已满');
    calm(r);
  });
});

/** Overwrites one b-tree page of the members table with garbage. */
function damageMembersPage(dbFile: string): void {
  const db = new Database(dbFile);
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number };
  const size = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(dbFile, 'r+');
  const junk = Buffer.alloc(size, 0);
  for (let i = 0; i < size; i++) junk[i] = (i * 131 + 7) & 0xff;
  writeSync(fd, junk, 0, size, (rootpage - 1) * size);
  closeSync(fd);
}

describe('a damaged database (a page overwritten)', () => {
  it('every writing command refuses with exit 3 naming the newest backup; doctor reports it; reading commands are calm', async () => {
    await roster(join(dir, 'r.xlsx'), 120);
    expect((await cli(['import', 'r.xlsx'])).code).toBe(0);
    await roster(join(dir, 'r2.xlsx'), 130);
    expect((await cli(['import', 'r2.xlsx'])).code).toBe(0); // its automatic backup is the newest
    const folder = join(dir, 'shuxiang-backups');
    const newest = readdirSync(folder).filter((f) => f.endsWith('.db')).sort((a, b) => statSync(join(folder, a)).mtimeMs - statSync(join(folder, b)).mtimeMs).pop()!;
    damageMembersPage(join(dir, 'shuxiang.db'));
    for (const args of [['member', 'add', '--name', '新人'], ['session', 'add', '--type', '集中学习', '--date', '2026-03-10', '--topic', '学习'], ['import', 'r.xlsx']]) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(3);
      expect(r.stderr).toContain('已损坏');
      expect(r.stderr).toContain('shuxiang restore');
      expect(r.stderr).toContain(newest);
      calm(r);
    }
    const doctor = await cli(['doctor']);
    expect(doctor.code, doctor.stderr).toBe(1);
    expect(doctor.stdout).toMatch(/✗ 文件完整性/);
    expect(doctor.stdout).toContain(newest);
    calm(doctor);
    const list = await cli(['member', 'list']);
    expect([0, 3]).toContain(list.code);
    calm(list);
  });
});

describe.skipIf(!canMount)('disks: full, read-only', () => {
  it('a report into a read-only folder is exit 2 "只读" and says to choose another folder', async () => {
    const ro = join(dir, 'ro');
    expect(mountTmpfs(ro, '1m')).toBe(true);
    remountReadOnly(ro);
    const r = await cli(['report', '--year', '2026', '--xlsx', 'ro/台账.xlsx']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('只读');
    expect(r.stderr).toContain('换一个文件夹');
    calm(r);
  });

  it('a report on a full disk is exit 2 "磁盘空间不足", leaving no file and no temporary file', async () => {
    await roster(join(dir, 'r.xlsx'), 200);
    expect((await cli(['import', 'r.xlsx'])).code).toBe(0);
    const full = join(dir, 'full');
    expect(mountTmpfs(full, '64k')).toBe(true);
    try {
      writeFileSync(join(full, 'filler'), Buffer.alloc(60 * 1024));
    } catch {
      // filled up
    }
    const r = await cli(['report', '--year', '2026', '--xlsx', 'full/台账.xlsx']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('磁盘空间不足');
    calm(r);
    expect(readdirSync(full)).toEqual(['filler']);
  });

  it('doctor on a full disk says the disk is full, not that the database is damaged, and advises no restore (hunt 2026-12-04)', async () => {
    const disk = join(dir, 'disk');
    expect(mountTmpfs(disk, '1m')).toBe(true);
    copyFileSync(join(dir, 'shuxiang.db'), join(disk, 'shuxiang.db'));
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // filled up
    }
    const r = await cli(['doctor'], {}, disk);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ 文件完整性\s+数据库所在的磁盘已满，无法打开数据库进行检查/);
    expect(r.stdout).not.toMatch(/disk I\/O error|shuxiang restore/);
    calm(r);
  });

  it('a database on a full disk: exit 3 "磁盘已满", nothing written', async () => {
    const disk = join(dir, 'disk');
    // 1m: a new database (schema 8, its init writes ~380k of WAL) fits; a 9000-person roster does not
    expect(mountTmpfs(disk, '1m')).toBe(true);
    await initDb(disk);
    await roster(join(dir, 'r.xlsx'), 9000, false);
    const r = await cli(['import', join(dir, 'r.xlsx'), '--no-backup'], {}, disk);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/磁盘已满|磁盘空间不足|磁盘出错/);
    calm(r);
    expect(query(disk, 'SELECT count(*) AS n FROM members')).toEqual([{ n: 0 }]);
  });

  it('init on a full disk is exit 3 and leaves no half-made database: init again, after space is freed, makes it', async () => {
    const disk = join(dir, 'disk');
    expect(mountTmpfs(disk, '1m')).toBe(true);
    writeFileSync(join(disk, 'filler'), Buffer.alloc(900 * 1024));
    const r = await cli(['init', '--organ', '机关', '--branch', '一支部', '--year', '2026', '--yes'], {}, disk);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/磁盘已满|磁盘空间不足/);
    expect(r.stderr).not.toMatch(/database or disk|SQLITE/);
    calm(r);
    expect(readdirSync(disk)).toEqual(['filler']);
    rmSync(join(disk, 'filler'));
    const again = await cli(['init', '--organ', '机关', '--branch', '一支部', '--year', '2026', '--yes'], {}, disk);
    expect(again.code, again.stderr).toBe(0);
    expect(query(disk, 'SELECT count(*) AS n FROM branches')).toEqual([{ n: 1 }]);
  });

  it('a database on a read-only mount: reading commands work, writing ones say it is read-only (exit 3)', async () => {
    const disk = join(dir, 'disk');
    expect(mountTmpfs(disk, '2m')).toBe(true);
    await initDb(disk);
    await roster(join(dir, 'r.xlsx'), 20);
    expect((await cli(['import', join(dir, 'r.xlsx')], {}, disk)).code).toBe(0);
    for (const date of ['2026-03-02', '2026-03-03', '2026-05-11']) {
      expect((await cli(['log', 'self-study', '--member', makeName(1), '--date', date, '--hours', '1.5'], {}, disk)).code).toBe(0);
    }
    remountReadOnly(disk);
    const list = await cli(['member', 'list'], {}, disk);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain('20');
    const audit = await cli(['audit', '--year', '2026'], {}, disk);
    expect([0, 1]).toContain(audit.code);
    calm(audit);
    // The shipped bin with its second reading thread forced on: read-only, so no write lock, the same answer.
    const shipped = (threads: string, fault = '') => spawnSync(process.execPath, [BIN, '--json', 'audit', '--year', '2026'], {
      cwd: disk, encoding: 'utf8', env: { ...process.env, SHUXIANG_NOW: '2026-11-22', SHUXIANG_PARALLEL_LOAD: threads, SHUXIANG_FAULT_WORKER: fault },
    });
    const one = shipped('0');
    const two = shipped('1');
    expect(one.stdout).toContain('"self-study"');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).not.toContain('内部错误');
    // (and the worker did read it: an empty answer from it shows)
    expect(shipped('1', 'empty').stdout).not.toBe(one.stdout);
    const report = await cli(['report', '--year', '2026', '--xlsx', join(dir, '台账.xlsx')], {}, disk);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(dir, '台账.xlsx'))).toBe(true);
    const add = await cli(['member', 'add', '--name', '新人'], {}, disk);
    expect(add.code, add.stderr).toBe(3);
    expect(add.stderr).toContain('只读');
    calm(add);
  });
});

describe('the atomic writer', () => {
  it('a report killed while writing leaves only an owner-only temporary file, removed by the next run', async () => {
    await roster(join(dir, 'r.xlsx'), 400);
    expect((await cli(['import', 'r.xlsx'])).code).toBe(0);
    // A killed writer's leftovers, as a dead process leaves them (pid 2^22 - 3 is never alive here).
    const stale = join(dir, `.台账.xlsx.${2 ** 22 - 3}.deadbeef.tmp`);
    writeFileSync(stale, '13912345678', { mode: 0o600 });
    // And a real kill: SIGKILL as soon as the temporary file appears.
    const child = spawn(process.execPath, [BIN, 'report', '--year', '2026', '--xlsx', '台账.xlsx', '--reveal'], { cwd: dir, env: { ...process.env, SHUXIANG_NOW: '2026-11-22' }, stdio: 'ignore' });
    const ours = () => readdirSync(dir).filter((f) => f.startsWith('.台账.xlsx.') && f.endsWith('.tmp') && !f.includes('deadbeef'));
    const seen = await new Promise<string[]>((resolve) => {
      const t = setInterval(() => {
        const found = ours();
        if (found.length || child.exitCode !== null) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve(found);
        }
      }, 2);
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    for (const f of seen) if (existsSync(join(dir, f))) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const r = await cli(['report', '--year', '2026', '--xlsx', '台账.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(statSync(join(dir, '台账.xlsx')).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('two automatic backups in the same second get different names (no EEXIST, no clash)', async () => {
    const a = openDb(join(dir, 'shuxiang.db'));
    const b = openDb(join(dir, 'shuxiang.db'));
    try {
      const files = await Promise.all([autoBackup(a, join(dir, 'shuxiang.db'), '2026-11-22T09:00:00'), autoBackup(b, join(dir, 'shuxiang.db'), '2026-11-22T09:00:00'), autoBackup(a, join(dir, 'shuxiang.db'), '2026-11-22T09:00:00')]);
      expect(new Set(files).size).toBe(3);
      for (const f of files) expect(statSync(f).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'shuxiang-backups')).mode & 0o777).toBe(0o700);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('what is deleted does not stay in the file', () => {
  it('after undoing member add, neither shuxiang.db nor its -wal holds the ID or the phone', async () => {
    const id = makeId('19880808', 33);
    const phone = '13655556666';
    expect((await cli(['member', 'add', '--name', '赵六', '--phone', phone, '--id-card', id])).code).toBe(0);
    expect((await cli(['member', 'edit', '赵六', '--phone', '13655557777'])).code).toBe(0);
    expect((await cli(['undo', '--yes', '--no-backup'])).code).toBe(0);
    expect((await cli(['undo', '--yes', '--no-backup'])).code).toBe(0);
    for (const f of ['shuxiang.db', 'shuxiang.db-wal']) {
      if (!existsSync(join(dir, f))) continue;
      const bytes = readFileSync(join(dir, f)).toString('latin1');
      expect(bytes.includes(id), f).toBe(false);
      expect(bytes.includes(phone), f).toBe(false);
      expect(bytes.includes('13655557777'), f).toBe(false);
    }
  });

  it('a write while another connection holds the file open is in shuxiang.db alone (checkpointed)', async () => {
    const reader = new Database(join(dir, 'shuxiang.db'), { readonly: true });
    try {
      reader.prepare('SELECT count(*) FROM members').get();
      expect((await cli(['member', 'add', '--name', '赵六'])).code).toBe(0);
      copyFileSync(join(dir, 'shuxiang.db'), join(dir, 'copy.db'));
    } finally {
      reader.close();
    }
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) AS n FROM members WHERE name = '赵六'").get()).toEqual({ n: 1 });
    } finally {
      copy.close();
    }
  });
});
