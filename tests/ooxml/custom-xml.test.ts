/**
 * baocao's custom XML part (urn:baocao:document:1) in a .docx: written with its properties,
 * relationships and content types, read back into `snapshot.data`, read first by template
 * detection (then the title control's tag, then the score), and a damaged part never stops the
 * document from opening.
 */
import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../src/cli/assets';
import { stampTemplateId } from '../../src/cli/template-command';
import { DOCUMENT_DATA_NS, type DocumentSnapshot } from '../../src/core/document';
import { detectDocumentTemplate, TEMPLATE_TAG_PREFIX } from '../../src/core/template/detect';
import { parseDocumentData, serializeDocumentData, MAX_DATA_PART_CHARS } from '../../src/document/custom-data';
import { findDataPart } from '../../src/document/ooxml/custom-xml';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocxPackage } from '../../src/document/ooxml/package';
import { TEMPLATES } from '../../src/templates';
import { normalizeSpace, sofficeText } from '../helpers/libreoffice';
import { RECEIVED_SAMPLE } from '../helpers/paths';
import { CCHC_6_THANG } from '../helpers/templates';

const template = () => new Uint8Array(readFileSync(ASSET_PATHS.template));
const field = { id: 'b22.buuChinh', label: 'Hồ sơ qua "bưu chính" <công ích> & khác', unit: 'hồ sơ', kind: 'count', rollover: 'period', section: 'B.I.2' };

function withData(bytes: Uint8Array, data: { template?: string; fields: Record<string, string>[] }): Uint8Array {
  const doc = OoxmlDocument.open(bytes);
  doc.readSync();
  doc.applySync([{ kind: 'data', data }]);
  return doc.save();
}

/** The package with its data part's bytes replaced by `xml`. */
function withRawPart(bytes: Uint8Array, xml: string): Uint8Array {
  const pkg = DocxPackage.open(withData(bytes, { template: CCHC_6_THANG.id, fields: [] }));
  pkg.setBytes(findDataPart(pkg)!, new TextEncoder().encode(xml));
  return pkg.save();
}

const text = (bytes: Uint8Array, name: string) => new TextDecoder().decode(DocxPackage.open(bytes).getBytes(name));
const withoutTitleTag = (s: DocumentSnapshot): DocumentSnapshot => ({ ...s, controls: s.controls.map((c) => (c.tag.startsWith(TEMPLATE_TAG_PREFIX) ? { ...c, tag: '' } : c)) });

