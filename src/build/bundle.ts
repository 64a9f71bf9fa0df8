// The shipped program (issue 18, start-up): `npm run build` type-checks and compiles src/ to dist/ with
// tsc, then this bundles src/cli/main.ts with esbuild into ONE CommonJS file, dist/bundle/main.cjs, and
// writes V8's code cache for it beside it (main.cjs.cache). bin/shuxiang.js loads the file through that
// cache, so a run neither resolves ~60 ES modules one by one nor parses a megabyte of JavaScript: it
// starts in about 0.8 × the time of the unbundled build. Packages stay outside the bundle (node_modules);
// modules loaded with `await import()` in src/ are wrapped by esbuild to run only when first imported, so
// a command still evaluates only its own code. src/ stays the source; the tests run the CLI in-process
// from src/ and, through bin/ (test/e2e), from this bundle.
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'dist', 'bundle', 'main.cjs');

rmSync(dirname(outfile), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  // The bundle sits two folders down, as dist/cli/*.js did: `new URL('../../templates/…', import.meta.url)`
  // still finds templates/ and package.json.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): a script compiled from V8's code cache has no dynamic-import callback on
  // Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and the ES-only packages load through require(esm).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});

// The code cache is made by the same loader that reads it (bin/shuxiang.js), so both compile the same text.
const loader = createRequire(import.meta.url)(join(root, 'bin', 'shuxiang.js')) as { compile(file: string): { createCachedData(): Buffer } };
writeFileSync(`${outfile}.cache`, loader.compile(outfile).createCachedData());
