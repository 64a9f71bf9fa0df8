// Cold start (issue 7), as a structural check, not a timing: which modules each command loads. The real
// binary is spawned under a module-resolution hook that logs every module Node resolves: the packages it
// loads are those of the shipped one-file build (dist/bundle/main.cjs, src/build/bundle.ts); the project
// modules, which that file holds inside it, are seen by running the same command from tsc's module-per-file
// output (dist/cli/main.js), whose import graph is the source's; `--help` (top
// level and per command) must not load exceljs, docx or @inquirer/prompts, and the top-level help must
// load no command module at all. The lazy command index the binary uses must list every command exactly
// as the commands define themselves.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, Help } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandNamed } from '../../src/cli/commandIndex.js';
import { buildProgram } from '../../src/cli/program.js';
import { baseProgram } from '../../src/cli/programBase.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/xlsx.js';

const BIN = join(__dirname, '..', '..', 'bin', 'shuxiang.js');
const HEAVY = ['exceljs', 'docx', '@inquirer/prompts', '@e965/xlsx'];
let dir: string;
let cleanup: () => void;
let register: string;
let unbundled: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('shuxiang-coldstart-'));
  // The hook runs on Node's loader thread and appends each resolved URL to the file named in LOADLOG.
  writeFileSync(join(dir, 'hooks.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    'export async function resolve(specifier, context, next) {',
    '  const r = await next(specifier, context);',
    "  appendFileSync(process.env.LOADLOG, r.url + '\\n');",
    '  return r;',
    '}',
  ].join('\n'));
  register = join(dir, 'register.mjs');
  // CommonJS packages required directly (createRequire) bypass the hook: log what require resolves too.
  writeFileSync(register, [
    "import Module, { register } from 'node:module';",
    "import { appendFileSync } from 'node:fs';",
    "import { pathToFileURL } from 'node:url';",
    `register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`,
    'const resolveFilename = Module._resolveFilename;',
    'Module._resolveFilename = function (...args) {',
    '  const f = resolveFilename.apply(this, args);',
    "  if (f.startsWith('/')) appendFileSync(process.env.LOADLOG, pathToFileURL(f).href + '\\n');",
    '  return f;',
    '};',
  ].join('\n'));
  unbundled = join(dir, 'unbundled.mjs');
  writeFileSync(unbundled, `import(${JSON.stringify(pathToFileURL(join(__dirname, '..', '..', 'dist', 'cli', 'main.js')).href)}).then((m) => m.start());\n`);
  const init = spawnSync(process.execPath, [BIN, '--db', join(dir, 'cold.db'), 'init', '--organ', '机关', '--branch', '一支部', '--yes'], { encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
});
afterAll(() => cleanup());

/** Runs `entry` under the hook; returns its exit code and the URLs it resolved. */
function resolvedBy(entry: string, args: string[]): { code: number | null; stderr: string; urls: string[] } {
  const log = join(dir, `load-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, entry, ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, LOADLOG: log, NO_COLOR: '1', SHUXIANG_NOW: '2026-06-30', SHUXIANG_NO_PROMPT: '1' },
  });
  const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
  rmSync(log);
  return { code: r.status, stderr: r.stderr, urls };
}

/** Runs the command: the packages the shipped binary loaded, and the project modules the source's graph loaded. */
function loads(...args: string[]): { code: number | null; stderr: string; packages: string[]; project: string[] } {
  const shipped = resolvedBy(BIN, args);
  const graph = resolvedBy(unbundled, args);
  expect(graph.code, graph.stderr).toBe(shipped.code);
  const packages = [...new Set(shipped.urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => !!p))].sort();
  const project = graph.urls.map((u) => /\/dist\/(.+)\.js$/.exec(u)?.[1]).filter((p): p is string => !!p).sort();
  return { code: shipped.code, stderr: shipped.stderr, packages, project };
}

describe('cold start: what each command loads', () => {
  it('shuxiang --help loads no package (commander is inside the shipped file) and no command module or database', () => {
    const r = loads('--help');
    expect(r.code).toBe(0);
    expect(r.packages).toEqual([]);
    expect(r.project.filter((p) => p.startsWith('cli/commands/'))).toEqual([]);
    expect(r.project.filter((p) => p.startsWith('store/'))).toEqual([]);
  });

  it.each(COMMANDS.flatMap((e) => e.commands.map((c) => [c.name])))('shuxiang %s --help loads neither exceljs, docx nor @inquirer/prompts', (name) => {
    const r = loads(name, '--help');
    expect(r.code, r.stderr).toBe(0);
    for (const heavy of HEAVY) expect(r.packages).not.toContain(heavy);
    // Only its own command module (and what it imports), never another command's entry point.
    const entries = COMMANDS.filter((e) => !e.commands.some((c) => c.name === name)).flatMap((e) => e.commands.map((c) => `cli/commands/${c.name}/index`));
    for (const other of entries) if (other !== 'cli/commands/return/index' && other !== 'cli/commands/restore/index') expect(r.project).not.toContain(other);
  });

  it('member list and audit open SQLite but load no heavy package', () => {
    const db = join(dir, 'cold.db');
    const list = loads('--db', db, 'member', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.packages).toContain('better-sqlite3');
    // Its addon is loaded from its build folder (store/dbConnect.ts), not looked for by `bindings`.
    expect(list.packages).not.toContain('bindings');
    for (const heavy of HEAVY) expect(list.packages).not.toContain(heavy);
    const audit = loads('--db', db, 'audit');
    expect(audit.code, audit.stderr).toBe(0);
    for (const heavy of HEAVY) expect(audit.packages).not.toContain(heavy);
    expect(audit.project).toContain('domain/engine/judge');
  });

  it('the hook sees what a command really needs: importing a roster loads the fast .xlsx reader, not exceljs', async () => {
    const file = join(dir, 'roster.xlsx');
    await writeXlsx(file, [{ name: '花名册', rows: [['姓名', '性别'], ['张三', '男']] }]);
    const r = loads('--db', join(dir, 'cold.db'), 'import', file, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(r.project).toContain('io/excel/fastXlsx');
    // SheetJS is loaded only for .xls/.et/.ods and what the fast reader declines (test/io/fastXlsx.test.ts).
    expect(r.packages).not.toContain('exceljs');
    expect(r.packages).not.toContain('@e965/xlsx');
    expect(r.packages).not.toContain('docx');
  });
});

describe('the lazy command index', () => {
  it('lists every command as the commands define themselves, in help order', async () => {
    const eager = await buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: '/' }, {});
    const help = new Help();
    const listed = (p: Command) => p.commands.map((c) => ({ name: c.name(), term: help.subcommandTerm(c), description: help.subcommandDescription(c) }));
    expect(COMMANDS.flatMap((e) => e.commands)).toEqual(listed(eager));
    // And each entry's module registers exactly the commands the entry names.
    for (const e of COMMANDS) {
      const { program, act } = baseProgram({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: '/' }, {});
      (await e.load())(program, act);
      expect(listed(program)).toEqual(e.commands);
    }
  });

  it('prints the same top-level help as the full registry', async () => {
    const lazy = await runCli(['--help'], { cwd: dir });
    let eager = '';
    const program = await buildProgram({ stdout: { write: (s: string) => { eager += s; return true; } }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: '/' }, {});
    await program.parseAsync(['--help'], { from: 'user' }).catch(() => undefined);
    expect(lazy.code).toBe(0);
    expect(lazy.stdout).toBe(eager);
  });

  it('finds the command on a command line', () => {
    expect(commandNamed(['--db', 'x.db', '--json', 'member', 'list'])).toBe('member');
    expect(commandNamed(['help', 'audit'])).toBe('audit');
    expect(commandNamed(['-q', '--db=x.db', 'report', '--year', '2026'])).toBe('report');
    expect(commandNamed(['--help'])).toBeUndefined();
  });
});
