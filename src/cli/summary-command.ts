/**
 * `baocao summary FILE|FOLDER… -o tong-hop.xlsx [--format xlsx|csv|html] [--force]` — one table
 * for all reports received (issue 14): sheet "Kết quả kiểm tra" (one row per file, a file that
 * cannot be read as a row saying why) and sheet "Số liệu" (one row per figure of the template,
 * one column per office, a total where the figure adds up). Folders are read for .docx files.
 *
 * Each file is read, extracted and checked, then reduced to a compact row: no document or check
 * report outlives its file, so memory does not grow with the number of files beyond the rows.
 * The workbook is written with exceljs (see README: maintained, MIT, no native code).
 * Exit status: 0 written (even when some files could not be read: they are rows), 2 bad usage.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import { formatHtml, escapeHtml } from '../core/check/format-html';
import { summaryText } from '../core/check/format-text';
import { baseName, fieldPlace, figureFields, isAdditive, officeColumns, summarizeReport, totalOf, type SummaryRow } from '../core/model/summary';
import { TEMPLATES } from '../templates';
import { chosenTemplate } from './templates';
import type { Field, TemplateDefinition } from '../core/template/schema';
import { OoxmlDocument } from '../document/ooxml/document';
import { CliError, failureReason } from './errors';
import { prepareOutput, readInput, writeOutput } from './files';
import { EXIT, type Io, type Parsed } from './types';

/** Progress on stderr: 'tty' rewrites one line, 'lines' prints every PROGRESS_EVERY files. */
export type Progress = 'tty' | 'lines' | 'off';

const FORMATS = ['xlsx', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];
const PROGRESS_FROM = 10;
const PROGRESS_EVERY = 10;
export const SHEET_RESULTS = 'Kết quả kiểm tra';
export const SHEET_FIGURES = 'Số liệu';

/** The .docx files of the inputs: files as given, folders searched (sorted, lock files skipped). */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b, 'vi'))) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const full = path.join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (/\.docx$/i.test(name)) out.push(full);
    }
  };
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

/** Reads, extracts and checks one file; the document and the report are dropped on return. */
function summarizeFile(file: string, definition: TemplateDefinition, onReport?: (html: string) => void): SummaryRow {
  try {
    const snapshot = OoxmlDocument.open(readInput(file)).readSync();
    const { row, report } = summarizeReport(definition, snapshot, file);
    onReport?.(formatHtml([report]));
    return row;
  } catch (error) {
    return { file, unreadable: failureReason(error) };
  }
}

/** Excel number format of a figure, keeping the decimals it was written with (vi-VN shows 30.407 and 93,3%). */
function numFmt(field: Field, decimals: number): string {
  const frac = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  if (field.kind === 'percent') return `0${frac}"%"`;
  return `#,##0${frac}`;
}

const RESULT_HEADER = ['Tệp', 'Cơ quan', 'Kỳ báo cáo', 'Mẫu', 'Cách đọc', 'Lỗi', 'Cảnh báo', 'Lưu ý', 'Đã kiểm tra', 'Ghi chú'];

function resultCells(r: SummaryRow): Array<string | number | null> {
  if (r.unreadable) return [baseName(r.file), null, null, null, null, null, null, null, null, `Không đọc được: ${r.unreadable}`];
  const s = r.summary!;
  return [
    baseName(r.file),
    r.office ?? null,
    r.period ?? null,
    r.template ?? null,
    r.mode === 'bound' ? 'gắn ô nhập' : r.mode === 'generic' ? 'không theo mẫu' : 'nhận dạng',
    s.error,
    s.warning,
    s.info,
    r.checked ?? null,
    null,
  ];
}

const FIGURE_HEAD = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị', 'Vị trí trong mẫu'];

