/**
 * The bundled CLI (scripts/build-cli.cjs, run by `npm ci` through `prepare`): built into a
 * folder of the test's own, it prints the same as the sources, `--help` loads no command bundle,
 * and bin/bundle.cjs runs it only while it is up to date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { USAGE } from '../../src/cli/spec';
import { REPO_DIR } from '../helpers/paths';

// Two levels under the root, like dist/cli (the bundles find assets/ at ../..).
const OUT = path.join('dist', `cli-test-${process.pid}`);
const outDir = path.join(REPO_DIR, OUT);
const { freshBundle } = require('../../bin/bundle.cjs') as { freshBundle: (dir: string, root: string) => string | undefined };
const BUNDLE_JS = path.join(REPO_DIR, 'bin', 'bundle.cjs');

let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
  build = spawnSync(process.execPath, [path.join(REPO_DIR, 'scripts', 'build-cli.cjs')], {
    cwd: REPO_DIR,
    env: { ...process.env, BAOCAO_CLI_OUT: OUT },
    encoding: 'utf8',
    timeout: 120_000,
  });
}, 130_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs the bundle's run() as bin/baocao.cjs does (with the code caches); reports which bundles were loaded. */
function runBundle(args: string[]) {
  const script = `require(${JSON.stringify(BUNDLE_JS)}).useCodeCache(${JSON.stringify(outDir)});
    const m = require(${JSON.stringify(path.join(outDir, 'baocao.cjs'))});
    process.on('exit', () => process.stderr.write('\\n@loaded ' + JSON.stringify(Object.keys(require.cache).filter((k) => k.startsWith(${JSON.stringify(outDir)})).map((k) => k.slice(${outDir.length + 1})))));
    m.run(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  const [err, loaded] = r.stderr.split('\n@loaded ');
  return { code: r.status, out: r.stdout, err: err!, loaded: JSON.parse(loaded ?? '[]') as string[] };
}

test('builds the entry and one bundle per command, with the list of its sources', () => {
  expect(build.status).toBe(0);
  expect(build.stdout).toMatch(/CLI đã đóng gói/);
  const files = ['baocao.cjs', 'check-command.cjs', 'extract-command.cjs', 'fill-command.cjs', 'rollover-command.cjs', 'baocao.inputs.json'];
  // V8 code caches from the warm-up runs, one per bundle.
  for (const f of [...files, 'baocao.v8cache', 'check-command.v8cache', 'fill-command.v8cache', 'template-command.v8cache']) {
    expect([f, existsSync(path.join(outDir, f))]).toEqual([f, true]);
  }
  const list = JSON.parse(readFileSync(path.join(outDir, 'baocao.inputs.json'), 'utf8')) as { inputs: string[] };
  expect(list.inputs).toContain('src/cli/main.ts');
  expect(list.inputs).toContain('src/core/check/index.ts');
  // The entry is small: no core, no zod.
  expect(readFileSync(path.join(outDir, 'baocao.cjs')).length).toBeLessThan(64 * 1024);
});

test('--help runs from the entry alone; a check loads its command bundle and prints what the sources print', () => {
  const help = runBundle(['--help']);
  expect([help.code, help.out, help.err]).toEqual([0, `${USAGE}\n`, '']);
  expect(help.loaded).toEqual(['baocao.cjs']);
  const check = runBundle(['check', ASSET_PATHS.sample, '--format', 'json']);
  expect(check.code).toBe(1);
  expect(check.loaded).toEqual(['baocao.cjs', 'check-command.cjs']);
  const fromSources = spawnSync(process.execPath, [path.join(REPO_DIR, 'bin', 'baocao.cjs'), 'check', ASSET_PATHS.sample, '--format', 'json'], {
    cwd: REPO_DIR,
    env: { ...process.env, BAOCAO_FROM_SOURCE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(check.out).toBe(fromSources.stdout);
  // The demo finds the sample through the bundle's own location.
  const demo = runBundle(['demo']);
  expect(demo.code).toBe(0);
  expect(demo.out).toContain('Chỉ tiêu tìm thấy');
  const bad = runBundle(['extract', path.join(outDir, 'khong-co.docx')]);
  expect(bad.code).toBe(2);
  expect(bad.err).toBe(`baocao extract: ${path.join(outDir, 'khong-co.docx')}: không tìm thấy tệp (file not found)\n`);
});

test('bin/bundle.cjs: fresh after the build; stale when a source is newer, a bundle changed, or the list is missing', () => {
  const listFile = path.join(outDir, 'baocao.inputs.json');
  const list = readFileSync(listFile, 'utf8');
  expect(freshBundle(outDir, REPO_DIR)).toBe(path.join(outDir, 'baocao.cjs'));
  try {
    const parsed = JSON.parse(list) as { builtAt: number; outputs: Record<string, number> };
    writeFileSync(listFile, JSON.stringify({ ...parsed, builtAt: 0 }));
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
    writeFileSync(listFile, JSON.stringify({ ...parsed, outputs: { ...parsed.outputs, 'check-command.cjs': 1 } }));
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
    writeFileSync(listFile, JSON.stringify({ ...parsed, inputs: ['src/cli/khong-co.ts'] }));
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
    rmSync(listFile);
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
  } finally {
    writeFileSync(listFile, list);
  }
});
