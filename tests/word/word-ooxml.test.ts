/**
 * What Word returns, stated by hand: a body as `Body.getOoxml()` gives it (flat OPC with the
 * `mso-application` processing instruction, a relationships part, the main part with Word's
 * namespaces and rsid attributes, a styles part, a binary part), holding what the fake Word
 * could hide: a plain-text control (`w:text`, negative `w:id` as Word writes it) in a paragraph
 * and another inside a table cell, merged cells (gridSpan, vMerge), a tracked deletion and
 * insertion, a complex field and a simple field, a tab and a soft line break, bookmarks and
 * proofing marks. The expected snapshot is written out literally, not computed by our reader.
 */
import type { DocumentSnapshot } from '../../src/document/types';
import { readFlatOpc } from '../../src/document/ooxml/flat-opc';
import { WordDocument, type WordRun } from '../../src/document/word/word-document';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const BODY = `<w:body>
<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>I. KẾT QUẢ</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
<w:p w:rsidR="00A1"><w:r><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">Tiếp nhận </w:t></w:r><w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr><w:alias w:val="Hồ sơ tiếp nhận"/><w:tag w:val="a22.received"/><w:id w:val="-1795512349"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t>1.234</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> hồ sơ,</w:t></w:r><w:proofErr w:type="spellStart"/><w:del w:id="11" w:author="Chuyên viên" w:date="2026-11-30T08:00:00Z"><w:r><w:delText xml:space="preserve"> trễ hạn 05</w:delText></w:r></w:del><w:proofErr w:type="spellEnd"/><w:ins w:id="12" w:author="Chuyên viên" w:date="2026-11-30T08:00:00Z"><w:r><w:t xml:space="preserve"> đúng hạn 100%</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Ngày </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>30/11/2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple><w:r><w:br/><w:t>Nơi nhận</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="700"/><w:gridCol w:w="4000"/><w:gridCol w:w="1500"/><w:gridCol w:w="1500"/></w:tblGrid>
<w:tr w:rsidR="00A1"><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="700" w:type="dxa"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Số liệu</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>Kỳ này</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kỳ trước</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thủ tục hành chính</w:t></w:r></w:p><w:p><w:r><w:t>(cấp tỉnh)</w:t></w:r></w:p></w:tc><w:tc><w:p><w:sdt><w:sdtPr><w:tag w:val="pl1.r1"/><w:id w:val="2044211"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>[số liệu]</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p/>
<w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>
</w:body>`;

const WORD_OOXML = `<?xml version="1.0" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="512"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" mc:Ignorable="w14">${BODY}</w:document></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" pkg:compression="store"><pkg:binaryData>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</pkg:binaryData></pkg:part><pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles></pkg:xmlData></pkg:part></pkg:package>`;

const cell = (text: string, span = 1, mergedUp = false) => ({ text, span, mergedUp });

/** Written out by hand from the XML above. */
const EXPECTED: DocumentSnapshot = {
  blocks: [
    { type: 'paragraph', index: 0, text: 'I. KẾT QUẢ', spans: [], style: 'Heading1' },
    // The deleted revision is skipped, the inserted one kept: the current text.
    { type: 'paragraph', index: 1, text: 'Tiếp nhận 1.234 hồ sơ, đúng hạn 100%.', spans: [{ controlIndex: 0, start: 10, end: 15 }] },
    // Field results, not field codes; tab and soft break as characters.
    { type: 'paragraph', index: 2, text: 'Ngày 30/11/2026\tTrang 2\nNơi nhận', spans: [] },
    {
      type: 'table',
      index: 3,
      rows: [
        { header: true, cells: [cell('TT'), cell('Nội dung'), cell('Số liệu', 2)] },
        { header: true, cells: [cell('', 1, true), cell('', 1, true), cell('Kỳ này'), cell('Kỳ trước')] },
        { header: false, cells: [cell('1'), cell('Thủ tục hành chính\n(cấp tỉnh)'), cell('[số liệu]'), cell('12')] },
      ],
    },
    { type: 'paragraph', index: 4, text: '', spans: [] },
  ],
  controls: [
    { index: 0, tag: 'a22.received', title: 'Hồ sơ tiếp nhận', text: '1.234', kind: 'plainText', level: 'inline', lock: 'none', showingPlaceholder: false, blockIndex: 1 },
    { index: 1, tag: 'pl1.r1', title: '', text: '[số liệu]', kind: 'plainText', level: 'inline', lock: 'none', showingPlaceholder: true, blockIndex: 3 },
  ],
};

describe('Body.getOoxml() as Word returns it', () => {
  test('reads plain-text controls (in a table too), merged cells, revisions and fields', () => {
    const read = readFlatOpc(WORD_OOXML);
    expect(read.path).toBe('fast');
    expect(read.snapshot).toEqual(EXPECTED);
    expect(read.controlIds).toEqual([-1795512349, 2044211]);
    expect(read.hasRevisions).toBe(true);
  });

  test('the DOM path reads the same (a package the fast reader declines)', () => {
    // A processing instruction inside the package makes the strict reader bail.
    const declined = WORD_OOXML.replace('<pkg:part pkg:name="/word/styles.xml"', '<?x-other data?><pkg:part pkg:name="/word/styles.xml"');
    const read = readFlatOpc(declined);
    expect(read.path).toMatch(/^dom: /);
    expect(read.snapshot).toEqual(EXPECTED);
    expect(read.controlIds).toEqual([-1795512349, 2044211]);
  });

  test('a package without a main document part is refused in Vietnamese', () => {
    expect(() => readFlatOpc(WORD_OOXML.replace(/\/word\/document\.xml/g, '/word/other.xml').replace('document.main+xml', 'other+xml'))).toThrow(
      /Office Open XML/,
    );
  });

  test('the adapter maps each control to the id Word lists, and reads Track Changes', async () => {
    let syncs = 0;
    const listed = [
      { id: -1795512349, tag: 'a22.received' },
      { id: 2044211, tag: 'pl1.r1' },
    ];
    const run: WordRun = async (batch) => {
      const context = {
        document: {
          changeTrackingMode: 'TrackAll',
          load: () => undefined,
          // No baocao part in this document (WordApi 1.4 query, answered in the same sync).
          customXmlParts: { getByNamespace: () => ({ load: () => ({ items: [] }) }) },
          body: {
            getOoxml: () => ({ value: WORD_OOXML }),
            getContentControls: () => ({ load: () => ({ items: listed }) }),
          },
        },
        sync: async () => {
          syncs++;
        },
      };
      return batch(context as unknown as Word.RequestContext);
    };
    const doc = new WordDocument(run, { isSetSupported: () => true, platform: 'desktop' });
    expect(await doc.read()).toEqual(EXPECTED);
    expect(syncs).toBe(1);
    expect([doc.controlId(0), doc.controlId(1)]).toEqual([-1795512349, 2044211]);
    expect(doc.trackChanges).toEqual({ mode: 'TrackAll', hasRevisions: true });
  });
});
