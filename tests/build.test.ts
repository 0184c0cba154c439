/** The production build of the add-in: pages, production manifest, icons and local Office.js. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { REPO_DIR } from './helpers/paths';

const PUBLIC_URL = 'https://bao-cao.test.gov.vn/addin';
let out: string;
let result: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-build-'));
  result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--no-devtool', '--output-path', out], {
    cwd: REPO_DIR,
    env: { ...process.env, BAOCAO_PUBLIC_URL: `${PUBLIC_URL}/` },
    encoding: 'utf8',
    timeout: 110_000,
  });
}, 120_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');

describe('npm run build', () => {
  test('succeeds', () => {
    expect({ status: result.status, stderr: result.status === 0 ? '' : String(result.stderr) }).toEqual({ status: 0, stderr: '' });
    expect(String(result.stdout)).toMatch(/compiled successfully/);
  });

  test.each(['taskpane', 'commands'])('%s.html loads Office.js from the add-in and its own bundle', (page) => {
    const html = read(`${page}.html`);
    expect(html).toContain('<script src=office-js/office.js></script>');
    const scripts = [...html.matchAll(/<script defer src=([^ >]+)>/g)].map((m) => m[1]!);
    expect(scripts.some((s) => s.startsWith(`${page}.`))).toBe(true);
    for (const script of scripts) expect(fs.existsSync(path.join(out, script))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//); // no CDN
  });

  test('the manifest points at the production URL', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toContain('localhost');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const urls = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('DefaultValue') ?? '')
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    expect(urls).toContain(`${PUBLIC_URL}/taskpane.html?panel=kiem-tra`);
    // Every asset it names is in the build.
    for (const url of urls.filter((u) => u.includes('/assets/'))) {
      expect(fs.existsSync(path.join(out, url.slice(PUBLIC_URL.length + 1)))).toBe(true);
    }
  });

  test('Office.js and what it loads for Word are served locally', () => {
    for (const file of ['office.js', 'o15apptofilemappingtable.js', 'word-win32-16.01.js', 'word-web-16.00.js', 'word-mac-16.00.js', 'vi-vn/office_strings.js', 'en-us/office_strings.js']) {
      expect(fs.existsSync(path.join(out, 'office-js', file))).toBe(true);
    }
    expect(fs.readdirSync(path.join(out, 'office-js')).filter((f) => f.endsWith('.debug.js'))).toEqual([]);
    expect(fs.readdirSync(path.join(out, 'office-js')).filter((f) => /^(excel|outlook|powerpoint)/.test(f))).toEqual([]);
  });
});
