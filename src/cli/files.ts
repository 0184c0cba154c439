/**
 * Reading inputs and writing outputs safely (Node only).
 *
 * Inputs: only regular files, their size checked (fstat) before a byte is read, read in a bounded
 * loop; a device (/dev/zero), a FIFO or a file growing past the limit is refused, not read.
 * Outputs: never the real file of an input (same device and inode, whatever symlinks or hard
 * links lead there), not even with --force; written to a temporary file in the target's folder,
 * fsynced, then renamed over the target, so an interrupted write leaves the previous output whole.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import * as path from 'node:path';
import { CliError, fsReason, isFsError } from './errors';

/** The largest .docx read (the zip reader's own archive limit is the same 200 MiB). */
export const MAX_DOCX_BYTES = 200 * 1024 * 1024;
/** The largest JSON data file read by fill. */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function fsFailure(error: unknown, file: string, action: 'read' | 'write'): never {
  if (isFsError(error)) throw new CliError(fsReason(error.code, action), file);
  throw error;
}

/** Reads a whole regular file of at most `limit` bytes. Throws CliError naming the file. */
export function readInput(file: string, limit = MAX_DOCX_BYTES): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    fsFailure(error, file, 'read');
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CliError('đây là một thư mục, không phải tệp (is a directory)', file);
    if (!st.isFile()) throw new CliError('không phải tệp thông thường (thiết bị, FIFO hoặc socket) (not a regular file)', file);
    if (st.size > limit) throw new CliError(`tệp quá lớn: ${mib(st.size)}, giới hạn ${mib(limit)} (file too large)`, file);
    const chunks: Buffer[] = [];
    let total = 0;
    // A file may grow while it is read: read what fstat announced, then until EOF, never past the limit.
    let chunk = Buffer.allocUnsafeSlow(Math.max(1, Math.min(st.size + 1, limit + 1)));
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        fsFailure(error, file, 'read');
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new CliError(`tệp quá lớn: hơn ${mib(limit)} (file too large)`, file);
      if (n === chunk.length) chunk = Buffer.allocUnsafeSlow(Math.min(1 << 20, limit + 1 - total));
      else chunk = chunk.subarray(n);
    }
    const out = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } finally {
    closeSync(fd);
  }
}

/** Reads a UTF-8 text file (JSON data) within its limit. */
export function readTextInput(file: string, limit = MAX_JSON_BYTES): string {
  return Buffer.from(readInput(file, limit)).toString('utf8');
}

function statOrUndefined(file: string, follow = true): Stats | undefined {
  try {
    return follow ? statSync(file) : lstatSync(file);
  } catch (error) {
    if (isFsError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** True when `a` and `b` lead to the same file (device and inode, through links). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Where an output goes, checked before any work is done. */
export interface OutputTarget {
  /** As the user typed it (for messages). */
  display: string;
  /** The file finally replaced: the real path (an existing symlink is written through). */
  real: string;
  /** A device or FIFO (/dev/null, /dev/stdout): written in place, nothing to replace. */
  special: boolean;
  /** Permission bits of the file replaced, kept on the new one. */
  mode?: number;
}

/**
 * Checks an output path against the inputs and the file system: refuses an input (even with
 * force), a folder, a missing or unwritable folder, and an existing file without force.
 */
export function prepareOutput(output: string, inputs: string[], force: boolean): OutputTarget {
  const display = output;
  const resolved = path.resolve(output);
  let st: Stats | undefined;
  try {
    st = statOrUndefined(resolved);
  } catch (error) {
    fsFailure(error, display, 'write');
  }
  for (const input of inputs) {
    let same: boolean;
    try {
      same = sameFile(input, resolved);
    } catch {
      same = false;
    }
    if (same) throw new CliError(`Không ghi đè lên tệp nguồn "${input}" (kể cả với --force); hãy chọn tên khác (refusing to overwrite an input)`, display);
  }
  if (st?.isDirectory()) throw new CliError('đây là một thư mục; hãy chỉ rõ tên tệp kết quả (output is a directory)', display);
  if (st && !st.isFile()) return { display, real: resolved, special: true };
  const link = statOrUndefined(resolved, false);
  if ((st || link) && !force) throw new CliError(`tệp đã tồn tại; dùng --force để ghi đè (output exists; use --force)`, display);
  let real: string;
  if (st) {
    real = realpathSync(resolved);
  } else {
    const dir = path.dirname(resolved);
    const dirStat = statOrUndefined(dir);
    if (!dirStat) throw new CliError(`thư mục "${path.dirname(output) || '.'}" không tồn tại (directory does not exist)`, display);
    if (!dirStat.isDirectory()) throw new CliError(`"${path.dirname(output)}" không phải thư mục (not a directory)`, display);
    // A dangling symlink is replaced by the new file, not followed.
    real = path.join(realpathSync(dir), path.basename(resolved));
  }
  return { display, real, special: false, ...(st ? { mode: st.mode & 0o7777 } : {}) };
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Writes `data` to the target atomically: temp file in the same folder, fsync, rename. */
export function writeOutput(target: OutputTarget, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (target.special) {
    let fd: number | undefined;
    try {
      fd = openSync(target.real, 'w');
      writeAll(fd, bytes);
    } catch (error) {
      fsFailure(error, target.display, 'write');
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  const dir = path.dirname(target.real);
  const tmp = path.join(dir, `.${path.basename(target.real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, target.mode ?? 0o666);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target.real);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // Not created, or already renamed.
    }
    fsFailure(error, target.display, 'write');
  }
  // The rename itself durable; a folder that cannot be opened or synced is not an error.
  try {
    const dfd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Best effort.
  }
}
