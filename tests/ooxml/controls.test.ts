import { OoxmlDocument } from '../../src/document/ooxml/document';
import { ZipArchive } from '../../src/document/ooxml/zip';
import type { ParagraphBlock, TableBlock } from '../../src/document/types';
import { buildDocx, catchDocumentError, documentXml, rawIdenticalExcept } from './helpers';
import { CONTROLS_BODY } from './fixtures';

const BODY = CONTROLS_BODY;

const DOC_XML = documentXml(BODY);
const bytes = (): Uint8Array => buildDocx(DOC_XML);
const docXmlOf = (docx: Uint8Array): string => new TextDecoder().decode(ZipArchive.open(docx).read('word/document.xml'));

describe('reading content controls and structure', () => {
  const doc = OoxmlDocument.open(bytes());
  const snap = doc.readSync();

  test('blocks are listed in order with block-level controls flattened', () => {
    expect(snap.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'paragraph', 'paragraph']);
    expect(snap.blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((snap.blocks[0] as ParagraphBlock).text).toBe('Kính gửi: UBND tỉnh xem xét.');
    expect((snap.blocks[5] as ParagraphBlock).style).toBe('TextBody');
  });

  test('controls: tag, title, kind, level, lock, placeholder, block index, text', () => {
    const summary = snap.controls.map((c) => [c.index, c.tag, c.title, c.kind, c.level, c.lock, c.showingPlaceholder, c.blockIndex, c.text]);
    expect(summary).toEqual([
      [0, 'don_vi', 'Tên đơn vị', 'plainText', 'inline', 'none', false, 0, 'UBND tỉnh'],
      [1, 'noi_dung', 'Nội dung', 'richText', 'block', 'sdtLocked', false, 1, 'Đoạn một\nĐoạn hai'],
      [2, 'ngay', 'Ngày báo cáo', 'date', 'inline', 'contentLocked', false, 3, '15/06/2022'],
      [3, 'ky', 'Kỳ', 'dropDown', 'inline', 'none', true, 3, 'Chọn kỳ'],
      [4, 'xong', '', 'checkBox', 'inline', 'none', false, 3, '☐'],
      [5, 'combo', 'Chọn', 'comboBox', 'inline', 'sdtContentLocked', false, 3, 'A'],
      [6, 'hang', 'Hàng', 'richText', 'row', 'none', false, 4, '1\tHồ sơ\t30.407'],
      [7, 'so_ho_so', 'Số hồ sơ', 'richText', 'cell', 'none', false, 4, '30.407'],
    ]);
  });

  test('spans locate inline controls in the paragraph text', () => {
    const b0 = snap.blocks[0] as ParagraphBlock;
    expect(b0.spans).toEqual([{ controlIndex: 0, start: 10, end: 19 }]);
    expect(b0.text.slice(10, 19)).toBe('UBND tỉnh');
    const b3 = snap.blocks[3] as ParagraphBlock;
    expect(b3.text).toBe('Ngày: 15/06/2022\tChọn kỳ☐A');
    expect(b3.spans.map((s) => b3.text.slice(s.start, s.end))).toEqual(['15/06/2022', 'Chọn kỳ', '☐', 'A']);
  });

  test('paragraph text rules: tabs, breaks, hyphens, tracked changes, fields, containers', () => {
    expect((snap.blocks[6] as ParagraphBlock).text).toBe('Liên kết\tA\nB\n-thêm79SC');
  });

  test('tables: rows through row-level and cell-level controls, spans, merges, headers, nested tables', () => {
    const t = snap.blocks[4] as TableBlock;
    expect(t.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['TT', 'Chỉ tiêu', 'Số liệu'],
      ['1', 'Hồ sơ', '30.407'],
      ['Tổng', 'Mười'],
      ['Ngoài\nTrong\tHai\n', 'x', 'y'],
    ]);
    expect(t.rows.map((row) => row.header)).toEqual([true, false, false, false]);
    expect(t.rows[2]!.cells.map((c) => [c.span, c.mergedUp])).toEqual([
      [2, false],
      [1, true],
    ]);
  });
});

