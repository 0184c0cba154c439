/**
 * How fast the engine refuses hostile input (budget: well within a second each). Inputs are
 * made here, in memory: a zip bomb, too many entries, duplicate and path-traversal names,
 * an XML entity bomb, a missing main part, random bytes and a truncated document.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { DocumentError } from '../src/document/types';

const SAMPLE = path.resolve(__dirname, '..', 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const DOC = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';

const docx = (files: Record<string, Uint8Array>) => zipSync({ '[Content_Types].xml': strToU8(CT), ...files });

/** Replace a name in the zip's headers with another of the same length (local and central). */
function rename(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const a = strToU8(from);
  const b = strToU8(to);
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((x, k) => out[i + k] === x)) out.set(b, i);
  }
  return out;
}

export function hostileInputs(): Array<{ name: string; bytes: Uint8Array }> {
  const sample = new Uint8Array(readFileSync(SAMPLE));
  const many: Record<string, Uint8Array> = { 'word/document.xml': strToU8(DOC) };
  for (let i = 0; i < 1001; i++) many[`word/p${i}.xml`] = strToU8('<a/>');
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
    DOC.replace('<w:p/>', '<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>');
  return [
    { name: 'không phải zip (random bytes)', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251) },
    { name: 'tệp bị cắt cụt (truncated)', bytes: sample.slice(0, Math.floor(sample.length / 2)) },
    { name: 'zip bomb (60 MB số 0)', bytes: docx({ 'word/document.xml': strToU8(DOC), 'word/media/zero.bin': new Uint8Array(60 * 1024 * 1024) }) },
    { name: '1001 mục trong zip', bytes: docx(many) },
    { name: 'tên mục trùng nhau', bytes: rename(docx({ 'word/document.xml': strToU8(DOC), 'word/documenX.xml': strToU8(DOC) }), 'word/documenX.xml', 'word/document.xml') },
    { name: 'tên mục "../" (path traversal)', bytes: rename(docx({ 'word/document.xml': strToU8(DOC), 'abc/evil.xml': strToU8('<a/>') }), 'abc/evil.xml', '../evil.xml!'.slice(0, 12)) },
    { name: 'XML có DOCTYPE/ENTITY (billion laughs)', bytes: docx({ 'word/document.xml': strToU8(laughs) }) },
    { name: 'thiếu word/document.xml', bytes: docx({ 'word/other.xml': strToU8(DOC) }) },
  ];
}

export async function benchHostile(): Promise<Array<{ name: string; medianMs: number; note?: string }>> {
  const rows: Array<{ name: string; medianMs: number; note?: string }> = [];
  for (const input of hostileInputs()) {
    const times: number[] = [];
    let note = 'KHÔNG bị từ chối';
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      try {
        const doc = OoxmlDocument.open(input.bytes);
        await doc.read();
      } catch (error) {
        note = error instanceof DocumentError ? `từ chối: ${error.code}` : `lỗi khác: ${(error as Error).message}`;
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: input.name, medianMs: times[2]!, note });
  }
  return rows;
}

if (require.main === module) {
  void benchHostile().then((rows) => console.table(rows));
}
