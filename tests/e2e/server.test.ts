/**
 * The static server behind `npm start` (scripts/serve-workbench.ts): only files under the build
 * folder, with their MIME types, on 127.0.0.1; it prints where to go and how to use the CLI.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveRequest, startWorkbenchServer, type RunningServer } from '../../scripts/serve-workbench';
import { REPO_DIR } from '../helpers/paths';

let root: string;
let server: RunningServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-serve-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'workbench.0123abcd.js'), 'console.log(1)');
  fs.mkdirSync(path.join(root, 'samples'));
  fs.copyFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx'), path.join(root, 'samples', 'bao-cao-cchc-6-thang-2022.docx'));
  fs.writeFileSync(path.join(root, '.secret.json'), '{}');
  fs.writeFileSync(path.join(root, 'notes.md'), '# not served');
  server = await startWorkbenchServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A raw request (the path is sent as written, `..` included). */
function request(method: string, rawPath: string): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve-workbench', () => {
  test('maps URL paths to files under the root only', () => {
    expect(resolveRequest(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequest(root, '/?panel=kiem-tra')).toBe(path.join(root, 'index.html'));
    expect(resolveRequest(root, '/samples/bao-cao-cchc-6-thang-2022.docx')).toBe(path.join(root, 'samples', 'bao-cao-cchc-6-thang-2022.docx'));
    for (const bad of ['/../package.json', '/%2e%2e/package.json', '/samples/%2e%2e/%2e%2e/x.js', '/..%5cx.js', '/.secret.json', '/notes.md', '/%00.js', '/%E0%A4%A']) {
      expect([bad, resolveRequest(root, bad)]).toEqual([bad, undefined]);
    }
  });

  test('serves the page, bundles and documents with their types; refuses the rest', async () => {
    expect(server.url).toBe(`http://localhost:${server.port}/`);
    const page = await request('GET', '/');
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    const js = await request('GET', '/workbench.0123abcd.js');
    expect([js.status, js.type, js.body.toString()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
    const docx = await request('GET', '/samples/bao-cao-cchc-6-thang-2022.docx');
    expect([docx.status, docx.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(docx.body.equals(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx')))).toBe(true);
    const head = await request('HEAD', '/');
    expect([head.status, head.body.length]).toEqual([200, 0]);
    expect((await request('GET', '/../../package.json')).status).toBe(404);
    expect((await request('GET', '/.secret.json')).status).toBe(404);
    expect((await request('GET', '/missing.js')).status).toBe(404);
    expect((await request('POST', '/')).status).toBe(405);
  });

  test('listens on 127.0.0.1 only by default', async () => {
    expect(server.address).toBe('127.0.0.1');
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal);
    for (const a of addresses) {
      const reached = await new Promise<boolean>((resolve) => {
        const req = http.get({ host: a.address, port: server.port, path: '/', timeout: 2000 }, () => resolve(true));
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
          req.destroy();
          resolve(false);
        });
      });
      expect([a.address, reached]).toEqual([a.address, false]);
    }
    expect((await request('GET', '/')).status).toBe(200);
  });

  test('as a command: prints the URL and the CLI hint; without a build, says how to make one', async () => {
    const tsx = path.join(REPO_DIR, 'node_modules', '.bin', 'tsx');
    const script = path.join(REPO_DIR, 'scripts', 'serve-workbench.ts');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-serve-empty-'));
    try {
      const missing = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(tsx, [script], { env: { ...process.env, BAOCAO_WORKBENCH_DIR: empty } });
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('npm run build:workbench');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }

    const child = spawn(tsx, [script], { env: { ...process.env, BAOCAO_WORKBENCH_DIR: root, PORT: '0' } });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('Ctrl+C')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      const url = /Mở: (http:\/\/localhost:\d+\/)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toContain('Dòng lệnh: npx baocao check <tệp.docx>');
      const port = Number(new URL(url!).port);
      const status = await new Promise<number>((resolve, reject) => http.get({ host: '127.0.0.1', port, path: '/' }, (res) => resolve(res.statusCode ?? 0)).on('error', reject));
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
