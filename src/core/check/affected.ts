/**
 * The quick re-check of an edit (issue 11: the Số liệu panel marks what an edit broke within
 * 300 ms). Only the template relations that name an edited field are judged, by the check's own
 * relation rules, over the figures as the edit writes them (`overrides`, before the document is
 * even written); the template-free rules are left to the whole check that follows. The verdicts
 * are the whole check's for those relations (tests/check/affected.test.ts compares them).
 */
import { withTextMemo } from '../codec';
import type { DocumentSnapshot } from '../document';
import { isBound } from '../model/extract';
import { MIN_MATCH_SCORE } from '../template/registry';
import { templateMatch } from './match';
import type { LocateResult } from '../recognize/locate';
import { relationFields, type Relation, type TemplateDefinition } from '../template/schema';
import { CheckContext, type RawFinding } from './context';
import type { Finding } from './findings';
import { relationCompleteness } from './rules/completeness';
import { fieldAgreement, fractionRelations, sameRelations } from './rules/cross-section';
import { derivedRule } from './rules/derived';
import { listCountRule } from './rules/list-count';
import { pairRule } from './rules/pair';
import { periodRule } from './rules/period';
import { ratioRule } from './rules/ratio';
import { sumRule } from './rules/sum';
import { unreadableRule } from './rules/unreadable';

/** The relations of a definition that name any of these fields, in the definition's order. */
export function relationsNaming(definition: Pick<TemplateDefinition, 'relations'>, fieldIds: Iterable<string>): Relation[] {
  const ids = new Set(fieldIds);
  return definition.relations.filter((r) => relationFields(r).some((f) => ids.has(f)));
}

export interface AffectedInput {
  definition: TemplateDefinition;
  /** The document as last read, and its located fields. */
  snapshot: DocumentSnapshot;
  located: LocateResult;
  /** The fields the edit writes (field id → text, as the fill writes them, derived rows included). */
  overrides?: Readonly<Record<string, string>>;
  /** The fields whose relations are judged (default: the keys of `overrides`). */
  fields?: readonly string[];
}

/** One relation's verdict: its findings (none when it holds). */
export interface RelationVerdict {
  relation: Relation;
  findings: Finding[];
}

/**
 * The verdicts of the relations naming the given fields. A "same" relation is reported only when
 * no earlier error explains its disagreement (cross-section): for it the rules that run before
 * cross-section in the whole check also run here, on the relations naming its fields, so that
 * the same figures are flagged.
 */
export function affectedVerdicts(input: AffectedInput): RelationVerdict[] {
  const { definition, snapshot, located } = input;
  const fields = input.fields ?? Object.keys(input.overrides ?? {});
  const affected = relationsNaming(definition, fields);
  const bound = isBound(definition, snapshot);
  if (affected.length === 0 || (!bound && templateMatch(definition, located) < MIN_MATCH_SCORE)) return affected.map((relation) => ({ relation, findings: [] }));
  const same = affected.filter((r) => r.kind === 'same');
  const sameFields = new Set(same.flatMap(relationFields));
  const context = same.length ? [...new Set([...affected, ...relationsNaming(definition, sameFields)])] : affected;
  const scoped: TemplateDefinition = { ...definition, relations: context };
  const overrides = new Map(Object.entries(input.overrides ?? {}));
  const ctx = new CheckContext(scoped, snapshot, located, bound ? 'bound' : 'recognized', overrides);
  const raw = withTextMemo(() => {
    const out: RawFinding[] = [];
    const run = (found: RawFinding[]) => {
      for (const f of found) out.push(f);
    };
    // In the whole check's order (index.ts RULES): what runs before cross-section flags figures.
    if (same.length) run(unreadableRule(ctx));
    run(ratioRule(ctx));
    run(derivedRule(ctx));
    run(sumRule(ctx));
    if (same.length) {
      run(periodRule(ctx));
      run(fieldAgreement(ctx, definition.fields.filter((f) => sameFields.has(f.id))));
    }
    run(sameRelations(ctx));
    run(fractionRelations(ctx));
    run(pairRule(ctx));
    run(listCountRule(ctx));
    run(relationCompleteness(ctx));
    return out;
  });
  const byRelation = new Map<string, Finding[]>(affected.map((r) => [r.id, []]));
  for (const f of raw) {
    if (f.relation === undefined) continue;
    const { order: _order, relation, ...finding } = f;
    byRelation.get(relation)?.push(finding);
  }
  return affected.map((relation) => ({ relation, findings: byRelation.get(relation.id) ?? [] }));
}
