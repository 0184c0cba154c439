/**
 * `npm start`: serves the workbench build (dist/workbench, made by `npm run build:workbench`) on
 * http://localhost:3000 — the task pane beside the embedded sample report, in any browser, with
 * no Word, no certificates and no external service. A small static server: GET/HEAD of files
 * under the build folder only (the sample and the template are copied there by the build),
 * fixed MIME types, 127.0.0.1 unless HOST says otherwise, PORT to change the port.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const DEFAULT_ROOT = path.resolve(__dirname, '..', 'dist', 'workbench');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The file under `root` a URL path names, or undefined when it names nothing servable. */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  // Hidden files and unknown types are never served.
  if (relative.split('/').some((seg) => seg.startsWith('.'))) return undefined;
  if (!MIME[path.extname(file).toLowerCase()]) return undefined;
  return file;
}

function send(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

export function createWorkbenchServer(root: string = DEFAULT_ROOT): http.Server {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Phương thức không được hỗ trợ (method not allowed).');
      return;
    }
    const file = resolveRequest(base, req.url ?? '/');
    if (!file) {
      send(res, 404, 'Không tìm thấy (not found).');
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        send(res, 404, 'Không tìm thấy (not found).');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      res.writeHead(200, {
        'Content-Type': MIME[ext]!,
        'Content-Length': stat.size,
        'X-Content-Type-Options': 'nosniff',
        // Bundles are content-hashed; the page and the documents are always fetched afresh.
        'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        // Everything the page needs comes from this server; nothing is fetched elsewhere.
        'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    });
  });
}

export interface RunningServer {
  url: string;
  /** The address it listens on ("127.0.0.1" by default). */
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the server; port 0 picks a free port. */
export function startWorkbenchServer(options: { root?: string; port?: number; host?: string } = {}): Promise<RunningServer> {
  const server = createWorkbenchServer(options.root);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      const { port, address } = server.address() as AddressInfo;
      const shown = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}/`,
        address,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function main(): Promise<number> {
  const root = process.env.BAOCAO_WORKBENCH_DIR ? path.resolve(process.env.BAOCAO_WORKBENCH_DIR) : DEFAULT_ROOT;
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    process.stderr.write(`baocao: chưa có bản dựng của bàn làm việc trong ${root}; chạy "npm run build:workbench" trước (or simply "npm start").\n`);
    return 2;
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`baocao: PORT không hợp lệ: "${process.env.PORT}" (invalid PORT).\n`);
    return 2;
  }
  let running: RunningServer;
  try {
    running = await startWorkbenchServer({ root, port, host: process.env.HOST || '127.0.0.1' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `cổng ${port} đang được dùng; thử PORT=3001 npm start (port in use)` : (error as Error).message;
    process.stderr.write(`baocao: không khởi động được máy chủ: ${why}\n`);
    return 2;
  }
  process.stdout.write(
    [
      '',
      `  baocao — báo cáo định kỳ trong trình duyệt (không cần Word)`,
      `  Mở: ${running.url}`,
      `  Báo cáo mẫu đang mở sẵn; "Mở tệp…" hoặc kéo thả để mở tệp .docx khác.`,
      `  Dòng lệnh: npx baocao check <tệp.docx>   (npx baocao help để xem mọi lệnh)`,
      `  Dừng: Ctrl+C`,
      '',
    ].join('\n') + '\n',
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined); // runs until stopped
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
