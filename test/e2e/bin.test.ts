// A few spawned runs of bin/shuxiang.js, as a user's shell would run it (built dist/, real process).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
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

// Into a file, /dev/null or a pipe the bin writes straight to the descriptor (src/cli/stdio.ts), not
// through Node's stream: what arrives must be every byte, a closed reader must end the run quietly, and a
// pipe someone opened non-blocking must still get the whole output.
describe('output written straight to the descriptor', () => {
  const organ = () => {
    sx('init', '--organ', '市局', '--branch', '机关第一支部', '--yes');
    expect(sx('import', join(FIX, 'libreoffice_roster.xlsx')).code).toBe(0);
  };

  it('a file gets exactly what a pipe gets, and the messages go to stderr', () => {
    organ();
    const piped = sx('member', 'list', '--json');
    const file = join(dir, 'out.json');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" member list --json > out.json 2> err.txt`], { cwd: dir, env: { ...process.env, NO_COLOR: '1', SHUXIANG_NOW: '2026-11-22' } });
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(30);
    const toNull = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" member list > /dev/null`], { cwd: dir, encoding: 'utf8' });
    expect(toNull.status).toBe(0);
    expect(toNull.stderr).not.toContain('错误');
  });

  it('a reader that closes the pipe early ends the run with exit 0 and no error', () => {
    organ();
    // Large enough to fill the pipe many times over: the first write after the reader is gone fails. A shell
    // pipe (a FIFO, the descriptor written directly); Node's own child pipes are sockets, which keep the stream.
    const run = spawnSync('sh', ['-c', `{ "${process.execPath}" "${BIN}" audit --json --as-of 2026-11-22 2> err.txt; echo $? > code.txt; } | head -c 100 > /dev/null`], { cwd: dir, env: { ...process.env, SHUXIANG_NOW: '2026-11-22' } });
    expect(run.status).toBe(0);
    const err = readFileSync(join(dir, 'err.txt'), 'utf8');
    const code = Number(readFileSync(join(dir, 'code.txt'), 'utf8'));
    expect([0, 1]).toContain(code);
    expect(err).not.toContain('内部错误');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a non-blocking pipe with a slow reader still receives every byte', async () => {
    organ();
    const whole = sx('member', 'list', '--json', '--all').stdout;
    // Python sets O_NONBLOCK on the pipe the child writes to, and reads only after a pause.
    const py = `import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'member', 'list', '--json', '--all'], stdout=w, cwd=sys.argv[3])
os.close(w)
time.sleep(0.5)
data = b''
while True:
    c = os.read(r, 4096)
    if not c: break
    data += c
p.wait()
sys.stdout.buffer.write(data)
sys.exit(p.returncode)`;
    const r = spawnSync('python3', ['-c', py, process.execPath, BIN, dir], { encoding: 'utf8', env: { ...process.env, SHUXIANG_NOW: '2026-11-22' } });
    if (r.error) return; // no python3 on this machine
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(whole);
  });
});
