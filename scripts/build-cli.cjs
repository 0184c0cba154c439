#!/usr/bin/env node
/**
 * Bundles the command line (src/cli, the core, the engine and their dependencies) so that
 * `baocao` starts without transpiling TypeScript: an entry, dist/cli/baocao.cjs (main, the
 * parser, the usage), and one bundle per command beside it (check-command.cjs, …), required by
 * main only when that command runs: `baocao --help` compiles a few kilobytes, not the core.
 * Runs from `npm ci`/`npm install` (prepare) and `npm run build:cli`. baocao.inputs.json lists
 * each bundle's size and sources: bin/bundle.cjs runs a bundle only while none of its sources is
 * newer, else that part from the TypeScript sources through tsx (a dev checkout stays correct).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
// BAOCAO_CLI_OUT (a folder two levels under the root, as dist/cli: the bundles find assets/ at
// ../..) lets the tests build a bundle of their own.
const OUT_DIR = path.resolve(ROOT, process.env.BAOCAO_CLI_OUT || path.join('dist', 'cli'));
const OUT = path.join(OUT_DIR, 'baocao.cjs');
const INPUTS = path.join(OUT_DIR, 'baocao.inputs.json');

let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  // An install without dev dependencies: the CLI runs from the sources (tsx), only slower.
  console.warn('baocao: esbuild không có; CLI chạy từ mã nguồn (esbuild missing; the CLI runs from sources).');
  process.exit(0);
}

/**
 * V8 code caches for the bundles (bin/bundle.cjs loadBundles): every command runs once on the
 * sample, in a temporary folder, so that the functions a run needs are in its cache.
 */
function warmUp(commands) {
  const { spawnSync } = require('node:child_process');
  const os = require('node:os');
  // A template folder's sample report (src/templates/<id>/template.json `files.sample`).
  const templates = path.join(ROOT, 'src', 'templates');
  const sample = fs
    .readdirSync(templates, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(templates, d.name, 'template.json')))
    .map((d) => {
      const name = JSON.parse(fs.readFileSync(path.join(templates, d.name, 'template.json'), 'utf8')).files?.sample;
      return name ? path.join(templates, d.name, name) : undefined;
    })
    .find((f) => f && fs.existsSync(f));
  if (!sample) return; // No sample: the bundles compile without caches.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-warm-up-'));
  const data = path.join(tmp, 'so-lieu.json');
  fs.writeFileSync(data, '{ "fields": {} }');
  const runs = {
    'check-command': ['check', sample],
    'extract-command': ['extract', sample],
    'fill-command': ['fill', sample, '--data', data, '-o', path.join(tmp, 'fill.docx')],
    'rollover-command': ['rollover', sample, '--to', 'nam-2022', '-o', path.join(tmp, 'rollover.docx')],
    'adopt-command': ['adopt', sample, '-o', path.join(tmp, 'adopt.docx')],
    'bind-command': ['bind', sample, '--id', 'warmUp', '--nhan', 'x', '--van-ban', '0', '-o', path.join(tmp, 'bind.docx')],
    'template-command': ['template', '-o', path.join(tmp, 'template.docx')],
    'demo-command': ['demo'],
    'annotate-command': ['annotate', sample, '-o', path.join(tmp, 'annotate.docx')],
    'summary-command': ['summary', sample, '-o', path.join(tmp, 'summary.xlsx')],
    'rows-command': ['rows', sample],
  };
  try {
    // Each run rewrites the caches of the bundles it loads: the entry's comes from the last.
    for (const args of [...commands.map((c) => runs[c]).filter(Boolean), ['--help']]) {
      const script = `const b = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle.cjs'))}); b.loadBundles(${JSON.stringify(OUT_DIR)}, ${JSON.stringify(ROOT)}, true); require(${JSON.stringify(OUT)}).run(${JSON.stringify(args)});`;
      spawnSync(process.execPath, ['-e', script], { cwd: tmp, stdio: 'ignore', timeout: 120_000 });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // Without the list, bin/baocao.cjs runs the sources: a failed build never leaves a stale bundle
  // in use. Code caches belong to the bundles they were made from: made again below.
  fs.rmSync(INPUTS, { force: true });
  for (const f of fs.readdirSync(OUT_DIR)) if (f.endsWith('.v8cache')) fs.rmSync(path.join(OUT_DIR, f));
  const startedAt = Date.now();
  const commands = fs
    .readdirSync(path.join(ROOT, 'src', 'cli'))
    .filter((f) => f.endsWith('-command.ts'))
    .map((f) => f.slice(0, -3));
  /** spec.ts's `require('./check-command')` → the command's own bundle, loaded at run time. */
  const commandsApart = {
    name: 'commands-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/[a-z]+-command$/ }, (args) =>
        commands.includes(args.path.slice(2)) && /[\\/]spec\.ts$/.test(args.importer) ? { path: `${args.path}.cjs`, external: true } : undefined,
      );
    },
  };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { baocao: 'src/cli/run.ts', ...Object.fromEntries(commands.map((c) => [c, `src/cli/${c}.ts`])) },
    outdir: OUT_DIR,
    outExtension: { '.js': '.cjs' },
    plugins: [commandsApart],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // Stack traces with BAOCAO_DEBUG=1 still name functions.
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  // Per bundle: its size (to tell one cut short or replaced since) and the sources it was built
  // from, a package's files stood for by its package.json (npm rewrites both together).
  const source = (input) => {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    return m ? `${m[1]}/package.json` : input;
  };
  const bundles = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const inputs = [...new Set(Object.keys(output.inputs).map(source))].sort();
    bundles[path.basename(file)] = { size: fs.statSync(path.join(ROOT, file)).size, inputs };
  }
  const inputs = new Set(Object.values(bundles).flatMap((b) => b.inputs));
  // builtAt is the build's start: a source saved during the build counts as newer.
  fs.writeFileSync(INPUTS, `${JSON.stringify({ builtAt: startedAt, bundles }, null, 1)}\n`);
  warmUp(commands);
  const kb = (bundles['baocao.cjs'].size / 1024).toFixed(0);
  console.log(`baocao: CLI đã đóng gói (bundled) → ${path.relative(ROOT, OUT)} (${kb} KB) và ${commands.length} lệnh, từ ${inputs.size} tệp nguồn`);
}

main().catch((error) => {
  // Not fatal for `npm ci`: the CLI still runs from the sources.
  console.warn(`baocao: không đóng gói được CLI, sẽ chạy từ mã nguồn (CLI bundle failed; running from sources): ${error.message}`);
});
