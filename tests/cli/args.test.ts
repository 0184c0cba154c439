/**
 * The command line's parsing and its one error path, in process: strict per-command options,
 * `COMMAND --help`, usage errors (exit 2 with that command's usage), and every failure one
 * Vietnamese line naming the file, never a stack trace unless BAOCAO_DEBUG=1.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { failureMessage } from '../../src/cli/errors';
import { EXIT, parseArgs } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { COMMANDS, USAGE } from '../../src/cli/spec';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-args-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line (plus, for usage errors, the usage), no stack frame. */
function expectOneLine(err: string, ...contains: string[]) {
  const [first, ...rest] = err.trimEnd().split('\n');
  for (const c of contains) expect(first).toContain(c);
  expect(first).toMatch(/^baocao( \w+)?: /);
  expect(first).toMatch(/\(.*[a-z].*\)/); // the English gloss
  expect(err).not.toMatch(/\n\s+at /);
  if (rest.length) expect(rest.join('\n')).toMatch(/^\nCách dùng \(usage\)|^\nbaocao —/);
}

describe('strict parsing', () => {
  test('an unknown option is exit 2 with that command’s usage, and nothing runs', async () => {
    const r = await run('extract', ASSET_PATHS.sample, '--bogus');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out).toBe('');
    expectOneLine(r.err, 'tùy chọn không hợp lệ "--bogus"', 'unknown option');
    expect(r.err).toContain(COMMANDS.extract!.usage);
    expect(r.err).not.toContain(COMMANDS.check!.usage);
  });

  test('--fomat html is a misspelt option, not a file named "html"', async () => {
    const r = await run('check', '--fomat', 'html', ASSET_PATHS.sample);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.out).toBe('');
    expectOneLine(r.err, '"--fomat"');
    expect(r.err).not.toContain('không đọc được "html"');
    expect(r.err).toContain(COMMANDS.check!.usage);
  });

  test('a missing value, a value on a flag, extra or missing files are usage errors', async () => {
    const noValue = await run('rollover', ASSET_PATHS.sample, '-o', tmp('a.docx'), '--to');
    expect(noValue.code).toBe(EXIT.badInput);
    expectOneLine(noValue.err, 'thiếu giá trị sau --to');
    const flagValue = await run('template', '-o', tmp('b.docx'), '--force=yes');
    expect(flagValue.code).toBe(EXIT.badInput);
    expectOneLine(flagValue.err, '"--force" không nhận giá trị');
    // "-o --force" would eat the flag as a file name: refused as ambiguous.
    const eaten = await run('template', '-o', '--force');
    expect(eaten.code).toBe(EXIT.badInput);
    expect(existsSync('--force')).toBe(false);
    const extra = await run('template', 'thua.docx', '-o', tmp('c.docx'));
    expect(extra.code).toBe(EXIT.badInput);
    expectOneLine(extra.err, 'không nhận tệp đầu vào "thua.docx"');
    const two = await run('extract', ASSET_PATHS.sample, ASSET_PATHS.sample);
    expectOneLine(two.err, 'extract cần đúng một tệp .docx');
    const none = await run('check');
    expect(none.code).toBe(EXIT.badInput);
    expectOneLine(none.err, 'check cần ít nhất một tệp');
    for (const f of ['a.docx', 'b.docx', 'c.docx']) expect(existsSync(tmp(f))).toBe(false);
  });

  test('-o, --output and --output=FILE are the same option; "--" ends the options', async () => {
    for (const form of [['-o', tmp('o1.json')], ['--output', tmp('o2.json')], [`--output=${tmp('o3.json')}`]]) {
      const r = await run('extract', ASSET_PATHS.sample, ...form);
      expect(r.code).toBe(EXIT.ok);
    }
    expect(readFileSync(tmp('o1.json'), 'utf8')).toBe(readFileSync(tmp('o3.json'), 'utf8'));
    const dashed = tmp('-lạ.docx');
    writeFileSync(dashed, readFileSync(ASSET_PATHS.sample));
    const r = await run('extract', '--', dashed);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).mode).toBe('bound');
  });

  test('parseArgs gives the options under their canonical names', () => {
    const p = parseArgs(['rollover', 'a.docx', '--to', 'nam-2022', '--output', 'b.docx', '--date', '12/12/2022', '--force']);
    expect(p).toEqual({
      command: 'rollover',
      files: ['a.docx'],
      options: new Map<string, string | true>([['--to', 'nam-2022'], ['-o', 'b.docx'], ['--date', '12/12/2022'], ['--force', true]]),
    });
    expect(() => parseArgs(['extract', 'a.docx', '--bogus'])).toThrow('tùy chọn không hợp lệ');
  });
});

