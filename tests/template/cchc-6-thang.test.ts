import { CCHC_6_THANG } from '../helpers/templates';
import { FieldSchema, TemplateDefinitionSchema, type Field } from '../../src/core/template/schema';

const byId = new Map<string, Field>(CCHC_6_THANG.fields.map((f) => [f.id, f]));
const field = (id: string): Field => {
  const f = byId.get(id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};

describe('cchc-6-thang definition', () => {
  test('validates against the schema (parse is idempotent)', () => {
    expect(TemplateDefinitionSchema.parse(CCHC_6_THANG)).toEqual(CCHC_6_THANG);
    expect(CCHC_6_THANG.id).toBe('cchc-6-thang');
  });

  test('field ids are unique and relation ids are unique', () => {
    expect(byId.size).toBe(CCHC_6_THANG.fields.length);
    const rel = new Set(CCHC_6_THANG.relations.map((r) => r.id));
    expect(rel.size).toBe(CCHC_6_THANG.relations.length);
  });

  test('every field has at least one occurrence and a Vietnamese label in NFC', () => {
    for (const f of CCHC_6_THANG.fields) {
      expect({ id: f.id, n: f.occurrences.length > 0 }).toEqual({ id: f.id, n: true });
      expect(f.label.normalize('NFC')).toBe(f.label);
      expect(FieldSchema.safeParse(f).success).toBe(true);
    }
  });

  test('every relation references existing fields of the right kinds', () => {
    const kind = (id: string) => field(id).kind;
    for (const r of CCHC_6_THANG.relations) {
      switch (r.kind) {
        case 'ratio':
          expect([r.id, kind(r.percent)]).toEqual([r.id, 'percent']);
          expect([r.id, kind(r.part), kind(r.base)]).toEqual([r.id, 'count', 'count']);
          break;
        case 'sum': {
          const kinds = new Set(r.parts.map(kind));
          expect([r.id, kinds.size]).toEqual([r.id, 1]);
          if (typeof r.total === 'string') expect([r.id, kind(r.total)]).toEqual([r.id, [...kinds][0]]);
          else expect([r.id, [...kinds][0]]).toEqual([r.id, 'percent']);
          break;
        }
        case 'fraction':
          expect([r.id, kind(r.fraction), kind(r.numerator), kind(r.denominator)]).toEqual([r.id, 'fraction', 'count', 'count']);
          break;
        case 'pair':
          expect([r.id, kind(r.pair), kind(r.first), kind(r.second)]).toEqual([r.id, 'pair', 'count', 'count']);
          break;
        case 'list-count':
          expect([r.id, kind(r.count), kind(r.list)]).toEqual([r.id, 'count', 'text']);
          break;
        case 'same':
          r.fields.forEach((id) => expect(byId.has(id)).toBe(true));
          break;
      }
    }
  });

  test('every derived field is the percent of a ratio relation', () => {
    const ratios = new Set(CCHC_6_THANG.relations.flatMap((r) => (r.kind === 'ratio' ? [r.percent] : [])));
    const derived = CCHC_6_THANG.fields.filter((f) => f.derived);
    expect(derived).toHaveLength(13);
    for (const f of derived) {
      expect([f.id, f.kind, ratios.has(f.id)]).toEqual([f.id, 'percent', true]);
    }
  });

  test('rates have the right base (resolved of received; early/on-time/late of resolved)', () => {
    const base = (pct: string) => CCHC_6_THANG.relations.find((r) => r.kind === 'ratio' && r.percent === pct);
    expect(base('a22.resolvedPct')).toMatchObject({ part: 'a22.resolved', base: 'a22.received' });
    for (const p of ['early', 'onTime', 'late']) expect(base(`a22.${p}Pct`)).toMatchObject({ part: `a22.${p}`, base: 'a22.resolved' });
    expect(base('a22.pendingPct')).toMatchObject({ part: 'a22.pending', base: 'a22.received' });
  });

  test('appendix rows shared with the narrative are one field with both occurrences', () => {
    // Rows already modelled as narrative fields (field id → [appendix, form, row]).
    const shared: Record<string, [string, number, string]> = {
      'bi1.planTasks': ['I', 1, '2.1'],
      'bii11.legalDocs': ['I', 2, '1'],
      'bii44.civilQuota': ['I', 3, '2.1'],
      'bii31.publicUnits': ['I', 5, '1'],
      'a3.govTasks.received': ['II', 1, '1.1'],
      'a21.pakn.received': ['II', 2, '3.4.1'],
    };
    const rowFieldId = (appendix: string, form: number, row: string) => `pl${appendix === 'I' ? 1 : 2}.bm${form}.r${row.replace('#', 's').replace(/\./g, '_')}`;
    for (const [id, [appendix, form, row]] of Object.entries(shared)) {
      const f = field(id);
      expect(f.occurrences).toContainEqual(expect.objectContaining({ where: 'appendix', appendix, form, row }));
      expect(byId.has(rowFieldId(appendix, form, row))).toBe(false);
    }
    // One quantity written three times: A.2.1 a), d) and Phụ lục III III.3.
    expect(field('a21.publishDecisions').occurrences.map((o) => o.where)).toEqual(['narrative', 'narrative', 'appendix']);
  });

  test('every appendix field occurrence is addressed by appendix, form and row; Phụ lục III has 50 task outputs', () => {
    const outputs = CCHC_6_THANG.fields.filter((f) => /^pl3\.[IVX]+_\d+\.output$/.test(f.id));
    expect(outputs).toHaveLength(50);
    for (const f of CCHC_6_THANG.fields)
      for (const o of f.occurrences)
        if (o.where === 'appendix') expect(o.appendix === 'III' ? o.form === undefined : o.form !== undefined).toBe(true);
  });

  test('roll-over policies follow the nature of each figure', () => {
    expect(field('a22.received').rollover).toBe('period');
    expect(field('bii44.civilQuota').rollover).toBe('standing');
    expect(field('bii31.depts').rollover).toBe('standing');
    expect(field('bi1.planTasks').rollover).toBe('year-to-date');
    expect(field('bi21.rankGain').rollover).toBe('previous-reference');
    for (const f of CCHC_6_THANG.fields.filter((x) => x.id.startsWith('meta.'))) expect([f.id, f.rollover]).toEqual([f.id, 'report-meta']);
  });
});
