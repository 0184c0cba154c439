/**
 * `baocao rollover FILE --to <kỳ> -o OUT [--date DD/MM/YYYY] [--force]` — start the next report
 * from last period's document (issue 6): the figures of the period are cleared ("chưa nhập"),
 * standing ones kept, the report's date, period labels, data window and appendix captions set
 * for the new period. A plain document (no content controls) is adopted first, in the output
 * only. The source file is never written: OUT must be another file (an existing OUT only with
 * --force). Exit status: 0 written, 2 bad input or usage.
 */
import { tryParseViDate, type DayMonthYear } from '../core/codec';
import { describePeriod, formatDay, parsePeriod } from '../core/period';
import { RolloverError, rolloverDocument, type RolloverRun } from '../core/rollover';
import { chosenTemplate, documentTemplate } from './templates';
import { withUserFields } from '../core/template/user-fields';
import type { TemplateDefinition } from '../core/template/schema';
import { OoxmlDocument } from '../document/ooxml/document';
import { failureReason, isCliError } from './errors';
import { prepareOutput, readInput, sameFile, writeOutput, type OutputTarget } from './files';

export interface RolloverCommandOptions {
  /** Target period as typed: "nam-2022", "quy-ii-2023", "9-thang-2022", "quý IV năm 2023". */
  to?: string;
  /** Output file. */
  output?: string;
  /** The new report's date, DD/MM/YYYY (default: the target period's data cut-off). */
  date?: string;
  /** Overwrite an existing output file. */
  force?: boolean;
  /** Template definition (default: the one the document follows, from the registry). */
  definition?: TemplateDefinition;
}

export interface RolloverIo {
  out(s: string): void;
  err(s: string): void;
}

/** English glosses of the core's Vietnamese roll-over errors. */
const ROLLOVER_GLOSS: Record<RolloverError['code'], string> = {
  'not-bound': 'the document has no content controls',
  'no-period': "the source report's period could not be detected",
  'not-later': "the target period must be later than the source's",
  'not-served': 'the template does not serve this period',
};

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;
/** Fields listed in full in the summary; the rest are counted. */
const LIST_MAX = 400;

const USAGE = 'Cách dùng: baocao rollover TỆP.docx --to <kỳ mới, vd. nam-2022, quy-i-2023> -o RA.docx [--date DD/MM/YYYY] [--force]';

function samePath(a: string, b: string): boolean {
  try {
    return sameFile(a, b);
  } catch {
    return false;
  }
}

/** A `--date` value: DD/MM/YYYY, a real day. */
export function parseDate(text: string): DayMonthYear | undefined {
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/u.test(text.trim())) return undefined;
  const r = tryParseViDate(text.trim());
  return r.ok ? { day: r.value.day, month: r.value.month, year: r.value.year } : undefined;
}

export async function cmdRollover(files: string[], options: RolloverCommandOptions, io: RolloverIo): Promise<number> {
  const fail = (message: string) => {
    io.err(`baocao rollover: ${message}\n`);
    return EXIT_BAD_INPUT;
  };
  const [file] = files;
  if (!file || files.length > 1) return fail(`cần đúng một tệp .docx (rollover takes one .docx file).\n${USAGE}`);
  if (!options.to) return fail(`cần chỉ định kỳ mới bằng --to (the target period is required).\n${USAGE}`);
  const to = parsePeriod(options.to);
  if (!to) return fail(`không đọc được kỳ "${options.to}"; ví dụ: quy-i-2023, quy-ii-2023, quy-iii-2023, quy-iv-2023, 6-thang-2023, 9-thang-2023, nam-2023 (unknown period).`);
  let reportDate: DayMonthYear | undefined;
  if (options.date !== undefined) {
    reportDate = parseDate(options.date);
    if (!reportDate) return fail(`ngày báo cáo "${options.date}" không hợp lệ; viết theo dạng DD/MM/YYYY, ví dụ 14/12/2022 (invalid --date).`);
  }
  if (!options.output) return fail(`cần chỉ định tệp kết quả bằng -o TỆP (an output file is required).\n${USAGE}`);
  // Same device and inode, through symlinks and hard links: refused even with --force.
  if (samePath(file, options.output)) return fail(`không ghi đè lên tệp nguồn "${options.output}" (kể cả với --force); hãy chọn tên khác (refusing to overwrite the input).`);
  let target: OutputTarget;
  let source: Uint8Array;
  try {
    target = prepareOutput(options.output, [file], options.force === true);
    source = readInput(file);
  } catch (error) {
    if (isCliError(error)) return fail(`${error.file ?? file}: ${error.message}`);
    throw error;
  }

  let run: RolloverRun;
  let bytes: Uint8Array;
  try {
    const doc = OoxmlDocument.open(source);
    // laterOnly: going back in time (--to nam-2021 from a 2022 report) is refused, not warned.
    const snapshot = await doc.read();
    const definition = options.definition ? withUserFields(options.definition, snapshot.data).definition : documentTemplate(snapshot);
    run = await rolloverDocument(doc, definition, { to, laterOnly: true, ...(reportDate ? { reportDate } : {}) });
    bytes = doc.save();
  } catch (error) {
    // Every failure on the document is one line naming it (engine, roll-over or unexpected).
    const gloss = error instanceof RolloverError ? ` (${ROLLOVER_GLOSS[error.code]})` : '';
    return fail(`${file}: ${failureReason(error)}${gloss}`);
  }
  try {
    writeOutput(target, bytes);
  } catch (error) {
    if (isCliError(error)) return fail(`${error.file ?? options.output}: ${error.message}`);
    throw error;
  }
  io.out(formatSummary(run, target.real));
  return EXIT_OK;
}

