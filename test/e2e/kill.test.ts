// A process killed (-9) in the middle of a large import leaves the database exactly as it was.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest, runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { makeId, makeName } from '../helpers/ids.js';
import { writeXlsx } from '../helpers/xlsx.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const tmp = freshDatabaseEachTest();

function rosterRows(n: number, offset = 0): unknown[][] {
  const rows: unknown[][] = [['姓名', '性别', '身份证号', '所在支部']];
  for (let i = 0; i < n; i++) {
    const k = i + offset;
    const birth = `19${70 + (k % 30)}0${1 + (k % 9)}1${k % 10}`;
    rows.push([makeName(k), k % 2 ? '男' : '女', makeId(birth, (k % 500) * 2 + (k % 2 ? 1 : 2), String(110000 + (Math.floor(k / 500) % 90000))), `第${1 + (k % 5)}党支部`]);
  }
  return rows;
}

function dump(): string {
  const members = query(tmp.dir, 'SELECT * FROM members ORDER BY id');
  const branches = query(tmp.dir, 'SELECT * FROM branches ORDER BY id');
  const batches = query(tmp.dir, 'SELECT * FROM batches ORDER BY id');
  return JSON.stringify({ members, branches, batches });
}

/** Spawns an import that blocks inside its transaction after `atRow` rows, then kills it with SIGKILL. */
function killMidImport(file: string, atRow: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', file], {
      cwd: tmp.dir,
      env: { ...process.env, SHUXIANG_FAULT_AFTER_ROWS: String(atRow), SHUXIANG_NOW: '2026-11-22', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
      if (err.includes('FAULT-POINT')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(err) : reject(new Error(`not killed: ${err}`))));
  });
}

describe('kill -9 during an import', () => {
  it('leaves an empty roster empty', async () => {
    const file = join(tmp.dir, 'big.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: rosterRows(3000) }]);
    const before = dump();
    await killMidImport(file, 1500);
    expect(query<{ integrity_check: string }>(tmp.dir, 'PRAGMA integrity_check')[0]!.integrity_check).toBe('ok');
    expect(dump()).toBe(before);
    // and the same import, run to the end, then works
    const r = await runCli(['import', file, '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).added).toBe(3000);
  });

  it('leaves a filled roster exactly as it was when an update is killed', async () => {
    const first = join(tmp.dir, 'first.xlsx');
    await writeXlsx(first, [{ name: '花名册', rows: rosterRows(1000) }]);
    expect((await runCli(['import', first], { cwd: tmp.dir })).code).toBe(0);
    const before = dump();
    const second = join(tmp.dir, 'second.xlsx');
    const rows = rosterRows(2000);
    for (const r of rows.slice(1, 1001)) r[1] = r[1] === '男' ? '女' : '男';
    await writeXlsx(second, [{ name: '花名册', rows }]);
    await killMidImport(second, 1700);
    expect(dump()).toBe(before);
  });
});
