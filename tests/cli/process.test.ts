/**
 * The CLI as a process (bin/baocao.cjs through real pipes): every byte reaches a pipe before the
 * process exits, a reader that goes away is no error, `--help` loads no command, a document
 * cannot drive the terminal, a read-only folder and a kill during a write lose nothing.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { REPO_DIR } from '../helpers/paths';
import { withDocumentXml } from './hostile-cases';

const BIN = path.join(REPO_DIR, 'bin', 'baocao.cjs');
const dir = mkdtempSync(path.join(tmpdir(), 'baocao-process-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 60_000, ...options });
  return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}

describe('pipes', () => {
  test('extract through a pipe gives the whole JSON (164 KB+), exit 0', () => {
    const r = cli(['extract', ASSET_PATHS.sample]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(160 * 1024);
    // A cut pipe would leave JSON that does not parse.
    const data = JSON.parse(r.out.toString('utf8')) as { fields: Record<string, unknown> };
    expect(Object.keys(data.fields).length).toBeGreaterThan(100);
  });

  test('check --format json of several files parses as one JSON array', () => {
    const files = [1, 2, 3, 4].map((i) => {
      const f = tmp(`bao-cao-${i}.docx`);
      writeFileSync(f, readFileSync(ASSET_PATHS.sample));
      return f;
    });
    const r = cli(['check', ...files, '--format', 'json']);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out.toString('utf8')) as { file: string }[];
    expect(reports.map((x) => x.file)).toEqual(files);
  });

  test('a reader that stops early (| head -c 10) ends the command quietly', () => {
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN}" extract "${ASSET_PATHS.sample}" 2>"${tmp('err.txt')}" | head -c 10; echo " $\{PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(out).toBe('{\n  "templ 0\n');
    expect(readFileSync(tmp('err.txt'), 'utf8')).toBe('');
  });
});

describe('start-up', () => {
  // Which modules a run loads: --help must load neither the core, the engine nor zod.
  const loaded = (argv: string[]) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `require('tsx/cjs');
           const { main } = require(${JSON.stringify(path.join(REPO_DIR, 'src/cli/main.ts'))});
           main(${JSON.stringify(argv)}, { out() {}, err() {} }).then((code) => {
             const heavy = Object.keys(require.cache).filter((k) => /[\\/]src[\\/](core|document)[\\/]|[\\/]node_modules[\\/](zod|fflate|@xmldom)[\\/]/.test(k));
             process.stdout.write(JSON.stringify({ code, heavy: heavy.length }));
           });`,
        ],
        { cwd: REPO_DIR, encoding: 'utf8' },
      ),
    ) as { code: number; heavy: number };

  test('--help and a usage error load no command module; running a command does', () => {
    expect(loaded(['check', '--help'])).toEqual({ code: 0, heavy: 0 });
    expect(loaded(['--help'])).toEqual({ code: 0, heavy: 0 });
    expect(loaded(['extract', 'x.docx', '--bogus'])).toEqual({ code: 2, heavy: 0 });
    const ran = loaded(['check', ASSET_PATHS.sample]);
    expect(ran.code).toBe(1);
    expect(ran.heavy).toBeGreaterThan(10);
  });
});

describe('terminal safety', () => {
  test('escape sequences in a document or a file name reach no output as control characters', () => {
    // ESC ] 0 ; title BEL (retitle), ESC [ 2J (clear screen), C1 CSI: written as XML character references.
    const evil = tmp('a\u001b[2Jb.docx');
    writeFileSync(
      evil,
      withDocumentXml(readFileSync(ASSET_PATHS.sample), (xml) => xml.replace(' hồ sơ, chiếm ', ' hồ sơ&#x1b;]0;pwned&#x7;&#x1b;[2J&#x9b;31m, chiếm ')),
    );
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
    for (const format of ['text', 'html']) {
      const r = cli(['check', evil, '--format', format]);
      expect(r.code).toBe(1);
      const out = r.out.toString('utf8');
      expect(out).toContain('hồ sơ, chiếm');
      expect(out).toContain('ab.docx');
      expect(out).not.toMatch(controls);
      expect(r.err).not.toMatch(controls);
    }
    const json = cli(['check', evil, '--format', 'json']).out.toString('utf8');
    expect(json).not.toMatch(controls);
    // JSON keeps the text exactly, escaped.
    expect(json).toContain('hồ sơ\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m, chiếm');
    expect(JSON.stringify(JSON.parse(json))).toContain('\\u001b[2J');
    const missing = cli(['extract', tmp('x\u001b]0;t\u0007.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(controls);
  });
});

describe('writing', () => {
  test('a read-only folder: one line, exit 2, nothing written', () => {
    const ro = tmp('chi-doc');
    mkdirSync(ro);
    // Root ignores permission bits: run the CLI as "nobody" then, in a folder it may read.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    chmodSync(dir, 0o755);
    chmodSync(ro, 0o555);
    const r = cli(['template', '-o', path.join(ro, 'mau.docx')], user);
    chmodSync(ro, 0o755);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`baocao template: ${path.join(ro, 'mau.docx')}: không có quyền ghi vào thư mục này (permission denied)\n`);
    expect(readdirSync(ro)).toEqual([]);
  });

  test('kill -9 during a write leaves the previous output whole', async () => {
    const out = tmp('kq.bin');
    const size = 24 * 1024 * 1024;
    // A writer that replaces the output again and again (with bytes 2, then 3, …) until killed.
    const kill = async () => {
      const child = spawn(
        process.execPath,
        [
          '-e',
          `require('tsx/cjs');
           const f = require(${JSON.stringify(path.join(REPO_DIR, 'src/cli/files.ts'))});
           for (let i = 2; ; i++) { f.writeOutput(f.prepareOutput(${JSON.stringify(out)}, [], true), Buffer.alloc(${size}, i)); process.stdout.write(String.fromCharCode(i)); }`,
        ],
        { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      // After the first complete write, kill it within the following ones.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    };
    let midWrite = 0;
    for (let attempt = 0; attempt < 4 && midWrite < 1; attempt++) {
      writeFileSync(out, Buffer.alloc(1024, 1));
      await kill();
      const now = readFileSync(out);
      // Whole: one of the writes, every byte of it, never a cut or mixed file.
      expect(now.length).toBe(size);
      expect(now.every((b) => b === now[0]) && now[0]! >= 2).toBe(true);
      // A temporary file left behind is a kill that landed during a write.
      const temps = readdirSync(dir).filter((f) => f.startsWith('.kq.bin.') && f.endsWith('.tmp'));
      midWrite += temps.length;
      for (const t of temps) rmSync(path.join(dir, t));
    }
    expect(midWrite).toBeGreaterThan(0);
  });
});
