#!/usr/bin/env node
// The baocao command line. Runs the TypeScript sources through tsx's loader so that the CLI,
// the tests and the add-in share one codebase without a separate build step.
require('tsx/cjs');
require('../src/cli/run.ts').run(process.argv.slice(2));
