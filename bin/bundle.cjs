// Running the bundled CLI (scripts/build-cli.cjs). Kept apart from bin/baocao.cjs so that the
// build and the tests can use it on a bundle folder of their own.
const fs = require('node:fs');
const path = require('node:path');

const list = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'baocao.inputs.json'), 'utf8'));

/**
 * True when bundle `name` of `dir` may run: it has the size it was built with and none of its
 * sources is newer than the build (a package's package.json stands for its files). Each bundle
 * is checked only when it is loaded: `--help` checks the entry's few sources, not the core's.
 */
function isFresh(dir, root, name) {
  try {
    const { builtAt, bundles } = list(dir);
    const bundle = bundles[name];
    if (!bundle || fs.statSync(path.join(dir, name)).size !== bundle.size) return false;
    for (const input of bundle.inputs) if (fs.statSync(path.join(root, input)).mtimeMs > builtAt) return false;
    return true;
  } catch {
    return false; // No list, a bundle or a source gone.
  }
}

/** The entry bundle when it may run, else undefined. */
function freshBundle(dir, root) {
  return isFresh(dir, root, 'baocao.cjs') ? path.join(dir, 'baocao.cjs') : undefined;
}

/**
 * Loads the bundles of `dir` as main requires them: a command's bundle when it is fresh,
 * compiled with V8's code cache (NAME.v8cache, written by the build after warm-up runs; V8
 * rejects a cache of another Node version and compiles as usual), else that command from its
 * TypeScript sources through tsx. With `write`, caches are (re)written at exit.
 */
function loadBundles(dir, root, write = false) {
  const Module = require('node:module');
  const vm = require('node:vm');
  const plain = Module._extensions['.js'];
  const loaded = [];
  Module._extensions['.cjs'] = function (module, filename) {
    if (path.dirname(filename) !== dir) return plain(module, filename);
    const name = path.basename(filename);
    if (name !== 'baocao.cjs' && !isFresh(dir, root, name)) {
      require('tsx/cjs');
      module.exports = require(path.join(root, 'src', 'cli', name.replace(/\.cjs$/, '.ts')));
      return;
    }
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

module.exports = { freshBundle, isFresh, loadBundles };