describe('help', () => {
  test('every command has its own usage with --help or -h (exit 0, even after other arguments)', async () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      for (const flag of ['--help', '-h']) {
        const r = await run(name, flag);
        expect([name, r.code, r.err]).toEqual([name, EXIT.ok, '']);
        expect(r.out).toBe(`${spec.usage}\n`);
        expect(r.out.startsWith(`Cách dùng (usage): baocao ${name}`)).toBe(true);
      }
    }
    expect((await run('check', 'x.docx', '--bogus', '--help')).code).toBe(EXIT.ok);
    expect((await run('help', 'fill')).out).toBe(`${COMMANDS.fill!.usage}\n`);
    for (const argv of [[], ['help'], ['--help'], ['-h']]) expect((await run(...argv)).out).toBe(`${USAGE}\n`);
    const unknown = await run('help', 'frobnicate');
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.err).toContain('lệnh không hợp lệ "frobnicate"');
  });
});

describe('one error path', () => {
  test('-o a folder, -o in a missing folder or under a file: one line naming the output, exit 2', async () => {
    mkdirSync(tmp('thu-muc'));
    const isDir = await run('extract', ASSET_PATHS.sample, '-o', tmp('thu-muc'));
    expect(isDir.code).toBe(EXIT.badInput);
    expectOneLine(isDir.err, tmp('thu-muc'), 'là một thư mục', 'output is a directory');
    const missing = await run('template', '-o', tmp('khong-co/mau.docx'));
    expect(missing.code).toBe(EXIT.badInput);
    expectOneLine(missing.err, tmp('khong-co/mau.docx'), 'không tồn tại', 'directory does not exist');
    const underFile = await run('template', '-o', path.join(ASSET_PATHS.sample, 'x.docx'));
    expect(underFile.code).toBe(EXIT.badInput);
    expectOneLine(underFile.err, 'không phải thư mục');
  });

  test('an unexpected exception in a command: one line naming the input, exit 2; the stack only with BAOCAO_DEBUG=1', async () => {
    const spec = COMMANDS.extract!;
    const load = spec.load;
    spec.load = () => async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    const previous = process.env.BAOCAO_DEBUG;
    try {
      delete process.env.BAOCAO_DEBUG;
      const quiet = await run('extract', 'bao-cao.docx');
      expect(quiet.code).toBe(EXIT.badInput);
      expect(quiet.err.trimEnd().split('\n')).toHaveLength(1);
      expectOneLine(quiet.err, 'baocao extract: bao-cao.docx: lỗi không mong đợi', "reading 'x'", 'BAOCAO_DEBUG=1');
      process.env.BAOCAO_DEBUG = '1';
      const debug = await run('extract', 'bao-cao.docx');
      expect(debug.code).toBe(EXIT.badInput);
      expect(debug.err).toMatch(/^baocao extract: bao-cao\.docx: lỗi không mong đợi[^\n]*\nTypeError: [^\n]*\n\s+at /);
    } finally {
      spec.load = load;
      if (previous === undefined) delete process.env.BAOCAO_DEBUG;
      else process.env.BAOCAO_DEBUG = previous;
    }
  });

  test('engine errors, file-system errors and deep recursion each become their own line', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT', syscall: 'open', path: 'x' });
    expect(failureMessage('check', enoent, 'x.docx')).toBe('baocao check: x.docx: không tìm thấy tệp (file not found)\n');
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'rename' });
    expect(failureMessage('fill', eacces, 'ra.docx')).toBe('baocao fill: ra.docx: không có quyền ghi vào thư mục này (permission denied)\n');
    const docError = Object.assign(new Error('Tệp không phải là tệp .docx (zip) hợp lệ.'), { name: 'DocumentError', code: 'not-zip' });
    expect(failureMessage('extract', docError, 'a.docx')).toBe('baocao extract: a.docx: Tệp không phải là tệp .docx (zip) hợp lệ. [not-zip]\n');
    let overflow: unknown;
    const deep = (n: number): number => deep(n + 1) + 1;
    try {
      deep(0);
    } catch (e) {
      overflow = e;
    }
    expect(failureMessage('check', overflow, 'sau.docx')).toBe('baocao check: sau.docx: tài liệu lồng nhau quá sâu, không xử lý được (document nested too deeply)\n');
  });
});
