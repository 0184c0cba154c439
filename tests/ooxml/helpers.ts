import { createZip, ZipArchive } from '../../src/document/ooxml/zip';
import { DocumentError } from '../../src/document/types';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const enc = new TextEncoder();

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

export const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A document.xml around the given body markup. */
export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<w:document xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">' +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
  );
}

/** A minimal .docx: content types, package relationships, the document and any extra parts. */
export function buildDocx(docXml: string, extra: Array<[string, Uint8Array | string]> = []): Uint8Array {
  const files: Array<[string, Uint8Array]> = [
    ['[Content_Types].xml', enc.encode(CONTENT_TYPES)],
    ['_rels/.rels', enc.encode(ROOT_RELS)],
    ['word/document.xml', enc.encode(docXml)],
  ];
  for (const [name, data] of extra) files.push([name, typeof data === 'string' ? enc.encode(data) : data]);
  return createZip(files);
}

/** Replaces every occurrence of an ASCII string with another of the same length (entry names). */
export function patchBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('patch must keep the length');
  const a = enc.encode(from);
  const b = enc.encode(to);
  const out = bytes.slice();
  let count = 0;
  for (let i = 0; i + a.length <= out.length; i++) {
    let match = true;
    for (let j = 0; j < a.length && match; j++) if (out[i + j] !== a[j]) match = false;
    if (match) {
      out.set(b, i);
      count++;
    }
  }
  if (count === 0) throw new Error(`"${from}" not found`);
  return out;
}

/** Offset of the central directory record of `name`. */
export function centralRecordOffset(bytes: Uint8Array, name: string): number {
  const zip = ZipArchive.open(bytes);
  const entry = zip.get(name)!;
  return entry.centralRecord.byteOffset - bytes.byteOffset;
}

/** Runs `fn` and returns the DocumentError it throws (fails the test if it throws anything else). */
export function catchDocumentError(fn: () => unknown): DocumentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw new Error(`expected a DocumentError, got ${String(e)}`);
  }
  throw new Error('expected a DocumentError, nothing was thrown');
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every entry of `after` except `changed` has raw bytes identical to the same entry of `before`. */
export function rawIdenticalExcept(before: Uint8Array, after: Uint8Array, changed: string[] = []): string[] {
  const a = ZipArchive.open(before);
  const b = ZipArchive.open(after);
  const problems: string[] = [];
  const namesA = a.entries.map((e) => e.name);
  const namesB = b.entries.map((e) => e.name);
  if (namesA.join('\n') !== namesB.join('\n')) problems.push('entry list or order differs');
  for (const e of a.entries) {
    if (changed.includes(e.name)) continue;
    const other = b.get(e.name);
    if (!other || !equalBytes(a.raw(e), b.raw(other))) problems.push(e.name);
  }
  return problems;
}

/**
 * A small appendix table (header, four task rows) whose third row holds a content control in
 * its output cell (tag "pl.output"): rows 1, 2 and 4 can be deleted, row 3 cannot.
 */
export function rowControlDocx(): Uint8Array {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const controlCell = (text: string) =>
    `<w:tc><w:p><w:sdt><w:sdtPr><w:alias w:val="Sản phẩm đầu ra 3"/><w:tag w:val="pl.output"/><w:id w:val="77"/></w:sdtPr>` +
    `<w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  return buildDocx(
    documentXml(
      `<w:p><w:r><w:t>Phụ lục III</w:t></w:r></w:p><w:tbl>` +
        row(cell('STT'), cell('Nội dung công việc'), cell('Sản phẩm đầu ra')) +
        row(cell('1'), cell('Việc một'), cell('Kế hoạch số 1')) +
        row(cell('2'), cell('Việc hai'), cell('')) +
        row(cell('3'), cell('Việc ba'), controlCell('12 văn bản')) +
        row(cell('4'), cell('Việc bốn'), cell('Báo cáo số 4')) +
        `</w:tbl><w:p/>`,
    ),
  );
}
