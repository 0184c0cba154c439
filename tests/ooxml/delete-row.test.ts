/**
 * Row deletion in the OOXML engine beyond the contract: a row wrapped in a row-level control or
 * holding a nested one is refused, and the flat OPC reader (what the Word adapter reads) says
 * which rows each control sits in.
 */
import { readFlatOpc, toFlatOpc } from '../../src/document/ooxml/flat-opc';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocumentError } from '../../src/document/types';
import { buildDocx, documentXml } from './helpers';

const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
const sdt = (tag: string, content: string) => `<w:sdt><w:sdtPr><w:alias w:val="${tag}"/><w:tag w:val="${tag}"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
const inline = (tag: string, text: string) => sdt(tag, `<w:r><w:t>${text}</w:t></w:r>`);

// Row 1 wrapped in a row-level control; row 3 holds an inline control inside its second cell;
// a paragraph control outside the table.
const body =
  `<w:p>${inline('ngoai', 'Phụ lục')}</w:p><w:tbl>` +
  row('STT', 'Nội dung') +
  sdt('hang', row('1', 'Việc một')) +
  row('2', 'Việc hai') +
  `<w:tr>${cell('3')}<w:tc><w:p>${inline('o', 'Việc ba')}</w:p></w:tc></w:tr>` +
  `</w:tbl><w:p/>`;

test('the flat OPC read says which rows each control lies in or wraps', () => {
  const read = readFlatOpc(toFlatOpc(documentXml(body)));
  expect(read.snapshot.controls.map((c) => [c.tag, c.level])).toEqual([
    ['ngoai', 'inline'],
    ['hang', 'row'],
    ['o', 'inline'],
  ]);
  expect(read.controlRows).toEqual([[], [1], [3]]);
});

test.each([
  [1, 'hang'],
  [3, 'o'],
])('deleting row %i is refused because of control "%s"; row 2 can go', async (rowIndex, tag) => {
  const doc = OoxmlDocument.open(buildDocx(documentXml(body)));
  const before = await doc.read();
  const tableIndex = before.blocks.findIndex((b) => b.type === 'table');
  const error = await doc.apply([{ kind: 'delete-row', tableIndex, rowIndex }]).then(
    () => undefined,
    (e: unknown) => e as DocumentError,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect(error!.code).toBe('control-in-row');
  expect(error!.message).toContain(`"${tag}"`);
  expect(await doc.read()).toEqual(before);
  await doc.apply([{ kind: 'delete-row', tableIndex, rowIndex: 2 }]);
  const after = await doc.read();
  expect(after.controls.map((c) => c.tag)).toEqual(['ngoai', 'hang', 'o']);
  const table = after.blocks[tableIndex];
  expect(table?.type === 'table' && table.rows.map((r) => r.cells[0]!.text)).toEqual(['STT', '1', '3']);
});
