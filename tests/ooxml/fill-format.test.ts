import * as fs from 'node:fs';
import * as path from 'node:path';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { ZipArchive } from '../../src/document/ooxml/zip';
import { DocumentError, type DocumentEdit, type DocumentSnapshot, type TableBlock } from '../../src/document/types';
import { CORPUS_DIR } from '../helpers/paths';
import { buildDocx, documentXml } from './helpers';

const run = (text: string, sz?: number): string => `<w:r>${sz ? `<w:rPr><w:sz w:val="${sz}"/></w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
const cell = (inner: string, mark = ''): string => `<w:tc><w:p>${mark ? `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>` : ''}${inner}</w:p></w:tc>`;
const row = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const headerRow = (...cells: string[]): string => `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cells.join('')}</w:tr>`;

function mainXml(bytes: Uint8Array): string {
  return new TextDecoder().decode(ZipArchive.open(bytes).read('word/document.xml'));
}

/** Fills one cell of table 0 and returns the saved run that holds `text`. */
function fillCell(body: string, rowIndex: number, cellIndex: number, text: string): string {
  const doc = OoxmlDocument.open(buildDocx(documentXml(body)));
  doc.readSync();
  doc.applySync([{ kind: 'cell', tableIndex: 0, rowIndex, cellIndex, text }]);
  const xml = mainXml(doc.save());
  const at = xml.indexOf(`>${text}</w:t>`);
  expect(at).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<w:r>', at), xml.indexOf('</w:r>', at) + 6);
}

describe('fill keeps formatting: a value written into an empty cell', () => {
  test("takes the run properties of the cell's paragraph mark", () => {
    const body = `<w:tbl>${row(cell(run('a', 24)), cell('', '<w:sz w:val="22"/><w:b/>'))}</w:tbl>`;
    expect(fillCell(body, 0, 1, '7')).toBe('<w:r><w:rPr><w:sz w:val="22"/><w:b/></w:rPr><w:t>7</w:t></w:r>');
  });

  test("without a mark, takes those of the same column's nearest cell with text (below first, header rows last)", () => {
    const body =
      '<w:tbl>' +
      headerRow(cell(run('Tên', 28)), cell(run('Số', 28))) +
      row(cell(run('a', 24)), cell('')) +
      row(cell(run('b', 24)), cell(run('12', 26))) +
      '</w:tbl>';
    expect(fillCell(body, 1, 1, '7')).toBe('<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>7</w:t></w:r>');
  });

  test('the same grid column, through merged (gridSpan) cells', () => {
    const span2 = `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p>${run('gộp', 30)}</w:p></w:tc>`;
    const body = '<w:tbl>' + row(cell(run('x', 20)), cell(run('y', 22)), cell(run('z', 18))) + row(span2, cell('')) + '</w:tbl>';
    expect(fillCell(body, 1, 1, '5')).toBe('<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>5</w:t></w:r>');
  });

  test("a neighbour's run without properties gives none; a cell with nothing around stays plain", () => {
    expect(fillCell(`<w:tbl>${row(cell(''))}${row(cell(run('3')))}</w:tbl>`, 0, 0, '4')).toBe('<w:r><w:t>4</w:t></w:r>');
    expect(fillCell(`<w:tbl>${row(cell(''))}</w:tbl>`, 0, 0, '4')).toBe('<w:r><w:t>4</w:t></w:r>');
  });
});

