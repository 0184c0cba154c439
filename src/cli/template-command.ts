/** `baocao template -o FILE [--force]` — the empty official template, written atomically. */
import { ASSET_PATHS } from './assets';
import { prepareOutput, readInput, writeOutput } from './files';
import { CliError } from './errors';
import { EXIT, type Io, type Parsed } from './types';

export async function templateCommand(parsed: Parsed, io: Io): Promise<number> {
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const target = prepareOutput(out, [ASSET_PATHS.template], parsed.options.has('--force'));
  writeOutput(target, readInput(ASSET_PATHS.template));
  io.out(`Đã tạo mẫu báo cáo trống: ${target.real}\n`);
  return EXIT.ok;
}
