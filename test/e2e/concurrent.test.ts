// Two shuxiang processes writing at once — 200 sign-ins and 200 ledger imports (each import with its
// automatic backup) — lose nothing, and no "database is locked" reaches the user: writers wait
// (busy timeout, IMMEDIATE transactions) and backups read a consistent snapshot beside them.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

const MAIN = pathToFileURL(join(__dirname, '..', '..', 'dist', 'cli', 'main.js')).href;
const N = 200;
const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十'];
let dir: string;
let cleanup: () => void;

/** A separate node process that runs the real CLI once per argument list, with a little random pause between. */
const DRIVER = `
const { main } = await import(process.env.MAIN);
const lists = JSON.parse(process.env.ARGS);
let failed = 0;
for (const args of lists) {
  const out = [];
  const io = { stdout: { write: (s) => out.push(s) }, stderr: { write: (s) => out.push(s) }, stdin: process.stdin, env: process.env, cwd: process.cwd() };
  const code = await main(args, io);
  if (code !== 0) { failed++; process.stderr.write('EXIT ' + code + ' ' + args.join(' ') + '\\n' + out.join('')); }
  await new Promise((r) => setTimeout(r, Math.random() * 6));
}
process.stdout.write(JSON.stringify({ done: lists.length, failed }));
process.exit(0);
`;

function driver(lists: string[][]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', DRIVER], {
      cwd: dir, env: { ...process.env, MAIN, ARGS: JSON.stringify(lists), SHUXIANG_NOW: '2026-12-31', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('shuxiang-conc-'));
  await initDb(dir);
  addMembers(dir, NAMES.map((name) => ({ name, from: '2025-01-01' })));
  for (let i = 0; i < N; i++) {
    const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    expect((await runCli(['session', 'add', '--type', '集中学习', '--date', d, '--topic', `第${i + 1}次学习`], { cwd: dir })).code).toBe(0);
  }
  mkdirSync(join(dir, 'ledgers'));
  for (let i = 0; i < N; i++) {
    await writeXlsx(join(dir, 'ledgers', `l${i}.xlsx`), [{ name: '自学', rows: [['姓名', '日期', '学时', '学习内容'], [NAMES[i % NAMES.length], new Date(Date.UTC(2026, 0, 1 + Math.floor(i / NAMES.length))), 1.5, `并发${i}`]] }]);
  }
}, 120_000);
afterAll(() => cleanup());

describe('two processes writing at once', () => {
  it(`keeps all ${N} sign-ins and all ${N} ledger imports; nobody sees "database is locked"`, async () => {
    const checkins = Array.from({ length: N }, (_, i) => ['checkin', String(i + 1), '--present', NAMES.slice(0, 5).join(','), '--excused', `${NAMES[5]}:病假`, '--absent-rest']);
    const imports = Array.from({ length: N }, (_, i) => ['import', '--kind', 'ledger', join('ledgers', `l${i}.xlsx`)]);
    const t0 = Date.now();
    const [a, b] = await Promise.all([driver(checkins), driver(imports)]);
    const ms = Date.now() - t0;
    for (const r of [a, b]) {
      expect(r.stderr).not.toMatch(/locked|占用|SQLITE_BUSY|内部错误/i);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ done: N, failed: 0 });
    }
    expect(query<{ n: number }>(dir, 'SELECT count(*) AS n FROM attendance')[0]!.n).toBe(N * NAMES.length);
    expect(query<{ n: number }>(dir, 'SELECT count(*) AS n FROM self_study')[0]!.n).toBe(N);
    expect(query<{ n: number }>(dir, "SELECT count(*) AS n FROM batches WHERE command IN ('checkin', 'import ledger')")[0]!.n).toBe(2 * N);
    // the two really interleaved: the batch order switches between them many times
    const order = query<{ command: string }>(dir, "SELECT command FROM batches WHERE command IN ('checkin', 'import ledger') ORDER BY id").map((r) => r.command);
    const switches = order.filter((c, i) => i > 0 && c !== order[i - 1]).length;
    expect(switches).toBeGreaterThan(20);
    // the automatic backups taken during the other process's writes are sound, newest 10 kept
    const backups = readdirSync(join(dir, 'shuxiang-backups')).filter((f) => f.endsWith('.db'));
    expect(backups).toHaveLength(10);
    for (const f of backups) expect((await runCli(['--db', join('shuxiang-backups', f), 'doctor'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['doctor'], { cwd: dir })).code).toBe(0);
    console.log(`concurrent writes: ${2 * N} of ${2 * N} kept (${N} checkins + ${N} ledger imports, interleaved ${switches} times) in ${ms} ms`);
  }, 120_000);
});
