/**
 * Document snapshot → report data. Bound documents are read through their content controls
 * (tag = field id); plain documents through the wording around each figure and the appendix
 * tables' headings and row codes. Either way every field of the template gets an entry.
 */
import type { DocumentSnapshot } from '../document';
import { locateFields, type LocatedOccurrence, type LocateResult } from '../recognize/locate';
import type { Occurrence, TemplateDefinition } from '../template/schema';
import { parseFieldValue, ReportDataSchema, type FieldData, type PlaceData, type ReportData } from './report-data';

export function describeTable(occurrence: Occurrence): string | undefined {
  if (occurrence.where !== 'appendix') return undefined;
  return `Phụ lục ${occurrence.appendix}${occurrence.form ? ` / Biểu mẫu ${occurrence.form}` : ''}`;
}

export function placeData(located: LocatedOccurrence, snapshot: DocumentSnapshot): PlaceData {
  const o = located.occurrence;
  const control = located.place?.kind === 'control' ? snapshot.controls[located.place.controlIndex] : undefined;
  return {
    where: o.where,
    ...(o.where === 'narrative' ? { section: o.section } : { table: describeTable(o), row: o.row, column: o.column }),
    ...(control ? { tag: control.tag } : {}),
    found: located.found,
    text: located.found ? (located.text ?? '') : null,
  };
}

/** True when the document carries content controls tagged with this template's field ids. */
export function isBound(definition: TemplateDefinition, snapshot: DocumentSnapshot): boolean {
  const ids = new Set(definition.fields.map((f) => f.id));
  return snapshot.controls.some((c) => ids.has(c.tag));
}

export function extractReport(definition: TemplateDefinition, snapshot: DocumentSnapshot, located?: LocateResult): ReportData {
  const result = located ?? locateFields(definition, snapshot);
  const byField = new Map<string, LocatedOccurrence[]>();
  for (const o of result.occurrences) byField.set(o.fieldId, [...(byField.get(o.fieldId) ?? []), o]);

  const fields: Record<string, FieldData> = {};
  let fieldsFound = 0;
  let placesFound = 0;
  let placesExpected = 0;
  for (const field of definition.fields) {
    const occurrences = byField.get(field.id) ?? [];
    const places = occurrences.map((o) => placeData(o, snapshot));
    placesExpected += places.length;
    placesFound += places.filter((p) => p.found).length;
    if (places.some((p) => p.found)) fieldsFound++;
    const first = places.find((p) => p.text !== null && p.text.trim() !== '');
    const text = first?.text?.trim() ?? null;
    const parsed = text === null ? undefined : parseFieldValue(field.kind, text);
    fields[field.id] = {
      label: field.label,
      kind: field.kind,
      ...(field.unit ? { unit: field.unit } : {}),
      text,
      value: parsed?.ok ? parsed.value : null,
      ...(parsed && !parsed.ok ? { error: parsed.error.message } : {}),
      places,
    };
  }
  return ReportDataSchema.parse({
    template: definition.id,
    mode: isBound(definition, snapshot) ? 'bound' : 'recognized',
    coverage: {
      fields: { found: fieldsFound, expected: definition.fields.length },
      places: { found: placesFound, expected: placesExpected },
    },
    fields,
  });
}
