/**
 * End-to-end helpers: a production build of the workbench into a temporary folder, the static
 * server of `npm start` on a free port, and Debian's Chromium driven by playwright-core (never a
 * downloaded browser). A missing Chromium is a failure with the way to install it, not a skip.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWorkbenchServer, type RunningServer } from '../../../scripts/serve-workbench';
import { REPO_DIR } from '../../helpers/paths';

export const CHROMIUM = process.env.BAOCAO_CHROMIUM ?? '/usr/bin/chromium';

export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the end-to-end tests drive the workbench in Debian's Chromium. ` +
        'Install it with `apt-get install chromium` (.ci/run does), or set BAOCAO_CHROMIUM to a Chromium executable.',
    );
  }
  return CHROMIUM;
}

/** `npm run build:workbench` into `out` (no source maps: faster, same code). */
export function buildWorkbench(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'workbench', '--no-devtool', '--stats', 'errors-warnings', '--output-path', out],
      { cwd: REPO_DIR, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`workbench build failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
}

/** Everything the workbench build is made from: its hash names the build. */
function buildInputs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(path.join(REPO_DIR, 'src'));
  walk(path.join(REPO_DIR, 'assets'));
  out.push(...['webpack.config.js', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(REPO_DIR, f)));
  return out.sort();
}

function buildKey(): string {
  const hash = createHash('sha256');
  for (const file of buildInputs()) hash.update(path.relative(REPO_DIR, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One build per source state, shared by the e2e suites that run in parallel jest workers (and
 * reused by later runs while nothing it is made from changed): the first worker builds under a
 * lock directory, the others wait for it.
 */
export async function sharedBuild(): Promise<string> {
  const dir = path.join(os.tmpdir(), `baocao-workbench-build-${buildKey()}`);
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 240_000;
  while (!fs.existsSync(path.join(dir, 'index.html'))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the workbench build in ${dir}`);
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker is building; a lock older than 5 minutes is left over from a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      const partial = `${dir}.partial-${process.pid}`;
      fs.rmSync(partial, { recursive: true, force: true });
      await buildWorkbench(partial);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(partial, dir);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  pruneOldBuilds(dir);
  return dir;
}

/** Builds of other source states untouched for a day are removed (they are only a cache). */
function pruneOldBuilds(keep: string): void {
  const tmp = path.dirname(keep);
  for (const name of fs.readdirSync(tmp)) {
    const p = path.join(tmp, name);
    if (!name.startsWith('baocao-workbench-build-') || p === keep || name.endsWith('.lock')) continue;
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 86_400_000) fs.rmSync(p, { recursive: true, force: true });
  }
}

export interface Workbench {
  dir: string;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds (or reuses the build of the same sources), serves on a free port and launches Chromium. */
export async function startWorkbench(): Promise<Workbench> {
  const executablePath = requireChromium();
  const browserPromise = chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let dir: string;
  try {
    dir = await sharedBuild();
  } catch (error) {
    await browserPromise.then((b) => b.close()).catch(() => undefined);
    throw error;
  }
  const server = await startWorkbenchServer({ root: dir, port: 0 });
  const browser = await browserPromise;
  return {
    dir,
    server,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/**
 * A new page on the workbench with the sample open and the task pane read. Page errors and
 * console errors are collected: a test ends by expecting none.
 */
export async function openPage(wb: Workbench, options: { query?: string; axe?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await wb.browser.newContext({
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    acceptDownloads: true,
    // Fluent's open/close motion would leave half-transparent dialogs for axe to measure.
    reducedMotion: 'reduce',
    // axe-core is injected as an inline script, which the server's Content-Security-Policy forbids.
    bypassCSP: options.axe === true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Nothing but the workbench's own server is ever asked for anything.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(wb.server.url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    errors.push(`request outside the workbench: ${url}`);
    return route.abort();
  });
  await page.goto(`${wb.server.url}${options.query ?? ''}`);
  await page.locator('[data-testid="doc-view"] [data-block="0"]').waitFor({ timeout: 30_000 });
  await waitIdle(page);
  return { page, errors };
}

/** Waits until the task pane has read the document and no operation is running. */
export async function waitIdle(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"] [role="tablist"], main[aria-busy="false"] button:has-text("Tạo báo cáo từ mẫu")').first().waitFor({ timeout: 30_000 });
}

/** The rendered document's text content. */
export function docText(page: Page): Promise<string> {
  return page.locator('[data-testid="doc-view"] .docx').innerText();
}

/** Opens a tab of the task pane and waits for its panel heading. */
export async function openPanel(page: Page, tab: 'Số liệu' | 'Kiểm tra' | 'Phụ lục' | 'Kỳ báo cáo mới', heading: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core over the page (the installed package, injected): violations of impact serious or
 * critical. Fluent's focus sentinels (`<i data-tabster-dummy aria-hidden tabindex=0>`) are left
 * out: they are focusable on purpose and hand focus on at once, a known false positive of
 * aria-hidden-focus (microsoft/tabster#288, fluentui#25133).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // Colour contrast is measured on what is on screen: let every running transition finish first.
  // (Endless ones, such as a spinner's, are left alone.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run({ include: [['html']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Writes a screenshot only when its bytes change. The README's copies in docs/screenshots are
 * updated only when asked (BAOCAO_UPDATE_SCREENSHOTS=1, `npm run screenshots`): a test run
 * writes them under the temp folder, so `npm test` leaves the tree clean.
 */
export function writeIfChanged(file: string, bytes: Buffer): void {
  if (!process.env.BAOCAO_UPDATE_SCREENSHOTS) file = path.join(os.tmpdir(), 'baocao-screenshots', path.basename(file));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return;
  fs.writeFileSync(file, bytes);
}
