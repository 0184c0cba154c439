// Whether the bundled CLI in `dir` (scripts/build-cli.cjs) may run: every bundle has the size
// it was built with and no source it was built from is newer than the build. Kept apart from
// bin/baocao.cjs so that the tests can ask it about a bundle of their own.
const fs = require('node:fs');
const path = require('node:path');

/** The bundle's entry file when it is up to date, else undefined. */
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

module.exports = { freshBundle };
