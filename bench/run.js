// `npm run bench` (issue 7): runs each case several times on generated organ-scale data and prints, for
// each, the median wall time, CPU time, peak memory and the ratio to its baseline measured in the same
// run; writes the table to bench/results.md. Not part of `npm test`.
//
// Knobs (environment):
//   BENCH_RUNS=3                   runs per case (start-up: RUNS + 2 batches of 5 runs; they are short)
//   BENCH_CASES=all                comma list of: startup, roster, ledger, bulk, audit, report
//   BENCH_ROSTER_SIZES=1000,10000,100000
//   BENCH_ORGAN_MEMBERS=5000 BENCH_ORGAN_BRANCHES=70   the organ database (cached in bench/data)
// Generated data lives in bench/data/ (git-ignored), keyed by generator version and size. Only a full run
// with the default sizes rewrites bench/results.md; other runs write bench/data/results-partial.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLedgerFolder, writeRoster } from './generate.js';
import { ORGAN_VERSION } from './organ.js';

const here = dirname(fileURLToPath(import.meta.url));
const data = join(here, 'data');
const bin = join(here, '..', 'bin', 'shuxiang.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CASES = new Set((process.env.BENCH_CASES ?? 'startup,roster,ledger,bulk,audit,report').split(','));
const MEMBERS = Number(process.env.BENCH_ORGAN_MEMBERS ?? 5000);
const BRANCHES = Number(process.env.BENCH_ORGAN_BRANCHES ?? 70);
const SQLITE3 = ['/usr/bin/sqlite3', '/usr/local/bin/sqlite3'].find((p) => existsSync(p));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const YEAR = 2026;
const NOW = { SHUXIANG_NOW: `${YEAR + 1}-01-10` };
mkdirSync(data, { recursive: true });

/** Runs a command; returns wall seconds, CPU seconds (user + sys) and peak RSS in MiB (GNU time). */
function timed(cmd, args, { env = {}, stdout = 'ignore', input } = {}) {
  const full = { ...process.env, ...env };
  const t0 = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', '@@ %U %S %M', cmd, ...args], { cwd: join(here, '..'), env: full, input, stdio: [input ? 'pipe' : 'ignore', stdout, 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd: join(here, '..'), env: full, input, stdio: [input ? 'pipe' : 'ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const err = String(r.stderr);
  // `audit` exits 1 when it finds gaps: that is its answer, not a failure.
  if (r.status !== 0 && !(r.status === 1 && args.includes('audit'))) throw new Error(`failed (${r.status}): ${cmd} ${args.join(' ')}\n${err}`);
  const m = /@@ ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(err);
  return { s, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, mib: m ? Number(m[3]) / 1024 : NaN, out: r.stdout ? String(r.stdout) : '' };
}
const node = (args, opts) => timed(process.execPath, args, opts);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Runs `fn` n times (after `prepare`, untimed, each time); medians of wall and CPU, the highest peak. */
function measure(fn, { runs = RUNS, prepare } = {}) {
  const got = [];
  for (let i = 0; i < runs; i++) { prepare?.(); got.push(fn()); }
  return { s: median(got.map((r) => r.s)), cpu: median(got.map((r) => r.cpu)), mib: Math.max(...got.map((r) => r.mib)) };
}

const rows = [];
/** One line of the table; `by` is what the ratio compares ('s' wall or 'cpu'), `target` its limit text. */
function record(name, ours, baselineName, base, target, ok, by = 's') {
  const ratio = base ? ours[by] / base[by] : NaN;
  rows.push({ name, ours, baselineName, base, ratio, by, target, ok: ok(ours, ratio) });
  const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  console.log(`${name}: ${f(ours.s)} s (cpu ${f(ours.cpu)} s, ${f(ours.mib)} MiB) vs ${baselineName} ${base ? f(base.s) : '—'} s → ${f(ratio)} × [${target}] ${rows.at(-1).ok ? 'ok' : 'MISSED'}`);
}

function freshDb(file, env = {}) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  execFileSync(process.execPath, [bin, '--db', file, 'init', '--organ', '基准测试机关', '--branch', '第1党支部', '--yes'], { stdio: 'ignore', env: { ...process.env, ...env } });
}

