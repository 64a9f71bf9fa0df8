// The house rules that can be checked by reading files: pure domain, SQLite and SQL only in store, exits only in main.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
