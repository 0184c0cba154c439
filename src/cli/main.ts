/**
 * `baocao` — the command line, a thin shell over the core: read files, call the core, write
 * files. Never overwrites an input; refuses to overwrite an existing output without --force.
 * Exit codes: 0 ok, 1 the check found errors, 2 bad input or usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../core/check';
import { extractReport } from '../core/model/extract';
import { locateFields } from '../core/recognize/locate';
import { planAdopt } from '../core/model/adopt';
import { planFill } from '../core/model/fill';
import { FillInputSchema } from '../core/model/report-data';
import { CCHC_6_THANG } from '../core/template/cchc-6-thang';
import { OoxmlDocument } from '../document/ooxml/document';
import { DocumentError } from '../document/types';
import { ASSET_PATHS } from './assets';
import { cmdCheck } from './check-command';
import { rolloverCommand } from './rollover-command';

export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

const USAGE = `baocao — báo cáo định kỳ cải cách hành chính (mẫu cchc-6-thang)

Cách dùng (usage):
  baocao template -o TỆP.docx [--force]          tạo mẫu báo cáo trống (empty official template)
  baocao extract TỆP.docx [-o SỐ-LIỆU.json]      đọc mọi số liệu ra JSON (extract figures)
  baocao fill TỆP.docx --data SỐ-LIỆU.json -o RA.docx [--force]
                                                 ghi số liệu vào ô nhập và bảng phụ lục (fill)
  baocao check TỆP.docx… [--format text|json|html] [-o KẾT-QUẢ]
                                                 kiểm tra tính nhất quán số liệu (consistency check)
  baocao rollover TỆP.docx --to KỲ -o RA.docx [--date DD/MM/YYYY] [--force]
                                                 bắt đầu báo cáo kỳ mới từ báo cáo kỳ trước (roll-over);
                                                 KỲ: quy-i-2023, 6-thang-2023, 9-thang-2023, nam-2023
  baocao adopt TỆP.docx -o RA.docx [--force]     gắn ô nhập cho báo cáo cũ chưa có (adopt a plain report)
  baocao demo                                    chạy thử trên báo cáo mẫu kèm theo (npm start)
  baocao help                                    hướng dẫn này

Mã thoát (exit codes): 0 thành công, 1 có lỗi nhất quán, 2 đầu vào không hợp lệ.`;

class UsageError extends Error {}

interface Parsed {
  command: string;
  files: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['-o', '--output', '--data', '--format', '--to', '--date']);

export function parseArgs(argv: string[]): Parsed {
  const [command = 'help', ...rest] = argv;
  const files: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (VALUE_OPTIONS.has(arg)) {
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`Thiếu giá trị sau ${arg} (missing value after ${arg}).`);
      options.set(arg === '--output' ? '-o' : arg, value);
    } else if (arg.startsWith('-')) {
      options.set(arg, true);
    } else {
      files.push(arg);
    }
  }
  return { command, files, options };
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function readInput(file: string): Uint8Array {
  if (!existsSync(file)) throw new DocumentError('missing-part', `Không tìm thấy tệp "${file}" (file not found).`);
  return new Uint8Array(readFileSync(file));
}

function outputPath(parsed: Parsed, inputs: string[]): string {
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new UsageError('Cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).');
  const resolved = path.resolve(out);
  if (inputs.some((f) => path.resolve(f) === resolved)) {
    throw new UsageError(`Không ghi đè lên tệp nguồn "${out}"; hãy chọn tên khác (refusing to overwrite the input).`);
  }
  if (existsSync(resolved) && !parsed.options.has('--force')) {
    throw new UsageError(`Tệp "${out}" đã tồn tại; dùng --force để ghi đè (output exists; use --force).`);
  }
  return resolved;
}

async function openDocument(file: string): Promise<OoxmlDocument> {
  return OoxmlDocument.open(readInput(file));
}

async function cmdTemplate(parsed: Parsed, io: Io): Promise<number> {
  const out = outputPath(parsed, []);
  writeFileSync(out, readFileSync(ASSET_PATHS.template));
  io.out(`Đã tạo mẫu báo cáo trống: ${out}\n`);
  return EXIT.ok;
}

async function cmdExtract(parsed: Parsed, io: Io): Promise<number> {
  const [file] = parsed.files;
  if (!file || parsed.files.length > 1) throw new UsageError('extract cần đúng một tệp .docx (extract takes one .docx file).');
  const doc = await openDocument(file);
  const data = extractReport(CCHC_6_THANG, await doc.read());
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const out = parsed.options.get('-o');
  if (typeof out === 'string') {
    writeFileSync(outputPath(parsed, [file]), json);
    io.err(`Đã ghi số liệu vào ${out}\n`);
  } else {
    io.out(json);
  }
  return EXIT.ok;
}

async function cmdFill(parsed: Parsed, io: Io): Promise<number> {
  const [file] = parsed.files;
  const dataFile = parsed.options.get('--data');
  if (!file || parsed.files.length > 1) throw new UsageError('fill cần đúng một tệp .docx (fill takes one .docx file).');
  if (typeof dataFile !== 'string') throw new UsageError('fill cần --data SỐ-LIỆU.json (fill needs --data FILE.json).');
  const out = outputPath(parsed, [file, dataFile]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dataFile, 'utf8'));
  } catch (error) {
    throw new UsageError(`Không đọc được JSON trong "${dataFile}": ${(error as Error).message} (invalid JSON).`);
  }
  const input = FillInputSchema.safeParse(raw);
  if (!input.success) {
    throw new UsageError(`Dữ liệu trong "${dataFile}" không đúng dạng { "fields": { "<mã chỉ tiêu>": "<số liệu>" } }: ${input.error.issues[0]?.message ?? ''}`);
  }
  const doc = await openDocument(file);
  const plan = planFill(CCHC_6_THANG, await doc.read(), input.data);
  const errors = plan.problems.filter((p) => p.severity === 'error');
  for (const p of plan.problems) io.err(`${p.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${p.message}\n`);
  if (errors.length) {
    io.err(`Không ghi tệp vì có ${errors.length} lỗi trong số liệu (nothing written).\n`);
    return EXIT.badInput;
  }
  await doc.apply(plan.edits);
  writeFileSync(out, doc.save());
  const derived = plan.derived.map((id) => `${CCHC_6_THANG.fields.find((f) => f.id === id)?.label ?? id} = ${plan.written[id]}`);
  io.out(`Đã ghi ${Object.keys(plan.written).length} chỉ tiêu (${plan.edits.length} vị trí) vào ${out}\n`);
  if (derived.length) io.out(`Dòng tính từ các dòng con (derived rows): ${derived.join('; ')}\n`);
  return EXIT.ok;
}

async function cmdAdopt(parsed: Parsed, io: Io): Promise<number> {
  const [file] = parsed.files;
  if (!file || parsed.files.length > 1) throw new UsageError('adopt cần đúng một tệp .docx (adopt takes one .docx file).');
  const out = outputPath(parsed, [file]);
  const doc = await openDocument(file);
  const plan = planAdopt(CCHC_6_THANG, await doc.read());
  await doc.apply(plan.edits);
  writeFileSync(out, doc.save());
  const c = plan.coverage;
  io.out(`Đã gắn ${plan.edits.length} ô nhập; số liệu trong lời văn: ${c.wrapped}/${c.narrative} vị trí; trong phụ lục: ${c.appendixFound}/${c.appendix} ô.\n`);
  if (plan.notPlaced.length) {
    io.out(`Chưa đặt được ${plan.notPlaced.length} vị trí:\n`);
    for (const p of plan.notPlaced) io.out(`  - ${p.label} (${p.fieldId}): ${p.reason}\n`);
  }
  io.out(`Tệp mới: ${out} (tệp nguồn giữ nguyên)\n`);
  return EXIT.ok;
}

async function cmdDemo(_parsed: Parsed, io: Io): Promise<number> {
  const doc = await openDocument(ASSET_PATHS.sample);
  const snapshot = await doc.read();
  const located = locateFields(CCHC_6_THANG, snapshot);
  const data = extractReport(CCHC_6_THANG, snapshot, located);
  const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: path.basename(ASSET_PATHS.sample), located });
  const { fields, places } = data.coverage;
  const entered = Object.values(data.fields).filter((f) => f.text !== null).length;
  io.out(`baocao — báo cáo mẫu: ${path.relative(process.cwd(), ASSET_PATHS.sample)}\n`);
  io.out(`Chế độ: ${data.mode === 'bound' ? 'gắn ô nhập (bound)' : 'nhận dạng (recognized)'}\n`);
  io.out(`Chỉ tiêu tìm thấy: ${fields.found}/${fields.expected}; vị trí: ${places.found}/${places.expected}; đã có số liệu: ${entered}\n`);
  const { error, warning, info } = report.summary;
  io.out(`Kiểm tra nhất quán: ${error} lỗi, ${warning} cảnh báo, ${info} lưu ý. Các lỗi:\n`);
  for (const f of report.findings.filter((x) => x.severity === 'error')) io.out(`  ✗ ${f.message}\n`);
  io.out('\nThử: npx baocao check assets/samples/bao-cao-cchc-6-thang-2022.docx --format html -o kiem-tra.html\n');
  return EXIT.ok;
}

async function cmdCheckFiles(parsed: Parsed, io: Io): Promise<number> {
  if (!parsed.files.length) throw new UsageError('check cần ít nhất một tệp .docx (check takes one or more .docx files).');
  const option = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return cmdCheck(
    parsed.files,
    { format: option('--format'), output: option('-o'), color: process.stdout.isTTY === true && !process.env.NO_COLOR, force: parsed.options.has('--force') },
    io,
  );
}

const COMMANDS: Record<string, (parsed: Parsed, io: Io) => Promise<number>> = {
  check: cmdCheckFiles,
  template: cmdTemplate,
  extract: cmdExtract,
  fill: cmdFill,
  adopt: cmdAdopt,
  rollover: rolloverCommand,
  demo: cmdDemo,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    io.err(`baocao: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
  if (parsed.command === 'help' || parsed.command === '--help' || parsed.command === '-h') {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const run = COMMANDS[parsed.command];
  if (!run) {
    io.err(`baocao: lệnh không hợp lệ "${parsed.command}" (unknown command).\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  try {
    return await run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`baocao: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (error instanceof DocumentError) {
      const file = parsed.files[0] ?? '';
      io.err(`baocao: ${file ? `${file}: ` : ''}${error.message} [${error.code}]\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
