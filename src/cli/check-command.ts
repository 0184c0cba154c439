/**
 * `baocao check FILE… [--format text|json|html] [-o OUT]` — the consistency check of one or
 * more reports (template cchc-6-thang). Every readable file is checked even when another cannot
 * be read. Exit status: 0 when no file has an error finding, 1 when some file has, 2 when an
 * input could not be read (a one-line reason on stderr naming the file) or the usage is wrong.
 *
 * Output goes to stdout, or to OUT with -o (never over an input file; an existing OUT only
 * with `force`). JSON is the contract of the spec (validated before it is written).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, formatJson, type CheckReport } from '../core/check';
import { formatHtml } from '../core/check/format-html';
import { formatText } from '../core/check/format-text';
import { CCHC_6_THANG } from '../core/template/cchc-6-thang';
import type { TemplateDefinition } from '../core/template/schema';
import { OoxmlDocument } from '../document/ooxml/document';

export interface CheckOptions {
  /** text (default), json or html. */
  format?: string;
  /** Write the output to this file instead of stdout. */
  output?: string;
  /** ANSI colour in text output (the CLI passes whether stdout is a TTY; never used for files). */
  color: boolean;
  /** Overwrite an existing output file. */
  force?: boolean;
  /** Template definition (defaults to cchc-6-thang). */
  definition?: TemplateDefinition;
}

export interface CheckIo {
  out(s: string): void;
  err(s: string): void;
}

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** A one-line reason, whatever was thrown. */
function reasonOf(error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  return msg.split('\n')[0]?.trim() || 'lỗi không rõ';
}

async function checkFile(file: string, definition: TemplateDefinition): Promise<CheckReport> {
  if (!existsSync(file)) throw new Error('không tìm thấy tệp (file not found)');
  const bytes = new Uint8Array(readFileSync(file));
  const doc = await OoxmlDocument.open(bytes);
  const snapshot = await doc.read();
  return checkReport({ definition, snapshot, fileName: file });
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
  if (options.output !== undefined) {
    const out = path.resolve(options.output);
    if (files.some((f) => path.resolve(f) === out)) {
      io.err(`baocao check: không ghi đè lên tệp nguồn "${options.output}" (refusing to overwrite an input).\n`);
      return 2;
    }
    if (existsSync(out) && !options.force) {
      io.err(`baocao check: tệp "${options.output}" đã tồn tại; dùng --force để ghi đè (output exists).\n`);
      return 2;
    }
  }

  const definition = options.definition ?? CCHC_6_THANG;
  const reports: CheckReport[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const file of files) {
    try {
      reports.push(await checkFile(file, definition));
    } catch (error) {
      const reason = reasonOf(error);
      unreadable.push({ file, reason });
      io.err(`baocao check: không đọc được "${file}": ${reason}\n`);
    }
  }

  const toFile = options.output !== undefined;
  let text: string;
  if (format === 'json') text = formatJson(reports);
  else if (format === 'html') text = formatHtml(reports, unreadable);
  else text = formatText(reports, { color: options.color && !toFile }, unreadable.map((u) => u.file));

  if (toFile) {
    writeFileSync(path.resolve(options.output!), text);
    io.err(`Đã ghi kết quả kiểm tra vào ${options.output}\n`);
  } else {
    io.out(text);
  }

  if (unreadable.length > 0) return 2;
  return reports.some((r) => r.summary.error > 0) ? 1 : 0;
}
