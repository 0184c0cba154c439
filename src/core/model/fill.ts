/**
 * Report data → document edits. Given new figures for some fields, plan the edits that write
 * each figure into every place it appears (bound controls, appendix cells, or the figure's span
 * in the prose of a plain document), and compute derived appendix rows (a "Tỷ lệ" row from its
 * sub-rows) that were left empty. Planning is pure; an adapter applies the edits in one batch.
 */
import type { CellEdit, DocumentEdit, DocumentSnapshot } from '../document';
import { formatPercent } from '../codec';
import { locateFields, type LocatedOccurrence, type LocateResult } from '../recognize/locate';
import { appendixColumn, type Field, type TemplateDefinition } from '../template/schema';
import { numericValue, parseFieldValue, type FillInput } from './report-data';

export interface FillProblem {
  fieldId: string;
  severity: 'error' | 'warning' | 'info';
  /** Vietnamese, names the field and what is wrong. */
  message: string;
}

export interface FillPlan {
  edits: DocumentEdit[];
  /** The figure written for each field that changes (including computed derived rows). */
  written: Record<string, string>;
  /** Derived rows (a "Tỷ lệ" from its sub-rows) that were empty and are computed by the fill. */
  derived: string[];
  problems: FillProblem[];
  /** Fields given a figure that could not be written in every place (a fill that is incomplete). */
  unplaced: string[];
}

/** The text a fill input gives for a field (null clears it). */
function inputText(value: FillInput['fields'][string]): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.trim();
  return value.text === null ? null : String(value.text).trim();
}

function editFor(located: LocatedOccurrence, text: string, snapshot: DocumentSnapshot): DocumentEdit | string {
  const place = located.place;
  if (!place) return 'không tìm thấy vị trí';
  if (place.kind === 'control') {
    const control = snapshot.controls[place.controlIndex];
    if (control && (control.lock === 'contentLocked' || control.lock === 'sdtContentLocked')) {
      return `ô nhập "${control.title || control.tag}" đang bị khóa nội dung`;
    }
    return { kind: 'control', controlIndex: place.controlIndex, text };
  }
  if (place.kind === 'cell' && located.placeholder) {
    // An empty figure inside a text cell: only its placeholder is replaced, the wording stays.
    return { kind: 'cell', tableIndex: place.blockIndex, rowIndex: place.row, cellIndex: place.cell, text, find: { text: located.placeholder, from: place.start } };
  }
  if (place.kind === 'cell') {
    const table = snapshot.blocks[place.blockIndex];
    const cellText = table?.type === 'table' ? (table.rows[place.row]?.cells[place.cell]?.text ?? '') : '';
    const whole = located.text === undefined || located.text.trim() === cellText.trim();
    return whole || located.text === ''
      ? { kind: 'cell', tableIndex: place.blockIndex, rowIndex: place.row, cellIndex: place.cell, text }
      : {
          kind: 'cell',
          tableIndex: place.blockIndex,
          rowIndex: place.row,
          cellIndex: place.cell,
          text,
          find: { text: located.text ?? '', from: place.start },
        };
  }
  return { kind: 'paragraph', blockIndex: place.blockIndex, start: place.start, end: place.end, text };
}

/** Formats a derived percentage: one decimal, none when whole ("93,3%", "100%"). */
export function formatDerivedPercent(part: number, base: number): string {
  const pct = (100 * part) / base;
  const rounded = Math.round(pct * 10) / 10;
  return formatPercent(rounded, Number.isInteger(rounded) ? 0 : 1);
}

export interface FillOptions {
  /**
   * Which empty derived rows to compute: 'all' (a whole fill, the CLI), 'related' (only rows
   * computed from a figure of this input: an edit in the task pane), 'none', or these field ids.
   */
  derived?: 'all' | 'related' | 'none' | readonly string[];
}

