// Running the bundled CLI (scripts/build-cli.cjs). Kept apart from bin/baocao.cjs so that the
// build and the tests can use it on a bundle folder of their own.
const fs = require('node:fs');
const path = require('node:path');

/**
 * The bundle's entry file when it may run, else undefined: every bundle has the size it was
 * built with and no source it was built from is newer than the build.
 */
function freshBundle(dir, root) {
  try {
    const { builtAt, outputs, inputs } = JSON.parse(fs.readFileSync(path.join(dir, 'baocao.inputs.json'), 'utf8'));
    for (const [file, size] of Object.entries(outputs)) if (fs.statSync(path.join(dir, file)).size !== size) return undefined;
    for (const input of inputs) if (fs.statSync(path.join(root, input)).mtimeMs > builtAt) return undefined;
    return path.join(dir, 'baocao.cjs');
  } catch {
    return undefined; // No bundle, an input gone, or an unreadable list.
  }
}

/**
 * Compiles the bundles of `dir` with V8's code cache (NAME.v8cache beside NAME.cjs, written by
 * the build after warm-up runs): most of a command's start-up is compiling ~800 KB of JavaScript.
 * V8 rejects a cache of another Node version or other flags and compiles as usual. With
 * `write`, the caches of the bundles loaded are (re)written when the process exits.
 */
function useCodeCache(dir, write = false) {
  const Module = require('node:module');
  const vm = require('node:vm');
  const plain = Module._extensions['.js'];
  const loaded = [];
  Module._extensions['.cjs'] = function (module, filename) {
    if (path.dirname(filename) !== dir) return plain(module, filename);
    const cacheFile = filename.replace(/\.cjs$/, '.v8cache');
    let cachedData;
    try {
      cachedData = write ? undefined : fs.readFileSync(cacheFile);
    } catch {
      // No cache: compile as usual.
    }
    const script = new vm.Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, ...(cachedData ? { cachedData } : {}) });
    loaded.push({ script, cacheFile });
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(filename), module, filename, dir);
  };
  if (write) process.on('exit', () => loaded.forEach(({ script, cacheFile }) => fs.writeFileSync(cacheFile, script.createCachedData())));
}

module.exports = { freshBundle, useCodeCache };
