/** `baocao template -o FILE [--template ID] [--force]` — an empty template, written atomically; `--list` lists them. */
import { TEMPLATES } from '../templates';
import { templateFile } from './assets';
import { prepareOutput, readInput, writeOutput } from './files';
import { CliError } from './errors';
import { chosenTemplate, templateList } from './templates';
import { EXIT, type Io, type Parsed } from './types';

export async function templateCommand(parsed: Parsed, io: Io): Promise<number> {
  if (parsed.options.has('--list')) {
    io.out(`${templateList()}\n`);
    return EXIT.ok;
  }
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const definition = chosenTemplate(parsed) ?? TEMPLATES.default;
  if (!definition.files.template) throw new CliError(`mẫu ${definition.id} không có tệp .docx (the template has no .docx).`, undefined, true);
  const source = templateFile(definition, 'template');
  const target = prepareOutput(out, [source], parsed.options.has('--force'));
  writeOutput(target, readInput(source));
  io.out(`Đã tạo mẫu báo cáo trống (${definition.id}): ${target.real}\n`);
  return EXIT.ok;
}
