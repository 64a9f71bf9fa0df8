#!/usr/bin/env node
// The `shuxiang` command (CommonJS, see bin/package.json): runs dist/bundle/main.cjs, the one-file build
// of src/ (src/build/bundle.ts), compiled with the V8 code cache written beside it at build time. A cache
// made by another Node version is refused by V8 and the file is simply compiled.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');

/** The bundle compiled as a CommonJS module's wrapper function, with the code cache when given. */
function compile(file, cachedData) {
  return new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
}

/** Runs a compiled bundle as `require` would run `file`, and returns its exports. */
function evaluate(script, file) {
  const module = { exports: {}, filename: file };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The file compiled with the code cache beside it when there is one (also the bundle's vendored
 * libraries: src/build/vendorLoad.ts). */
function compileCached(file) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compiled from the text alone
  }
  return compile(file, cache);
}

/** The bundle's exports, compiled with its code cache when there is one. */
function load(file) {
  return evaluate(compileCached(file), file);
}

module.exports = { compile, compileCached, evaluate, BUNDLE };

if (require.main === module) {
  let cli;
  try {
    cli = load(BUNDLE);
  } catch (e) {
    console.error(`shuxiang 无法启动（请在项目目录运行 npm install 完成编译）：${e.message}`);
    process.exitCode = 70;
  }
  if (cli) cli.start();
}
