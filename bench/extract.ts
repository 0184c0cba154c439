/** Open + extract of the embedded sample (bound) and the received sample (recognized). */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../src/core/model/extract';
import { TEMPLATES } from '../src/templates';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { median, type BenchRow } from './util';

const ROOT = path.resolve(__dirname, '..');
export const BENCH_FILES = {
  bound: path.join(ROOT, 'src', 'templates', 'cchc-6-thang', 'sample.docx'),
  received: path.resolve(ROOT, '..', 'shared', 'samples', 'received-bao-cao-cchc-6-thang-2022.docx'),
};

export async function benchExtract(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [mode, file] of Object.entries(BENCH_FILES)) {
    if (!existsSync(file)) continue;
    const bytes = new Uint8Array(readFileSync(file));
    const doc = () => OoxmlDocument.open(bytes);
    rows.push({ name: `open + read (${mode})`, medianMs: await median(() => doc().read()) });
    rows.push({
      name: `open + extract (${mode})`,
      medianMs: await median(async () => extractReport(TEMPLATES.get('cchc-6-thang'), await doc().read())),
      budgetMs: 50,
    });
  }
  return rows;
}

if (require.main === module) {
  void benchExtract().then((rows) => console.table(rows));
}
