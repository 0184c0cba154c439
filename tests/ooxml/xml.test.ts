import { parseXml, parseXmlBytes, decodeXml, encodeXml } from '../../src/document/ooxml/xml';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { buildDocx, catchDocumentError, documentXml } from './helpers';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;

describe('XML safety', () => {
  test('a billion-laughs DOCTYPE in document.xml is refused before parsing', () => {
    const err = catchDocumentError(() => OoxmlDocument.open(buildDocx(BILLION_LAUGHS)));
    expect(err.code).toBe('xml-doctype');
    expect(err.message).toContain('DOCTYPE');
  });

  test('an external entity declaration is refused', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    expect(catchDocumentError(() => parseXml(xxe)).code).toBe('xml-doctype');
  });

  test.each([
    ['unclosed element', '<a><b></a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['unquoted attribute', '<a x=1/>'],
    ['two roots', '<a/><b/>'],
    ['no root', '<?xml version="1.0"?>'],
  ])('malformed XML (%s) is refused', (_why, xml) => {
    const err = catchDocumentError(() => parseXml(xml, 'word/document.xml'));
    expect(err.code).toBe('xml-malformed');
    expect(err.message).toContain('word/document.xml');
  });

  test('a malformed document.xml makes the file refused with xml-malformed', () => {
    const broken = documentXml('<w:p><w:r><w:t>x</w:r></w:p>');
    expect(catchDocumentError(() => OoxmlDocument.open(buildDocx(broken))).code).toBe('xml-malformed');
  });

  test('invalid UTF-8 is refused as malformed', () => {
    expect(catchDocumentError(() => parseXmlBytes(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).code).toBe(
      'xml-malformed',
    );
  });

  test('a U+FFFD replacement character in text is accepted (harmless oddity)', () => {
    const part = parseXml('<a>gi\uFFFDa</a>');
    expect(part.root.textContent).toBe('gi\uFFFDa');
  });
});

describe('XML round trip', () => {
  const samples = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve"> a  b </w:t></w:r></w:p></w:body></w:document>',
    '<?xml version="1.0"?>\n<a>\r\n  <b></b>\r\n  <c/>\n  <d x="1"></d>\n</a>\n',
    '\uFEFF<?xml version="1.0"?><a><!-- note --><b>&lt;&amp;&gt;</b></a><!-- after -->\n',
  ];
  test.each(samples)('xmldom serialization returns the identical string: %j', (xml) => {
    const part = parseXml(xml);
    expect(part.serialize({ raw: false })).toBe(xml);
    expect(part.serialize()).toBe(xml);
  });

  test('known xmldom normalizations (documented) are avoided by raw saving of untouched elements', () => {
    const xml = '<a><b q="x&#xA;y">&quot;hi&quot;</b ><c  /><d>t</d></a>';
    const part = parseXml(xml);
    expect(part.serialize({ raw: false })).not.toBe(xml);
    const d = part.root.getElementsByTagName('d')[0]!;
    d.textContent = 'changed';
    part.markDirty(d);
    expect(part.serialize()).toBe('<a><b q="x&#xA;y">&quot;hi&quot;</b ><c  /><d>changed</d></a>');
  });

  test('an element moved after its ranges are recorded is written from its source text', () => {
    const part = parseXml('<r><x a="1">&quot;</x><y/></r>');
    part.prepareForEdit();
    const x = part.root.firstChild!;
    part.root.removeChild(x);
    part.root.appendChild(x);
    part.markDirty(part.root);
    expect(part.serialize()).toBe('<r><y/><x a="1">&quot;</x></r>');
  });

  test('UTF-16 parts are decoded and re-encoded in UTF-16', () => {
    const text = '\uFEFF<?xml version="1.0" encoding="UTF-16"?><a>Tiếng Việt</a>';
    const bytes = encodeXml(text, 'utf-16le');
    const { text: decoded, encoding } = decodeXml(bytes);
    expect(encoding).toBe('utf-16le');
    expect(decoded).toBe(text);
    const part = parseXmlBytes(bytes);
    expect(Array.from(part.toBytes())).toEqual(Array.from(bytes));
  });
});
