// The house rules that can be checked by reading files: pure domain, SQLite and SQL only in store, exits only
// in main, and (on the import graph) no cycles, no command importing another, no unused dependency.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLeaks, crossCommandImports, cycles, domainLeaks, importsOf, readGraph, renderLeaks, unusedDependencies, type ImportEdge } from '../helpers/importGraph.js';

const root = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('domain imports nothing but its own modules', () => {
    const bad: string[] = [];
    for (const f of files(join(root, 'domain'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        const forbidden = /^(node:|fs$|better-sqlite3|exceljs|docx|@inquirer|commander|chalk)/;
        const leaves = spec.startsWith('.') && !resolve(dirname(f), spec).startsWith(join(root, 'domain'));
        if (forbidden.test(spec) || leaves) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only src/store imports better-sqlite3', () => {
    const bad = files(root).filter((f) => !f.includes(`${join('src', 'store')}`) && /from ['"]better-sqlite3['"]/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('SQL runs only in src/store (no prepare/pragma/exec on a database elsewhere)', () => {
    const bad = files(root).filter((f) => !f.includes(`${join('src', 'store')}`) && /\b(db|src)\.(prepare|pragma|exec)\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('only cli/main.ts calls process.exit', () => {
    const bad = files(root).filter((f) => !f.endsWith(join('cli', 'main.ts')) && /process\.exit\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});

// The import graph (test/helpers/importGraph.ts): static `from`, `export … from`, dynamic `import()`,
// `import type` and createRequire. Cycles count run-time imports only (type-only imports are erased by tsc
// and cannot deadlock module evaluation); the command-folder and domain rules count type-only imports too.
describe('architecture: the import graph', () => {
  const graph = readGraph(root);
  const pkg = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it('reads the imports it must (a known static, dynamic, type-only and createRequire edge)', () => {
    const has = (from: string, to: string, runtime: boolean) => graph.some((e) => e.from === from && (e.to === to || e.pkg === to) && e.runtime === runtime);
    expect(has('cli/commandIndex.ts', 'cli/commands/audit/index.ts', true)).toBe(true);
    expect(has('cli/commandIndex.ts', 'cli/programBase.ts', true)).toBe(true);
    expect(has('cli/commandIndex.ts', 'cli/context.ts', false)).toBe(true);
    expect(has('store/dbConnect.ts', 'better-sqlite3', true)).toBe(true);
  });

  it('has no cycle between files (run-time imports)', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('no command folder imports another command folder', () => {
    expect(crossCommandImports(graph)).toEqual([]);
  });

  it('domain imports only domain (and the pure data packages pinyin-pro and chinese-days)', () => {
    expect(domainLeaks(graph).filter((l) => !/→ (pinyin-pro|chinese-days\/)/.test(l))).toEqual([]);
  });

  it('app (the use cases) imports no cli, no render, no commander or @inquirer', () => {
    expect(appLeaks(graph)).toEqual([]);
  });

  it('render imports only render, domain, shared and the report models (never cli)', () => {
    // The sign-in sheet's vocabulary is shared with its reader in io/excel, so the printed sheet reads back.
    expect(renderLeaks(graph).filter((l) => l !== 'render/excel/signinSheet.ts → ../../io/excel/signinLayout.js')).toEqual([]);
  });

  it('every package in dependencies is imported by src/', () => {
    expect(unusedDependencies(graph, Object.keys(pkg.dependencies))).toEqual([]);
  });

  it('no SQL statement text outside src/store', () => {
    const sql = /['"`]\s*(SELECT\s[\s\S]*?\sFROM\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|TRIGGER)\s|PRAGMA\s)/;
    const bad = files(root).filter((f) => !f.includes(join('src', 'store')) && sql.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});

describe('architecture: each rule can fail (a synthetic graph)', () => {
  const edge = (from: string, to: string, runtime = true): ImportEdge => ({ from, spec: to, to, runtime, dynamic: false });
  it('finds a cycle, and ignores one closed only by a type-only import', () => {
    expect(cycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts')])).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cycles([edge('a.ts', 'b.ts'), edge('b.ts', 'a.ts', false)])).toEqual([]);
  });
  it('finds a command importing another command folder, not its own files', () => {
    expect(crossCommandImports([edge('cli/commands/report/index.ts', 'cli/commands/audit/index.ts', false), edge('cli/commands/report/index.ts', 'cli/commands/report/files.ts')]))
      .toEqual(['cli/commands/report/index.ts → cli/commands/audit/index.ts']);
  });
  it('finds domain reaching out to the store, a builtin or a package', () => {
    const e: ImportEdge[] = [edge('domain/a.ts', 'store/db.ts'), { from: 'domain/b.ts', spec: 'node:fs', runtime: true, dynamic: false }, edge('domain/c.ts', 'domain/a.ts')];
    expect(domainLeaks(e)).toEqual(['domain/a.ts → store/db.ts', 'domain/b.ts → node:fs']);
  });
  it('finds a use case importing the CLI, a renderer or a prompt package', () => {
    const e: ImportEdge[] = [edge('app/a.ts', 'cli/context.ts', false), edge('app/b.ts', 'render/terminal/table.ts'), edge('app/c.ts', 'store/db.ts'),
      { from: 'app/d.ts', spec: '@inquirer/prompts', pkg: '@inquirer/prompts', runtime: true, dynamic: true }, { from: 'app/e.ts', spec: 'commander', pkg: 'commander', runtime: false, dynamic: false }];
    expect(appLeaks(e)).toEqual(['app/a.ts → cli/context.ts', 'app/b.ts → render/terminal/table.ts', 'app/d.ts → @inquirer/prompts', 'app/e.ts → commander']);
  });
  it('finds a renderer importing the CLI or the store, not domain, shared, reports or a format package', () => {
    const e: ImportEdge[] = [edge('render/terminal/a.ts', 'cli/context.ts', false), edge('render/terminal/b.ts', 'cli/output.ts'), edge('render/excel/c.ts', 'store/db.ts'),
      edge('render/terminal/d.ts', 'domain/periods.ts'), edge('render/terminal/d.ts', 'shared/colour.ts'), edge('render/terminal/d.ts', 'reports/audit.ts', false),
      { from: 'render/excel/e.ts', spec: 'exceljs', pkg: 'exceljs', runtime: true, dynamic: true }];
    expect(renderLeaks(e)).toEqual(['render/terminal/a.ts → cli/context.ts', 'render/terminal/b.ts → cli/output.ts', 'render/excel/c.ts → store/db.ts']);
  });
  it('finds a declared dependency nothing imports', () => {
    expect(unusedDependencies([{ from: 'x.ts', spec: 'exceljs', pkg: 'exceljs', runtime: true, dynamic: true }], ['exceljs', 'chalk'])).toEqual(['chalk']);
  });
  it('classifies import forms', () => {
    const kinds = importsOf('x.ts', [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "export { e } from './e.js';",
      "const f = (await import('./f.js')).f;",
      "let g: import('./g.js').G;",
      "// import { h } from './h.js';",
      "const Database = createRequire(import.meta.url)('better-sqlite3');",
    ].join('\n')).map((e) => `${e.spec}:${e.runtime ? 'run' : 'type'}`).sort();
    expect(kinds).toEqual(['./a.js:run', './b.js:type', './c.js:type', './e.js:run', './f.js:run', './g.js:type', 'better-sqlite3:run']);
  });
});
