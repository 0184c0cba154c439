/**
 * The process around main(): the real streams, the exit code set only after stdout and stderr
 * have drained (a pipe gets every byte), a closed pipe (`| head`) ending quietly, and anything
 * thrown outside a command still one line and exit 2. bin/baocao.cjs calls run().
 */
import { debugEnabled } from './errors';
import { main } from './main';
import { stripControls } from './terminal';
import type { Io } from './types';

function writer(stream: NodeJS.WriteStream, clean: boolean): (s: string) => void {
  return (s) => {
    stream.write(clean ? stripControls(s) : s);
  };
}

/** Resolves when everything written so far to `stream` has been handed to the OS. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    // An empty write's callback runs after every earlier write has been flushed.
    stream.write('', () => resolve());
  });
}

export async function run(argv: string[]): Promise<void> {
  // A reader that goes away (`baocao extract x | head -c 10`) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') {
        process.exitCode ??= 0;
        stream.destroy();
        return;
      }
      process.exitCode = 2;
    });
  }
  // Output loses control characters, so that a document cannot inject escape sequences into a
  // terminal (JSON escapes them instead; the check's colours go through outFormatted).
  const io: Io = { out: writer(process.stdout, true), err: writer(process.stderr, true), outFormatted: writer(process.stdout, false) };
  let code: number;
  try {
    code = await main(argv, io);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`baocao: lỗi không mong đợi: ${reason} (unexpected error)\n${debugEnabled() && error instanceof Error ? `${error.stack}\n` : ''}`);
    code = 2;
  }
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // No process.exit(): node exits by itself once the event loop is empty, after the streams.
  process.exitCode = code;
}