async function xlsxBytes(rows: readonly SummaryRow[], definition: TemplateDefinition): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = 'baocao';
  const results = wb.addWorksheet(SHEET_RESULTS, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  results.addRow(RESULT_HEADER).font = { bold: true };
  for (const r of rows) results.addRow(resultCells(r));
  [32, 36, 26, 16, 12, 8, 10, 8, 60, 50].forEach((w, i) => (results.getColumn(i + 1).width = w));

  const readable = rows.filter((r) => !r.unreadable);
  const offices = officeColumns(rows);
  const figures = wb.addWorksheet(SHEET_FIGURES, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  figures.addRow([...FIGURE_HEAD, ...offices, 'Tổng']).font = { bold: true };
  const first = FIGURE_HEAD.length + 1;
  const last = FIGURE_HEAD.length + readable.length;
  const colName = (n: number) => figures.getColumn(n).letter;
  for (const field of figureFields(definition)) {
    const row = figures.addRow([field.id, field.label, field.unit ?? '', fieldPlace(field, definition)]);
    readable.forEach((r, i) => {
      const v = r.values?.[field.id];
      if (!v) return;
      const cell = row.getCell(first + i);
      if (v.number !== undefined) {
        cell.value = v.number;
        cell.numFmt = numFmt(field, v.decimals ?? 0);
      } else {
        cell.value = v.text;
      }
    });
    const total = totalOf(field, readable);
    if (total && isAdditive(field) && readable.length > 0) {
      const cell = row.getCell(last + 1);
      cell.value = { formula: `SUM(${colName(first)}${row.number}:${colName(last)}${row.number})`, result: total.number };
      cell.numFmt = numFmt(field, total.decimals);
    }
  }
  figures.getColumn(1).width = 22;
  figures.getColumn(2).width = 60;
  figures.getColumn(3).width = 12;
  figures.getColumn(4).width = 32;
  for (let c = first; c <= last + 1; c++) figures.getColumn(c).width = 18;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvText(lines: Array<Array<string | number | null | undefined>>): string {
  // A BOM so that spreadsheet programs read UTF-8 (Vietnamese diacritics) correctly.
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The figures as a table of texts (as written; totals in vi-VN). */
function figureLines(rows: readonly SummaryRow[], definition: TemplateDefinition): string[][] {
  const readable = rows.filter((r) => !r.unreadable);
  const lines: string[][] = [[...FIGURE_HEAD, ...officeColumns(rows), 'Tổng']];
  for (const field of figureFields(definition)) {
    const total = totalOf(field, readable);
    lines.push([
      field.id,
      field.label,
      field.unit ?? '',
      fieldPlace(field, definition),
      ...readable.map((r) => r.values?.[field.id]?.text ?? ''),
      total ? total.number.toLocaleString('vi-VN', { minimumFractionDigits: total.decimals, maximumFractionDigits: total.decimals }) : '',
    ]);
  }
  return lines;
}

function resultsCsvPath(out: string): string {
  return out.replace(/(\.csv)?$/i, '-ket-qua-kiem-tra.csv');
}

function reportsDir(out: string): string {
  return out.replace(/(\.html?)?$/i, '-tung-tep');
}

function htmlPage(rows: readonly SummaryRow[], definition: TemplateDefinition, links: Map<string, string>): string {
  const head = RESULT_HEADER.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => {
      const cells = resultCells(r).map((c) => `<td>${escapeHtml(c === null ? '' : String(c))}</td>`);
      const link = links.get(r.file);
      if (link) cells[0] = `<td><a href="${escapeHtml(link)}">${escapeHtml(baseName(r.file))}</a></td>`;
      return `<tr${r.unreadable ? ' class="bad"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const fig = figureLines(rows, definition);
  const figHead = fig[0]!.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const figBody = fig
    .slice(1)
    .map((l) => `<tr>${l.map((c, i) => (i === 1 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tổng hợp kết quả kiểm tra</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}table{border-collapse:collapse;margin-bottom:2rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef2f7;position:sticky;top:0}
tr.bad td{background:#fdecea}a{color:#0b57d0}</style></head><body>
<h1>Tổng hợp kết quả kiểm tra (${rows.length} tệp)</h1>
<h2>${escapeHtml(SHEET_RESULTS)}</h2>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<h2>${escapeHtml(SHEET_FIGURES)}</h2>
<table><thead><tr>${figHead}</tr></thead><tbody>
${figBody}
</tbody></table>
</body></html>
`;
}

export async function summaryCommand(parsed: Parsed, io: Io): Promise<number> {
  const value = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const definition = chosenTemplate(parsed);
  return runSummary(parsed.files, { output: value('-o'), format: value('--format'), force: parsed.options.has('--force'), progress: process.stderr.isTTY ? 'tty' : 'lines', ...(definition ? { definition } : {}) }, io);
}

export async function runSummary(
  inputs: string[],
  options: { output?: string; format?: string; force?: boolean; definition?: TemplateDefinition; progress?: Progress },
  io: Io,
): Promise<number> {
  if (options.output === undefined) throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const out = options.output;
  const format = (options.format ?? (/\.csv$/i.test(out) ? 'csv' : /\.html?$/i.test(out) ? 'html' : 'xlsx')) as Format;
  if (!FORMATS.includes(format)) throw new CliError(`định dạng "${options.format}" không hỗ trợ; dùng xlsx, csv hoặc html (unknown format).`, undefined, true);
  const files = expandInputs(inputs);
  if (files.length === 0) throw new CliError('không có tệp .docx nào trong các thư mục đã cho (no .docx file found).');
  const force = options.force === true;
  const target = prepareOutput(out, files, force);
  const resultsTarget = format === 'csv' ? prepareOutput(resultsCsvPath(out), files, force) : undefined;

  const definition = options.definition ?? TEMPLATES.default;
  const progress = options.progress ?? 'off';
  const showProgress = progress !== 'off' && files.length >= PROGRESS_FROM;
  const rows: SummaryRow[] = [];
  const links = new Map<string, string>();
  const dir = reportsDir(target.real);
  if (format === 'html') mkdirSync(dir, { recursive: true });
  files.forEach((file, i) => {
    const writeReport =
      format === 'html'
        ? (html: string) => {
            const name = `${String(i + 1).padStart(3, '0')}-${baseName(file).replace(/\.docx$/i, '')}.html`;
            writeFileSync(path.join(dir, name), html);
            links.set(file, `${path.basename(dir)}/${encodeURIComponent(name)}`);
          }
        : undefined;
    rows.push(summarizeFile(file, definition, writeReport));
    if (showProgress && (progress === 'tty' || (i + 1) % PROGRESS_EVERY === 0 || i + 1 === files.length)) {
      const line = `Đã đọc ${i + 1}/${files.length} tệp`;
      io.err(progress === 'tty' ? `\r${line}${i + 1 === files.length ? '\n' : ''}` : `${line}\n`);
    }
  });

  if (format === 'xlsx') writeOutput(target, await xlsxBytes(rows, definition));
  else if (format === 'csv') {
    writeOutput(target, csvText(figureLines(rows, definition)));
    writeOutput(resultsTarget!, csvText([RESULT_HEADER, ...rows.map(resultCells)]));
  } else writeOutput(target, htmlPage(rows, definition, links));

  const bad = rows.filter((r) => r.unreadable);
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of rows) {
    if (!r.summary) continue;
    total.error += r.summary.error;
    total.warning += r.summary.warning;
    total.info += r.summary.info;
  }
  const written = [target.display, ...(resultsTarget ? [resultsTarget.display] : [])];
  io.out(`Tổng hợp ${rows.length - bad.length} tệp (${summaryText(total)})${bad.length ? `; ${bad.length} tệp không đọc được` : ''}: ${written.join(', ')}\n`);
  for (const b of bad) io.out(`  ${baseName(b.file)}: không đọc được: ${b.unreadable}\n`);
  return EXIT.ok;
}
