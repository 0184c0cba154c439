/**
 * Errors of the vi-VN codec. Malformed input always throws a CodecError (never NaN); every
 * message is Vietnamese, for the reviewer. `tryX` variants return a Result instead.
 */

export type CodecErrorCode =
  /** Nothing to read (empty or blank string). */
  | 'empty'
  /** Not the expected form at all ("abc", "12..3", "1,2,3", "93,3%%"). */
  | 'malformed'
  /** A number with the wrong separators ("28,375" for a count, "2.5", "30407"). */
  | 'separator'
  /** A well-formed figure of the wrong kind (a percentage where a count is expected). */
  | 'kind'
  /** Out of the representable range (too many digits, negative, not finite). */
  | 'range'
  /** A date-shaped string that is not a calendar date ("31/02/2022"). */
  | 'date-invalid';

/** Which separator mistake a 'separator' error reports. */
export type SeparatorHint =
  /** "28,375" where a count is expected: comma used as the thousands separator. */
  | 'comma-thousands'
  /** "1,234,567" or "1,234.5": English grouping. */
  | 'english-grouping'
  /** "2.5": dot used as the decimal separator. */
  | 'dot-decimal'
  /** "30407": a figure above 9999 written without a thousands separator. */
  | 'missing-grouping';

export interface CodecErrorDetails {
  /** The corrected text, when one can be proposed. */
  suggestion?: string;
  hint?: SeparatorHint;
}

export class CodecError extends Error {
  readonly code: CodecErrorCode;
  /** The text that failed, exactly as given. */
  readonly input: string;
  readonly suggestion?: string;
  readonly hint?: SeparatorHint;

  constructor(code: CodecErrorCode, input: string, message: string, details: CodecErrorDetails = {}) {
    // A codec error is a validation result, not a bug: skip the costly stack capture.
    // (stackTraceLimit is a V8 extension, absent from the ES lib the core compiles against.)
    const v8 = Error as { stackTraceLimit?: number };
    const limit = v8.stackTraceLimit;
    v8.stackTraceLimit = 0;
    super(message);
    v8.stackTraceLimit = limit;
    this.name = 'CodecError';
    this.code = code;
    this.input = input;
    if (details.suggestion !== undefined) this.suggestion = details.suggestion;
    if (details.hint !== undefined) this.hint = details.hint;
    // Keep `instanceof` working when compiled to older targets.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CodecError };

/**
 * Runs a parser and captures its CodecError as a failed Result. Any other exception is a bug
 * and is rethrown.
 */
export function attempt<T>(parse: () => T): Result<T> {
  try {
    return { ok: true, value: parse() };
  } catch (e) {
    if (e instanceof CodecError) return { ok: false, error: e };
    throw e;
  }
}

export function isCodecError(e: unknown): e is CodecError {
  return e instanceof CodecError;
}
