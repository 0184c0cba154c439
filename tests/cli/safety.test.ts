/**
 * Output safety of every command that writes: an output that is really an input (the same path,
 * a symlink or a hard link to it) is refused even with --force and the input stays intact; an
 * output replaced with --force keeps its permissions; no temporary file is left behind.
 * Inputs: only regular files within the size limit are read.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, chmodSync, symlinkSync, truncateSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { readInput, MAX_DOCX_BYTES } from '../../src/cli/files';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-safety-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = tmp('nguon.docx');
writeFileSync(source, readFileSync(ASSET_PATHS.sample));
const sourceBytes = readFileSync(source);
const data = tmp('so-lieu.json');
writeFileSync(data, JSON.stringify({ fields: { 'bi1.planTasks': '52' } }));

describe('an output that is an input is refused, even with --force', () => {
  const symlink = tmp('lien-ket-mem.docx');
  const hardlink = tmp('lien-ket-cung.docx');
  const chained = tmp('lien-ket-2.docx');
  symlinkSync(source, symlink);
  linkSync(source, hardlink);
  symlinkSync(hardlink, chained);

  const commands: [string, string[]][] = [
    ['check', ['check', source, '--format', 'json']],
    ['extract', ['extract', source]],
    ['fill', ['fill', source, '--data', data]],
    ['rollover', ['rollover', source, '--to', 'nam-2022']],
    ['adopt', ['adopt', source]],
  ];
  test.each(commands)('%s', async (_name, argv) => {
    for (const out of [source, symlink, hardlink, chained, path.relative(process.cwd(), source)]) {
      const r = await run(...argv, '-o', out, '--force');
      expect([out, r.code]).toEqual([out, EXIT.badInput]);
      expect(r.err).toMatch(/[Kk]hông ghi đè lên tệp nguồn/);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(readFileSync(source).equals(sourceBytes)).toBe(true);
    }
  });

  test('fill: the data file is an input too', async () => {
    const copy = tmp('so-lieu-lien-ket.json');
    linkSync(data, copy);
    const r = await run('fill', source, '--data', data, '-o', copy, '--force');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('Không ghi đè lên tệp nguồn');
    expect(readFileSync(data, 'utf8')).toContain('bi1.planTasks');
  });
});

describe('replacing an output', () => {
  test('with --force the new file takes the old one’s place and permissions; nothing else is left in the folder', async () => {
    const out = tmp('ket-qua/kq.json');
    execFileSync('mkdir', ['-p', path.dirname(out)]);
    writeFileSync(out, 'cũ');
    chmodSync(out, 0o640);
    const before = readdirSync(path.dirname(out));
    const r = await run('check', source, '--format', 'json', '-o', out, '--force');
    expect(r.code).toBe(EXIT.findings);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.dirname(out))).toEqual(before);
  });

  test('through a symlink (not an input) the link is kept and its target written', async () => {
    const real = tmp('that.json');
    writeFileSync(real, '{}');
    const link = tmp('link.json');
    symlinkSync(real, link);
    expect((await run('extract', source, '-o', link, '--force')).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(real, 'utf8')).mode).toBe('bound');
    expect(readFileSync(link, 'utf8')).toBe(readFileSync(real, 'utf8'));
  });

  test('a device such as /dev/null is written in place, not replaced', async () => {
    const r = await run('extract', source, '-o', '/dev/null');
    expect(r.code).toBe(EXIT.ok);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a failed command writes nothing (the previous output stays)', async () => {
    const out = tmp('giu-nguyen.docx');
    writeFileSync(out, 'bản trước');
    const bad = tmp('sai.json');
    writeFileSync(bad, '{ "fields": { "a22.received": "30,4O7" } }');
    const r = await run('fill', source, '--data', bad, '-o', out, '--force');
    expect(r.code).toBe(EXIT.badInput);
    expect(readFileSync(out, 'utf8')).toBe('bản trước');
  });
});

describe('inputs', () => {
  test('a file over the limit is refused from its size alone (a sparse 1.5 GB file, nothing read)', async () => {
    const big = tmp('lon.docx');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 1.5 * 1024 * 1024 * 1024);
    const heap = process.memoryUsage().rss;
    const r = await run('extract', big);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`baocao extract: ${big}: tệp quá lớn: 1536 MB, giới hạn 200 MB (file too large)\n`);
    expect(process.memoryUsage().rss - heap).toBeLessThan(MAX_DOCX_BYTES / 2);
  });

  test('devices, folders and FIFOs are refused without reading (no hang on a FIFO without a writer)', async () => {
    const fifo = tmp('ong.docx');
    execFileSync('mkfifo', [fifo]);
    for (const [file, reason] of [
      ['/dev/zero', 'không phải tệp thông thường'],
      [fifo, 'không phải tệp thông thường'],
      [dir, 'là một thư mục'],
    ] as const) {
      const r = await run('check', file);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toContain(`"${file}": `);
      expect(r.err).toContain(reason);
    }
  });

  test('readInput reads a file whole, and refuses content past the limit whatever size the file announces', () => {
    expect(Buffer.from(readInput(source)).equals(sourceBytes)).toBe(true);
    const empty = tmp('rong.docx');
    writeFileSync(empty, '');
    expect(readInput(empty)).toHaveLength(0);
    expect(() => readInput(source, 1000)).toThrow('tệp quá lớn');
    // /proc files announce size 0 and have content: read to EOF, still bounded.
    expect(Buffer.from(readInput('/proc/self/status')).toString()).toContain('Pid:');
    expect(() => readInput('/proc/self/status', 10)).toThrow('tệp quá lớn');
  });
});
