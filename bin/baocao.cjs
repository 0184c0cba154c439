#!/usr/bin/env node
// The baocao command line. Runs the bundles built by `npm ci` (scripts/build-cli.cjs) while they
// are up to date with the sources they were built from; otherwise (a dev checkout with edits, no
// build yet, BAOCAO_FROM_SOURCE=1) the TypeScript sources through tsx, which is slower to start.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'dist', 'cli');
const { freshBundle, loadBundles } = require('./bundle.cjs');
const bundle = process.env.BAOCAO_FROM_SOURCE === '1' ? undefined : freshBundle(dir, root);
if (bundle) {
  loadBundles(dir, root);
  require(bundle).run(process.argv.slice(2));
} else {
  require('tsx/cjs');
  require('../src/cli/run.ts').run(process.argv.slice(2));
}
