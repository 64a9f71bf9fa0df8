// The organ audit's (and year report's) second reading thread (src/store/evidenceParallel.ts) as shipped: the bin's audit with
// the worker forced on (SHUXIANG_PARALLEL_LOAD=1, for any roster) must print byte for byte what the audit
// read on one thread prints — text and JSON, with self-study ids cited or not; a worker that fails must
// change nothing; and one that answers wrongly must show (so these runs do use its answer).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const NOW = '2026-11-22';
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const r = spawnSync(process.execPath, [BIN, 'demo', 'd'], { cwd: dir, env: { ...process.env, SHUXIANG_NOW: NOW }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 60_000);
afterAll(() => cleanup());

function audit(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, '--db', join(dir, 'd', 'shuxiang.db'), ...args], {
    cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', SHUXIANG_NOW: NOW, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('audit evidence read on two threads', () => {
  const cases: [string, string[]][] = [
    ['text', ['audit']],
    ['text, everyone', ['audit', '--all']],
    ['JSON (self-study ids cited: read by the worker)', ['--json', 'audit']],
    ['JSON of one quarter', ['--json', 'audit', '--quarter', '2026-Q2']],
    ['the year report model', ['--json', 'report', '--year', '2026']],
    ['the quarter report model', ['--json', 'report', '--quarter', '2026-Q3']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: the same output with the worker as without`, () => {
      const one = audit(args, { SHUXIANG_PARALLEL_LOAD: '0' });
      const two = audit(args, { SHUXIANG_PARALLEL_LOAD: '1' });
      expect(one.stdout.length).toBeGreaterThan(500);
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      const failed = audit(args, { SHUXIANG_PARALLEL_LOAD: '1', SHUXIANG_FAULT_WORKER: 'throw' });
      expect(failed.stdout).toBe(one.stdout);
      expect(failed.code).toBe(one.code);
    });
  }

  it('the worker\'s answer is what the audit uses (an empty answer shows in the verdicts)', () => {
    const right = JSON.parse(audit(['--json', 'audit'], { SHUXIANG_PARALLEL_LOAD: '1' }).stdout) as { verdicts: { evidence: Record<string, number[]> }[] };
    const wrong = JSON.parse(audit(['--json', 'audit'], { SHUXIANG_PARALLEL_LOAD: '1', SHUXIANG_FAULT_WORKER: 'empty' }).stdout) as typeof right;
    const cites = (r: typeof right) => r.verdicts.reduce((n, v) => n + (v.evidence['self-study']?.length ?? 0), 0);
    expect(cites(right)).toBeGreaterThan(100);
    // (Months an as-of date or a roll change cuts are read as days, ids included, on the main thread.)
    expect(cites(wrong)).toBeLessThan(cites(right) / 2);
    // Text: the worker reads the sign-ins; with none, more people fall short.
    // JSON: the sign-ins come from the worker as well (its first answer; the ids to cite its second).
    const attended = (r: typeof right) => r.verdicts.reduce((n, v) => n + (v.evidence.sessions?.length ?? 0), 0);
    expect(attended(right)).toBeGreaterThan(100);
    expect(attended(wrong)).toBeLessThan(attended(right) / 2);
    const text = audit(['audit'], { SHUXIANG_PARALLEL_LOAD: '1' });
    const empty = audit(['audit'], { SHUXIANG_PARALLEL_LOAD: '1', SHUXIANG_FAULT_WORKER: 'empty' });
    expect(empty.stdout).not.toBe(text.stdout);
  });
});
