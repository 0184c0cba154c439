import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../src/cli/assets';
import { planFill } from '../../src/core/model/fill';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';

describe('planFill', () => {
  const snapshot = OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample))).readSync();

  test('a whole fill computes every empty derived row it can; an edit only the rows computed from it', () => {
    const all = planFill(CCHC_6_THANG, snapshot, { fields: {} });
    expect(all.derived).toContain('pl1.bm1.r2'); // Tỷ lệ hoàn thành kế hoạch: 30/50
    expect(all.written['pl1.bm1.r2']).toBe('60%');

    const edit = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '30.500' } }, undefined, { derived: 'related' });
    expect(edit.derived).toEqual([]);
    expect(Object.keys(edit.written)).toEqual(['a22.received']);

    const related = planFill(CCHC_6_THANG, snapshot, { fields: { 'bi1.planTasks': '40' } }, undefined, { derived: 'related' });
    expect(related.derived).toEqual(['pl1.bm1.r2']);
    expect(related.written['pl1.bm1.r2']).toBe('75%'); // 30/40

    const one = planFill(CCHC_6_THANG, snapshot, { fields: {} }, undefined, { derived: ['pl1.bm1.r2'] });
    expect(one.derived).toEqual(['pl1.bm1.r2']);
    expect(planFill(CCHC_6_THANG, snapshot, { fields: {} }, undefined, { derived: 'none' }).edits).toEqual([]);
  });

  test('a figure is written in every place it appears, spans in one paragraph from the end', () => {
    const plan = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '31.000' } }, undefined, { derived: 'none' });
    const places = CCHC_6_THANG.fields.find((f) => f.id === 'a22.received')!.occurrences.length;
    expect(plan.edits).toHaveLength(places);
    expect(plan.problems).toEqual([]);
  });

  test('a malformed figure is an error naming the field; nothing is planned for it', () => {
    const plan = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '30,4O7' } });
    expect(plan.problems).toEqual([expect.objectContaining({ fieldId: 'a22.received', severity: 'error' })]);
    expect(plan.problems[0]!.message).toMatch(/^Số hồ sơ TTHC tiếp nhận/);
    expect(plan.written['a22.received']).toBeUndefined();
  });
});