// 1. Start-up: CPU time against `node -e 0`, the two runs interleaved so both see the same machine load.
if (CASES.has('startup')) {
  const empty = join(data, 'startup.db');
  freshDb(empty);
  // GNU time reports CPU in 10 ms steps, too coarse here: bash's `times` gives the children's CPU to the
  // millisecond, for a batch of 5 runs; the median over batches is taken.
  const q = (a) => `'${String(a).replaceAll("'", "'\\''")}'`;
  const batch = (args, env) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', `for i in 1 2 3 4 5; do ${[process.execPath, ...args].map(q).join(' ')} >/dev/null 2>&1; done; times`], { env: { ...process.env, ...env } });
    const s = Number(process.hrtime.bigint() - t0) / 1e9 / 5;
    const [, u1, s1, u2, s2] = /\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(String(r.stdout)) ?? [];
    return { s, cpu: (Number(u1) * 60 + Number(s1) + Number(u2) * 60 + Number(s2)) / 5, mib: node(args, { env }).mib };
  };
  const pair = (name, args, limit, env = {}) => {
    const base = [], ours = [];
    for (let i = 0; i < RUNS + 2; i++) { base.push(batch(['-e', '0'], {})); ours.push(batch(args, env)); }
    const m = (xs) => ({ s: median(xs.map((r) => r.s)), cpu: median(xs.map((r) => r.cpu)), mib: Math.max(...xs.map((r) => r.mib)) });
    record(name, m(ours), 'node -e 0', m(base), `≤ ${limit} × CPU`, (o, r) => r <= limit, 'cpu');
  };
  pair('start-up: shuxiang --help', [bin, '--help'], 1.5);
  pair('start-up: member list (empty database)', [bin, '--db', empty, 'member', 'list'], 1.5);
  pair('start-up: audit (empty database)', [bin, '--db', empty, 'audit'], 1.5, NOW);
}

// 2. Roster import against exceljs readFile alone on the same file.
if (CASES.has('roster')) {
  for (const n of (process.env.BENCH_ROSTER_SIZES ?? '1000,10000,100000').split(',').map(Number)) {
    const file = join(data, `roster-${n}.xlsx`);
    if (!existsSync(file)) { console.log(`generating ${file}…`); await writeRoster(file, n); }
    const base = measure(() => node(['-e', `import('exceljs').then(async ({default: E}) => { await new E.Workbook().xlsx.readFile(${JSON.stringify(file)}); })`]));
    const db = join(data, `roster-${n}.db`);
    const ours = measure(() => node([bin, '--db', db, 'import', file, '-q']), { prepare: () => freshDb(db) });
    record(`roster import ${n.toLocaleString('en')} rows`, ours, 'exceljs readFile alone', base,
      n >= 100000 ? '≤ 1.3 ×, < 1 GiB' : n >= 10000 ? '≤ 1.3 ×' : '—', (o, r) => (n >= 10000 ? r <= 1.3 : true) && (n < 100000 || o.mib < 1024));
  }
}

// 3. Ledger folder: 30 members × 365 days of self-study, under 3 s end to end.
if (CASES.has('ledger')) {
  const folder = join(data, 'ledgers-30');
  if (!existsSync(folder)) await writeLedgerFolder(data, 30, YEAR);
  const files = readdirSync(folder).map((f) => join(folder, f));
  const base = measure(() => node(['-e', `import('exceljs').then(async ({default: E}) => { for (const f of ${JSON.stringify(files)}) await new E.Workbook().xlsx.readFile(f); })`]));
  const db = join(data, 'ledger.db');
  const ours = measure(() => node([bin, '--db', db, 'import', '--kind', 'ledger', folder, '-q'], { env: NOW }), {
    prepare: () => { freshDb(db); execFileSync(process.execPath, [bin, '--db', db, 'import', join(data, 'ledger-roster.xlsx'), '-q'], { stdio: 'ignore' }); },
  });
  record('ledger import: 30 members × 365 days (10,950 rows)', ours, 'exceljs readFile of the 30 files', base, '< 3 s', (o) => o.s < 3);
}

// The organ database, built through the store layer (cached: building it is the bulk-write case).
// Keyed by generator version, size, and the code that generates the year (bench/organ.js and the demo's
// year generator it reuses), so a changed generator never reads stale data.
const genHash = createHash('sha1').update(readFileSync(join(here, 'organ.js'))).update(readFileSync(join(here, '..', 'dist', 'domain', 'demoYear.js'))).digest('hex').slice(0, 8);
const organKey = `organ-v${ORGAN_VERSION}-${MEMBERS}x${BRANCHES}-${genHash}`;
const organBase = join(data, `${organKey}-base.db`);
const organ = join(data, `${organKey}.db`);
const organEnv = { BENCH_ORGAN_MEMBERS: String(MEMBERS), BENCH_ORGAN_BRANCHES: String(BRANCHES) };
const copyDb = (from, to) => { for (const f of [to, `${to}-wal`, `${to}-shm`]) rmSync(f, { force: true }); copyFileSync(from, to); };
if (['bulk', 'audit', 'report'].some((c) => CASES.has(c)) && !existsSync(organ)) {
  console.log(`building the organ database (${MEMBERS} members, ${BRANCHES} branches)…`);
  for (const f of [organBase, organ]) rmSync(f, { force: true });
  execFileSync(process.execPath, [join(here, 'organ.js'), 'base', organBase], { stdio: 'inherit', env: { ...process.env, ...organEnv } });
  const tmp = `${organ}.tmp`;
  copyDb(organBase, tmp);
  execFileSync(process.execPath, [join(here, 'organ.js'), 'evidence', tmp], { stdio: 'inherit', env: { ...process.env, ...organEnv } });
  copyDb(tmp, organ);
  rmSync(tmp, { force: true });
}

