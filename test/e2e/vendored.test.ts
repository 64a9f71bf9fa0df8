// The shipped bundle's own copies of exceljs and docx (src/build/vendorLoad.ts): a real `shuxiang`
// process writes the ledger and the summary through them — not through node_modules — with nothing on
// stderr (no deprecation warning from their dependencies' old Buffer calls), files that exceljs from
// node_modules and a plain unzip read back; and with a chunk gone or its cache spoilt, the same run still
// works, from the package.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const ROOT = join(__dirname, '..', '..');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** `shuxiang …` from `root`'s bin, with Node telling which files it loads (NODE_DEBUG=module). */
function sx(root: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', SHUXIANG_NOW: '2026-11-22', NODE_DEBUG: 'module' };
  const r = spawnSync(process.execPath, [join(root, 'bin', 'shuxiang.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
  const loads = r.stderr.split('\n').filter((l) => /^MODULE \d+:/.test(l));
  const stderr = r.stderr.split('\n').filter((l) => !/^MODULE \d+:/.test(l)).join('\n').trim();
  return { code: r.status, stdout: r.stdout, stderr, loads: loads.join('\n') };
}

/** The demo's database, a year's ledger and summary written from it by `root`'s build. */
function writeBoth(root: string) {
  expect(sx(root, 'demo', 'demo').code).toBe(0);
  const r = sx(root, '--db', join(dir, 'demo', 'shuxiang.db'), '-q', 'report', '--year', '2026', '--xlsx', join(dir, 'ledger.xlsx'), '--docx', join(dir, 'summary.docx'));
  expect(r.code, r.stderr).toBe(0);
  return r;
}

async function expectReadable() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'ledger.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toContain('花名册');
  expect(wb.getWorksheet('花名册')!.rowCount).toBeGreaterThan(10);
  const unzip = spawnSync('unzip', ['-p', join(dir, 'summary.docx'), 'word/document.xml'], { encoding: 'utf8' });
  if (unzip.error) return; // no unzip here: the workbook was checked
  expect(unzip.stdout).toContain('学习型党组织建设');
}

describe('the vendored file libraries', () => {
  it('write the ledger and the summary from the bundle’s own files, silently', async () => {
    const r = writeBoth(ROOT);
    expect(r.stderr).toBe('');
    expect(r.loads).toContain('vendor-exceljs.cjs');
    expect(r.loads).toContain('vendor-docx.cjs');
    // Nothing of either package is resolved from node_modules.
    expect(r.loads).not.toMatch(/node_modules[\\/](exceljs|docx)[\\/]/);
    await expectReadable();
  });

  it('have code caches that a plain run accepts (made under the same V8 flags as the run uses)', () => {
    const check = `const b = require(${JSON.stringify(join(ROOT, 'bin', 'shuxiang.js'))});
      for (const f of ['main.cjs', 'vendor-exceljs.cjs', 'vendor-docx.cjs']) console.log(f, b.compileCached(${JSON.stringify(join(ROOT, 'dist', 'bundle'))} + '/' + f).cachedDataRejected);`;
    const r = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['main.cjs false', 'vendor-exceljs.cjs false', 'vendor-docx.cjs false']);
  });

  it('fall back to the packages when a chunk is missing or its cache is refused', async () => {
    // A copy of what ships, beside the same node_modules, with one chunk deleted and the other's cache spoilt.
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    for (const part of ['bin', 'dist']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    for (const part of ['node_modules', 'templates', 'package.json']) symlinkSync(join(ROOT, part), join(copy, part));
    rmSync(join(copy, 'dist', 'bundle', 'vendor-exceljs.cjs'));
    writeFileSync(join(copy, 'dist', 'bundle', 'vendor-docx.cjs.cache'), readFileSync(join(ROOT, 'dist', 'bundle', 'main.cjs.cache')).subarray(0, 4096));
    const r = writeBoth(copy);
    expect(r.stderr).toBe('');
    expect(r.loads).toMatch(/node_modules[\\/]exceljs[\\/]/);
    expect(r.loads).toContain('vendor-docx.cjs');
    await expectReadable();
  });
});
