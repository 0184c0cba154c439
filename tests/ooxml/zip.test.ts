import * as fs from 'node:fs';
import { deflateSync } from 'fflate';
import { ZipArchive, createZip, crc32 } from '../../src/document/ooxml/zip';
import { DocxPackage } from '../../src/document/ooxml/package';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { RECEIVED_SAMPLE } from '../helpers/paths';
import { buildDocx, catchDocumentError, centralRecordOffset, documentXml, equalBytes, patchBytes, rawIdenticalExcept } from './helpers';

const enc = new TextEncoder();
const simpleDoc = documentXml('<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>');

describe('zip reading refuses hostile archives before inflating', () => {
  test('random bytes are not a zip', () => {
    let seed = 12345;
    const bytes = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const err = catchDocumentError(() => OoxmlDocument.open(bytes));
    expect(err.code).toBe('not-zip');
    expect(err.message).toContain('không đọc được cấu trúc zip');
  });

  test('empty input is not a zip', () => {
    expect(catchDocumentError(() => OoxmlDocument.open(new Uint8Array(0))).code).toBe('not-zip');
  });

  test('a truncated real docx is refused as not-zip', () => {
    const bytes = new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE));
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      expect(catchDocumentError(() => OoxmlDocument.open(bytes.subarray(0, cut))).code).toBe('not-zip');
    }
  });

  test('a zip bomb (60 MB of zeros) is refused from its declared ratio, without inflating', () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = buildDocx(simpleDoc, [['word/media/zeros.bin', zeros]]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const inflateSpy = jest.spyOn(ZipArchive.prototype, 'read');
    const err = catchDocumentError(() => OoxmlDocument.open(bomb));
    expect(err.code).toBe('zip-bomb');
    expect(inflateSpy).not.toHaveBeenCalled();
    inflateSpy.mockRestore();
  });

  test('an entry lying about its size is stopped while inflating, and called damaged, not a bomb', () => {
    // 300 KB of compressible-but-not-bomb data declared as 1000 bytes (ratio check passes).
    let seed = 7;
    const data = new Uint8Array(300 * 1024).map((_, i) => (i % 7 === 0 ? ((seed = (seed * 69069 + 1) >>> 0) >>> 24) : 65));
    const bytes = buildDocx(simpleDoc, [['word/media/data.bin', data]]);
    const zip = ZipArchive.open(bytes);
    const entry = zip.get('word/media/data.bin')!;
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    const cd = centralRecordOffset(bytes, 'word/media/data.bin');
    view.setUint32(cd + 24, 1000, true);
    view.setUint32(entry.localHeaderOffset + 22, 1000, true);
    const lying = ZipArchive.open(patched);
    const err = catchDocumentError(() => lying.read('word/media/data.bin'));
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('bị hỏng');
  });

  test('a size field far above the data (bomb-like declared ratio) is damaged when the data is small', () => {
    const bytes = buildDocx(simpleDoc, [['word/media/a.bin', new Uint8Array(2000).map((_, i) => (i * 31) % 251)]]);
    const entry = ZipArchive.open(bytes).get('word/media/a.bin')!;
    const cd = centralRecordOffset(bytes, 'word/media/a.bin');
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    view.setUint32(cd + 24, 50_000_000, true);
    view.setUint32(entry.localHeaderOffset + 22, 50_000_000, true);
    const err = catchDocumentError(() => OoxmlDocument.open(patched));
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('bị hỏng');
  });

  test('a real bomb hiding behind a small declared size is still a bomb', () => {
    const bytes = buildDocx(simpleDoc, [['word/media/zero.bin', new Uint8Array(20 * 1024 * 1024)]]);
    // Opened without the ratio check only to find the entry's headers.
    const entry = ZipArchive.open(bytes, { minRatio: 0 }).get('word/media/zero.bin')!;
    const cd = entry.centralRecord.byteOffset;
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    view.setUint32(cd + 24, 1000, true);
    view.setUint32(entry.localHeaderOffset + 22, 1000, true);
    const err = catchDocumentError(() => ZipArchive.open(patched).read('word/media/zero.bin'));
    expect(err.code).toBe('zip-bomb');
  });

  describe('a local header that disagrees with the central directory is refused as damaged', () => {
    const bytes = buildDocx(simpleDoc);
    const lh = ZipArchive.open(bytes).get('word/document.xml')!.localHeaderOffset;
    const cases: Array<[string, (v: DataView, b: Uint8Array) => void]> = [
      ['CRC-32', (v) => v.setUint32(lh + 14, v.getUint32(lh + 14, true) ^ 1, true)],
      ['compressed size', (v) => v.setUint32(lh + 18, v.getUint32(lh + 18, true) + 1, true)],
      ['uncompressed size', (v) => v.setUint32(lh + 22, v.getUint32(lh + 22, true) - 1, true)],
      ['method', (v) => v.setUint16(lh + 8, 0, true)],
      ['name', (_v, b) => (b[lh + 30 + 5] = 'x'.charCodeAt(0))],
      ['encryption flag', (v) => v.setUint16(lh + 6, v.getUint16(lh + 6, true) | 1, true)],
    ];
    test.each(cases)('%s', (_what, patch) => {
      const patched = bytes.slice();
      patch(new DataView(patched.buffer), patched);
      const err = catchDocumentError(() => OoxmlDocument.open(patched));
      expect(err.code).toBe('corrupt');
      expect(err.message).toMatch(/^Tệp \.docx bị hỏng/);
    });
  });

  test('the total uncompressed size is capped', () => {
    const bytes = buildDocx(simpleDoc, [['word/media/a.bin', new Uint8Array(5000).fill(1)]]);
    expect(catchDocumentError(() => ZipArchive.open(bytes, { maxTotalUncompressed: 4000 })).code).toBe('zip-bomb');
  });

  test('more than 1000 entries are refused', () => {
    const files: Array<[string, Uint8Array]> = [];
    for (let i = 0; i < 1001; i++) files.push([`word/f${i}.xml`, enc.encode('<a/>')]);
    const err = catchDocumentError(() => ZipArchive.open(createZip(files)));
    expect(err.code).toBe('too-many-entries');
    expect(err.message).toContain('1001');
    // 1000 is still fine.
    expect(ZipArchive.open(createZip(files.slice(0, 1000))).entries).toHaveLength(1000);
  });

  test('duplicate entry names are refused (raw names patched)', () => {
    const bytes = buildDocx(simpleDoc, [['word/dupX.xml', '<a/>'], ['word/dupY.xml', '<b/>']]);
    const patched = patchBytes(bytes, 'word/dupY.xml', 'word/dupX.xml');
    expect(catchDocumentError(() => OoxmlDocument.open(patched)).code).toBe('duplicate-entry');
    const caseOnly = patchBytes(bytes, 'word/dupY.xml', 'WORD/DUPX.xml');
    expect(catchDocumentError(() => ZipArchive.open(caseOnly)).code).toBe('duplicate-entry');
  });

  test.each([
    ['../evil.xml', 'parent directory'],
    ['/etc/passwd', 'absolute path'],
    ['word\\a.xml', 'backslash'],
    ['C:/win.xml', 'drive letter'],
    ['word/\0a.xml', 'NUL'],
    ['a/../../b', 'nested parent'],
  ])('unsafe entry name %j is refused', (name) => {
    const placeholder = 'q'.repeat(name.length);
    const bytes = buildDocx(simpleDoc, [[placeholder, '<a/>']]);
    const patched = patchBytes(bytes, placeholder, name);
    const err = catchDocumentError(() => OoxmlDocument.open(patched));
    expect(err.code).toBe('bad-entry-name');
    expect(err.message).toContain('tên không an toàn');
  });

  test('an entry with the encryption flag is refused as unsupported', () => {
    const bytes = buildDocx(simpleDoc);
    const cd = centralRecordOffset(bytes, 'word/document.xml');
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    view.setUint16(cd + 8, view.getUint16(cd + 8, true) | 1, true);
    const err = catchDocumentError(() => OoxmlDocument.open(patched));
    expect(err.code).toBe('unsupported');
    expect(err.message).toContain('mã hoá');
  });

  test('an unknown compression method is refused as unsupported', () => {
    const bytes = buildDocx(simpleDoc);
    const cd = centralRecordOffset(bytes, 'word/document.xml');
    const patched = bytes.slice();
    new DataView(patched.buffer).setUint16(cd + 10, 12, true);
    expect(catchDocumentError(() => OoxmlDocument.open(patched)).code).toBe('unsupported');
  });

  test('a CRC mismatch is reported as a damaged file', () => {
    const bytes = buildDocx(simpleDoc);
    const cd = centralRecordOffset(bytes, 'word/document.xml');
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    view.setUint32(cd + 16, view.getUint32(cd + 16, true) ^ 1, true);
    expect(catchDocumentError(() => OoxmlDocument.open(patched)).code).toBe('corrupt');
  });

  test('a zip without word/document.xml is refused as missing-part', () => {
    const enc2 = new TextEncoder();
    const bytes = createZip([
      ['[Content_Types].xml', enc2.encode('<Types/>')],
      ['word/styles.xml', enc2.encode('<w:styles/>')],
    ]);
    const err = catchDocumentError(() => OoxmlDocument.open(bytes));
    expect(err.code).toBe('missing-part');
    expect(err.message).toContain('word/document.xml');
  });

  test('the main part is found through _rels/.rels when it is not word/document.xml', () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main2.xml"/></Relationships>';
    const bytes = createZip([
      ['_rels/.rels', enc.encode(rels)],
      ['word/main2.xml', enc.encode(simpleDoc)],
    ]);
    const pkg = DocxPackage.open(bytes);
    expect(pkg.mainPartName).toBe('word/main2.xml');
  });
});

