/**
 * `baocao bind FILE --id MÃ --nhan NHÃN --van-ban "1.234 hồ sơ" [--muc B.II.2] [--lan N] -o OUT` —
 * binds a figure of the prose to a new field of the drafter's own ("Gắn số liệu" of the task
 * pane): a content control around the figure and the field's definition in the document's custom
 * XML part, so it is read, checked, filled and rolled over like the template's fields.
 */
import { BindError, planBind, type BindRequest } from '../core/template/bind';
import { detectDocumentTemplate } from '../core/template/detect';
import { TEMPLATES } from '../templates';
import { OoxmlDocument } from '../document/ooxml/document';
import { chosenTemplate } from './templates';
import { CliError } from './errors';
import { prepareOutput, readInput, writeOutput } from './files';
import { EXIT, type Io, type Parsed } from './types';

const KINDS: Record<string, BindRequest['kind']> = { so: 'count', 'ty-le': 'percent', 'thap-phan': 'decimal' };
const POLICIES: Record<string, BindRequest['rollover']> = { ky: 'period', 'co-dinh': 'standing', 'luy-ke': 'year-to-date' };

function option(parsed: Parsed, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

function required(parsed: Parsed, name: string, what: string): string {
  const value = option(parsed, name);
  if (!value?.trim()) throw new CliError(`bind cần ${name} ${what} (${name} is required).`, undefined, true);
  return value;
}

function choice<T>(parsed: Parsed, name: string, table: Record<string, T>, fallback: string): T {
  const value = option(parsed, name) ?? fallback;
  const found = table[value];
  if (found === undefined) throw new CliError(`${name} nhận ${Object.keys(table).join(', ')}; không nhận "${value}" (invalid ${name}).`, undefined, true);
  return found;
}

export async function bindCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const out = option(parsed, '-o');
  if (!out) throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const lan = option(parsed, '--lan');
  if (lan !== undefined && !/^[1-9]\d{0,3}$/u.test(lan)) throw new CliError(`--lan cần một số thứ tự từ 1 (--lan takes 1, 2, …), không nhận "${lan}".`, undefined, true);
  const unit = option(parsed, '--don-vi');
  const section = option(parsed, '--muc');
  const request: BindRequest = {
    id: required(parsed, '--id', 'MÃ'),
    label: required(parsed, '--nhan', '"NHÃN"'),
    text: required(parsed, '--van-ban', '"ĐOẠN CÓ SỐ LIỆU"'),
    kind: choice(parsed, '--loai', KINDS, 'so'),
    rollover: choice(parsed, '--sang-ky', POLICIES, 'ky'),
    ...(unit ? { unit } : {}),
    ...(section ? { section } : {}),
    ...(lan ? { occurrence: Number(lan) } : {}),
  };
  const target = prepareOutput(out, [file], parsed.options.has('--force'));
  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  const definition = chosenTemplate(parsed) ?? detectDocumentTemplate(TEMPLATES, snapshot).definition ?? TEMPLATES.default;
  let plan;
  try {
    plan = planBind(definition, snapshot, request);
  } catch (error) {
    if (error instanceof BindError) throw new CliError(`${error.message} (${bindGloss(error.code)})`, file);
    throw error;
  }
  await doc.apply(plan.edits);
  writeOutput(target, doc.save());
  const figure = snapshot.blocks[plan.place.blockIndex];
  const written = figure?.type === 'paragraph' ? figure.text.slice(plan.place.start, plan.place.end) : '';
  io.out(`Đã gắn "${written}" vào số liệu mới ${plan.field.id} (${plan.field.label}${plan.field.unit ? `, ${plan.field.unit}` : ''}), mục ${plan.section}.\n`);
  io.out(`Tệp mới: ${target.real} (tệp nguồn giữ nguyên)\n`);
  return EXIT.ok;
}

function bindGloss(code: BindError['code']): string {
  switch (code) {
    case 'ambiguous':
      return 'the text occurs several times: use --lan N or --muc';
    case 'duplicate':
      return 'the id is taken';
    case 'not-found':
      return 'text not found';
    case 'no-figure':
      return 'no figure in the text';
    case 'many-figures':
      return 'several figures in the text';
    case 'inside-control':
      return 'already bound';
    case 'damaged-part':
      return "baocao's data part is damaged";
    default:
      return 'invalid field';
  }
}
