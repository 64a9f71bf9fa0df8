// A few spawned runs of bin/shuxiang.js, as a user's shell would run it (built dist/, real process).
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const FIX = join(__dirname, '..', 'fixtures', 'rosters');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function sx(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', SHUXIANG_NOW: '2026-11-22' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the installed command', () => {
  it('prints Chinese help and exits 0', () => {
    const r = sx('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法： shuxiang');
  });

  it('init → import → member list, with a 0600 database', () => {
    expect(sx('init', '--organ', '市局', '--branch', '机关第一支部', '--yes').code).toBe(0);
    expect(statSync(join(dir, 'shuxiang.db')).mode & 0o777).toBe(0o600);
    const imp = sx('import', join(FIX, 'libreoffice_roster.xlsx'));
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('新增 30 人');
    const list = sx('member', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(30);
  });

  it('bad input exits 2 with a message and no stack trace', () => {
    sx('init', '--organ', '市局', '--branch', '机关第一支部', '--yes');
    // (old_format.xls is read natively since issue 15: a text file named .xls is the bad input now.)
    writeFileSync(join(dir, 'fake.xls'), '这不是表格\n');
    const r = sx('import', join(dir, 'fake.xls'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('另存为');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a database made by a newer shuxiang (exit 3)', () => {
    sx('init', '--organ', '市局', '--branch', '机关第一支部', '--yes');
    const db = new Database(join(dir, 'shuxiang.db'));
    db.pragma('user_version = 999');
    db.close();
    const r = sx('member', 'list');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('更新版本的 shuxiang');
  });

  it('a file that is not a database is a database problem (exit 3), said in Chinese', () => {
    writeFileSync(join(dir, 'x.db'), 'hello, this is not sqlite at all........................................................................................');
    const r = sx('--db', 'x.db', 'member', 'list');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('不是 SQLite 数据库文件');
  });

  it('runs the shipped one-file build through the code cache the build wrote for it', () => {
    // A cache V8 refuses (made from other text, or by another Node) still runs, only slower: this is
    // what keeps the start-up figure of bench/results.md true for what `npm install` builds.
    const probe = `const { compile, BUNDLE } = require(${JSON.stringify(BIN)});
      const s = compile(BUNDLE, require('node:fs').readFileSync(BUNDLE + '.cache'));
      process.stdout.write(String(s.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
    // Without the cache it still starts.
    const bare = spawnSync(process.execPath, ['-e', `const { compile, evaluate, BUNDLE } = require(${JSON.stringify(BIN)}); if (typeof evaluate(compile(BUNDLE), BUNDLE).start === 'function') process.stdout.write('ok');`], { encoding: 'utf8' });
    expect(bare.stdout).toBe('ok');
  });
});