// 4. Bulk evidence write through the store layer against the sqlite3 shell's .import of the same rows.
if (CASES.has('bulk')) {
  const TABLES = ['books', 'self_study', 'lectures', 'readings', 'writings', 'research', 'talks', 'trainings', 'exams'];
  const work = join(data, 'bulk.db');
  let written = 0;
  const ours = measure(() => {
    const r = node([join(here, 'organ.js'), 'evidence', work], { env: organEnv, stdout: 'pipe' });
    const o = JSON.parse(r.out);
    written = o.rows;
    return { ...r, s: o.seconds };
  }, { prepare: () => copyDb(organBase, work) });
  let base;
  if (!SQLITE3) console.log('sqlite3 shell not found (apt install sqlite3): the .import baseline is skipped.');
  else {
    const csv = join(data, `${organKey}-csv`);
    if (!existsSync(join(csv, 'done'))) {
      mkdirSync(csv, { recursive: true });
      for (const t of TABLES) execFileSync(SQLITE3, [organ], { input: `.mode csv\n.output ${join(csv, `${t}.csv`)}\nSELECT * FROM ${t};\n` });
      writeFileSync(join(csv, 'done'), '');
    }
    // Same schema, indexes and pragmas (WAL, synchronous=FULL), one transaction, every table's rows.
    const script = ['PRAGMA synchronous=FULL;', 'BEGIN;', ...TABLES.map((t) => `.import --csv ${join(csv, `${t}.csv`)} ${t}`), 'COMMIT;'].join('\n');
    base = measure(() => timed(SQLITE3, [work], { input: script, stdout: 'ignore' }), { prepare: () => copyDb(organBase, work) });
  }
  record(`bulk evidence write: ${written.toLocaleString('en')} rows in one batch`, ours, 'sqlite3 shell .import (CSV)', base, '≤ 1.2 ×', (o, r) => !base || r <= 1.2);
}

// 5. Full-year audit of the organ (issue 18): the terminal text and --json, each to a pipe, against the
// sqlite3 shell's own GROUP BY member_id, month over self_study — one table's plain aggregation.
if (CASES.has('audit')) {
  if (!SQLITE3) console.log('sqlite3 shell not found (apt install sqlite3): the audit baseline is skipped.');
  const groupBy = 'SELECT member_id, substr(date, 1, 7) AS month, sum(hours), count(*) FROM self_study GROUP BY member_id, month;\n';
  const base = SQLITE3 ? measure(() => timed(SQLITE3, [organ], { input: groupBy, stdout: 'pipe' })) : undefined;
  const name = `${YEAR}, ${MEMBERS.toLocaleString('en')} members / ${BRANCHES} branches`;
  const baseName = 'sqlite3 shell: GROUP BY member_id, month over self_study';
  const text = measure(() => node([bin, '--db', organ, 'audit', '--year', String(YEAR)], { env: NOW, stdout: 'pipe' }));
  record(`audit (terminal text), ${name}`, text, baseName, base, '≤ 1.0 ×, < 300 MiB', (o, r) => (!base || r <= 1.0) && o.mib < 300);
  const json = measure(() => node([bin, '--db', organ, '--json', 'audit', '--year', String(YEAR)], { env: NOW, stdout: 'pipe' }));
  record(`audit --json, ${name}`, json, baseName, base, '≤ 1.5 ×', (o, r) => !base || r <= 1.5);
}

