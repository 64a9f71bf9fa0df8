// The shipped bundle's way to the two large file libraries (exceljs, docx with its charts): bundle.ts
// builds each into one file of its own beside the program (dist/bundle/vendor-*.cjs) and, in the program,
// replaces `import('exceljs')` and the like with a call here. The file is compiled with the V8 code cache
// that warmCache.ts writes beside it, by bin/shuxiang.js's own loader (as the program is): `require('exceljs')`
// resolves and compiles ~100 files on every run (≈ 0.2 s of each ledger; ≈ 0.04 s so). Only the bundle
// comes here; src/ run by the tests imports the packages themselves. A file or cache that is missing or
// refused falls back to the package, so the program never depends on the cache to work.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Script } from 'node:vm';

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

/** bin/shuxiang.js's loader (the bundle sits in dist/bundle, two folders below the package). */
interface Loader {
  compileCached(file: string): Script;
  evaluate(script: Script, file: string): unknown;
}

const loaded = new Map<VendorChunk, Record<string, unknown> | undefined>();

/** The chunk's packages by name, compiled with its code cache when there is one; undefined when the
 * chunk cannot be read or run (the caller then requires the package). */
export function loadVendor(chunk: VendorChunk): Record<string, unknown> | undefined {
  if (loaded.has(chunk)) return loaded.get(chunk);
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, vendorFile(chunk));
  let exports: Record<string, unknown> | undefined;
  try {
    const { compileCached, evaluate } = createRequire(import.meta.url)(join(here, '..', '..', 'bin', 'shuxiang.js')) as Loader;
    const script = compileCached(file);
    const registry = ((globalThis as Record<symbol, unknown>)[COMPILED] ??= new Map()) as Registry;
    registry.set(file, script);
    exports = evaluate(script, file) as Record<string, unknown>;
  } catch {
    exports = undefined;
  }
  loaded.set(chunk, exports);
  return exports;
}