/** The summary printed after a roll-over (Vietnamese). */
export function formatSummary(run: RolloverRun, out: string): string {
  const { plan, adopted } = run;
  const { summary } = plan;
  const lines: string[] = [];
  lines.push(
    `Báo cáo nguồn: ${describePeriod(plan.from)} → kỳ mới: ${describePeriod(plan.to)} (số liệu từ ${formatDay(plan.window.start)}, chốt ${formatDay(plan.window.cutoff)}; ngày báo cáo ${formatDay(plan.reportDate)}).`,
  );
  if (adopted) lines.push(`Tài liệu chưa có ô nhập: đã gắn ${adopted.edits.length} ô nhập trước khi chuyển kỳ (adopt; chỉ trong tệp mới).`);
  lines.push(`Cập nhật theo kỳ mới: ${summary.changed.length} chỉ tiêu; giữ nguyên: ${summary.kept.length}; xóa để nhập kỳ mới (chưa nhập): ${summary.cleared.length}.`);
  for (const c of summary.changed) lines.push(`  ~ ${c.label}: ${c.before ?? '(trống)'} → ${c.after ?? '(trống)'}`);
  const labels = plan.prose.filter((p) => p.reason !== 'year' && p.reason !== 'compared-year').length;
  const years = plan.prose.length - labels;
  if (plan.prose.length) lines.push(`Sửa câu chữ ngoài ô nhập: ${labels} chỗ ghi kỳ báo cáo, ${years} chỗ ghi năm.`);
  if (plan.staleLeft.length) {
    lines.push(`Giữ nguyên ${plan.staleLeft.length} chỗ ghi kỳ cũ (tên văn bản được trích dẫn hoặc nội dung được giữ lại):`);
    for (const s of plan.staleLeft) lines.push(`  · ${s.section}: "${s.text}" — ${s.why === 'cited' ? 'trong tên văn bản được trích dẫn' : 'trong nội dung được giữ lại'}: ${s.context}`);
  }
  for (const w of plan.warnings) lines.push(`Lưu ý: ${w}`);
  lines.push(`Chưa nhập (${summary.cleared.length} chỉ tiêu):`);
  for (const c of summary.cleared.slice(0, LIST_MAX)) {
    const previous = c.before !== null ? ` — kỳ trước: ${c.before}` : '';
    lines.push(`  - ${c.label} (${c.id})${previous}${c.note ? ` [${c.note}]` : ''}`);
  }
  if (summary.cleared.length > LIST_MAX) lines.push(`  … và ${summary.cleared.length - LIST_MAX} chỉ tiêu khác`);
  const keptRows = summary.kept.filter((k) => k.taskRow !== undefined);
  if (keptRows.length) {
    lines.push(`Giữ nguyên (${keptRows.length} dòng nhiệm vụ do người soạn thêm):`);
    for (const k of keptRows) lines.push(`  = ${k.label} — sản phẩm: ${k.before ?? '(trống)'}`);
  }
  lines.push(`Tệp mới: ${out} (tệp nguồn giữ nguyên)`);
  return `${lines.join('\n')}\n`;
}

/**
 * The command for main.ts's COMMANDS table. main.ts parses `--date` as a value option; a parsed
 * line where "--date" arrived as a flag (an older parser) is still read.
 */
export async function rolloverCommand(parsed: { files: string[]; options: Map<string, string | true> }, io: RolloverIo): Promise<number> {
  const opt = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  let files = parsed.files;
  let date = opt('--date');
  if (parsed.options.get('--date') === true) {
    const dated = files.filter((f) => /^\d{1,2}\/\d{1,2}\/\d{4}$/u.test(f));
    if (dated.length === 1) {
      date = dated[0];
      files = files.filter((f) => f !== date);
    } else {
      io.err('baocao rollover: thiếu ngày sau --date (missing value after --date).\n');
      return EXIT_BAD_INPUT;
    }
  }
  return cmdRollover(
    files,
    {
      ...(opt('--to') !== undefined ? { to: opt('--to') } : {}),
      ...(opt('-o') !== undefined ? { output: opt('-o') } : {}),
      ...(date !== undefined ? { date } : {}),
      force: parsed.options.has('--force'),
      ...(chosenTemplate(parsed) ? { definition: chosenTemplate(parsed)! } : {}),
    },
    io,
  );
}
