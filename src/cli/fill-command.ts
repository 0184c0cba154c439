/** `baocao fill FILE --data DATA.json -o OUT [--force]` — write figures into a report. */
import { planFill } from '../core/model/fill';
import { FillInputSchema } from '../core/model/report-data';
import { templateFor } from './templates';
import { OoxmlDocument } from '../document/ooxml/document';
import { CliError } from './errors';
import { prepareOutput, readInput, readTextInput, writeOutput } from './files';
import { EXIT, type Io, type Parsed } from './types';

export async function fillCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const dataFile = parsed.options.get('--data');
  if (typeof dataFile !== 'string') throw new CliError('fill cần --data SỐ-LIỆU.json (fill needs --data FILE.json).', undefined, true);
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const target = prepareOutput(out, [file, dataFile], parsed.options.has('--force'));
  let raw: unknown;
  const text = readTextInput(dataFile);
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`không đọc được JSON: ${(error as Error).message.split('\n')[0]} (invalid JSON)`, dataFile);
  }
  const input = FillInputSchema.safeParse(raw);
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new CliError(
      `dữ liệu không đúng dạng { "fields": { "<mã chỉ tiêu>": "<số liệu>" } }${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''} (invalid data)`,
      dataFile,
    );
  }
  // A key the schema's record cannot hold ("__proto__") would vanish silently: name it instead.
  const rawFields = (raw as { fields?: unknown }).fields;
  const dropped = rawFields && typeof rawFields === 'object' ? Object.keys(rawFields).filter((k) => !Object.hasOwn(input.data.fields, k)) : [];
  if (dropped.length) throw new CliError(`mã chỉ tiêu không hợp lệ: ${dropped.map((k) => `"${k}"`).join(', ')} (invalid field id)`, dataFile);
  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  const definition = templateFor(parsed, snapshot);
  const plan = planFill(definition, snapshot, input.data);
  const errors = plan.problems.filter((p) => p.severity === 'error');
  for (const p of plan.problems) io.err(`${p.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${p.message}\n`);
  if (errors.length) {
    io.err(`Không ghi tệp vì có ${errors.length} lỗi trong số liệu (nothing written).\n`);
    return EXIT.badInput;
  }
  await doc.apply(plan.edits);
  writeOutput(target, doc.save());
  const label = (id: string) => definition.fields.find((f) => f.id === id)?.label ?? id;
  const derived = plan.derived.map((id) => `${label(id)} = ${plan.written[id]}`);
  io.out(`Đã ghi ${Object.keys(plan.written).length} chỉ tiêu (${plan.edits.length} vị trí) vào ${target.real}\n`);
  if (derived.length) io.out(`Dòng tính từ các dòng con (derived rows): ${derived.join('; ')}\n`);
  // A figure that could not be written everywhere is a fill that did not finish: say which, exit 1.
  if (plan.unplaced.length) {
    io.err(`Chưa ghi được ${plan.unplaced.length} chỉ tiêu vì không tìm thấy vị trí trong tài liệu (fields not placed):\n`);
    for (const id of plan.unplaced) io.err(`  - ${id}: ${label(id)}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
