/**
 * `baocao check FILE… [--format text|json|html] [-o OUT]` — the consistency check of one or
 * more reports (the template from the registry). Every readable file is checked even when another cannot
 * be read. Exit status: 0 when no file has an error finding, 1 when some file has, 2 when an
 * input could not be read (a one-line reason on stderr naming the file) or the usage is wrong.
 *
 * Output goes to stdout, or to OUT with -o (never over an input file; an existing OUT only
 * with `force`). JSON is the contract of the spec (validated before it is written).
 */
import { checkReport, formatJson, type CheckReport } from '../core/check';
import { formatHtml } from '../core/check/format-html';
import { formatText } from '../core/check/format-text';
import { chosenTemplate, documentTemplate } from './templates';
import { withUserFields } from '../core/template/user-fields';
import type { TemplateDefinition } from '../core/template/schema';
import { OoxmlDocument } from '../document/ooxml/document';
import { failureMessage, failureReason } from './errors';
import { prepareOutput, readInput, writeOutput, type OutputTarget } from './files';
import { escapeJsonControls, stripControls, stripControlsDeep } from './terminal';
import type { Io, Parsed } from './types';

export interface CheckOptions {
  /** text (default), json or html. */
  format?: string;
  /** Write the output to this file instead of stdout. */
  output?: string;
  /** ANSI colour in text output (the CLI passes whether stdout is a TTY; never used for files). */
  color: boolean;
  /** Overwrite an existing output file. */
  force?: boolean;
  /** Template definition (defaults to the registry's detection). */
  definition?: TemplateDefinition;
}

export interface CheckIo {
  out(s: string): void;
  err(s: string): void;
  /** Output that may carry the CLI's own colour codes (see Io.outFormatted). */
  outFormatted?(s: string): void;
}

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

async function checkFile(file: string, definition: TemplateDefinition | undefined): Promise<CheckReport> {
  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  return checkReport({ definition: definition ? withUserFields(definition, snapshot.data).definition : documentTemplate(snapshot), snapshot, fileName: file });
}

export async function cmdCheck(files: string[], options: CheckOptions, io: CheckIo): Promise<number> {
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    io.err(`baocao check: định dạng "${options.format}" không hỗ trợ; dùng text, json hoặc html (unknown format).\n`);
    return 2;
  }
  if (files.length === 0) {
    io.err('baocao check: cần ít nhất một tệp .docx (no input file).\n');
    return 2;
  }
  let target: OutputTarget | undefined;
  if (options.output !== undefined) {
    try {
      target = prepareOutput(options.output, files, options.force === true);
    } catch (error) {
      io.err(failureMessage('check', error));
      return 2;
    }
  }

  const definition = options.definition;
  const reports: CheckReport[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const file of files) {
    try {
      reports.push(await checkFile(file, definition));
    } catch (error) {
      // One file's failure (corrupt, hostile, even an engine bug) never stops the others.
      const reason = failureReason(error);
      unreadable.push({ file, reason });
      io.err(`baocao check: không đọc được "${file}": ${reason}\n`);
      if (process.env.BAOCAO_DEBUG === '1' && error instanceof Error) io.err(`${error.stack ?? ''}\n`);
    }
  }

  const toFile = target !== undefined;
  const colored = format === 'text' && options.color && !toFile;
  let text: string;
  // JSON keeps the document's text (control characters escaped); text and HTML drop controls.
  if (format === 'json') text = escapeJsonControls(formatJson(reports));
  else {
    const safe = stripControlsDeep(reports);
    const safeUnreadable = unreadable.map((u) => ({ file: stripControls(u.file), reason: stripControls(u.reason) }));
    if (format === 'html') text = formatHtml(safe, safeUnreadable);
    else text = formatText(safe, { color: colored }, safeUnreadable.map((u) => u.file));
  }

  if (target) {
    try {
      writeOutput(target, text);
    } catch (error) {
      io.err(failureMessage('check', error));
      return 2;
    }
    io.err(`Đã ghi kết quả kiểm tra vào ${options.output}\n`);
  } else if (colored && io.outFormatted) {
    io.outFormatted(text);
  } else {
    io.out(text);
  }

  if (unreadable.length > 0) return 2;
  return reports.some((r) => r.summary.error > 0) ? 1 : 0;
}

/** The command for main.ts. */
export async function checkCommand(parsed: Parsed, io: Io): Promise<number> {
  const option = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const format = option('--format');
  const output = option('-o');
  return cmdCheck(
    parsed.files,
    {
      ...(format !== undefined ? { format } : {}),
      ...(output !== undefined ? { output } : {}),
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      ...(chosenTemplate(parsed) ? { definition: chosenTemplate(parsed)! } : {}),
      force: parsed.options.has('--force'),
    },
    io,
  );
}
