#!/usr/bin/env node
// The baocao command line. Runs the TypeScript sources through tsx's loader so that the CLI,
// the tests and the add-in share one codebase without a separate build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`baocao: lỗi không mong đợi (unexpected error): ${error && error.stack ? error.stack : error}\n`);
    process.exit(70);
  },
);
