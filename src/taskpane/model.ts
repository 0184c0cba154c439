/**
 * Pure helpers of the task pane (no React, no Office.js): how fields are grouped into the
 * report's sections, how a place is named, how a check location becomes a place to reveal,
 * which quick fix a finding allows, and how errors read in Vietnamese.
 */
import { inSection } from '../core/recognize/sections';
import type { RevealTarget } from '../app/host';
import type { SessionState } from '../app/session';
import type { Finding, Location } from '../core/check/findings';
import { parseFieldValue, type FieldData } from '../core/model/report-data';
import { detectReportPeriod, type ReportPeriod } from '../core/period';
import type { LocatedOccurrence, Place } from '../core/recognize/locate';
import type { Field, Occurrence, TemplateDefinition } from '../core/template/schema';
import { parseViDate } from '../core/codec';

// ---------------------------------------------------------------------------------------------
// Sections of the data panel.

/** A group of the data panel: A, B.I, B.II.1–6, B.III, Phụ lục I–III (and the header). */
export interface SectionGroup {
  key: string;
  title: string;
  fields: Field[];
}

/** The data-panel group of a section path, from the definition's groups (most specific wins). */
export function groupKeyOf(definition: TemplateDefinition, section: string): string {
  let best: { id: string; depth: number } | undefined;
  for (const g of definition.groups) {
    for (const s of g.sections) {
      const depth = s.split('.').length;
      if (inSection(section, s) && (!best || depth > best.depth)) best = { id: g.id, depth };
    }
  }
  return best?.id ?? section;
}

export function groupTitle(definition: TemplateDefinition, key: string): string {
  return definition.groups.find((g) => g.id === key)?.title ?? `Mục ${key}`;
}

/** The fields of a definition by data-panel group, in the definition's group order. */
export function groupFields(definition: TemplateDefinition): SectionGroup[] {
  const groups = new Map<string, Field[]>();
  for (const f of definition.fields) {
    const key = groupKeyOf(definition, f.section);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rank = (k: string) => {
    const i = definition.groups.findIndex((g) => g.id === k);
    return i < 0 ? definition.groups.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, fields]) => ({ key, title: groupTitle(definition, key), fields }));
}

