/** How well a document matches a template (shared by the check and the quick re-check of an edit). */
import type { LocateResult } from '../recognize/locate';
import type { TemplateDefinition } from '../template/schema';

/**
 * How well a document matches a template: the share of the template's fields found in it (a
 * report of the template, even reworded, keeps its sections and appendix forms; another kind of
 * report shares a few phrases at most).
 */
export function templateMatch(definition: TemplateDefinition, located: LocateResult): number {
  if (definition.fields.length === 0) return 0;
  const found = new Set(located.occurrences.filter((o) => o.found).map((o) => o.fieldId));
  return Math.round((1000 * definition.fields.filter((f) => found.has(f.id)).length) / definition.fields.length) / 1000;
}
