/**
 * How fast the engine refuses hostile input, or reads an odd but valid one. Inputs are made in
 * memory: the engine's hostile corpus (tests/ooxml/hostile-corpus.ts: floods, depth, namespaces,
 * entities, zip header mismatches, lying sizes, bombs) and a few more (a truncated document, too
 * many entries, a missing main part). Budget: a refusal well within a second; a read of a large
 * odd document (hundreds of thousands of attributes or paragraphs) within five.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { DocumentError } from '../src/document/types';
import { hostileCases } from '../tests/ooxml/hostile-corpus';

const SAMPLE = path.resolve(__dirname, '..', 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const DOC = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';

const docx = (files: Record<string, Uint8Array>) => zipSync({ '[Content_Types].xml': strToU8(CT), ...files });

export const REFUSAL_BUDGET_MS = 1000;
export const READ_BUDGET_MS = 5000;

export interface HostileInput {
  name: string;
  bytes: Uint8Array;
  /** 'read' or the DocumentError code expected. */
  expect: string;
}

export function hostileInputs(): HostileInput[] {
  const sample = new Uint8Array(readFileSync(SAMPLE));
  const many: Record<string, Uint8Array> = { 'word/document.xml': strToU8(DOC) };
  for (let i = 0; i < 1001; i++) many[`word/p${i}.xml`] = strToU8('<a/>');
  return [
    ...hostileCases().map((c) => ({ name: c.name, bytes: c.make(), expect: c.expect })),
    { name: 'zip: tệp bị cắt cụt (truncated)', bytes: sample.slice(0, Math.floor(sample.length / 2)), expect: 'not-zip' },
    { name: 'zip: 1001 mục', bytes: docx(many), expect: 'too-many-entries' },
    { name: 'zip: thiếu word/document.xml', bytes: docx({ 'word/other.xml': strToU8(DOC) }), expect: 'missing-part' },
  ];
}

export async function benchHostile(): Promise<Array<{ name: string; medianMs: number; budgetMs: number; note?: string; over?: boolean }>> {
  const rows: Array<{ name: string; medianMs: number; budgetMs: number; note?: string; over?: boolean }> = [];
  for (const input of hostileInputs()) {
    const times: number[] = [];
    let outcome = 'read';
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      outcome = 'read';
      try {
        const doc = OoxmlDocument.open(input.bytes);
        await doc.read();
      } catch (error) {
        outcome = error instanceof DocumentError ? error.code : `lỗi khác: ${(error as Error).message}`;
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const note = outcome === 'read' ? 'đọc được' : `từ chối: ${outcome}`;
    rows.push({
      name: input.name,
      medianMs: times[2]!,
      budgetMs: input.expect === 'read' ? READ_BUDGET_MS : REFUSAL_BUDGET_MS,
      note: outcome === input.expect ? note : `${note} (mong đợi ${input.expect})`,
      over: outcome !== input.expect,
    });
  }
  return rows;
}

if (require.main === module) {
  void benchHostile().then((rows) => console.table(rows));
}