/** Lower case, without diacritics ("Số hồ sơ" → "so ho so"), for the label filter. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a field matches the filter (every word of the query in its label or id). */
export function matchesFilter(field: Field, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${foldText(field.label)} ${field.id.toLowerCase()}`;
  return words.every((w) => hay.includes(w));
}

/** A field counts as entered when some place holds a non-empty figure. */
export function isEntered(data: FieldData | undefined): boolean {
  return !!data && data.text !== null && data.text.trim() !== '';
}

// ---------------------------------------------------------------------------------------------
// Places.

/** How a place of a field is named: "Mục A.2.2", "Phụ lục II / Biểu mẫu 2, dòng 3.4". */
export function describeOccurrence(occ: Occurrence): string {
  if (occ.where === 'narrative') {
    if (occ.section === 'header') return 'Phần mở đầu';
    if (occ.section === 'closing') return 'Phần cuối';
    if (occ.section.startsWith('PL-')) return `Phụ lục ${occ.section.slice(3)} (tiêu đề)`;
    return `Mục ${occ.section}`;
  }
  return `Phụ lục ${occ.appendix}${occ.form ? ` / Biểu mẫu ${occ.form}` : ''}, dòng ${occ.row}`;
}

/** How many fields of a data-panel group are entered: the one count Số liệu and Phụ lục show. */
export function groupProgress(definition: TemplateDefinition, state: SessionState, key: string): { done: number; total: number } {
  const fields = definition.fields.filter((f) => groupKeyOf(definition, f.section) === key);
  return { done: fields.filter((f) => isEntered(state.data.fields[f.id])).length, total: fields.length };
}

/** Where a written place is, to show it after a write: the whole cell or control (offsets move). */
export function revealTargetAfterWrite(place: Place): RevealTarget {
  if (place.kind === 'cell') return { kind: 'cell', block: place.blockIndex, row: place.row, cell: place.cell };
  return revealTargetOfPlace(place);
}

/** The appendix form heading a field sits under ("Biểu mẫu 2"), from its first appendix place. */
export function formOf(field: Field): string | undefined {
  const occ = field.occurrences.find((o) => o.where === 'appendix');
  return occ?.where === 'appendix' && occ.form ? `Biểu mẫu ${occ.form}` : undefined;
}

/** Where to reveal a located place. */
export function revealTargetOfPlace(place: Place): RevealTarget {
  switch (place.kind) {
    case 'control':
      return { kind: 'control', controlIndex: place.controlIndex };
    case 'cell':
      return { kind: 'cell', block: place.blockIndex, row: place.row, cell: place.cell, start: place.start, end: place.end };
    default:
      return { kind: 'span', block: place.blockIndex, start: place.start, end: place.end };
  }
}

/**
 * Where to reveal a check location: the content control holding it when the location carries a
 * tag (a bound document), else the table cell or the paragraph span of its anchor.
 */
export function revealTargetOfLocation(location: Location, snapshot: SessionState['snapshot']): RevealTarget | undefined {
  const a = location.anchor;
  if (!a) return undefined;
  if (location.tag) {
    const block = snapshot.blocks[a.block];
    if (block?.type === 'paragraph') {
      const span = block.spans.find((s) => snapshot.controls[s.controlIndex]?.tag === location.tag && s.start <= a.start && a.end <= s.end);
      if (span) return { kind: 'control', controlIndex: span.controlIndex };
    }
    const candidates = snapshot.controls.filter((c) => c.tag === location.tag && c.blockIndex === a.block);
    if (candidates.length === 1) return { kind: 'control', controlIndex: candidates[0]!.index };
  }
  if (a.row !== undefined && a.cell !== undefined) return { kind: 'cell', block: a.block, row: a.row, cell: a.cell, start: a.start, end: a.end };
  return { kind: 'span', block: a.block, start: a.start, end: a.end };
}

/** How a check location is named on its button. */
export function describeLocation(location: Location): string {
  if (location.table) return `${location.table}${location.row ? `, dòng ${location.row}` : ''}`;
  if (location.section === 'header') return 'Phần mở đầu';
  if (location.section?.startsWith('PL-')) return `Phụ lục ${location.section.slice(3)}`;
  if (location.section) return `Mục ${location.section}`;
  return 'Vị trí trong tài liệu';
}

/** The text span a located place covers, when known (a control's span comes from its paragraph). */
function spanOf(place: Place, snapshot: SessionState['snapshot']): { row?: number; cell?: number; start: number; end: number } | undefined {
  if (place.kind === 'paragraph') return { start: place.start, end: place.end };
  if (place.kind === 'cell') return { row: place.row, cell: place.cell, start: place.start, end: place.end };
  if (place.start !== undefined && place.end !== undefined) return { start: place.start, end: place.end };
  const block = snapshot.blocks[place.blockIndex];
  const span = block?.type === 'paragraph' ? block.spans.find((s) => s.controlIndex === place.controlIndex) : undefined;
  return span ? { start: span.start, end: span.end } : undefined;
}

/** The located field places whose span is exactly a location's anchor. */
export function occurrencesAt(location: Location, state: SessionState): LocatedOccurrence[] {
  const a = location.anchor;
  if (!a) return [];
  return state.located.occurrences.filter((o) => {
    if (!o.found || !o.place || o.place.blockIndex !== a.block) return false;
    const s = spanOf(o.place, state.snapshot);
    return !!s && s.row === a.row && s.cell === a.cell && s.start === a.start && s.end === a.end;
  });
}

// ---------------------------------------------------------------------------------------------
// Quick fixes.

export type QuickFix =
  /** Fill empty derived rows with their computed values (session.planDerived). */
  | { kind: 'derived'; fieldId: string; label: string }
  /** Write `text` to every place of the field (session.plan). */
  | { kind: 'set'; fieldId: string; text: string; label: string };

/**
 * Rules whose `expected` is the value of the place itself: a percentage recomputed from its
 * figures, a derived row, an empty total, a number written to the convention, a caption's
 * period. A sum, a list count or two places that disagree do not say which figure is wrong.
 */
const SETTABLE_RULES = new Set<Finding['rule']>(['ratio', 'derived', 'completeness', 'number-format', 'period', 'reference']);

/**
 * The quick fix a finding allows, when it is unambiguous: its first location is exactly one
 * field place, and either that field is an empty derived row the template can compute, or the
 * finding says what would be consistent and that reads as the field's kind.
 */
export function quickFixFor(finding: Finding, state: SessionState, definition: TemplateDefinition, derivable: ReadonlySet<string>): QuickFix | undefined {
  const first = finding.locations[0];
  if (!first) return undefined;
  const hits = occurrencesAt(first, state);
  if (hits.length !== 1) return undefined;
  const hit = hits[0]!;
  const field = definition.fields.find((f) => f.id === hit.fieldId);
  if (!field) return undefined;
  if (derivable.has(field.id)) return { kind: 'derived', fieldId: field.id, label: 'Điền giá trị tính được' };
  if (!SETTABLE_RULES.has(finding.rule)) return undefined;
  const expected = finding.expected?.trim();
  if (!expected || expected === (hit.text ?? '').trim()) return undefined;
  if (!parseFieldValue(field.kind, expected).ok) return undefined;
  return { kind: 'set', fieldId: field.id, text: expected, label: `Sửa thành ${expected}` };
}


// ---------------------------------------------------------------------------------------------
// Disagreeing places.

export interface PlaceView {
  occurrence: LocatedOccurrence;
  where: string;
  text: string | null;
}

/** The places of a field, named, with the figure each holds (null when not found). */
export function placesOf(fieldId: string, state: SessionState): PlaceView[] {
  return state.located.occurrences
    .filter((o) => o.fieldId === fieldId)
    .map((o) => ({ occurrence: o, where: describeOccurrence(o.occurrence), text: o.found ? (o.text ?? '') : null }));
}

/** The places of every field, by field id (one pass over the located occurrences). */
export function placesByField(state: SessionState): Map<string, PlaceView[]> {
  const map = new Map<string, PlaceView[]>();
  for (const o of state.located.occurrences) {
    const list = map.get(o.fieldId) ?? [];
    list.push({ occurrence: o, where: describeOccurrence(o.occurrence), text: o.found ? (o.text ?? '') : null });
    map.set(o.fieldId, list);
  }
  return map;
}

/**
 * How the places of a field disagree: 'value' when two non-empty places hold different values,
 * 'writing' when they hold the same value written differently ("3" and "03"), else undefined.
 */
export function disagreement(field: Field, places: readonly PlaceView[]): 'value' | 'writing' | undefined {
  const texts = places.map((p) => (p.text ?? '').trim()).filter((t) => t !== '');
  if (new Set(texts).size <= 1) return undefined;
  const values = texts.map((t) => {
    const parsed = parseFieldValue(field.kind, t);
    return parsed.ok ? JSON.stringify(parsed.value) : foldText(t);
  });
  return new Set(values).size > 1 ? 'value' : 'writing';
}

// ---------------------------------------------------------------------------------------------
// Periods.

/** The period of the open report, from its report-meta fields (title label, next label, date). */
export function sourcePeriod(definition: TemplateDefinition, state: SessionState): ReportPeriod | undefined {
  const textOf = (role: string) => {
    for (const f of definition.fields.filter((x) => x.meta === role)) {
      const t = state.data.fields[f.id]?.text;
      if (t && t.trim()) return t.trim();
    }
    return undefined;
  };
  const periodLabel = textOf('periodLabel');
  const nextLabel = textOf('nextPeriodLabel');
  const dateText = textOf('reportDate');
  let reportDate: { day: number; month: number; year: number } | undefined;
  if (dateText) {
    try {
      const d = parseViDate(dateText);
      reportDate = { day: d.day, month: d.month, year: d.year };
    } catch {
      reportDate = undefined;
    }
  }
  return detectReportPeriod({
    ...(periodLabel ? { periodLabel } : {}),
    ...(nextLabel ? { nextLabel } : {}),
    ...(reportDate ? { reportDate } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Errors.

/** An error as plain Vietnamese for a MessageBar. Core and adapter errors already are. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name;
    if (name === 'DocumentError' || name === 'RolloverError' || name === 'CodecError') return error.message;
    if (/[ăâđêôơư]/iu.test(error.message)) return error.message;
    if (name === 'OfficeExtension.Error' || name === 'RichApi.Error') {
      return `Word từ chối thao tác: ${error.message}. Hãy thử lại; nếu tài liệu đang được chỉnh sửa ở nơi khác, hãy chờ rồi bấm "Làm mới".`;
    }
    return `Đã xảy ra lỗi không mong đợi: ${error.message}`;
  }
  return `Đã xảy ra lỗi không mong đợi: ${String(error)}`;
}

/** Whether the document has any text at all (paragraphs or cells). */
export function hasText(snapshot: SessionState['snapshot']): boolean {
  return snapshot.blocks.some((b) => (b.type === 'paragraph' ? b.text.trim() !== '' : b.rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))));
}
