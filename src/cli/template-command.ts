/**
 * `baocao template -o FILE [--template ID] [--co-quan TÊN] [--ky KỲ] [--co-quan-chu-quan TÊN]
 * [--dia-danh TÊN] [--date DD/MM/YYYY] [--force]` — a blank report to draft, written atomically;
 * `--list` lists the templates. Without `--template`, the registry's starter (the official outline
 * for any office). With the office or the period given, the header, the period in the title,
 * opening sentence and captions, the data window and the next period's label are written through
 * the fill path, each report-meta text computed as the roll-over computes it (core/rollover/meta).
 */
import type { DayMonthYear } from '../core/codec';
import { planFill } from '../core/model/fill';
import { describePeriod, parsePeriod, type ReportPeriod } from '../core/period';
import { locateFields } from '../core/recognize/locate';
import { metaContext, metaText } from '../core/rollover/meta';
import type { MetaRole, TemplateDefinition } from '../core/template/schema';
import { OoxmlDocument } from '../document/ooxml/document';
import { TEMPLATES } from '../templates';
import { templateFile } from './assets';
import { CliError } from './errors';
import { parseDate } from './rollover-command';
import { prepareOutput, readInput, writeOutput } from './files';
import { chosenTemplate, templateList } from './templates';
import { EXIT, type Io, type Parsed } from './types';

/** The header roles an option writes, and how (the header writes the bodies' names in capitals). */
const HEADER_OPTIONS: { option: string; roles: Partial<Record<MetaRole, (v: string) => string>> }[] = [
  { option: '--co-quan', roles: { issuer: (v) => v.toLocaleUpperCase('vi'), issuerName: (v) => v } },
  { option: '--co-quan-chu-quan', roles: { superior: (v) => v.toLocaleUpperCase('vi') } },
  { option: '--dia-danh', roles: { place: (v) => v } },
];

function stringOption(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options.get(name);
  if (v === true) throw new CliError(`thiếu giá trị sau ${name} (missing value after ${name}).`, undefined, true);
  if (v === undefined) return undefined;
  const t = v.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!t) throw new CliError(`${name} không được để trống (${name} is empty).`, undefined, true);
  return t;
}

/** The text each report-meta field had in the template's sample: the new text is written in its style. */
async function sampleTexts(definition: TemplateDefinition): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!definition.files.sample) return out;
  const snapshot = await OoxmlDocument.open(readInput(templateFile(definition, 'sample'))).read();
  for (const o of locateFields(definition, snapshot).occurrences) if (o.found && o.text?.trim() && !out.has(o.fieldId)) out.set(o.fieldId, o.text.trim());
  return out;
}

/** The figures `--co-quan`, `--ky` … give, by field id. */
async function headerData(definition: TemplateDefinition, parsed: Parsed, period: ReportPeriod | undefined, date: DayMonthYear | undefined): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const { option, roles } of HEADER_OPTIONS) {
    const value = stringOption(parsed, option);
    if (value === undefined) continue;
    const written = definition.fields.filter((f) => f.meta && roles[f.meta]);
    if (!written.length) throw new CliError(`mẫu ${definition.id} không có chỗ ghi ${option} (the template has no field for ${option}).`, undefined, true);
    for (const f of written) fields[f.id] = roles[f.meta!]!(value);
  }
  if (period) {
    const ctx = metaContext(period, date);
    const previous = await sampleTexts(definition);
    for (const f of definition.fields) {
      if (f.rollover !== 'report-meta' || !f.meta) continue;
      const text = metaText(f.meta, previous.get(f.id) ?? '', ctx);
      if (text !== undefined) fields[f.id] = text;
    }
  }
  return fields;
}

export async function templateCommand(parsed: Parsed, io: Io): Promise<number> {
  if (parsed.options.has('--list')) {
    io.out(`${templateList()}\n`);
    return EXIT.ok;
  }
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const definition = chosenTemplate(parsed) ?? TEMPLATES.starter;
  if (!definition.files.template) throw new CliError(`mẫu ${definition.id} không có tệp .docx (the template has no .docx).`, undefined, true);
  const ky = stringOption(parsed, '--ky');
  const period = ky === undefined ? undefined : parsePeriod(ky);
  if (ky !== undefined && !period) {
    throw new CliError(`không đọc được kỳ báo cáo "${ky}"; ví dụ: "6 tháng 2023", 6-thang-2023, quy-i-2023, 9-thang-2023, nam-2023 (unknown period).`, undefined, true);
  }
  if (period && !definition.periods.includes(period.kind)) {
    throw new CliError(`mẫu ${definition.id} không dùng cho kỳ ${describePeriod(period)} (the template does not serve this period).`, undefined, true);
  }
  const dateText = stringOption(parsed, '--date');
  const date = dateText === undefined ? undefined : parseDate(dateText);
  if (dateText !== undefined && !date) throw new CliError(`ngày báo cáo "${dateText}" không hợp lệ; viết theo dạng DD/MM/YYYY, ví dụ 14/6/2023 (invalid --date).`, undefined, true);
  if (date && !period) throw new CliError('--date cần đi cùng --ky (--date needs --ky).', undefined, true);
  const source = templateFile(definition, 'template');
  const target = prepareOutput(out, [source], parsed.options.has('--force'));
  const fields = await headerData(definition, parsed, period, date);
  if (!Object.keys(fields).length) {
    writeOutput(target, stampTemplateId(readInput(source), definition.id));
    io.out(`Đã tạo mẫu báo cáo trống (${definition.id}): ${target.real}\n`);
    return EXIT.ok;
  }
  // The same path as `baocao fill`: every place of each field is written, or the command says which not.
  const doc = OoxmlDocument.open(readInput(source));
  const plan = planFill(definition, await doc.read(), { fields }, undefined, { derived: 'none' });
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length || plan.unplaced.length) {
    for (const p of errors) io.err(`Lỗi: ${p.message}\n`);
    for (const id of plan.unplaced) io.err(`Không tìm thấy vị trí của ${id} trong mẫu (field not placed).\n`);
    io.err('Không ghi tệp (nothing written).\n');
    return EXIT.findings;
  }
  await doc.apply(plan.edits);
  writeOutput(target, stampTemplateId(doc.save(), definition.id));
  io.out(`Đã tạo mẫu báo cáo (${definition.id})${period ? ` kỳ ${describePeriod(period)}` : ''}, đã ghi ${Object.keys(plan.written).length} mục thông tin chung: ${target.real}\n`);
  return EXIT.ok;
}

/**
 * The template's id in baocao's custom XML part (the title control's tag carries it too, for
 * older readers). The template builder writes it; a template .docx built before the part gets
 * it here (unchanged bytes when it is there).
 */
export function stampTemplateId(bytes: Uint8Array, id: string): Uint8Array {
  const doc = OoxmlDocument.open(bytes);
  const data = doc.documentData();
  if (data?.template === id && !data.problem) return bytes;
  doc.applySync([{ kind: 'data', data: { template: id, fields: data?.problem ? [] : (data?.fields ?? []) } }]);
  return doc.save();
}
