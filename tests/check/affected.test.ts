/**
 * The quick re-check of an edit (src/core/check/affected.ts) agrees with the whole check: for
 * random edits of a few figures of the bound sample, the verdicts of the relations naming the
 * edited fields, judged over the figures as the edit writes them (before the document is
 * written), equal the whole check's findings on those relations after the edit is applied.
 */
import fc from 'fast-check';
import { affectedVerdicts, relationFindings, relationsNaming, type Finding } from '../../src/core/check';
import { formatCount, formatPercent, tryParseViNumber } from '../../src/core/codec';
import { planFill } from '../../src/core/model/fill';
import { locateFields } from '../../src/core/recognize/locate';
import { relationFields } from '../../src/core/template/schema';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { CCHC_6_THANG } from '../helpers/templates';
import { BOUND_SAMPLE, open, readBytes } from './helpers';

const definition = CCHC_6_THANG;

/** What a verdict says, without the parts that move with the edit (excerpts, offsets in a paragraph). */
function said(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    evidence: f.evidence,
    expected: f.expected,
    places: f.locations.map((l) => [l.section, l.tag, l.anchor?.block, l.anchor?.row, l.anchor?.cell]),
  };
}

describe('the quick re-check of an edit', () => {
  let bytes: Uint8Array;
  let before: Awaited<ReturnType<typeof open>>;

  beforeAll(async () => {
    bytes = readBytes(BOUND_SAMPLE);
    before = await open(bytes);
  });

  test('names the relations of the edited fields, and only those', () => {
    const received = definition.relations.filter((r) => relationFields(r).includes('a22.received'));
    expect(received.length).toBeGreaterThan(1);
    expect(relationsNaming(definition, ['a22.received'])).toEqual(received);
    expect(relationsNaming(definition, [])).toEqual([]);
  });

  test('marks 93,3% as broken when the files received change from 30.407 to 30.000, before the write', () => {
    const plan = planFill(definition, before.snapshot, { fields: { 'a22.received': '30.000' } }, before.located, { derived: 'related' });
    const verdicts = affectedVerdicts({ definition, snapshot: before.snapshot, located: before.located, overrides: plan.written });
    const errors = verdicts.flatMap((v) => v.findings).filter((f) => f.severity === 'error');
    const ratio = errors.find((f) => f.rule === 'ratio' && f.evidence[0] === '93,3%');
    expect(ratio?.expected).toBe('94,6%');
    expect(ratio?.evidence).toEqual(['93,3%', '28,375', '30.000']);
    // Unchanged, the same relations hold as the sample has them (the 28,375 slip aside).
    const unchanged = affectedVerdicts({ definition, snapshot: before.snapshot, located: before.located, fields: ['a22.received'] });
    expect(unchanged.flatMap((v) => v.findings).some((f) => f.rule === 'ratio' && f.evidence[0] === '93,3%')).toBe(false);
  });

  test('random edits of a few figures: the quick verdicts are the whole check’s for those relations', async () => {
    // Numeric fields that some relation names and that the sample holds.
    const current = new Map<string, string>();
    for (const o of before.located.occurrences) if (o.found && o.text?.trim() && !current.has(o.fieldId)) current.set(o.fieldId, o.text.trim());
    const named = new Set(definition.relations.flatMap(relationFields));
    const editable = definition.fields.filter((f) => named.has(f.id) && !f.derived && (f.kind === 'count' || f.kind === 'percent') && current.has(f.id));
    expect(editable.length).toBeGreaterThan(20);

    const valueFor = (id: string, kind: string, mode: number, n: number): string => {
      const now = tryParseViNumber(current.get(id) ?? '');
      const base = now.ok ? now.value.value : n;
      if (kind === 'percent') return formatPercent(mode === 0 ? base : (n % 10000) / 100, mode === 0 ? 1 : 2);
      // The same figure, one off, or any count: relations both hold and break.
      return formatCount(mode === 0 ? Math.round(base) : mode === 1 ? Math.max(0, Math.round(base) + (n % 2 ? 1 : -1)) : n % 50000);
    };
    const edits = fc.uniqueArray(fc.record({ field: fc.constantFrom(...editable), mode: fc.integer({ min: 0, max: 2 }), n: fc.nat(60000) }), {
      minLength: 1,
      maxLength: 3,
      selector: (e) => e.field.id,
    });

    let compared = 0;
    let broken = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const fields = Object.fromEntries(list.map((e) => [e.field.id, valueFor(e.field.id, e.field.kind, e.mode, e.n)]));
        const plan = planFill(definition, before.snapshot, { fields }, before.located, { derived: 'related' });
        if (plan.problems.some((p) => p.severity === 'error')) return;
        const quick = affectedVerdicts({ definition, snapshot: before.snapshot, located: before.located, overrides: plan.written });

        const doc = OoxmlDocument.open(bytes);
        await doc.apply(plan.edits);
        const snapshot = await doc.read();
        const full = relationFindings({ definition, snapshot, located: locateFields(definition, snapshot), fileName: 'sau-khi-sua.docx' }, quick.map((v) => v.relation.id));
        for (const v of quick) {
          expect({ relation: v.relation.id, findings: v.findings.map(said) }).toEqual({ relation: v.relation.id, findings: (full.get(v.relation.id) ?? []).map(said) });
          compared++;
          if (v.findings.some((f) => f.severity === 'error')) broken++;
        }
      }),
      { numRuns: 20, seed: 20261201 },
    );
    // The property saw relations both holding and broken.
    expect(compared).toBeGreaterThan(20);
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(compared);
  }, 120_000);
});
