/**
 * Hand-made control documents shared by the tests: content controls of every kind and level,
 * locks, placeholders, tables with row/cell controls, merges, header rows and a nested table,
 * and the text extraction rules (tabs, breaks, tracked changes, fields, containers).
 */

const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const tc = (inner: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
const sdtPr = (tag: string, title: string, id: number, more = ''): string =>
  `<w:sdtPr>${title ? `<w:alias w:val="${title}"/>` : ''}<w:tag w:val="${tag}"/><w:id w:val="${id}"/>${more}</w:sdtPr>`;

export const CONTROLS_BODY = [
  // block 0: inline plain text control (control 0)
  p(
    r('Kính gửi: ') +
      `<w:sdt>${sdtPr('don_vi', 'Tên đơn vị', 101, '<w:text/>')}<w:sdtContent>${r('UBND tỉnh', '<w:b/><w:color w:val="FF0000"/>')}</w:sdtContent></w:sdt>` +
      r(' xem xét.'),
  ),
  // blocks 1-2: block-level rich text control (control 1), sdtLocked (content editable)
  `<w:sdt>${sdtPr('noi_dung', 'Nội dung', 102, '<w:lock w:val="sdtLocked"/><w:richText/>')}<w:sdtContent>` +
    p(r('Đoạn một', '<w:i/>'), '<w:jc w:val="both"/>') +
    p(r('Đoạn hai')) +
    '</w:sdtContent></w:sdt>',
  // block 3: locked date (2), placeholder dropdown (3), checkbox (4), combo box (5)
  p(
    r('Ngày: ') +
      `<w:sdt>${sdtPr('ngay', 'Ngày báo cáo', 103, '<w:lock w:val="contentLocked"/><w:date w:fullDate="2022-06-15T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/></w:date>')}<w:sdtContent>${r('15/06/2022')}</w:sdtContent></w:sdt>` +
      '<w:r><w:tab/></w:r>' +
      `<w:sdt>${sdtPr('ky', 'Kỳ', 104, '<w:showingPlcHdr/><w:dropDownList><w:listItem w:displayText="6 tháng" w:value="6"/></w:dropDownList>')}<w:sdtContent>${r('Chọn kỳ', '<w:rStyle w:val="PlaceholderText"/><w:sz w:val="26"/>')}</w:sdtContent></w:sdt>` +
      `<w:sdt>${sdtPr('xong', '', 105, '<w14:checkbox><w14:checked w14:val="0"/></w14:checkbox>')}<w:sdtContent>${r('☐')}</w:sdtContent></w:sdt>` +
      `<w:sdt>${sdtPr('combo', 'Chọn', 106, '<w:lock w:val="sdtContentLocked"/><w:comboBox/>')}<w:sdtContent>${r('A')}</w:sdtContent></w:sdt>`,
  ),
  // block 4: table with header row, a row-level control (6) around a row with a cell-level control (7),
  // a merged row and a nested table.
  '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="4000"/><w:gridCol w:w="2000"/></w:tblGrid>' +
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p(r('TT')))}${tc(p(r('Chỉ tiêu')))}${tc(p(r('Số liệu')))}</w:tr>` +
    `<w:sdt>${sdtPr('hang', 'Hàng', 107)}<w:sdtContent><w:tr>${tc(p(r('1')))}${tc(p(r('Hồ sơ')))}` +
    `<w:sdt>${sdtPr('so_ho_so', 'Số hồ sơ', 108)}<w:sdtContent>${tc(p(r('30.', '<w:b/>') + r('407', '<w:i/>'), '<w:jc w:val="right"/>'), '<w:tcW w:w="2000" w:type="dxa"/>')}</w:sdtContent></w:sdt>` +
    '</w:tr></w:sdtContent></w:sdt>' +
    `<w:tr>${tc(p(r('Tổng')), '<w:gridSpan w:val="2"/>')}${tc(p(r('Mười')), '<w:vMerge/>')}</w:tr>` +
    `<w:tr>${tc(p(r('Ngoài')) + `<w:tbl><w:tr>${tc(p(r('Trong')))}${tc(p(r('Hai')))}</w:tr></w:tbl>` + '<w:p/>')}${tc(p(r('x')))}${tc(p(r('y')))}</w:tr>` +
    '</w:tbl>',
  // block 5: a figure split across differently formatted runs
  p(r('Đã tiếp nhận ') + r('30', '<w:b/>') + r('.407', '<w:i/>') + r(' hồ sơ.'), '<w:pStyle w:val="TextBody"/>'),
  // block 6: text extraction rules
  p(
    '<w:hyperlink w:anchor="x"><w:r><w:t>Liên kết</w:t></w:r></w:hyperlink>' +
      '<w:r><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t><w:cr/><w:noBreakHyphen/><w:softHyphen/></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>xoá</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="a"><w:r><w:t>thêm</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>' +
      '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>S</w:t></w:r></w:smartTag>' +
      '<w:customXml w:element="c"><w:r><w:t>C</w:t></w:r></w:customXml>',
  ),
].join('');


const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const NS_DECLS =
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="w14 w15"';

/** Markup details a reader must get right: references, CDATA, comments, prefixes, skipped subtrees. */
const EDGE_BODY = (w: string): string =>
  [
    // References, CDATA and comments in text; tab/newline in an attribute value (read as spaces).
    `<${w}:p><${w}:pPr><${w}:pStyle ${w}:val="Heading\t1\r\nx"/></${w}:pPr><${w}:r><${w}:t xml:space='preserve'>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#x1EA1;&#7841;&#128512;</${w}:t></${w}:r>` +
      `<${w}:r><${w}:t><![CDATA[<raw> & ]]>x<!-- not text -->y</${w}:t><!-- between --><${w}:t>\r\nline</${w}:t><${w}:t></${w}:t><${w}:t/></${w}:r></${w}:p>`,
    // Skipped subtrees: drawing with a text box, alternate content, a foreign element reusing the prefix.
    `<${w}:p><${w}:r><${w}:rPr><${w}:b/></${w}:rPr><${w}:drawing><wp:inline><${w}:txbxContent><${w}:p><${w}:r><${w}:t>hidden</${w}:t></${w}:r></${w}:p></${w}:txbxContent></wp:inline></${w}:drawing><${w}:t>shown</${w}:t></${w}:r>` +
      `<mc:AlternateContent><mc:Choice Requires="w14"><${w}:r><${w}:t>choice</${w}:t></${w}:r></mc:Choice></mc:AlternateContent>` +
      `<x:foo xmlns:x="urn:x" xmlns:${w}="urn:not-word"><${w}:r><${w}:t>foreign</${w}:t></${w}:r></x:foo>` +
      `<${w}:r><x:t xmlns:x="urn:x">alien</x:t><${w}:t   >spaced</${w}:t  ><${w}:tab/><${w}:ptab ${w}:relativeTo="margin" ${w}:alignment="right" ${w}:leader="none"/><${w}:noBreakHyphen/></${w}:r>` +
      `<${w}:del ${w}:id="9"><${w}:r><${w}:delText>gone</${w}:delText></${w}:r></${w}:del><${w}:moveTo ${w}:id="10"><${w}:r><${w}:t>moved</${w}:t></${w}:r></${w}:moveTo>` +
      `<${w}:dir ${w}:val="rtl"><${w}:r><${w}:t>dir</${w}:t></${w}:r></${w}:dir><${w}:bdo ${w}:val="ltr"><${w}:bdo ${w}:val="rtl"><${w}:r><${w}:t>bdo</${w}:t></${w}:r></${w}:bdo></${w}:bdo></${w}:p>`,
    // Controls: checkbox, repeating section, showingPlcHdr off, lock in another spelling, no sdtContent.
    `<${w}:sdt><${w}:sdtPr><${w}:alias ${w}:val="Ô &amp; chọn"/><${w}:tag ${w}:val=""/><w14:checkbox/><${w}:showingPlcHdr ${w}:val="false"/></${w}:sdtPr><${w}:sdtContent><${w}:p><${w}:r><${w}:t>☒</${w}:t></${w}:r></${w}:p></${w}:sdtContent></${w}:sdt>` +
      `<${w}:sdt><${w}:sdtPr><${w}:tag ${w}:val="rep"/><w15:repeatingSection/><${w}:lock ${w}:val="sdtContentLocked"/></${w}:sdtPr></${w}:sdt>` +
      `<${w}:customXml ${w}:element="x"><${w}:p><${w}:r><${w}:t>in custom XML</${w}:t></${w}:r></${w}:p></${w}:customXml>`,
    // A table: header flags with values, merges, a custom XML row, a cell-level control, nested table.
    `<${w}:tbl><${w}:tblPr/><${w}:tr><${w}:trPr><${w}:tblHeader ${w}:val="0"/></${w}:trPr><${w}:tc><${w}:tcPr><${w}:gridSpan ${w}:val="3"/><${w}:vMerge ${w}:val="restart"/></${w}:tcPr><${w}:p><${w}:r><${w}:t>a</${w}:t></${w}:r></${w}:p></${w}:tc></${w}:tr>` +
      `<${w}:customXml ${w}:element="row"><${w}:tr><${w}:trPr><${w}:tblHeader ${w}:val="on"/></${w}:trPr><${w}:tc><${w}:tcPr><${w}:vMerge/><${w}:gridSpan ${w}:val="x"/></${w}:tcPr><${w}:p/></${w}:tc>` +
      `<${w}:sdt><${w}:sdtPr><${w}:tag ${w}:val="cell"/></${w}:sdtPr><${w}:sdtContent><${w}:customXml ${w}:element="c"><${w}:tc><${w}:tbl><${w}:tr><${w}:tc><${w}:p><${w}:r><${w}:t>nested</${w}:t></${w}:r></${w}:p></${w}:tc></${w}:tr></${w}:tbl></${w}:tc></${w}:customXml></${w}:sdtContent></${w}:sdt></${w}:tr></${w}:customXml></${w}:tbl>`,
    // Inline control inside a hyperlink inside a smart tag inside a field.
    `<${w}:p><${w}:fldSimple ${w}:instr="HYPERLINK"><${w}:smartTag><${w}:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${w}:sdt><${w}:sdtPr><${w}:tag ${w}:val="link"/><${w}:text/></${w}:sdtPr><${w}:sdtContent><${w}:r><${w}:t>link</${w}:t></${w}:r></${w}:sdtContent></${w}:sdt></${w}:hyperlink></${w}:smartTag></${w}:fldSimple><${w}:r><${w}:t>gi\uFFFDa</${w}:t></${w}:r></${w}:p>`,
  ].join('\r\n');

/** document.xml texts exercising markup details, with the usual prefix, another prefix and Strict OOXML. */
export function edgeDocumentXmls(): Array<[string, string]> {
  const doc = (w: string, ns: string, bom = ''): string =>
    `${bom}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- generated -->\r\n` +
    `<${w}:document xmlns:${w}="${ns}" ${NS_DECLS}>\r\n<${w}:body>${EDGE_BODY(w)}<${w}:sectPr/></${w}:body>\r\n</${w}:document>\r\n<!-- end -->\r\n`;
  return [
    ['prefix w', doc('w', W)],
    ['prefix ns0, with BOM', doc('ns0', W, '\uFEFF')],
    ['Strict OOXML', doc('w', W_STRICT)],
    // Prefix redeclared on the body (same URI), and a default namespace on a paragraph.
    [
      'redeclared prefix and default namespace',
      `<?xml version='1.0'?><w:document xmlns:w="${W}" ${NS_DECLS}><w:body xmlns:w="${W}"><p xmlns="${W}"><r><t>default ns</t></r></p>${EDGE_BODY('w')}</w:body></w:document>`,
    ],
  ];
}