describe('zip writing', () => {
  test('untouched entries are copied raw; changed entries are deflated anew; order is kept; output re-opens', () => {
    const original = new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE));
    const zip = ZipArchive.open(original);
    const target = 'word/styles.xml';
    expect(zip.has(target)).toBe(true);
    const newStyles = enc.encode('<?xml version="1.0"?><w:styles xmlns:w="x"/>');
    const saved = zip.save(new Map([[target, newStyles]]));
    expect(rawIdenticalExcept(original, saved, [target])).toEqual([]);
    const reopened = ZipArchive.open(saved);
    expect(reopened.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
    expect(equalBytes(reopened.read(target), newStyles)).toBe(true);
    for (const e of zip.entries) {
      if (e.name === target) continue;
      expect(equalBytes(reopened.read(e.name), zip.read(e.name))).toBe(true);
    }
  });

  test('saving without changes keeps every entry raw-identical', () => {
    const original = new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE));
    const saved = ZipArchive.open(original).save();
    expect(rawIdenticalExcept(original, saved)).toEqual([]);
  });

  test('entries with data descriptors are copied with their descriptor', () => {
    // Build a zip by hand with one stored entry using a data descriptor (flag bit 3).
    const name = enc.encode('word/document.xml');
    const data = enc.encode(simpleDoc);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length + 16);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 8, true);
    lv.setUint16(8, 0, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const dd = 30 + name.length + data.length;
    lv.setUint32(dd, 0x08074b50, true);
    lv.setUint32(dd + 4, crc, true);
    lv.setUint32(dd + 8, data.length, true);
    lv.setUint32(dd + 12, data.length, true);
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
    central.set(name, 46);
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length, true);
    const bytes = new Uint8Array([...local, ...central, ...eocd]);
    const zip = ZipArchive.open(bytes);
    expect(zip.raw(zip.entries[0]!)).toHaveLength(local.length);
    const saved = zip.save();
    expect(equalBytes(saved, bytes)).toBe(true);
    expect(new TextDecoder().decode(ZipArchive.open(saved).read('word/document.xml'))).toBe(simpleDoc);
  });

  test('CRC-32 (slice-by-8) matches the bitwise definition for every length and alignment, and chains with a seed', () => {
    const reference = (data: Uint8Array, seed = 0): number => {
      let c = ~seed >>> 0;
      for (const byte of data) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
      }
      return ~c >>> 0;
    };
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    let x = 12345;
    const data = new Uint8Array(300).map(() => (x = (x * 1103515245 + 12345) >>> 0) >>> 24);
    for (let len = 0; len <= 40; len++) {
      for (const off of [0, 1, 3, 7]) {
        const part = data.subarray(off, off + len);
        expect(crc32(part)).toBe(reference(part));
      }
    }
    expect(crc32(data)).toBe(reference(data));
    expect(crc32(data.subarray(123), crc32(data.subarray(0, 123)))).toBe(crc32(data));
  });

  test('a large entry inflates in several steps and reads back exactly', () => {
    // Incompressible-ish content so the compressed stream spans several 8 KB inflate steps.
    let y = 7;
    const text = Array.from({ length: 60000 }, () => String.fromCharCode(97 + ((y = (y * 69069 + 1) >>> 0) >>> 27))).join('');
    const bytes = createZip([['big.txt', enc.encode(text)]]);
    const zip = ZipArchive.open(bytes);
    expect(zip.get('big.txt')!.compressedSize).toBeGreaterThan(3 * 8192);
    expect(new TextDecoder().decode(zip.read('big.txt'))).toBe(text);
  });

  test('deflated data written by createZip inflates back', () => {
    const payload = deflateSync(enc.encode('x'.repeat(10))); // arbitrary binary payload
    const bytes = createZip([['a.bin', payload]]);
    expect(equalBytes(ZipArchive.open(bytes).read('a.bin'), payload)).toBe(true);
  });
});