export function planFill(
  definition: TemplateDefinition,
  snapshot: DocumentSnapshot,
  input: FillInput,
  located?: LocateResult,
  options: FillOptions = {},
): FillPlan {
  const derivedMode = options.derived ?? 'all';
  const result = located ?? locateFields(definition, snapshot);
  const fieldsById = new Map(definition.fields.map((f) => [f.id, f]));
  const problems: FillProblem[] = [];
  const written: Record<string, string> = {};
  const derived: string[] = [];
  const unplaced: string[] = [];

  // Values after the fill: the input where given, else what the document holds.
  const current = new Map<string, string>();
  for (const o of result.occurrences) {
    if (o.found && o.text && !current.has(o.fieldId)) current.set(o.fieldId, o.text.trim());
  }
  for (const [id, value] of Object.entries(input.fields)) {
    const field = fieldsById.get(id);
    if (!field) {
      problems.push({ fieldId: id, severity: 'error', message: `Không có chỉ tiêu "${id}" trong mẫu báo cáo ${definition.id}.` });
      continue;
    }
    const text = inputText(value);
    if (text) {
      const parsed = parseFieldValue(field.kind, text);
      if (!parsed.ok) {
        problems.push({ fieldId: id, severity: 'error', message: `${field.label}: ${parsed.error.message}` });
        continue;
      }
    }
    written[id] = text ?? '';
    current.set(id, text ?? '');
  }

  // Derived rows: a percent field marked derived, empty, with both part and base known.
  for (const relation of definition.relations) {
    if (relation.kind !== 'ratio' || derivedMode === 'none') continue;
    if (derivedMode === 'related' && !(relation.part in input.fields || relation.base in input.fields)) continue;
    if (Array.isArray(derivedMode) && !derivedMode.includes(relation.percent)) continue;
    const target = fieldsById.get(relation.percent);
    if (!target?.derived || (current.get(target.id) ?? '') !== '' || target.id in written) continue;
    const part = valueOf(fieldsById.get(relation.part), current);
    const base = valueOf(fieldsById.get(relation.base), current);
    if (part === undefined || base === undefined || base === 0) continue;
    written[target.id] = formatDerivedPercent(part, base);
    derived.push(target.id);
  }

  // A fraction ("30/50 nhiệm vụ", "03/09 phòng") whose side is given: written whole from both
  // sides, one home per figure (a side has no place of its own while the fraction shows its
  // placeholder, as in the template).
  const viaFraction = new Set<string>();
  for (const relation of definition.relations) {
    if (relation.kind !== 'fraction' || relation.fraction in input.fields) continue;
    if (!(relation.numerator in written || relation.denominator in written)) continue;
    const num = current.get(relation.numerator) ?? '';
    const den = current.get(relation.denominator) ?? '';
    if (!num || !den) continue;
    written[relation.fraction] = `${num}/${den}`;
    viaFraction.add(relation.numerator).add(relation.denominator);
  }

  // A figure inside a text cell (a Phụ lục III output) whose cell is written whole by this fill:
  // placed when the new text holds it (the cell was empty, as in a report rolled to a new year).
  const cellOf = (o: LocatedOccurrence) => (o.occurrence.where === 'appendix' ? `${o.occurrence.appendix}/${o.occurrence.form ?? ''}/${o.occurrence.row}/${o.occurrence.column}` : undefined);
  const wholeCells = new Map<string, string>();
  for (const o of result.occurrences) {
    const occ = o.occurrence;
    const key = cellOf(o);
    if (key && occ.where === 'appendix' && !occ.before && !occ.after && !occ.component && o.fieldId in written) wholeCells.set(key, written[o.fieldId]!);
  }
  const writtenWithin = (o: LocatedOccurrence, text: string) => {
    const occ = o.occurrence;
    // Only a figure inside a text cell; a whole cell that was not found is not written by itself.
    if (occ.where !== 'appendix' || !(occ.before || occ.after || occ.component)) return false;
    const key = cellOf(o);
    const whole = key === undefined ? undefined : wholeCells.get(key);
    return whole !== undefined && text !== '' && whole.includes(text);
  };

  const edits: DocumentEdit[] = [];
  const owners = new Map<DocumentEdit, Field>();
  for (const [id, text] of Object.entries(written)) {
    const field = fieldsById.get(id)!;
    const occurrences = result.occurrences.filter((o) => o.fieldId === id);
    for (const o of occurrences) {
      if (o.occurrence.where === 'narrative' && o.occurrence.component && viaFraction.has(id)) continue; // written with its fraction
      if (!o.found && writtenWithin(o, text)) continue; // its cell is written whole with a text that holds it
      if (!o.found) {
        if (!unplaced.includes(id)) unplaced.push(id);
        problems.push({ fieldId: id, severity: 'warning', message: `${field.label}: không tìm thấy vị trí ${describe(o, definition)} trong tài liệu; chưa ghi được.` });
        continue;
      }
      if ((o.text ?? '') === text) continue; // already written: change only what changes
      const edit = editFor(o, text, snapshot);
      if (typeof edit === 'string') problems.push({ fieldId: id, severity: 'error', message: `${field.label}: ${edit}.` });
      else {
        edits.push(edit);
        owners.set(edit, field);
      }
    }
    // A control copied elsewhere holds the same figure: keep it in step.
    for (const extra of result.extraControls.filter((x) => x.fieldId === id)) {
      const control = snapshot.controls[extra.controlIndex];
      if (!control || (!control.showingPlaceholder && control.text === text)) continue;
      if (control.lock === 'contentLocked' || control.lock === 'sdtContentLocked') {
        problems.push({ fieldId: id, severity: 'error', message: `${field.label}: ô nhập "${control.title || control.tag}" đang bị khóa nội dung.` });
      } else {
        edits.push({ kind: 'control', controlIndex: extra.controlIndex, text });
      }
    }
  }
  return { edits: orderForApply(resolveCellConflicts(edits, owners, problems)), written, derived, problems, unplaced };
}

