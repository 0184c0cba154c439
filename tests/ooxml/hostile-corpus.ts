/**
 * The hostile corpus of the .docx engine, generated (no committed binaries): each case is a
 * small input made to hang, crash or fool the engine, with the outcome it must get: read (and,
 * for a document, filled and saved) or refused with a typed DocumentError of a given code.
 * Used by tests/ooxml/hostile.test.ts (outcome, time and memory ceilings) and by the bench
 * (bench/hostile.ts: how long each refusal or read takes).
 */
import { ZipArchive, createZip } from '../../src/document/ooxml/zip';
import { CONTENT_TYPES, ROOT_RELS, buildDocx, documentXml } from './helpers';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface HostileCase {
  name: string;
  make: () => Uint8Array;
  /** 'read': opens and reads (a document: also takes one edit and saves); else the refusal code. */
  expect: 'read' | string;
  /** For 'read' cases: text that the first paragraph block must hold after reading. */
  firstText?: string;
}

const enc = new TextEncoder();

/** `n` levels of open + inner + close, with a varying attribute so the zip ratio stays ordinary. */
function nest(n: number, open: (i: number) => string, inner: string, close: string): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(open(i));
  parts.push(inner);
  for (let i = 0; i < n; i++) parts.push(close);
  return parts.join('');
}

const id = (i: number): number => (i * 7919) % 1000003;
const tableLevel = (i: number): string => `<w:tbl><w:tr w:rsidR="${id(i).toString(16).padStart(8, '0')}"><w:tc>`;
const TABLE_CLOSE = '<w:p/></w:tc></w:tr></w:tbl>';
const sdtLevel = (i: number): string => `<w:sdt><w:sdtPr><w:id w:val="${id(i)}"/></w:sdtPr><w:sdtContent>`;
const SDT_CLOSE = '</w:sdtContent></w:sdt>';
const FIRST = '<w:p><w:r><w:t>Số liệu 12</w:t></w:r></w:p>';

/** Sets a 16/32-bit field of the local header (or central record) of `entry` in a copy. */
function patchZip(bytes: Uint8Array, entry: string, patch: (view: DataView, localHeader: number, central: number) => void): Uint8Array {
  const zip = ZipArchive.open(bytes, { minRatio: 0 });
  const e = zip.get(entry)!;
  const out = bytes.slice();
  patch(new DataView(out.buffer), e.localHeaderOffset, e.centralRecord.byteOffset - bytes.byteOffset);
  return out;
}

/** A docx whose document.xml is stored with a data descriptor (flag bit 3), built by hand. */
function withDescriptor(descriptorCrcDelta: number): Uint8Array {
  const base = createZip([
    ['[Content_Types].xml', enc.encode(CONTENT_TYPES)],
    ['_rels/.rels', enc.encode(ROOT_RELS)],
  ]);
  const zip = ZipArchive.open(base);
  const name = enc.encode('word/document.xml');
  const data = enc.encode(documentXml(FIRST));
  const crc = crcOf(data);
  const local = new Uint8Array(30 + name.length + data.length + 16);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, 8, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const dd = 30 + name.length + data.length;
  lv.setUint32(dd, 0x08074b50, true);
  lv.setUint32(dd + 4, (crc + descriptorCrcDelta) >>> 0, true);
  lv.setUint32(dd + 8, data.length, true);
  lv.setUint32(dd + 12, data.length, true);
  const firstLocals = base.subarray(0, zip.entries[zip.entries.length - 1]!.rawEnd);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, firstLocals.length, true);
  central.set(name, 46);
  const oldCentrals = zip.entries.map((e) => e.centralRecord);
  const cdSize = oldCentrals.reduce((n, c) => n + c.length, 0) + central.length;
  const cdOffset = firstLocals.length + local.length;
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 3, true);
  ev.setUint16(10, 3, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdOffset, true);
  const out = new Uint8Array(cdOffset + cdSize + 22);
  out.set(firstLocals, 0);
  out.set(local, firstLocals.length);
  let p = cdOffset;
  for (const c of oldCentrals) {
    out.set(c, p);
    p += c.length;
  }
  out.set(central, p);
  out.set(eocd, p + central.length);
  return out;
}

