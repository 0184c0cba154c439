import * as fs from 'node:fs';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { describeDocumentContract } from '../behaviour/document-contract';
import { RECEIVED_SAMPLE } from '../helpers/paths';
import { buildDocx, documentXml, rowControlDocx } from './helpers';

/** A small report with a content-locked figure control, a free one and an appendix table. */
function lockedDocx(): Uint8Array {
  const control = (tag: string, text: string, lock?: string) =>
    `<w:sdt><w:sdtPr><w:alias w:val="${tag}"/><w:tag w:val="${tag}"/>${lock ? `<w:lock w:val="${lock}"/>` : ''}<w:text/></w:sdtPr>` +
    `<w:sdtContent><w:r><w:t>${text}</w:t></w:r></w:sdtContent></w:sdt>`;
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  return buildDocx(
    documentXml(
      `<w:p><w:r><w:t xml:space="preserve">Tổng số hồ sơ tiếp nhận: </w:t></w:r>${control('a.1', '30.407', 'contentLocked')}` +
        `<w:r><w:t xml:space="preserve"> hồ sơ; đã giải quyết </w:t></w:r>${control('a.2', '28.375')}<w:r><w:t xml:space="preserve"> hồ sơ.</w:t></w:r></w:p>` +
        `<w:tbl>${row('TT', 'Nội dung', 'Số liệu')}${row('1', 'Số văn bản', '12')}</w:tbl><w:p/>`,
    ),
  );
}

describeDocumentContract('OOXML adapter on .docx files', async (fixture) =>
  OoxmlDocument.open(fixture === 'report' ? new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE)) : fixture === 'row-control' ? rowControlDocx() : lockedDocx()),
);
