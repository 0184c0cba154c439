/** Small constructors that keep the definition data readable. */
import type { AppendixId, AppendixOccurrence, Field, FieldKind, MetaRole, NarrativeOccurrence, Rollover } from '../schema';

type Side = { component?: 1 | 2 };

/** A figure in the narrative: section, the words right before it and (optionally) after it. */
export function nar(section: string, before: string, after?: string, extra: { nth?: number } & Side = {}): NarrativeOccurrence {
  return { where: 'narrative', section, before, ...(after !== undefined ? { after } : {}), ...extra };
}

/** A "Số liệu" cell of a form of Phụ lục I / II (row code as written in the TT/STT column). */
export function cell(appendix: 'I' | 'II', form: number, row: string, extra: { before?: string; after?: string } & Side = {}): AppendixOccurrence {
  return { where: 'appendix', appendix, form, row, column: 'Số liệu', ...extra };
}

/** A "Sản phẩm đầu ra" cell of Phụ lục III (row "III.3" = group III, STT 3). */
export function output(row: string, extra: { before?: string; after?: string } = {}): AppendixOccurrence {
  return { where: 'appendix', appendix: 'III' as AppendixId, row, column: 'Sản phẩm đầu ra', ...extra };
}

export interface FieldSpec {
  label: string;
  section: string;
  kind: FieldKind;
  unit?: string;
  rollover: Rollover;
  meta?: MetaRole;
  comparedYear?: { after: string };
  occurrences: Field['occurrences'];
  derived?: boolean;
  note?: string;
}

/** A field from its id and spec (undefined keys left out so that the data stays minimal). */
export function field(id: string, spec: FieldSpec): Field {
  const { unit, derived, note, ...rest } = spec;
  return { id, ...rest, ...(unit !== undefined ? { unit } : {}), ...(derived ? { derived } : {}), ...(note ? { note } : {}) };
}

/** Shorthand for the most common shape: a count written in the narrative. */
export function count(id: string, label: string, section: string, unit: string, rollover: Rollover, ...occurrences: Field['occurrences']): Field {
  return field(id, { label, section, kind: 'count', unit, rollover, occurrences });
}

export function percent(id: string, label: string, section: string, rollover: Rollover, ...occurrences: Field['occurrences']): Field {
  return field(id, { label, section, kind: 'percent', unit: '%', rollover, occurrences });
}
