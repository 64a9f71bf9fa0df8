// The code cache of the shipped file, made warm (run by bundle.ts in its own process, after the bundle is
// written): the bundle is compiled through bin/shuxiang.js's own `compile`, a few commands are run in
// this process on a scratch database — `init`, `--help`, `member list`, `audit` — and V8's cache is taken
// then, so it holds the functions those runs compiled too, not only the file's top level. Measured (50 runs
// each): start-up CPU of `member list` 1.50 → 1.47 ×, `audit` 1.80 → 1.69 × `node -e 0`. A command that
// fails here fails the build: it would fail for the user too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AppIo } from '../cli/context.js';
import { COMPILED } from './vendorLoad.js';

interface Script {
  createCachedData(): Buffer;
}
interface Loader {
  BUNDLE: string;
  compile(file: string): Script;
  evaluate(script: Script, file: string): { main(argv: string[], io: AppIo): Promise<number> };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { compile, evaluate, BUNDLE } = createRequire(import.meta.url)(join(root, 'bin', 'shuxiang.js')) as Loader;

const script = compile(BUNDLE);
const { main } = evaluate(script, BUNDLE);

let dir: string | undefined;
try {
  dir = mkdtempSync(join(tmpdir(), 'shuxiang-build-'));
} catch (e) {
  // No scratch folder (a read-only temp): the cache of the file's top level still helps.
  console.warn(`shuxiang build: no scratch folder for warming the code cache (${(e as Error).message}); it holds the top level only.`);
}
let programCache: Buffer | undefined;
if (dir) try {
  const db = join(dir, 'warm.db');
  const quiet = { write: () => true, isTTY: false };
  const io = { stdout: quiet, stderr: quiet, stdin: Readable.from([]), env: { ...process.env, SHUXIANG_NOW: '2026-06-30', NO_COLOR: '1' }, cwd: dir } as unknown as AppIo;
  const run = async (argv: string[]) => {
    const code = await main(argv, io);
    if (code > 1) throw new Error(`warming the code cache: shuxiang ${argv.join(' ')} exited ${code}`);
  };
  for (const argv of [['--db', db, 'init', '--organ', '机关', '--branch', '一支部', '--yes'], ['--help'], ['--db', db, 'member', 'list'], ['--db', db, 'audit']]) await run(argv);
  // The program's cache is taken here (what the reports compile would only make every start read more);
  // then a ledger and a summary are written, for the vendored libraries' caches (vendorLoad.ts).
  programCache = script.createCachedData();
  await run(['--db', db, '-q', 'report', '--year', '2026', '--xlsx', join(dir, 'ledger.xlsx'), '--docx', join(dir, 'summary.docx')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(`${BUNDLE}.cache`, programCache ?? script.createCachedData());
for (const [file, vendor] of ((globalThis as Record<symbol, unknown>)[COMPILED] as Map<string, Script> | undefined) ?? []) writeFileSync(`${file}.cache`, vendor.createCachedData());
