/**
 * `npm run start:word`: the add-in inside Word desktop. office-addin-debugging (run through npx,
 * not a dependency: it needs keytar/libsecret, which many machines lack) starts the https dev
 * server (`npm run dev-server`, webpack serve on https://localhost:3000), sideloads manifest.xml
 * and opens Word. Where that cannot work (no Word, no network for npx, no certificates) it says
 * so and points at `npm start`, the workbench that needs none of it.
 */
import { spawn } from 'node:child_process';

const windows = process.platform === 'win32';
const args = ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'word', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000', ...process.argv.slice(2)];

const HELP = `
baocao: không mở được Word với add-in (office-addin-debugging không chạy được).
  - Cần Word trên Windows hoặc macOS, và mạng để npx tải office-addin-debugging lần đầu.
  - Chứng chỉ https cho localhost: npx office-addin-dev-certs install
  - Chỉ chạy máy chủ phát triển (rồi nạp manifest.xml thủ công vào Word): npm run dev-server
  - Không có Word? npm start mở cùng ngăn tác vụ trong trình duyệt, trên tệp .docx thật.
(Word could not be started with the add-in; npm start runs the same task pane in a browser.)
`;

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  // Word desktop exists on Windows and macOS only: say so at once instead of fetching tools.
  process.stderr.write(`baocao: Word không có trên ${process.platform} (Word desktop runs on Windows and macOS only).\n${HELP}`);
  process.exit(1);
}

process.stdout.write('baocao: khởi động máy chủ phát triển https và mở Word với add-in (office-addin-debugging qua npx)…\n');

// npx is a .cmd script on Windows, run through the shell: the arguments are quoted for it there.
const child = windows
  ? spawn(['npx.cmd', ...args.map((a) => (/\s/.test(a) ? `"${a}"` : a))].join(' '), { stdio: 'inherit', shell: true })
  : spawn('npx', args, { stdio: 'inherit' });
child.on('error', (error) => {
  process.stderr.write(`baocao: ${error.message}\n${HELP}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code === 0 || signal === 'SIGINT') process.exit(0);
  process.stderr.write(HELP);
  process.exit(code ?? 1);
});
