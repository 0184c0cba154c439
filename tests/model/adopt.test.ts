import { readFileSync } from 'node:fs';
import { extractReport } from '../../src/core/model/extract';
import { planAdopt } from '../../src/core/model/adopt';
import { CCHC_6_THANG } from '../helpers/templates';
import { storedTemplateId, TEMPLATE_TAG_PREFIX } from '../../src/core/template/detect';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { normalizeSpace, sofficeText } from '../helpers/libreoffice';
import { RECEIVED_SAMPLE } from '../helpers/paths';

describe('adopting a plain report', () => {
  const original = new Uint8Array(readFileSync(RECEIVED_SAMPLE));

  test('wraps every recognised narrative figure in a control tagged by field id; figures and text unchanged', async () => {
    const doc = OoxmlDocument.open(original);
    const before = await doc.read();
    expect(before.controls).toHaveLength(0);
    const plan = planAdopt(CCHC_6_THANG, before);
    expect(plan.notPlaced).toEqual([]);
    expect(plan.coverage.wrapped).toBe(plan.coverage.narrative);
    await doc.apply(plan.edits);
    const adoptedBytes = doc.save();

    const adopted = await OoxmlDocument.open(adoptedBytes).read();
    expect(adopted.controls).toHaveLength(plan.edits.length);
    const ids = new Set(CCHC_6_THANG.fields.map((f) => f.id));
    // Every control holds a field, but one: the template mark around the title (the stored template id).
    expect(adopted.controls.filter((c) => !ids.has(c.tag)).map((c) => c.tag)).toEqual([`${TEMPLATE_TAG_PREFIX}${CCHC_6_THANG.id}`]);
    expect(storedTemplateId(adopted)).toBe(CCHC_6_THANG.id);

    // The same figures, now read through the controls (mode bound).
    const a = extractReport(CCHC_6_THANG, before);
    const b = extractReport(CCHC_6_THANG, adopted);
    expect(a.mode).toBe('recognized');
    expect(b.mode).toBe('bound');
    for (const [id, field] of Object.entries(a.fields)) expect([id, b.fields[id]!.places.map((p) => p.text)]).toEqual([id, field.places.map((p) => p.text)]);

    // What a person sees is the same text.
    expect(normalizeSpace(await sofficeText(adoptedBytes))).toBe(normalizeSpace(await sofficeText(original)));
  });

  test('adopting an adopted document changes nothing', async () => {
    const doc = OoxmlDocument.open(original);
    await doc.apply(planAdopt(CCHC_6_THANG, await doc.read()).edits);
    const again = OoxmlDocument.open(doc.save());
    const second = planAdopt(CCHC_6_THANG, await again.read());
    expect(second.edits).toEqual([]);
    expect(second.coverage.wrapped).toBe(second.coverage.narrative);
  });
});
