// The shipped program (issue 18, start-up): `npm run build` type-checks and compiles src/ to dist/ with
// tsc, then this bundles src/cli/main.ts with esbuild into ONE CommonJS file, dist/bundle/main.cjs, and
// writes V8's code cache for it beside it (main.cjs.cache, warmCache.ts). bin/shuxiang.js loads the file through that
// cache, so a run neither resolves ~60 ES modules one by one nor parses a megabyte of JavaScript: measured,
// `member list` and `audit` on an empty database take 0.7–0.8 × the CPU of the unbundled build. Other packages
// than the ones BUNDLED names stay outside (node_modules); modules loaded with `await import()` in src/ are wrapped by esbuild to run only when first imported, so
// a command still evaluates only its own code. src/ stays the source; the tests run the CLI in-process
// from src/ and, through bin/ (test/e2e), from this bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chunkSource, VENDOR_CHUNKS, vendorFile, type VendorChunk } from './vendorLoad.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'dist', 'bundle', 'main.cjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
// Bundled packages: commander (every run parses with it), and the JavaScript of a package with a compiled
// addon (a binding.gyp): the database's, a dozen files Node would resolve and compile on every run (≈ 3 ms).
// Its addon is still loaded from the package's own folder (store/dbConnect.ts); `bindings` and `.node` files
// stay outside. The rest stay in node_modules and load only in the commands that use them.
const hasAddon = (dep: string) => existsSync(join(root, 'node_modules', dep, 'binding.gyp'));
const BUNDLED = new Set(['commander', ...Object.keys(pkg.dependencies).filter(hasAddon)]);

/** commander requires child_process when it loads (for executable subcommands, which shuxiang has none of),
 * and with it net, dgram and streams: ~6 ms of every start. Inside commander it becomes a proxy that
 * requires the real module on first use. */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (/[\\/]node_modules[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
  },
};

/** exceljs and docx (with docx/charts) come from their own bundled files through a code cache
 * (vendorLoad.ts): each import of them in src/ becomes a call to the loader, the package itself only its
 * fallback. */
const chunkOf = new Map(Object.entries(VENDOR_CHUNKS).flatMap(([chunk, names]) => names.map((n) => [n as string, chunk])));
const vendorLoader = join(root, 'src', 'build', 'vendorLoad.ts');
const vendored: Plugin = {
  name: 'vendored',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${[...chunkOf.keys()].join('|')})$`) }, (a) => (a.namespace === 'vendor' ? { path: a.path, external: true } : { path: a.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (a) => {
      const name = JSON.stringify(a.path);
      return {
        contents: `const c = require(${JSON.stringify(vendorLoader)}).loadVendor(${JSON.stringify(chunkOf.get(a.path))});\nmodule.exports = c ? c[${name}] : require(${name});`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
};

// The official calendar's data, taken into the bundle as text (37 KB): a run then neither looks the file up
// in the package (its exports, ~1 ms of every audit's start) nor reads it. chinese-days is pinned to an
// exact version, and `npm install` builds again; the same check as at run time is made on it there.
const calendarJson = readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json'), 'utf8');

rmSync(dirname(outfile), { recursive: true, force: true });
/** What every file of dist/bundle is: one CommonJS file for Node 20.19+, syntax minified (fewer bytes to read
 * and hash each start; whitespace and names are kept, so a stack still reads). */
const common = { outdir: dirname(outfile), outExtension: { '.js': '.cjs' }, bundle: true, format: 'cjs', platform: 'node', target: 'node20.19', minifySyntax: true, logLevel: 'warning' } as const;
// Two files: the program, and the worker thread that reads an organ's evidence alongside it (store/evidenceParallel.ts).
await build({
  ...common,
  entryPoints: { main: join(root, 'src', 'cli', 'main.ts'), evidenceWorker: join(root, 'src', 'store', 'evidenceWorker.ts') },
  external: [...Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)), 'bindings', '*.node'],
  plugins: [lazyChildProcess, vendored],
  // The bundle sits two folders down, as dist/cli/*.js did: `new URL('../../templates/…', import.meta.url)`
  // still finds templates/ and package.json.
  define: { 'import.meta.url': '__bundleUrl', __CALENDAR_JSON__: JSON.stringify(calendarJson), __EVIDENCE_WORKER__: JSON.stringify('evidenceWorker.cjs') },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): a script compiled from V8's code cache has no dynamic-import callback on
  // Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), and the ES-only packages load through require(esm).
  supported: { 'dynamic-import': false },
});

// The vendored libraries, one file each (their own dependencies inside; Node's built-ins outside). Some of
// exceljs's dependencies still call `new Buffer(…)`; Node warns of that (DEP0005) only for code outside
// node_modules, which the chunk now is: inside it, `Buffer` is Node's with a constructor that makes the
// same buffers through Buffer.alloc and Buffer.from (what Node itself does for them), and no warning.
const bufferShim = [
  'var Buffer = (function (B) {',
  '  function Buffer(a, b, c) { return typeof a === "number" ? B.alloc(a) : B.from(a, b, c); }',
  '  Object.setPrototypeOf(Buffer, B); Buffer.prototype = B.prototype; return Buffer;',
  '})(require("node:buffer").Buffer);',
].join('\n');
await build({
  ...common,
  banner: { js: bufferShim },
  entryPoints: Object.keys(VENDOR_CHUNKS).map((chunk) => ({ in: `vendor:${chunk}`, out: vendorFile(chunk as VendorChunk).replace(/\.cjs$/, '') })),
  plugins: [{
    name: 'vendor-entries',
    setup(b) {
      b.onResolve({ filter: /^vendor:/ }, (a) => ({ path: a.path.slice('vendor:'.length), namespace: 'vendor-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (a) => ({ contents: chunkSource(a.path as VendorChunk), loader: 'js', resolveDir: root }));
    },
  }],
});

// The code cache is made by the same loader that reads it (bin/shuxiang.js), so both compile the same text,
// in a process of its own with Node's default flags (V8 refuses a cache made under other flags): warmCache.ts.
const warm = spawnSync(process.execPath, [join(root, 'dist', 'build', 'warmCache.js')], { stdio: 'inherit' });
if (warm.status !== 0) throw new Error(`making the code cache failed (exit ${warm.status ?? warm.signal})`);
