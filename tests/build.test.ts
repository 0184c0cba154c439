/** The production build of the add-in: pages (Office.js from Microsoft's CDN), production manifest, icons, help page. */
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
    // A production build of both pages; generous so a loaded CI machine does not fail it.
    timeout: 400_000,
  });
}, 410_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** The only Office.js Microsoft supports for add-ins (AppSource requires it). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');

describe('npm run build', () => {
  test('succeeds', () => {
    expect({ status: result.status, stderr: result.status === 0 ? '' : String(result.stderr) }).toEqual({ status: 0, stderr: '' });
    expect(String(result.stdout)).toMatch(/compiled successfully/);
  });

  test.each(['taskpane', 'commands'])('%s.html loads Office.js from Microsoft\'s CDN and its own bundle', (page) => {
    const html = read(`${page}.html`);
    expect(html).toContain(`<script src=${OFFICE_JS_CDN}></script>`);
    const scripts = [...html.matchAll(/<script defer src=([^ >]+)>/g)].map((m) => m[1]!);
    expect(scripts.some((s) => s.startsWith(`${page}.`))).toBe(true);
    for (const script of scripts) expect(fs.existsSync(path.join(out, script))).toBe(true);
    // Nothing else from the internet.
    expect(html.split(OFFICE_JS_CDN).join('')).not.toMatch(/https?:\/\//);
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

  test('no copy of Office.js is shipped; the support page is', () => {
    expect(fs.existsSync(path.join(out, 'office-js'))).toBe(false);
    expect(read('help.html')).toContain('baocao');
  });
});
