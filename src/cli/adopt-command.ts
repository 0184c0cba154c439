/** `baocao adopt FILE -o OUT [--force]` — wrap a plain report's figures in content controls. */
import { planAdopt } from '../core/model/adopt';
import { templateFor } from './templates';
import { OoxmlDocument } from '../document/ooxml/document';
import { CliError } from './errors';
import { prepareOutput, readInput, writeOutput } from './files';
import { EXIT, type Io, type Parsed } from './types';

export async function adoptCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const target = prepareOutput(out, [file], parsed.options.has('--force'));
  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  const plan = planAdopt(templateFor(parsed, snapshot), snapshot);
  await doc.apply(plan.data ? [...plan.edits, plan.data] : plan.edits);
  writeOutput(target, doc.save());
  const c = plan.coverage;
  io.out(`Đã gắn ${plan.edits.length} ô nhập; số liệu trong lời văn: ${c.wrapped}/${c.narrative} vị trí; trong phụ lục: ${c.appendixFound}/${c.appendix} ô.\n`);
  if (plan.notPlaced.length) {
    io.out(`Chưa đặt được ${plan.notPlaced.length} vị trí:\n`);
    for (const p of plan.notPlaced) io.out(`  - ${p.label} (${p.fieldId}): ${p.reason}\n`);
  }
  io.out(`Tệp mới: ${target.real} (tệp nguồn giữ nguyên)\n`);
  return EXIT.ok;
}
