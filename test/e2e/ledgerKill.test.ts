// A ledger import killed (-9) inside its transaction leaves no evidence behind (SHUXIANG_FAULT_AFTER_ROWS).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initDb, runCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { addMembers } from '../helpers/roster.js';
import { writeXlsx } from '../helpers/xlsx.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  await initDb(dir);
  addMembers(dir, [{ name: '张三' }]);
});
afterEach(() => cleanup());

describe('kill -9 during a ledger import', () => {
  it('writes nothing; the same import then completes', async () => {
    const file = join(dir, '张三.xlsx');
    const rows: unknown[][] = [['个人学习台账（张三）'], ['序号', '日期', '学时', '学习内容']];
    for (let i = 0; i < 365; i++) rows.push([i + 1, new Date(Date.UTC(2026, 0, 1 + i)), 1, '自学']);
    await writeXlsx(file, [{ name: '自学', rows }]);
    const err = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'import', '--kind', 'ledger', file], {
        cwd: dir, env: { ...process.env, SHUXIANG_FAULT_AFTER_ROWS: '200', SHUXIANG_NOW: '2026-12-31', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stderr.on('data', (d) => {
        text += String(d);
        if (text.includes('FAULT-POINT')) child.kill('SIGKILL');
      });
      child.on('exit', (_c, signal) => (signal === 'SIGKILL' ? resolve(text) : reject(new Error(`not killed: ${text}`))));
    });
    expect(err).toContain('FAULT-POINT');
    expect(query<{ n: number }>(dir, 'SELECT count(*) AS n FROM self_study')[0]!.n).toBe(0);
    const r = await runCli(['--json', 'import', '--kind', 'ledger', file], { cwd: dir, now: '2026-12-31' });
    expect(JSON.parse(r.stdout).kinds['self-study'].added).toBe(365);
  });
});
