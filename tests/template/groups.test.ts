import { CCHC_6_THANG } from '../helpers/templates';
import { groupFields, groupKeyOf } from '../../src/taskpane/model';

describe('data-panel groups of the definition', () => {
  test('every field belongs to a declared group, in the report order', () => {
    const ids = new Set(CCHC_6_THANG.groups.map((g) => g.id));
    for (const f of CCHC_6_THANG.fields) expect([f.id, ids.has(groupKeyOf(CCHC_6_THANG, f.section))]).toEqual([f.id, true]);
    const shown = groupFields(CCHC_6_THANG).map((g) => g.key);
    expect(shown).toEqual(CCHC_6_THANG.groups.map((g) => g.id).filter((id) => shown.includes(id)));
    expect(groupKeyOf(CCHC_6_THANG, 'B.II.4.14')).toBe('B.II.4');
    expect(groupKeyOf(CCHC_6_THANG, 'A.2.2')).toBe('A');
  });
});