/**
 * A cell written whole (a Phụ lục III output) and a figure inside it ("ban hành 15 Quyết định")
 * in one fill: the whole text wins, since the figure's offsets belong to the old text. A figure
 * the new text does not contain is reported, never silently lost.
 */
function resolveCellConflicts(edits: DocumentEdit[], owners: Map<DocumentEdit, Field>, problems: FillProblem[]): DocumentEdit[] {
  const whole = new Map<string, CellEdit>();
  const key = (e: CellEdit) => `${e.tableIndex}:${e.rowIndex}:${e.cellIndex}`;
  for (const e of edits) if (e.kind === 'cell' && !e.find) whole.set(key(e), e);
  if (whole.size === 0) return edits;
  return edits.filter((e) => {
    if (e.kind !== 'cell') return true;
    const winner = whole.get(key(e));
    if (!winner || winner === e) return true;
    const field = owners.get(e);
    const container = owners.get(winner);
    if (field && !winner.text.includes(e.text)) {
      problems.push({
        fieldId: field.id,
        severity: 'warning',
        message: `${field.label}: "${e.text}" không được ghi vì ô chứa nó (${container?.label ?? 'ô phụ lục'}) được ghi lại toàn bộ bằng nội dung không có số này.`,
      });
    }
    return false;
  });
}

/**
 * Edits that replace spans are computed against the snapshot's offsets; within one paragraph or
 * cell, applying them from the end backwards keeps every other offset valid.
 */
export function orderForApply(edits: DocumentEdit[]): DocumentEdit[] {
  const target = (e: DocumentEdit, i: number) =>
    e.kind === 'paragraph' ? `p${e.blockIndex}` : e.kind === 'cell' ? `c${e.tableIndex}:${e.rowIndex}:${e.cellIndex}` : `other${i}`;
  const offset = (e: DocumentEdit) => (e.kind === 'paragraph' ? e.start : e.kind === 'cell' ? (e.find?.from ?? 0) : 0);
  const groups = new Map<string, DocumentEdit[]>();
  edits.forEach((e, i) => groups.set(target(e, i), [...(groups.get(target(e, i)) ?? []), e]));
  return [...groups.values()].flatMap((group) => group.sort((a, b) => offset(b) - offset(a)));
}

function valueOf(field: Field | undefined, current: Map<string, string>): number | undefined {
  if (!field) return undefined;
  const text = current.get(field.id);
  if (!text) return undefined;
  const parsed = parseFieldValue(field.kind, text);
  return parsed.ok ? numericValue(parsed.value) : undefined;
}

function describe(o: LocatedOccurrence, definition: Pick<TemplateDefinition, 'appendices'>): string {
  const occ = o.occurrence;
  if (occ.where === 'narrative') return `ở mục ${occ.section}`;
  // A wide form's row holds many figures: its column is said too.
  const column = appendixColumn(definition, occ.appendix, occ.column)?.path ? `, cột ${occ.column}` : '';
  return `ở Phụ lục ${occ.appendix}${occ.form ? `, Biểu mẫu ${occ.form}` : ''}, dòng ${occ.row}${column}`;
}
