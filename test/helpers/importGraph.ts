// The import graph of src/, read from the source text: every static `import … from`, `export … from`,
// side-effect `import '…'`, dynamic `import('…')` and `import type`. Each edge says whether it exists at
// run time (type-only imports and `import('…').Type` in a type position are erased by tsc). The
// architecture test checks its rules on this graph; the rules themselves are plain functions over it, so a
// synthetic graph can prove each one fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  from: string; // file, relative to the source root, e.g. cli/commands/audit/index.ts
  spec: string; // as written
  to?: string; // the project file it names (relative), undefined for a package or node: builtin
  pkg?: string; // the package it names (`@inquirer/prompts`, `exceljs`), undefined for project files
  runtime: boolean; // false for `import type`, `export type`, `import('…').T` in a type
  dynamic: boolean;
}

/** Every .ts file under dir, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const STATIC = /(^|[;\n])\s*(import|export)(\s+type)?\b([^'";]*?)\bfrom\s*['"]([^'"]+)['"]/g;
const BARE = /(^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;
const REQUIRE = /\b(?:createRequire\([^)]*\)|require)\(\s*['"]([^'"]+)['"]\s*\)/g;
const DYNAMIC = /(await\s*\(?\s*|typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)(\s*\)?\s*\.\s*then|\s*\)?\s*\.\s*[A-Za-z_$])?/g;

/** The imports of one file's text (comments stripped first, so a path in prose is no edge). */
export function importsOf(file: string, text: string): Omit<ImportEdge, 'to' | 'pkg'>[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const out: Omit<ImportEdge, 'to' | 'pkg'>[] = [];
  for (const m of code.matchAll(STATIC)) {
    const clause = m[4] ?? '';
    // `import { type A, type B } from` is erased too; `import { type A, B }` is not.
    const allTypes = /^\s*\{([^}]*)\}\s*$/.test(clause) && clause.replace(/[{}\s]/g, '') !== ''
      && clause.replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    out.push({ from: file, spec: m[5]!, runtime: !m[3] && !allTypes, dynamic: false });
  }
  for (const m of code.matchAll(BARE)) out.push({ from: file, spec: m[2]!, runtime: true, dynamic: false });
  for (const m of code.matchAll(REQUIRE)) out.push({ from: file, spec: m[1]!, runtime: true, dynamic: true });
  for (const m of code.matchAll(DYNAMIC)) {
    const awaited = m[1] !== undefined && !m[1].startsWith('typeof');
    const typeOnly = m[1]?.startsWith('typeof') || (!awaited && m[3] !== undefined && !/then$/.test(m[3]));
    out.push({ from: file, spec: m[2]!, runtime: !typeOnly, dynamic: true });
  }
  return out;
}

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`). */
export function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('/')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The import graph of every .ts file under root. */
export function readGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((abs) => {
    const file = relative(root, abs);
    return importsOf(file, readFileSync(abs, 'utf8')).map((e) => {
      if (!e.spec.startsWith('.')) return { ...e, pkg: packageOf(e.spec) };
      const to = relative(root, resolve(dirname(abs), e.spec)).replace(/\.js$/, '.ts');
      return { ...e, to };
    });
  });
}

/** Every cycle among project files over runtime edges (each reported once, as a path a → … → a). */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.runtime && e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') {
        const loop = [...stack.slice(stack.indexOf(t)), t];
        const key = [...loop.slice(0, -1)].sort().join(' ');
        if (!seen.has(key)) { seen.add(key); found.push(loop); }
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...next.keys()].sort()) if (!state.has(f)) visit(f);
  return found;
}

/** The command folder a file belongs to (`cli/commands/audit/index.ts` → audit), if any. */
export function commandOf(file: string): string | undefined {
  return /^cli\/commands\/([^/]+)\//.exec(file.split('\\').join('/'))?.[1];
}

/** Imports from one command folder into another (type-only ones included). */
export function crossCommandImports(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.to && commandOf(e.from) && commandOf(e.to) && commandOf(e.from) !== commandOf(e.to))
    .map((e) => `${e.from} → ${e.to}`);
}

/** Imports from src/domain to anything but src/domain: another folder, a package or a node builtin. */
export function domainLeaks(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.from.startsWith('domain/') && !(e.to && e.to.startsWith('domain/')))
    .map((e) => `${e.from} → ${e.spec}`);
}

/** Declared dependencies that no file imports (at run time or as a type). */
export function unusedDependencies(edges: ImportEdge[], declared: string[]): string[] {
  const used = new Set(edges.map((e) => e.pkg).filter(Boolean));
  return declared.filter((d) => !used.has(d));
}

/** Imports from src/app (the use cases) to the CLI, a renderer, commander or @inquirer: a use case knows no argv, TTY or output form. */
export function appLeaks(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.from.startsWith('app/') && (e.to ? /^(cli|render)\//.test(e.to) : /^(commander|@inquirer\/)/.test(e.pkg ?? '')))
    .map((e) => `${e.from} → ${e.spec}`);
}

/** Imports from src/render to anything but render, domain, shared and the report models in reports (nor
 * commander, @inquirer or SQLite): a renderer is given plain data and a colour function, never the CLI. */
export function renderLeaks(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.from.startsWith('render/') && (e.to ? !/^(render|domain|shared|reports)\//.test(e.to) : /^(commander|@inquirer\/|better-sqlite3)/.test(e.pkg ?? '')))
    .map((e) => `${e.from} → ${e.spec}`);
}
