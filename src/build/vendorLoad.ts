// The shipped bundle's way to the two large file libraries (exceljs, docx with its charts): bundle.ts
// builds each into one file of its own beside the program (dist/bundle/vendor-*.cjs) and, in the program,
// replaces `import('exceljs')` and the like with a call here. The file is compiled with the V8 code cache
// that warmCache.ts writes beside it, as bin/shuxiang.js compiles the program: `require('exceljs')`
// resolves and compiles ~100 files on every run (≈ 0.2 s of each ledger; ≈ 0.04 s so). Only the bundle
// comes here; src/ run by the tests imports the packages themselves. A file or cache that is missing or
// refused falls back to the package, so the program never depends on the cache to work.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundled libraries: each chunk's packages (one file holds docx and its charts, which require docx). */
export const VENDOR_CHUNKS = { exceljs: ['exceljs'], docx: ['docx', 'docx/charts'] } as const;
export type VendorChunk = keyof typeof VENDOR_CHUNKS;

/** A chunk's module: its packages' exports by name. */
export const chunkSource = (chunk: VendorChunk) =>
  `module.exports = { ${VENDOR_CHUNKS[chunk].map((p) => `${JSON.stringify(p)}: require(${JSON.stringify(p)})`).join(', ')} };`;

/** The chunk's file name in dist/bundle. */
export const vendorFile = (chunk: VendorChunk) => `vendor-${chunk}.cjs`;

/** Where warmCache.ts finds the compiled chunks to take their caches from (same realm, same process). */
export const COMPILED = Symbol.for('shuxiang.vendorScripts');
type Registry = Map<string, Script>;

const loaded = new Map<VendorChunk, Record<string, unknown> | undefined>();

/** The chunk's packages by name, compiled with its code cache when there is one; undefined when the
 * chunk cannot be read or run (the caller then requires the package). */
export function loadVendor(chunk: VendorChunk): Record<string, unknown> | undefined {
  if (loaded.has(chunk)) return loaded.get(chunk);
  const file = join(dirname(fileURLToPath(import.meta.url)), vendorFile(chunk));
  let exports: Record<string, unknown> | undefined;
  try {
    const text = readFileSync(file, 'utf8');
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      // no cache: compiled from the text alone
    }
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${text}\n});`, { filename: file, cachedData });
    const registry = ((globalThis as Record<symbol, unknown>)[COMPILED] ??= new Map()) as Registry;
    registry.set(file, script);
    const module = { exports: {} as unknown, filename: file };
    (script.runInThisContext() as (...a: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
    exports = module.exports as Record<string, unknown>;
  } catch {
    exports = undefined;
  }
  loaded.set(chunk, exports);
  return exports;
}