describe("baocao's custom XML part", () => {
  test('written as Word writes a custom XML part: item, itemProps, relationships, content types; read back', async () => {
    // The template builder writes the part (with the template's id) into every template and sample.
    const before = await OoxmlDocument.open(template()).read();
    expect(before.data).toEqual({ template: CCHC_6_THANG.id, fields: [] });
    // A document from elsewhere has none: the part is added with its relationships and content types.
    const received = new Uint8Array(readFileSync(RECEIVED_SAMPLE));
    const plain = await OoxmlDocument.open(received).read();
    expect(plain.data).toBeUndefined();
    const bytes = withData(received, { template: CCHC_6_THANG.id, fields: [field] });
    const pkg = DocxPackage.open(bytes);
    expect(findDataPart(pkg)).toBe('customXml/item1.xml');
    expect(text(bytes, 'customXml/itemProps1.xml')).toContain(`<ds:schemaRef ds:uri="${DOCUMENT_DATA_NS}"/>`);
    expect(text(bytes, 'customXml/_rels/item1.xml.rels')).toContain('Target="itemProps1.xml"');
    expect(text(bytes, 'word/_rels/document.xml.rels')).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
    expect(text(bytes, '[Content_Types].xml')).toContain('PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"');
    const after = await OoxmlDocument.open(bytes).read();
    expect(after.data).toEqual({ template: CCHC_6_THANG.id, fields: [field] });
    // The body is untouched: the same blocks and controls.
    expect({ blocks: after.blocks, controls: after.controls }).toEqual(plain);
    // Written again: the same part is replaced, no second part.
    const again = withData(bytes, { template: CCHC_6_THANG.id, fields: [] });
    expect(DocxPackage.open(again).partNames.filter((n) => n.startsWith('customXml/')).sort()).toEqual(['customXml/_rels/item1.xml.rels', 'customXml/item1.xml', 'customXml/itemProps1.xml']);
    expect((await OoxmlDocument.open(again).read()).data).toEqual({ template: CCHC_6_THANG.id, fields: [] });
  });

  test('serialize → parse keeps every attribute, escapes markup and drops characters XML cannot carry', () => {
    const odd = { ...field, label: 'a\u0001b\nc\t"d"' };
    expect(parseDocumentData(serializeDocumentData({ template: 'x', fields: [odd] }))).toEqual({ template: 'x', fields: [{ ...odd, label: 'ab\nc\t"d"' }] });
  });

  test('detection: the part first, else the title tag (older documents), else the score, else generic', async () => {
    const plain = await OoxmlDocument.open(template()).read();
    expect(detectDocumentTemplate(TEMPLATES, plain)).toMatchObject({ how: 'stored', definition: { id: CCHC_6_THANG.id } });
    const other = TEMPLATES.all.find((t) => t.id !== CCHC_6_THANG.id)!;
    // The part names another registered template: the part wins over the tag.
    const marked = await OoxmlDocument.open(withData(template(), { template: other.id, fields: [] })).read();
    expect(detectDocumentTemplate(TEMPLATES, marked)).toMatchObject({ how: 'stored', definition: { id: other.id } });
    // Neither part nor tag: the score.
    const { data: _data, ...withoutPart } = plain;
    expect(detectDocumentTemplate(TEMPLATES, withoutTitleTag(withoutPart))).toMatchObject({ how: 'score', definition: { id: CCHC_6_THANG.id } });
    // A part naming an unknown template, and a damaged part, fall back to the tag.
    const unknown = await OoxmlDocument.open(withData(template(), { template: 'khong-co', fields: [] })).read();
    expect(detectDocumentTemplate(TEMPLATES, unknown)).toMatchObject({ how: 'stored', definition: { id: CCHC_6_THANG.id } });
    const damaged = await OoxmlDocument.open(withRawPart(template(), `<baocao xmlns="${DOCUMENT_DATA_NS}" template="${other.id}"><field`)).read();
    expect(detectDocumentTemplate(TEMPLATES, damaged)).toMatchObject({ how: 'stored', definition: { id: CCHC_6_THANG.id } });
  });

  test('`baocao template` output carries the id in the part and in the tag; stamping twice changes nothing', async () => {
    const { data: _part, ...unstampedSnapshot } = await OoxmlDocument.open(template()).read();
    expect(unstampedSnapshot.controls.length).toBeGreaterThan(0);
    // A template .docx without the part (built before it) gets it on the way out.
    const bare = DocxPackage.open(template());
    const name = findDataPart(bare)!;
    bare.setBytes(name, new TextEncoder().encode(`<baocao xmlns="${DOCUMENT_DATA_NS}"/>`));
    const stamped = stampTemplateId(bare.save(), CCHC_6_THANG.id);
    const snapshot = await OoxmlDocument.open(stamped).read();
    expect(snapshot.data).toEqual({ template: CCHC_6_THANG.id, fields: [] });
    expect(snapshot.controls.some((c) => c.tag === `${TEMPLATE_TAG_PREFIX}${CCHC_6_THANG.id}`)).toBe(true);
    expect(stampTemplateId(stamped, CCHC_6_THANG.id)).toBe(stamped);
  });

  test('hostile parts: malformed, DOCTYPE, oversized, too many fields, wrong root → set aside with a Vietnamese problem; the document opens', async () => {
    const cases: Array<[string, RegExp]> = [
      [`<baocao xmlns="${DOCUMENT_DATA_NS}"><field id="a"`, /bị hỏng/],
      [`<!DOCTYPE x [<!ENTITY e "x">]><baocao xmlns="${DOCUMENT_DATA_NS}"/>`, /DOCTYPE/],
      // Random text: a repeated one would be refused whole as a zip bomb (tested elsewhere).
      [`<baocao xmlns="${DOCUMENT_DATA_NS}" template="${Array.from({ length: MAX_DATA_PART_CHARS / 6 }, () => Math.random().toString(36).slice(2, 10)).join('')}"/>`, /quá lớn/],
      [`<baocao xmlns="${DOCUMENT_DATA_NS}">${'<field id="a"/>'.repeat(501)}</baocao>`, /quá nhiều/],
      [`<khac xmlns="${DOCUMENT_DATA_NS}"/>`, /không đúng định dạng/],
    ];
    const started = Date.now();
    for (const [xml, problem] of cases) {
      const bytes = withRawPart(template(), xml);
      const snapshot = await OoxmlDocument.open(bytes).read();
      expect([xml.slice(0, 60), snapshot.data?.problem ?? ""]).toEqual([xml.slice(0, 60), expect.stringMatching(problem)]);
      expect(snapshot.data?.problem).toContain('tài liệu được đọc như không có số liệu tự thêm');
      expect(snapshot.data?.fields).toEqual([]);
      expect(snapshot.blocks.length).toBeGreaterThan(100);
    }
    expect(Date.now() - started).toBeLessThan(20_000); // a ceiling against hangs, not a budget
  });

  test('LibreOffice opens the document with the part and shows the same text', async () => {
    const bytes = withData(template(), { template: CCHC_6_THANG.id, fields: [field] });
    const [withPart, without] = await Promise.all([sofficeText(bytes), sofficeText(template())]);
    expect(normalizeSpace(withPart)).toBe(normalizeSpace(without));
    expect(normalizeSpace(withPart)).toContain('BÁO CÁO');
  });
});
