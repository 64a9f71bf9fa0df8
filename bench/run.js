// `npm run bench`: runs each case several times, prints median wall time, peak memory and the
// ratio to its baseline measured in the same run, and writes bench/results.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLedgerFolder, writeRoster } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, 'data');
const bin = join(here, '..', 'bin', 'shuxiang.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(data, { recursive: true });

/** Runs `node args` and returns wall seconds and peak RSS (MiB) from /usr/bin/time when present. */
function timed(args, env = {}) {
  const t0 = process.hrtime.bigint();
  let peak = NaN;
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const err = String(r.stderr);
    if (r.status !== 0) throw new Error(`failed: node ${args.join(' ')}\n${err}`);
    peak = Number(err.trim().split('\n').pop()) / 1024;
  } else {
    execFileSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  }
  return { s: Number(process.hrtime.bigint() - t0) / 1e9, mib: peak };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(fn());
  return { s: median(runs.map((r) => r.s)), mib: Math.max(...runs.map((r) => r.mib)) };
}

const rows = [];
for (const n of (process.env.BENCH_ROSTER_SIZES ?? '1000,10000').split(',').map(Number)) {
  const file = join(data, `roster-${n}.xlsx`);
  if (!existsSync(file)) await writeRoster(file, n);
  const baseline = measure(() => timed(['-e', `import('exceljs').then(async ({default: E}) => { await new E.Workbook().xlsx.readFile(${JSON.stringify(file)}); })`]));
  const ours = measure(() => {
    const db = join(data, `bench-${n}.db`);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    execFileSync(process.execPath, [bin, '--db', db, 'init', '--organ', '基准测试机关', '--branch', '第1党支部', '--yes'], { stdio: 'ignore' });
    return timed([bin, '--db', db, 'import', file, '-q']);
  });
  rows.push({ case: `import roster ${n.toLocaleString('en')} rows`, baseline: 'exceljs readFile alone', ours, base: baseline });
}

// Issue 4: a folder of 30 members' ledgers × 365 days of self-study (10,950 rows) in one command.
{
  const folder = join(data, 'ledgers-30');
  if (!existsSync(folder)) await writeLedgerFolder(data, 30, 2026);
  const files = (await import('node:fs')).readdirSync(folder).map((f) => join(folder, f));
  const baseline = measure(() => timed(['-e', `import('exceljs').then(async ({default: E}) => { for (const f of ${JSON.stringify(files)}) await new E.Workbook().xlsx.readFile(f); })`]));
  const ours = measure(() => {
    const db = join(data, 'bench-ledger.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    execFileSync(process.execPath, [bin, '--db', db, 'init', '--organ', '基准测试机关', '--branch', '第1党支部', '--yes'], { stdio: 'ignore' });
    execFileSync(process.execPath, [bin, '--db', db, 'import', join(data, 'ledger-roster.xlsx'), '-q'], { stdio: 'ignore' });
    return timed([bin, '--db', db, 'import', '--kind', 'ledger', folder, '-q'], { SHUXIANG_NOW: '2026-12-31' });
  });
  rows.push({ case: 'import ledger folder: 30 members × 365 days (10,950 rows)', baseline: 'exceljs readFile of the 30 files', ours, base: baseline });
}

// Issue 6: the year report of the demo branch (25 members, a year of records): ledger workbook + Word summary.
{
  const dir = join(data, 'report-demo');
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [bin, 'demo', dir, '-q'], { stdio: 'ignore', env: { ...process.env, SHUXIANG_NOW: '2026-12-31' } });
  const db = join(dir, 'shuxiang.db');
  const env = { SHUXIANG_NOW: '2026-12-31' };
  const baseline = measure(() => timed([bin, '--db', db, '--json', 'report', '--year', '2026'], env));
  const ours = measure(() => timed([bin, '--db', db, 'report', '--year', '2026', '-q', '--xlsx', join(dir, 'ledger.xlsx'), '--docx', join(dir, 'summary.docx')], env));
  rows.push({ case: 'report --year --xlsx --docx: demo branch, 25 members × 1 year', baseline: 'the same report as --json (model only)', ours, base: baseline });
}

const lines = [
  `# Benchmarks`,
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} runs.`,
  '',
  '| case | ours (s) | peak (MiB) | baseline | baseline (s) | ratio |',
  '| --- | ---: | ---: | --- | ---: | ---: |',
  ...rows.map((r) => `| ${r.case} | ${r.ours.s.toFixed(2)} | ${r.ours.mib.toFixed(0)} | ${r.baseline} | ${r.base.s.toFixed(2)} | ${(r.ours.s / r.base.s).toFixed(2)} × |`),
  '',
];
writeFileSync(join(here, 'results.md'), lines.join('\n'));
console.log(lines.join('\n'));
