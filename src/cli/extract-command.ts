/** `baocao extract FILE [-o OUT] [--force]` — every figure of a report as JSON. */
import { extractReport } from '../core/model/extract';
import { templateFor } from './templates';
import { OoxmlDocument } from '../document/ooxml/document';
import { prepareOutput, readInput, writeOutput } from './files';
import { escapeJsonControls } from './terminal';
import { EXIT, type Io, type Parsed } from './types';

export async function extractCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const out = parsed.options.get('-o');
  const target = typeof out === 'string' ? prepareOutput(out, [file], parsed.options.has('--force')) : undefined;
  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  const data = extractReport(templateFor(parsed, snapshot), snapshot);
  const json = `${escapeJsonControls(JSON.stringify(data, null, 2))}\n`;
  if (target) {
    writeOutput(target, json);
    io.err(`Đã ghi số liệu vào ${target.display}\n`);
  } else {
    io.out(json);
  }
  return EXIT.ok;
}
