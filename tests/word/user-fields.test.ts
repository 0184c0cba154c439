/**
 * "Gắn số liệu" in Word, against the fake: the selection is placed in the snapshot (one sync),
 * the binding writes the control and baocao's custom XML part in the adapter's two syncs, reads
 * take one sync without the part and two with it, and Word without WordApi 1.4 refuses the part
 * before writing anything (the document still reads, its template known by the title's tag).
 */
import { ReportSession } from '../../src/app/session';
import { DOCUMENT_DATA_NS } from '../../src/core/document';
import { detectDocumentTemplate } from '../../src/core/template/detect';
import { planBind } from '../../src/core/template/bind';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { WordDocument } from '../../src/document/word/word-document';
import { TEMPLATES } from '../../src/templates';
import { FakeWord } from '../fakes/fake-word';
import { sampleWithFigure } from '../helpers/bind';
import { CCHC_6_THANG } from '../helpers/templates';

const request = { id: 'b22.buuChinh', label: 'Hồ sơ qua bưu chính công ích', kind: 'count', rollover: 'period' } as const;

async function setup(wordApi?: string) {
  const snapshot = await OoxmlDocument.open(sampleWithFigure()).read();
  const fake = FakeWord.fromSnapshot(snapshot, wordApi ? { wordApi } : {});
  const doc = new WordDocument(fake.run, { isSetSupported: fake.isSetSupported, platform: 'desktop' });
  const block = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.includes('1.234 hồ sơ'))!;
  const start = block.type === 'paragraph' ? block.text.indexOf('1.234 hồ sơ') : -1;
  return { fake, doc, block: block.index, start };
}

describe('Gắn số liệu in Word (fake)', () => {
  test('selection → bind → read back: one sync to place the selection, two to write, two to read with the part', async () => {
    const { fake, doc, block, start } = await setup();
    const session = new ReportSession(doc, TEMPLATES.default, TEMPLATES);
    expect(fake.customXmlParts).toHaveLength(1); // the sample carries its template's id
    fake.syncCount = 0;
    await session.refresh();
    expect(fake.syncCount).toBe(2); // the part's XML is read once, in a second sync
    expect(session.state!.snapshot.data).toEqual({ template: CCHC_6_THANG.id, fields: [] });
    fake.syncCount = 0;
    await session.refresh();
    expect(fake.syncCount).toBe(1); // then reads are one sync again

    fake.select(block, start, start + '1.234 hồ sơ'.length);
    fake.syncCount = 0;
    const selected = await doc.selection();
    expect(fake.syncCount).toBe(1);
    expect(selected).toEqual({ text: '1.234 hồ sơ', at: { blockIndex: block, start, end: start + '1.234 hồ sơ'.length } });

    fake.syncCount = 0;
    const { state } = await session.bind({ ...request, text: selected!.text, at: selected!.at! });
    expect(fake.syncCount).toBe(2 + 1); // the write's two syncs (the part rewritten in the second), then a read
    expect(fake.customXmlParts).toHaveLength(1);
    expect(fake.customXmlParts[0]!.xml).toContain(`xmlns="${DOCUMENT_DATA_NS}" template="${CCHC_6_THANG.id}"`);
    expect(fake.controls.find((c) => c.tag === request.id)?.range.text).toBe('1.234');
    expect(state.snapshot.data?.fields.map((f) => f['id'])).toEqual([request.id]);
    expect(state.data.fields[request.id]).toMatchObject({ text: '1.234', unit: 'hồ sơ' });
    expect(detectDocumentTemplate(TEMPLATES, state.snapshot)).toMatchObject({ how: 'stored', definition: { id: CCHC_6_THANG.id } });

    // A second field: the same part is rewritten with both.
    await session.bind({ ...request, id: 'b22.buuChinhTra', label: 'Hồ sơ trả qua bưu chính', text: '1.230 hồ sơ' });
    expect(fake.customXmlParts).toHaveLength(1);
    expect(session.state!.snapshot.data?.fields.map((f) => f['id'])).toEqual([request.id, 'b22.buuChinhTra']);
    expect(session.definition.fields.slice(-2).map((f) => f.id)).toEqual([request.id, 'b22.buuChinhTra']);
  });

  test('an empty selection gives nothing; a partial one is placed as selected', async () => {
    const { fake, doc, block, start } = await setup();
    await doc.read();
    fake.select(block, start, start);
    expect(await doc.selection()).toBeUndefined();
    fake.select(block, start, start + 5);
    expect(await doc.selection()).toEqual({ text: '1.234', at: { blockIndex: block, start, end: start + 5 } });
  });

  test('WordApi 1.3: reads without the part, the binding is refused before anything is written', async () => {
    const { fake, doc, block, start } = await setup('1.3');
    fake.syncCount = 0;
    // Without WordApi 1.4 the part cannot be read: the title's tag still names the template.
    const snapshot = await doc.read();
    expect(fake.syncCount).toBe(1);
    expect(detectDocumentTemplate(TEMPLATES, snapshot)).toMatchObject({ how: 'stored', definition: { id: CCHC_6_THANG.id } });
    const plan = planBind(CCHC_6_THANG, snapshot, { ...request, text: '1.234 hồ sơ', at: { blockIndex: block, start, end: start + 11 } });
    const writes = fake.writeCount;
    await expect(doc.apply(plan.edits)).rejects.toThrow(/cần WordApi 1\.4.*Chưa ghi gì/u);
    expect(fake.writeCount).toBe(writes);
    expect(fake.controls.some((c) => c.tag === request.id)).toBe(false);
  });
});
