/**
 * Filling every appendix table of the full bound sample through the Word adapter: one sync to
 * read, at most two to write, whatever the number of fields; the result reads back as planned.
 */
import { extractReport } from '../../src/core/model/extract';
import { planFill } from '../../src/core/model/fill';
import { CCHC_6_THANG } from '../helpers/templates';
import type { FieldKind } from '../../src/core/template/schema';
import { WordDocument } from '../../src/document/word/word-document';
import { FakeWord } from '../fakes/fake-word';
import { BOUND_SAMPLE, ooxmlSnapshot } from './samples';

const VALUE: Record<FieldKind, string> = {
  count: '7',
  decimal: '1,5',
  percent: '50%',
  fraction: '1/2',
  pair: '3/4',
  date: '01/3/2022',
  text: 'Đã thực hiện',
  reference: 'Kế hoạch số 1/KH-VPUB ngày 05/01/2022',
};

describe.each(['desktop', 'web', 'mac'] as const)('Word adapter (%s): filling the whole sample', (profile) => {
  test('every field with an appendix place, and the derived rows, in ≤ 2 syncs', async () => {
    const fake = FakeWord.fromSnapshot(await ooxmlSnapshot(BOUND_SAMPLE), { profile });
    const doc = new WordDocument(fake.run, fake.host);
    await doc.read(); // the first read also takes the XML of baocao's part (a second sync)
    fake.syncCount = 0;
    const snapshot = await doc.read();
    expect(fake.syncCount).toBe(1);

    const appendixFields = CCHC_6_THANG.fields.filter((f) => f.occurrences.some((o) => o.where === 'appendix') && !f.derived);
    const input = Object.fromEntries(appendixFields.map((f) => [f.id, VALUE[f.kind]]));
    const plan = planFill(CCHC_6_THANG, snapshot, { fields: input });
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Figures inside a Phụ lục III output that this fill rewrites whole are reported, not lost silently.
    const dropped = plan.problems.filter((p) => p.severity === 'warning').map((p) => p.fieldId);
    expect(dropped).toEqual(expect.arrayContaining(['a21.publishDecisions', 'pl3.II_3.legalDocsUpdated', 'pl3.II_3.directiveDocsUpdated', 'pl3.III_4.depts']));
    expect(plan.edits.filter((e) => e.kind === 'cell').length).toBeGreaterThan(120);

    await doc.apply(plan.edits);
    expect(fake.syncCount).toBeLessThanOrEqual(3); // 1 read + at most 2 for all the writes

    const after = extractReport(CCHC_6_THANG, await doc.read());
    // Fields read inside a cell by their wording (before/after) went with the rewritten outputs.
    const inner = (f: (typeof appendixFields)[number]) => f.occurrences.some((o) => o.where === 'appendix' && (o.before || o.after));
    for (const f of appendixFields.filter((x) => !inner(x))) {
      const appendixPlaces = after.fields[f.id]!.places.filter((p) => p.where === 'appendix');
      expect([f.id, appendixPlaces.map((p) => p.text)]).toEqual([f.id, appendixPlaces.map(() => VALUE[f.kind])]);
    }
    // Derived rows computed from the new figures: 7/7 = 100%.
    expect(after.fields['pl1.bm1.r2']!.text).toBe(plan.written['pl1.bm1.r2']);
  });
});