describe('a control edit replaces only the control’s own text', () => {
  const nestedTable = `<w:tbl>${row(cell(run('1')), cell(run('2')))}</w:tbl>`;
  const inner = (tag: string, text: string): string =>
    `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/></w:sdtPr><w:sdtContent><w:p>${run(text)}</w:p></w:sdtContent></w:sdt>`;
  const outer =
    `<w:sdt><w:sdtPr><w:tag w:val="outer"/></w:sdtPr><w:sdtContent>` +
    `<w:p>${run('cũ', 24)}</w:p>${nestedTable}${inner('inner', 'giữ')}<w:p>${run('thêm')}</w:p>` +
    `</w:sdtContent></w:sdt>`;

  test('block control: nested tables and controls are kept, own paragraphs get the text', () => {
    const doc = OoxmlDocument.open(buildDocx(documentXml(outer)));
    const snap = doc.readSync();
    expect(snap.controls.map((c) => c.tag)).toEqual(['outer', 'inner']);
    doc.applySync([{ kind: 'control', controlIndex: 0, text: 'mới' }]);
    const saved = doc.save();
    const again = OoxmlDocument.open(saved).readSync();
    expect(again.controls.map((c) => [c.tag, c.text])).toEqual([
      ['outer', 'mới\n1\t2\ngiữ'],
      ['inner', 'giữ'],
    ]);
    // The new text keeps the run's formatting.
    expect(mainXml(saved)).toContain('<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>mới</w:t></w:r>');
  });

  test('outer and nested controls edited in one batch (a fill) do not conflict', () => {
    const doc = OoxmlDocument.open(buildDocx(documentXml(outer)));
    doc.readSync();
    doc.applySync([
      { kind: 'control', controlIndex: 0, text: 'A' },
      { kind: 'control', controlIndex: 1, text: 'B' },
    ]);
    const again = OoxmlDocument.open(doc.save()).readSync();
    expect(again.controls.map((c) => c.text)).toEqual(['A\n1\t2\nB', 'B']);
  });

  test('inline control: a nested inline control keeps its text', () => {
    const para = `<w:p><w:sdt><w:sdtPr><w:tag w:val="o"/></w:sdtPr><w:sdtContent>${run('Số ')}<w:sdt><w:sdtPr><w:tag w:val="i"/></w:sdtPr><w:sdtContent>${run('12')}</w:sdtContent></w:sdt>${run(' hồ sơ')}</w:sdtContent></w:sdt></w:p>`;
    const doc = OoxmlDocument.open(buildDocx(documentXml(para)));
    doc.readSync();
    doc.applySync([{ kind: 'control', controlIndex: 0, text: 'Tổng: ' }]);
    const again = OoxmlDocument.open(doc.save()).readSync();
    expect(again.controls.map((c) => [c.tag, c.text])).toEqual([
      ['o', 'Tổng: 12'],
      ['i', '12'],
    ]);
  });

  test('corpus files with controls around nested content: writing every control keeps every control and table', () => {
    const names = [
      ...fs.readdirSync(path.join(CORPUS_DIR, 'docxtemplater')).filter((f) => /sdt/i.test(f)).map((f) => `docxtemplater/${f}`),
      ...fs.readdirSync(path.join(CORPUS_DIR, 'docx4j')).filter((f) => /OpenDoPE|databinding/i.test(f)).map((f) => `docx4j/${f}`),
    ];
    let withNested = 0;
    const problems: string[] = [];
    for (const name of names) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, name)));
      let doc: OoxmlDocument;
      let snap: DocumentSnapshot;
      try {
        doc = OoxmlDocument.open(bytes);
        snap = doc.readSync();
      } catch (e) {
        if (e instanceof DocumentError) continue;
        throw e;
      }
      const edits: DocumentEdit[] = snap.controls
        .filter((c) => (c.kind === 'plainText' || c.kind === 'richText') && c.level !== 'row' && c.lock === 'none')
        .map((c) => ({ kind: 'control', controlIndex: c.index, text: `giá trị ${c.index}` }));
      if (edits.length === 0) continue;
      try {
        doc.applySync(edits);
      } catch (e) {
        // A control inside a content-locked one: refused as a whole, typed.
        if (e instanceof DocumentError && e.code === 'control-locked') continue;
        throw e;
      }
      const again = OoxmlDocument.open(doc.save()).readSync();
      const tables = (s: DocumentSnapshot): number => s.blocks.filter((b): b is TableBlock => b.type === 'table').length;
      if (again.controls.length !== snap.controls.length) problems.push(`${name}: ${snap.controls.length} → ${again.controls.length} controls`);
      if (tables(again) !== tables(snap)) problems.push(`${name}: tables ${tables(snap)} → ${tables(again)}`);
      for (const e of edits) {
        if (e.kind !== 'control') continue;
        const text = again.controls[e.controlIndex]?.text ?? '';
        if (!text.includes(e.text)) problems.push(`${name} #${e.controlIndex}: ${JSON.stringify(text)}`);
      }
      if (snap.controls.some((c, i) => snap.controls.some((d, j) => j > i && d.blockIndex === c.blockIndex && c.text.includes(d.text) && d.text !== ''))) withNested++;
    }
    expect(problems).toEqual([]);
    expect(withNested).toBeGreaterThan(3);
  });
});

describe('WordprocessingML under any prefix, or none', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body =
    '<w:body><w:p><w:r><w:t>Đã tiếp nhận 12 hồ sơ</w:t></w:r></w:p>' +
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>' +
    '<w:sdt><w:sdtPr><w:tag w:val="k"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>cũ</w:t></w:r></w:p></w:sdtContent></w:sdt></w:body>';
  const variants: Array<[string, string]> = [
    ['default namespace', `<?xml version="1.0"?><document xmlns="${W}">${body.replace(/<(\/?)w:/g, '<$1').replace(/ w:val=/g, ' val=')}</document>`],
    ['prefix x:', `<?xml version="1.0"?><x:document xmlns:x="${W}">${body.replace(/<(\/?)w:/g, '<$1x:').replace(/ w:val=/g, ' x:val=')}</x:document>`],
  ];
  test.each(variants)('%s: every edit kind, as through xmldom', (_name, xml) => {
    const edits: DocumentEdit[] = [
      { kind: 'paragraph', blockIndex: 0, start: 13, end: 15, text: '34' },
      { kind: 'wrap', blockIndex: 0, start: 0, end: 2, tag: 't', title: 'T' },
      { kind: 'cell', tableIndex: 1, rowIndex: 0, cellIndex: 1, text: '7' },
      { kind: 'insert-row', tableIndex: 1, templateRowIndex: 0, afterRowIndex: 0, cells: ['b', 'c'] },
      { kind: 'control', controlIndex: 0, text: 'mới' },
    ];
    const results = [true, false].map((editTree) => {
      const doc = OoxmlDocument.open(buildDocx(xml), { editTree });
      doc.readSync();
      doc.applySync(edits);
      return OoxmlDocument.open(doc.save()).readSync();
    });
    expect(results[0]).toEqual(results[1]);
    const snap = results[0]!;
    expect(snap.blocks[0]).toMatchObject({ type: 'paragraph', text: 'Đã tiếp nhận 34 hồ sơ' });
    expect((snap.blocks[1] as TableBlock).rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['a', '7'],
      ['b', 'c'],
    ]);
    expect(snap.controls.map((c) => [c.tag, c.text])).toEqual([
      ['t', 'Đã'],
      ['k', 'mới'],
    ]);
  });
});
