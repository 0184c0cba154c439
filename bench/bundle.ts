/**
 * The task pane's initial JavaScript, gzipped (budget 400 KB): a production build into a
 * temporary folder, then every script taskpane.html loads at start-up.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './util';

const ROOT = path.resolve(__dirname, '..');

export async function benchBundle(): Promise<BenchRow[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-bench-build-'));
  try {
    const t0 = performance.now();
    const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--no-devtool', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const buildMs = performance.now() - t0;
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.stderr}`);
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((s) => !/^https?:\/\//.test(s)); // Office.js comes from Microsoft's CDN
    const sizes = scripts.map((s) => ({ s, gz: gzipSync(fs.readFileSync(path.join(out, s))).length }));
    const total = sizes.reduce((n, x) => n + x.gz, 0);
    return [
      {
        name: 'task pane initial JS (gzip)',
        medianMs: NaN,
        note: `${(total / 1024).toFixed(1)} KB (ngân sách 400 KB): ${sizes.map((x) => `${x.s} ${(x.gz / 1024).toFixed(1)} KB`).join(', ')}`,
        over: total > 400 * 1024,
      },
      { name: 'production build (webpack)', medianMs: buildMs, note: 'một lần chạy' },
    ];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchBundle().then((rows) => console.table(rows));
}
