/** Types shared by main.ts and the command modules (no runtime code). */

/** The parsed command line: option keys as typed canonically ("-o", "--to", "--force"). */
export interface Parsed {
  command: string;
  files: string[];
  options: Map<string, string | true>;
}

export interface Io {
  /** Output text; the CLI's own writer removes control characters before a terminal sees them. */
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Output already made safe whose only escape sequences are the CLI's own colours (the check's
   * text report on a terminal). Test doubles may leave it out; `out` is used then.
   */
  outFormatted?: (s: string) => void;
}

export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;
