/**
 * The CLI's one error path: every failure becomes one Vietnamese line with a short English gloss
 * naming the file, exit 2 (bad input or usage). A stack trace only with BAOCAO_DEBUG=1.
 * Loaded by main before any command, so it imports nothing heavy (no core, no zod).
 */

/** A failure the user can act on: bad usage, a file that cannot be read or written. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The file the message is about (printed before it). */
    readonly file?: string,
    /** A usage error: the command's usage is printed after the line. */
    readonly usage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * By name, not instanceof: the bundled CLI loads each command as its own bundle, each with its
 * own copy of this class.
 */
export function isCliError(error: unknown): error is CliError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'CliError';
}

interface NodeErrorLike {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
}

/** A Node file-system error (ENOENT, EACCES, …). */
export function isFsError(error: unknown): error is Error & { code: string; syscall?: string; path?: string } {
  // Duck-typed: errors of Node's own modules may come from another realm (jest), failing instanceof.
  const e = error as NodeErrorLike | null;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^E[A-Z]+$/u.test(e.code) && typeof e.syscall === 'string';
}

/** The Vietnamese reason for a file-system error code, with its English gloss. */
export function fsReason(code: string, action: 'read' | 'write'): string {
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? 'không tìm thấy tệp (file not found)' : 'thư mục chứa tệp không tồn tại (directory does not exist)';
    case 'ENOTDIR':
      return 'một phần của đường dẫn không phải thư mục (not a directory)';
    case 'EISDIR':
      return 'đây là một thư mục, không phải tệp (is a directory)';
    case 'EACCES':
    case 'EPERM':
      return action === 'read' ? 'không có quyền đọc (permission denied)' : 'không có quyền ghi vào thư mục này (permission denied)';
    case 'EROFS':
      return 'hệ thống tệp chỉ cho đọc (read-only file system)';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'hết chỗ trống trên đĩa (no space left on device)';
    case 'ELOOP':
      return 'liên kết tượng trưng vòng quanh (too many symbolic links)';
    case 'ENAMETOOLONG':
      return 'tên tệp quá dài (file name too long)';
    case 'EMFILE':
    case 'ENFILE':
      return 'mở quá nhiều tệp cùng lúc (too many open files)';
    default:
      return action === 'read' ? `lỗi khi đọc tệp [${code}] (read error)` : `lỗi khi ghi tệp [${code}] (write error)`;
  }
}

const firstLine = (s: string) => s.split('\n')[0]?.trim() ?? '';

/**
 * One line for anything thrown while a command ran on `file` (the command's input, when it has
 * one). Errors of the document engine carry Vietnamese messages and a code; others are named.
 */
export function failureReason(error: unknown): string {
  if (isCliError(error)) return error.message;
  if (isFsError(error)) return fsReason(error.code, error.syscall === 'open' || error.syscall === 'read' ? 'read' : 'write');
  // Duck-typed (errors may come from another realm); engine and core errors (DocumentError,
  // RolloverError) are Vietnamese already and matched by name, keeping this module import-free.
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; code?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (name === 'DocumentError') return `${firstLine(message)}${typeof e.code === 'string' ? ` [${e.code}]` : ''}`;
  if (name === 'RolloverError') return firstLine(message);
  if (name === 'RangeError' && /call stack/iu.test(message)) return 'tài liệu lồng nhau quá sâu, không xử lý được (document nested too deeply)';
  if (name === 'RangeError' && /invalid (?:string|array|typed array) length|allocation failed|buffer allocation/iu.test(message)) {
    return 'tài liệu quá lớn để xử lý (document too large)';
  }
  return `lỗi không mong đợi: ${firstLine(message) || name || 'không rõ'} (unexpected error; BAOCAO_DEBUG=1 shows details)`;
}

export const debugEnabled = (): boolean => process.env.BAOCAO_DEBUG === '1';

/** The whole message for stderr: "baocao CMD: FILE: reason", plus the stack with BAOCAO_DEBUG=1. */
export function failureMessage(command: string, error: unknown, file?: string): string {
  const named = isCliError(error) ? error.file : file;
  const prefix = command ? `baocao ${command}: ` : 'baocao: ';
  let line = `${prefix}${named ? `${named}: ` : ''}${failureReason(error)}`;
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (debugEnabled() && typeof stack === 'string') line += `\n${stack}`;
  return `${line}\n`;
}