describe('writing', () => {
  test('control edit keeps the first run formatting, and save → reopen reads it back', async () => {
    const original = bytes();
    const doc = OoxmlDocument.open(original);
    await doc.read();
    await doc.apply([{ kind: 'control', controlIndex: 0, text: 'Sở Nội vụ' }]);
    const saved = doc.save();
    expect(rawIdenticalExcept(original, saved, ['word/document.xml'])).toEqual([]);
    const again = OoxmlDocument.open(saved).readSync();
    expect(again.controls[0]!.text).toBe('Sở Nội vụ');
    expect((again.blocks[0] as ParagraphBlock).text).toBe('Kính gửi: Sở Nội vụ xem xét.');
    expect(docXmlOf(saved)).toContain('<w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve">Sở Nội vụ</w:t>');
  });

  test('writing a placeholder control clears showingPlcHdr and the placeholder style, keeps other formatting', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([{ kind: 'control', controlIndex: 3, text: '6 tháng' }]);
    const saved = doc.save();
    const snap = OoxmlDocument.open(saved).readSync();
    expect(snap.controls[3]).toMatchObject({ text: '6 tháng', showingPlaceholder: false });
    const xml = docXmlOf(saved);
    expect(xml).not.toContain('PlaceholderText');
    expect(xml).not.toContain('showingPlcHdr');
    expect(xml).toContain('<w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">6 tháng</w:t>');
  });

  test('block-level control edit: one paragraph per line, first paragraph and run formatting kept', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([{ kind: 'control', controlIndex: 1, text: 'Mới một\nMới hai\nMới ba' }]);
    const snap = OoxmlDocument.open(doc.save()).readSync();
    expect(snap.controls[1]!.text).toBe('Mới một\nMới hai\nMới ba');
    expect(snap.blocks.slice(1, 4).map((b) => (b as ParagraphBlock).text)).toEqual(['Mới một', 'Mới hai', 'Mới ba']);
    const xml = docXmlOf(doc.save());
    expect(xml.match(/<w:jc w:val="both"\/>/g)).toHaveLength(3);
    expect(xml.match(/<w:i\/>/g)!.length).toBeGreaterThanOrEqual(3);
  });

  test('cell-level control edit writes the cell', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([{ kind: 'control', controlIndex: 7, text: '31.000' }]);
    const snap = OoxmlDocument.open(doc.save()).readSync();
    expect((snap.blocks[4] as TableBlock).rows[1]!.cells[2]!.text).toBe('31.000');
    expect(docXmlOf(doc.save())).toContain('<w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">31.000</w:t>');
  });

  test('a content-locked control is refused, naming it, and the whole batch changes nothing', () => {
    const original = bytes();
    const doc = OoxmlDocument.open(original);
    doc.readSync();
    const err = catchDocumentError(() =>
      doc.applySync([
        { kind: 'control', controlIndex: 0, text: 'đổi' },
        { kind: 'control', controlIndex: 2, text: '01/07/2022' },
      ]),
    );
    expect(err.code).toBe('control-locked');
    expect(err.message).toContain('Ngày báo cáo');
    expect(catchDocumentError(() => doc.applySync([{ kind: 'control', controlIndex: 5, text: 'B' }])).message).toContain('Chọn');
    expect(rawIdenticalExcept(original, doc.save())).toEqual([]);
    expect(doc.readSync().controls[0]!.text).toBe('UBND tỉnh');
  });

  test('text cannot be written into a check box; unknown control index is control-missing', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    expect(catchDocumentError(() => doc.applySync([{ kind: 'control', controlIndex: 4, text: 'x' }])).code).toBe('unsupported');
    expect(catchDocumentError(() => doc.applySync([{ kind: 'control', controlIndex: 99, text: 'x' }])).code).toBe('control-missing');
  });

  test('cell edit with find replaces a figure split across runs, keeping the first run formatting', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([{ kind: 'cell', tableIndex: 4, rowIndex: 1, cellIndex: 2, text: '31.250', find: { text: '30.407', from: 0 } }]);
    const saved = doc.save();
    const snap = OoxmlDocument.open(saved).readSync();
    expect((snap.blocks[4] as TableBlock).rows[1]!.cells[2]!.text).toBe('31.250');
    const xml = docXmlOf(saved);
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">31.250</w:t></w:r></w:p>');
    // Only the cell changed.
    const [before, after] = [DOC_XML, xml];
    const cut = (s: string): string => s.replace(/<w:tc><w:tcPr><w:tcW w:w="2000".*?<\/w:tc>/, '<CELL/>');
    expect(cut(after)).toBe(cut(before));
  });

  test('full cell edit replaces all paragraphs of the cell (nested table too)', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([{ kind: 'cell', tableIndex: 4, rowIndex: 3, cellIndex: 0, text: 'Một ô' }]);
    const snap = OoxmlDocument.open(doc.save()).readSync();
    expect((snap.blocks[4] as TableBlock).rows[3]!.cells.map((c) => c.text)).toEqual(['Một ô', 'x', 'y']);
  });

  test('find that is absent or crosses paragraphs is refused', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    const edit = (find: string) => () => doc.applySync([{ kind: 'cell', tableIndex: 4, rowIndex: 3, cellIndex: 0, text: 'z', find: { text: find, from: 0 } }]);
    expect(catchDocumentError(edit('không có')).code).toBe('stale-edit');
    expect(catchDocumentError(edit('Ngoài\nTrong')).code).toBe('unsupported');
  });

  test('paragraph span edit across runs keeps the formatting of the run where the match starts', () => {
    const doc = OoxmlDocument.open(bytes());
    const snap = doc.readSync();
    const b5 = snap.blocks[5] as ParagraphBlock;
    const start = b5.text.indexOf('30.407');
    doc.applySync([{ kind: 'paragraph', blockIndex: 5, start, end: start + 6, text: '31.000' }]);
    const saved = doc.save();
    expect((OoxmlDocument.open(saved).readSync().blocks[5] as ParagraphBlock).text).toBe('Đã tiếp nhận 31.000 hồ sơ.');
    const xml = docXmlOf(saved);
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">31.000</w:t></w:r><w:r><w:t xml:space="preserve"> hồ sơ.</w:t></w:r>');
    expect(xml).not.toContain('.407');
  });

  test('several span edits in one paragraph apply against the original offsets', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([
      { kind: 'paragraph', blockIndex: 5, start: 0, end: 2, text: 'Tổng đã' },
      { kind: 'paragraph', blockIndex: 5, start: 20, end: 25, text: 'bộ hồ sơ' },
    ]);
    expect((doc.readSync().blocks[5] as ParagraphBlock).text).toBe('Tổng đã tiếp nhận 30.407 bộ hồ sơ.');
  });

  test('overlapping edits in one batch are refused', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    const err = catchDocumentError(() =>
      doc.applySync([
        { kind: 'paragraph', blockIndex: 5, start: 0, end: 5, text: 'a' },
        { kind: 'paragraph', blockIndex: 5, start: 3, end: 8, text: 'b' },
      ]),
    );
    expect(err.code).toBe('unsupported');
  });

  test('a span edit touching a content-locked control is refused', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    expect(catchDocumentError(() => doc.applySync([{ kind: 'paragraph', blockIndex: 3, start: 8, end: 10, text: 'x' }])).code).toBe(
      'control-locked',
    );
  });

  test('wrap splits runs at the boundaries, keeps their formatting and adds a control with a unique id', () => {
    const doc = OoxmlDocument.open(bytes());
    const b5 = doc.readSync().blocks[5] as ParagraphBlock;
    const start = b5.text.indexOf('0.40');
    doc.applySync([{ kind: 'wrap', blockIndex: 5, start, end: start + 4, tag: 'tiep_nhan', title: 'Số tiếp nhận' }]);
    const saved = doc.save();
    const snap = OoxmlDocument.open(saved).readSync();
    const block = snap.blocks[5] as ParagraphBlock;
    expect(block.text).toBe(b5.text);
    const ctrl = snap.controls.find((c) => c.tag === 'tiep_nhan')!;
    expect(ctrl).toMatchObject({ title: 'Số tiếp nhận', text: '0.40', level: 'inline', kind: 'richText', blockIndex: 5 });
    expect(block.spans).toEqual([{ controlIndex: ctrl.index, start, end: start + 4 }]);
    const xml = docXmlOf(saved);
    const sdt = /<w:sdt><w:sdtPr><w:alias w:val="Số tiếp nhận"\/><w:tag w:val="tiep_nhan"\/><w:id w:val="(\d+)"\/><\/w:sdtPr><w:sdtContent>(.*?)<\/w:sdtContent><\/w:sdt>/.exec(xml);
    expect(sdt).not.toBeNull();
    expect(['101', '102', '103', '104', '105', '106', '107', '108']).not.toContain(sdt![1]);
    expect(sdt![2]).toBe(
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">0</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">.40</w:t></w:r>',
    );
    // The split halves outside keep their formatting too.
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">3</w:t></w:r><w:sdt>');
    expect(xml).toContain('</w:sdt><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">7</w:t></w:r>');
  });

  test('wrap across a hyperlink boundary is refused', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    expect(catchDocumentError(() => doc.applySync([{ kind: 'wrap', blockIndex: 6, start: 5, end: 10, tag: 't', title: 't' }])).code).toBe(
      'unsupported',
    );
  });

  test('insert-row clones the template row (formatting kept, control ids renewed) after the given row', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    doc.applySync([
      { kind: 'insert-row', tableIndex: 4, templateRowIndex: 1, afterRowIndex: 1, cells: ['2', 'Hồ sơ mới', '12'] },
      { kind: 'insert-row', tableIndex: 4, templateRowIndex: 1, afterRowIndex: 1, cells: ['3', 'Thêm nữa'] },
    ]);
    const saved = doc.save();
    const snap = OoxmlDocument.open(saved).readSync();
    const t = snap.blocks[4] as TableBlock;
    expect(t.rows.map((row) => row.cells.map((c) => c.text))).toEqual([
      ['TT', 'Chỉ tiêu', 'Số liệu'],
      ['1', 'Hồ sơ', '30.407'],
      ['2', 'Hồ sơ mới', '12'],
      ['3', 'Thêm nữa', ''],
      ['Tổng', 'Mười'],
      ['Ngoài\nTrong\tHai\n', 'x', 'y'],
    ]);
    const cellControls = snap.controls.filter((c) => c.tag === 'so_ho_so');
    expect(cellControls.map((c) => c.text)).toEqual(['30.407', '12', '']);
    const ids = [...docXmlOf(saved).matchAll(/<w:id w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // The original and the "12" cell keep paragraph and run formatting; the empty cell keeps its paragraph formatting.
    expect(docXmlOf(saved).match(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:b\/><\/w:rPr>/g)).toHaveLength(2);
    expect(docXmlOf(saved).match(/<w:jc w:val="right"\/><\/w:pPr>/g)).toHaveLength(3);
  });

  test('stale or out-of-range edits are refused', () => {
    const doc = OoxmlDocument.open(bytes());
    doc.readSync();
    expect(catchDocumentError(() => doc.applySync([{ kind: 'paragraph', blockIndex: 4, start: 0, end: 0, text: 'x' }])).code).toBe('stale-edit');
    expect(catchDocumentError(() => doc.applySync([{ kind: 'paragraph', blockIndex: 0, start: 0, end: 999, text: 'x' }])).code).toBe('stale-edit');
    expect(catchDocumentError(() => doc.applySync([{ kind: 'cell', tableIndex: 4, rowIndex: 9, cellIndex: 0, text: 'x' }])).code).toBe('stale-edit');
    doc.applySync([{ kind: 'control', controlIndex: 0, text: 'a' }]);
    expect(catchDocumentError(() => doc.applySync([{ kind: 'control', controlIndex: 0, text: 'b' }])).code).toBe('stale-edit');
    doc.readSync();
    doc.applySync([{ kind: 'control', controlIndex: 0, text: 'b' }]);
    expect(doc.readSync().controls[0]!.text).toBe('b');
  });
});
