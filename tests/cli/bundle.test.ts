/**
 * The bundled CLI (scripts/build-cli.cjs, run by `npm ci` through `prepare`): built into a
 * folder of the test's own, it prints the same as the sources, `--help` loads no command bundle,
 * and bin/bundle.cjs runs a bundle only while it is up to date (else that part from the sources).
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
const listFile = path.join(outDir, 'baocao.inputs.json');
const BUNDLE_JS = path.join(REPO_DIR, 'bin', 'bundle.cjs');
const { freshBundle, isFresh } = require(BUNDLE_JS) as {
  freshBundle: (dir: string, root: string) => string | undefined;
  isFresh: (dir: string, root: string, name: string) => boolean;
};
interface List {
  builtAt: number;
  bundles: Record<string, { size: number; inputs: string[] }>;
}

let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
  build = spawnSync(process.execPath, [path.join(REPO_DIR, 'scripts', 'build-cli.cjs')], {
    cwd: REPO_DIR,
    env: { ...process.env, BAOCAO_CLI_OUT: OUT },
    encoding: 'utf8',
    timeout: 170_000,
  });
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Runs the bundle as bin/baocao.cjs does (code caches, stale parts from sources); reports the
 * files of the folder required and the command modules taken from the sources.
 */
function runBundle(args: string[]) {
  const script = `require(${JSON.stringify(BUNDLE_JS)}).loadBundles(${JSON.stringify(outDir)}, ${JSON.stringify(REPO_DIR)});
    const m = require(${JSON.stringify(path.join(outDir, 'baocao.cjs'))});
    process.on('exit', () => process.stderr.write('\\n@loaded ' + JSON.stringify(Object.keys(require.cache).flatMap((k) => k.startsWith(${JSON.stringify(outDir + path.sep)}) ? [k.slice(${outDir.length + 1})] : /-command\\.ts$/.test(k) ? [k.slice(${REPO_DIR.length + 1})] : []))));
    m.run(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 90_000 });
  const [err, loaded] = r.stderr.split('\n@loaded ');
  return { code: r.status, out: r.stdout, err: err!, loaded: JSON.parse(loaded ?? '[]') as string[] };
}

const fromSources = (args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO_DIR, 'bin', 'baocao.cjs'), ...args], {
    cwd: REPO_DIR,
    env: { ...process.env, BAOCAO_FROM_SOURCE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });

test('builds the entry and one bundle per command, each with its sources and a V8 code cache', () => {
  expect(build.status).toBe(0);
  expect(build.stdout).toMatch(/CLI đã đóng gói/);
  for (const f of ['baocao.cjs', 'check-command.cjs', 'extract-command.cjs', 'fill-command.cjs', 'rollover-command.cjs', 'baocao.inputs.json']) {
    expect([f, existsSync(path.join(outDir, f))]).toEqual([f, true]);
  }
  for (const f of ['baocao.v8cache', 'check-command.v8cache', 'fill-command.v8cache', 'template-command.v8cache']) {
    expect([f, existsSync(path.join(outDir, f))]).toEqual([f, true]);
  }
  const { bundles } = JSON.parse(readFileSync(listFile, 'utf8')) as List;
  // The entry is small and made of the shell alone: no core, no zod.
  expect(bundles['baocao.cjs']!.size).toBeLessThan(64 * 1024);
  expect(bundles['baocao.cjs']!.inputs).toContain('src/cli/main.ts');
  expect(bundles['baocao.cjs']!.inputs.filter((i) => !i.startsWith('src/cli/'))).toEqual([]);
  expect(bundles['check-command.cjs']!.inputs).toContain('src/core/check/index.ts');
  // A package stands for its files by its package.json.
  const packages = bundles['check-command.cjs']!.inputs.filter((i) => i.includes('node_modules'));
  expect(packages.length).toBeGreaterThan(0);
  for (const p of packages) expect(p).toMatch(/node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/);
});

test('--help runs from the entry alone; a check loads its command bundle and prints what the sources print', () => {
  const help = runBundle(['--help']);
  expect([help.code, help.out, help.err]).toEqual([0, `${USAGE}\n`, '']);
  expect(help.loaded).toEqual(['baocao.cjs']);
  const args = ['check', ASSET_PATHS.sample, '--format', 'json'];
  const check = runBundle(args);
  expect(check.code).toBe(1);
  expect(check.loaded).toEqual(['baocao.cjs', 'check-command.cjs']);
  expect(check.out).toBe(fromSources(args).stdout);
  // The demo finds the sample through the bundle's own location.
  const demo = runBundle(['demo']);
  expect(demo.code).toBe(0);
  expect(demo.out).toContain('Chỉ tiêu tìm thấy');
  const bad = runBundle(['extract', path.join(outDir, 'khong-co.docx')]);
  expect(bad.code).toBe(2);
  expect(bad.err).toBe(`baocao extract: ${path.join(outDir, 'khong-co.docx')}: không tìm thấy tệp (file not found)\n`);
});

test('a stale bundle is not run: the entry falls back as a whole, a command to its sources', () => {
  const list = readFileSync(listFile, 'utf8');
  const parsed = JSON.parse(list) as List;
  const write = (l: List) => writeFileSync(listFile, JSON.stringify(l));
  expect(freshBundle(outDir, REPO_DIR)).toBe(path.join(outDir, 'baocao.cjs'));
  expect(isFresh(outDir, REPO_DIR, 'check-command.cjs')).toBe(true);
  try {
    write({ ...parsed, builtAt: 0 });
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
    const changed = (name: string, change: Partial<{ size: number; inputs: string[] }>): List => ({
      ...parsed,
      bundles: { ...parsed.bundles, [name]: { ...parsed.bundles[name]!, ...change } },
    });
    write(changed('baocao.cjs', { inputs: ['src/cli/khong-co.ts'] }));
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
    write(changed('check-command.cjs', { size: 1 }));
    expect(freshBundle(outDir, REPO_DIR)).toBe(path.join(outDir, 'baocao.cjs'));
    expect(isFresh(outDir, REPO_DIR, 'check-command.cjs')).toBe(false);
    // The check then runs from its sources, with the same output.
    const args = ['check', ASSET_PATHS.sample, '--format', 'json'];
    const check = runBundle(args);
    expect(check.code).toBe(1);
    expect(check.loaded).toEqual(['baocao.cjs', 'check-command.cjs', 'src/cli/check-command.ts']);
    expect(check.out).toBe(fromSources(args).stdout);
    rmSync(listFile);
    expect(freshBundle(outDir, REPO_DIR)).toBeUndefined();
  } finally {
    writeFileSync(listFile, list);
  }
});