function crcOf(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** Replaces a name in a zip's headers by another of the same length. */
function rename(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const a = enc.encode(from);
  const b = enc.encode(to);
  for (let i = 0; i + a.length <= out.length; i++) {
    let hit = true;
    for (let k = 0; k < a.length && hit; k++) if (out[i + k] !== a[k]) hit = false;
    if (hit) out.set(b, i);
  }
  return out;
}

function attributeFlood(n: number, extra = ''): string {
  const attrs: string[] = [];
  for (let i = 0; i < n; i++) attrs.push(` a${i}="${i % 10}"`);
  return documentXml(`<w:p${attrs.join('')}${extra}><w:r><w:t>Số liệu 12</w:t></w:r></w:p>`);
}

function manyParagraphs(n: number): string {
  const ps: string[] = [];
  for (let i = 0; i < n; i++) ps.push(`<w:p><w:r><w:t>${id(i)}</w:t></w:r></w:p>`);
  return documentXml(`${FIRST}<w:sdt><w:sdtPr><w:tag w:val="lon"/></w:sdtPr><w:sdtContent>${ps.join('')}</w:sdtContent></w:sdt>`);
}

const BODY_NS = `<w:body>${FIRST}<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>`;

export function hostileCases(): HostileCase[] {
  const doc = (xml: string) => () => buildDocx(xml);
  return [
    // XML reader: floods and depth.
    { name: 'XML: 200 000 thuộc tính trên một phần tử', make: doc(attributeFlood(200_000)), expect: 'read', firstText: 'Số liệu 12' },
    { name: 'XML: 200 000 thuộc tính, trùng ở cuối', make: doc(attributeFlood(200_000, ' a7="x"')), expect: 'xml-malformed' },
    { name: 'XML: bảng lồng 1 000 cấp', make: doc(documentXml(FIRST + nest(1000, tableLevel, '<w:p/>', TABLE_CLOSE))), expect: 'too-deep' },
    { name: 'XML: bảng lồng 300 cấp (đọc được)', make: doc(documentXml(FIRST + nest(300, tableLevel, '<w:p/>', TABLE_CLOSE))), expect: 'read', firstText: 'Số liệu 12' },
    { name: 'XML: điều khiển lồng 6 000 cấp', make: doc(documentXml(FIRST + nest(6000, sdtLevel, '<w:p/>', SDT_CLOSE))), expect: 'too-deep' },
    {
      name: 'XML: điều khiển trong dòng lồng 6 000 cấp',
      make: doc(documentXml(FIRST + '<w:p>' + nest(6000, sdtLevel, '<w:r><w:t>x</w:t></w:r>', SDT_CLOSE) + '</w:p>')),
      expect: 'too-deep',
    },
    {
      name: 'XML: điều khiển lồng 6 000 cấp (đường DOM)',
      make: doc(documentXml(FIRST + '<?pi x?>' + nest(6000, sdtLevel, '<w:p/>', SDT_CLOSE))),
      expect: 'too-deep',
    },
    // Past the engine's limit on spread arguments (~120 000): no `push(...x)` of an unbounded list.
    { name: 'XML: 150 000 đoạn trong một điều khiển', make: doc(manyParagraphs(150_000)), expect: 'read', firstText: 'Số liệu 12' },
    // Namespaces and the end of the part.
    {
      name: 'XML: không gian tên mặc định (không tiền tố)',
      make: doc(`<?xml version="1.0"?><document xmlns="${W}">${BODY_NS.replace(/<(\/?)w:/g, '<$1').replace(/ w:val=/g, ' val=')}</document>`),
      expect: 'read',
      firstText: 'Số liệu 12',
    },
    {
      name: 'XML: tiền tố khác (x:) cho WordprocessingML',
      make: doc(`<?xml version="1.0"?><x:document xmlns:x="${W}">${BODY_NS.replace(/<(\/?)w:/g, '<$1x:').replace(/ w:val=/g, ' x:val=')}</x:document>`),
      expect: 'read',
      firstText: 'Số liệu 12',
    },
    {
      name: 'XML: chú thích chứa </w:document> sau gốc',
      make: doc(documentXml(FIRST) + '\n<!-- </w:document> <w:body> -->'),
      expect: 'read',
      firstText: 'Số liệu 12',
    },
    // Entities.
    {
      name: 'XML: bom thực thể (billion laughs)',
      make: doc(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
          documentXml('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>\r\n/, ''),
      ),
      expect: 'xml-doctype',
    },
    {
      name: 'XML: thực thể ngoài (XXE)',
      make: doc('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + documentXml('<w:p><w:r><w:t>&x;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>\r\n/, '')),
      expect: 'xml-doctype',
    },
    // Zip: headers that disagree with the central directory, sizes that lie, bombs.
    { name: 'zip: CRC trong phần đầu mục khác danh mục', make: () => patchZip(buildDocx(documentXml(FIRST)), 'word/document.xml', (v, lh) => v.setUint32(lh + 14, v.getUint32(lh + 14, true) ^ 1, true)), expect: 'corrupt' },
    { name: 'zip: kích thước nén trong phần đầu mục khác', make: () => patchZip(buildDocx(documentXml(FIRST)), 'word/document.xml', (v, lh) => v.setUint32(lh + 18, v.getUint32(lh + 18, true) + 7, true)), expect: 'corrupt' },
    { name: 'zip: phương thức nén trong phần đầu mục khác', make: () => patchZip(buildDocx(documentXml(FIRST)), 'word/document.xml', (v, lh) => v.setUint16(lh + 8, 0, true)), expect: 'corrupt' },
    {
      name: 'zip: tên trong phần đầu mục khác',
      make: () => {
        const bytes = buildDocx(documentXml(FIRST));
        const lh = ZipArchive.open(bytes).get('word/document.xml')!.localHeaderOffset;
        const out = bytes.slice();
        out[lh + 30 + 5] = 'X'.charCodeAt(0);
        return out;
      },
      expect: 'corrupt',
    },
    { name: 'zip: mô tả dữ liệu (data descriptor) đúng', make: () => withDescriptor(0), expect: 'read', firstText: 'Số liệu 12' },
    { name: 'zip: mô tả dữ liệu có CRC khác', make: () => withDescriptor(1), expect: 'corrupt' },
    {
      name: 'zip: kích thước gốc ghi nhỏ hơn dữ liệu',
      make: () =>
        patchZip(buildDocx(documentXml(FIRST)), 'word/document.xml', (v, lh, cd) => {
          const size = v.getUint32(cd + 24, true) - 10;
          v.setUint32(cd + 24, size, true);
          v.setUint32(lh + 22, size, true);
        }),
      expect: 'corrupt',
    },
    {
      name: 'zip: kích thước gốc ghi lớn gấp nhiều lần',
      make: () =>
        patchZip(buildDocx(documentXml(FIRST)), 'word/document.xml', (v, lh, cd) => {
          v.setUint32(cd + 24, 150_000_000, true);
          v.setUint32(lh + 22, 150_000_000, true);
        }),
      expect: 'corrupt',
    },
    { name: 'zip: bom zip (20 MB số 0)', make: () => buildDocx(documentXml(FIRST), [['word/media/zero.bin', new Uint8Array(20 * 1024 * 1024)]]), expect: 'zip-bomb' },
    {
      name: 'zip: bom zip nấp sau kích thước ghi nhỏ',
      make: () => {
        const bytes = createZip([
          ['[Content_Types].xml', enc.encode(CONTENT_TYPES)],
          ['_rels/.rels', enc.encode(ROOT_RELS)],
          ['word/document.xml', new Uint8Array(10 * 1024 * 1024)],
        ]);
        return patchZip(bytes, 'word/document.xml', (v, lh, cd) => {
          v.setUint32(cd + 24, 1000, true);
          v.setUint32(lh + 22, 1000, true);
        });
      },
      expect: 'zip-bomb',
    },
    { name: 'zip: không phải zip (byte ngẫu nhiên)', make: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), expect: 'not-zip' },
    {
      name: 'zip: tên mục trùng nhau',
      make: () => rename(buildDocx(documentXml(FIRST), [['word/documenX.xml', documentXml(FIRST)]]), 'word/documenX.xml', 'word/document.xml'),
      expect: 'duplicate-entry',
    },
    { name: 'zip: tên mục "../" (path traversal)', make: () => rename(buildDocx(documentXml(FIRST), [['abcdef/x.xml', '<a/>']]), 'abcdef/x.xml', '../../x.xml/'), expect: 'bad-entry-name' },
  ];
}