// 6. Year report of the organ: the ledger workbook and the Word summary.
if (CASES.has('report')) {
  const out = join(data, 'report');
  mkdirSync(out, { recursive: true });
  const floor = join(out, 'floor.xlsx');
  const base = measure(() => node([join(here, 'xlsxFloor.js'), floor, '5000', '20']));
  const xlsx = measure(() => node([bin, '--db', organ, '-q', 'report', '--year', String(YEAR), '--xlsx', join(out, 'ledger.xlsx'), '--force'], { env: NOW }));
  record('report --year --xlsx (organ)', xlsx, 'exceljs streaming writer, 5,000 × 20 styled cells', base, '≤ 2 ×, < 300 MiB', (o, r) => r <= 2 && o.mib < 300);
  const model = measure(() => node([bin, '--db', organ, '--json', 'report', '--year', String(YEAR)], { env: NOW, stdout: 'pipe' }));
  record('report --year --json (organ)', model, '—', undefined, '≤ 2 s', (o) => o.s <= 2);
  const docx = measure(() => node([bin, '--db', organ, '-q', 'report', '--year', String(YEAR), '--docx', join(out, 'summary.docx'), '--force'], { env: NOW }));
  record('report --year --docx (organ)', docx, 'the report model alone (report --json)', model, '≤ 1.5 s', (o) => o.s <= 1.5);
  const rank = measure(() => node([bin, '--db', organ, 'rank', '--year', String(YEAR)], { env: NOW, stdout: 'pipe' }));
  record('rank --year (organ)', rank, '—', undefined, '≤ 2 s', (o) => o.s <= 2);
  const branches = measure(() => node([bin, '--db', organ, 'rank', '--branches', '--year', String(YEAR)], { env: NOW, stdout: 'pipe' }));
  record('rank --branches --year (organ)', branches, '—', undefined, '—', () => true);

  // Issue 6: the demo branch's year report (25 members, a year of records), workbook and Word summary together.
  const demo = join(data, 'report-demo');
  rmSync(demo, { recursive: true, force: true });
  execFileSync(process.execPath, [bin, 'demo', demo, '-q'], { stdio: 'ignore', env: { ...process.env, SHUXIANG_NOW: `${YEAR}-12-31` } });
  const demoDb = join(demo, 'shuxiang.db');
  const demoEnv = { env: { SHUXIANG_NOW: `${YEAR}-12-31` } };
  const demoModel = measure(() => node([bin, '--db', demoDb, '--json', 'report', '--year', String(YEAR)], demoEnv));
  const demoBoth = measure(() => node([bin, '--db', demoDb, '-q', 'report', '--year', String(YEAR), '--xlsx', join(demo, 'ledger.xlsx'), '--docx', join(demo, 'summary.docx'), '--force'], demoEnv));
  record('report --year --xlsx --docx (demo branch, 25 members)', demoBoth, 'the report model alone (report --json)', demoModel, '< 2 s', (o) => o.s < 2);
}

const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const lines = [
  '# Benchmarks',
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
    `SQLite shell ${SQLITE3 ? String(execFileSync(SQLITE3, ['--version'])).split(' ')[0] : 'absent'}; ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} runs (start-up: median of ${RUNS + 2} batches of 5).`,
  '',
  'Reproduce: `npm run bench` (builds, generates data into bench/data/ once, runs every case). Knobs: `BENCH_RUNS`, `BENCH_CASES`',
  '(startup, roster, ledger, bulk, audit, report), `BENCH_ROSTER_SIZES`, `BENCH_ORGAN_MEMBERS`, `BENCH_ORGAN_BRANCHES` — see the top of bench/run.js.',
  `Organ data: ${MEMBERS.toLocaleString('en')} members in ${BRANCHES} branches, the year ${YEAR} (generator v${ORGAN_VERSION}, bench/organ.js). Times are wall`,
  'seconds; start-up ratios compare CPU time (user + sys), the rest wall time. Peak is the largest RSS of the run (GNU time).',
  'The bulk-write time is the store-layer write inside the process (items generated before the clock starts); the .import',
  'time is the whole sqlite3 process. The audit baseline is the sqlite3 shell running one GROUP BY member_id, month over',
  'self_study, output to a pipe, as the audit writes to one.',
  '',
  '| case | ours (s) | CPU (s) | peak (MiB) | baseline | baseline (s) | ratio | target | met |',
  '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- | :-: |',
  ...rows.map((r) => `| ${r.name} | ${f2(r.ours.s)} | ${f2(r.ours.cpu)} | ${r.ours.mib.toFixed(0)} | ${r.baselineName} | ${r.base ? f2(r.by === 'cpu' ? r.base.cpu : r.base.s) : '—'}${r.by === 'cpu' ? ' CPU' : ''} | ${f2(r.ratio)} × | ${r.target} | ${r.ok ? 'yes' : '**no**'} |`),
  '',
];
// Only a full run replaces the committed table; a partial one (BENCH_CASES) goes to bench/data/.
const full = ['startup', 'roster', 'ledger', 'bulk', 'audit', 'report'].every((c) => CASES.has(c)) && !process.env.BENCH_ROSTER_SIZES && !process.env.BENCH_ORGAN_MEMBERS && !process.env.BENCH_ORGAN_BRANCHES;
writeFileSync(full ? join(here, 'results.md') : join(data, 'results-partial.md'), lines.join('\n'));
console.log('\n' + lines.join('\n'));
