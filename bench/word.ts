/**
 * The Word adapter's read cost on our side: parsing the body's Office Open XML as
 * `Body.getOoxml()` returns it (flat OPC) with the OOXML reader, on the bound sample and on a
 * report 20 times as long (the body repeated). Word's own time to produce the OOXML and send it
 * to the pane can only be measured in Word (README, "Tested against").
 *
 *     npx tsx bench/word.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { readFlatOpc, toFlatOpc } from '../src/document/ooxml/flat-opc';
import { timings, type BenchRow } from './util';

const SAMPLE = path.resolve(__dirname, '..', 'src', 'templates', 'cchc-6-thang', 'sample.docx');

/** The main part with its body content repeated `times` times (one final sectPr). */
export function repeatBody(documentXml: string, times: number): string {
  const open = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const sect = documentXml.lastIndexOf('<w:sectPr');
  const close = documentXml.lastIndexOf('</w:body>');
  const content = documentXml.slice(open, sect >= open ? sect : close);
  return documentXml.slice(0, open) + content.repeat(times) + documentXml.slice(sect >= open ? sect : close);
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export async function benchWord(): Promise<BenchRow[]> {
  if (!fs.existsSync(SAMPLE)) return [{ name: 'word read (getOoxml → snapshot)', medianMs: Number.NaN, note: `missing: ${SAMPLE}` }];
  const doc = OoxmlDocument.open(new Uint8Array(fs.readFileSync(SAMPLE)));
  const xml = doc.package.getText(doc.package.mainPartName).text;
  const rows: BenchRow[] = [];
  for (const [label, times, budgetMs] of [
    ['bound sample', 1, 100],
    ['20× report', 20, 3000],
  ] as const) {
    const flat = toFlatOpc(times === 1 ? xml : repeatBody(xml, times));
    const probe = readFlatOpc(flat);
    const { median, min } = await timings(() => readFlatOpc(flat), times === 1 ? 30 : 8, times === 1 ? 10 : 2);
    rows.push({
      name: `word read: getOoxml → snapshot (${label})`,
      medianMs: round(median),
      budgetMs,
      note: `${(flat.length / 1024).toFixed(0)} KB OOXML, ${probe.snapshot.controls.length} controls, ${probe.snapshot.blocks.length} blocks, path ${probe.path}, min ${round(min)} ms`,
    });
  }
  return rows;
}

if (require.main === module) {
  void benchWord().then((rows) => {
    for (const r of rows) console.log(`${r.name.padEnd(52)} ${r.medianMs.toFixed(1).padStart(8)} ms  ${r.note ?? ''}`);
  });
}
