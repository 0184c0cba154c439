/**
 * completeness:
 * - a total left empty while its parts are written → warning (with the sum when all parts are
 *   written); derived totals are left to the derived rule;
 * - a percentage (not derived) left empty while its part and base are written → info "có thể
 *   tính";
 * - a place left empty while the same field is written elsewhere → warning with that value;
 * - a required field empty or missing → warning;
 * - fields of the template not found in the document → one grouped info (readable output);
 * - fields not entered yet ("chưa nhập": every place empty, a control showing its placeholder, as
 *   a roll-over leaves the figures of the new period) → one grouped info, the to-do list, with a
 *   location per place (controls keep their tag). Never an error: an empty figure is work to do,
 *   not an inconsistency.
 */
import type { LocatedOccurrence } from '../../recognize/locate';
import { keyOf } from '../../recognize/normalize';
import { inSection } from '../../recognize/sections';
import { formatDerivedPercent } from '../../model/fill';
import { appendixColumn } from '../../template/schema';
import { partCell } from '../../recognize/appendix';
import type { Location } from '../findings';
import { shortLabel, type CheckContext, type Pos, type RawFinding, type ValueAt } from '../context';
import { canonical, formatSum, ofRelation, sumValues, whereOf } from './util';

const LIST_MAX = 12;

function emptyPlaces(values: ValueAt[]): ValueAt[] {
  return values.filter((v) => v.empty);
}

/** A placeholder written in a text ("[số liệu]", "[tỷ lệ %]"): the template's convention. */
const PLACEHOLDER_MARK = /\[[^\[\]\n]{1,40}\]/u;

/**
 * Where a place that was not found is nonetheless empty: a figure inside an appendix cell that is
 * empty (its wording went with the figure), or a figure right after its wording where a control
 * shows its placeholder (a fraction's side inside a cleared fraction). Undefined when the place
 * is really not recognised.
 */
function emptyPlaceOf(ctx: CheckContext, o: LocatedOccurrence): { pos: Pos; tag?: string } | undefined {
  const occ = o.occurrence;
  if (occ.where === 'appendix') {
    const hit = ctx.located.appendix.findRow(occ.appendix, occ.form, occ.row);
    for (const part of hit?.row.parts ?? []) {
      const cell = partCell(part, appendixColumn(ctx.definition, occ.appendix, occ.column));
      if (cell === undefined) continue;
      const block = ctx.block(part.tableIndex);
      const text = block?.type === 'table' ? (block.rows[part.rowIndex]?.cells[cell]?.text ?? '') : undefined;
      if (text === undefined) continue;
      if (text.trim() === '') return { pos: { block: part.tableIndex, row: part.rowIndex, cell, start: 0, end: 0 } };
      // The figure replaced by a placeholder in square brackets ("ban hành [số liệu] Quyết định").
      const mark = PLACEHOLDER_MARK.exec(text);
      if (mark && (occ.before || occ.after)) return { pos: { block: part.tableIndex, row: part.rowIndex, cell, start: mark.index, end: mark.index + mark[0].length } };
    }
    return undefined;
  }
  if (occ.before === undefined) return undefined; // a header line: its control is in a cell
  const before = keyOf(occ.before);
  for (const block of ctx.snapshot.blocks) {
    if (block.type !== 'paragraph' || !inSection(ctx.sectionOf(block.index), occ.section)) continue;
    for (const span of block.spans) {
      const control = ctx.snapshot.controls[span.controlIndex];
      if (!control?.showingPlaceholder) continue;
      if (keyOf(block.text.slice(0, span.start)).endsWith(before)) {
        return { pos: { block: block.index, start: span.start, end: span.end }, tag: control.tag };
      }
    }
  }
  return undefined;
}

/**
 * Empty totals and percentages whose relation could compute them (a warning for a total, an
 * info for a percentage); the fields reported are added to `reported`.
 */
export function relationCompleteness(ctx: CheckContext, reported: Set<string> = new Set()): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    const push = (f: RawFinding) => out.push(ofRelation(f, rel));
    if (rel.kind === 'sum' && typeof rel.total === 'string') {
      const field = ctx.fieldById.get(rel.total);
      if (!field || field.derived) continue;
      const values = ctx.values(rel.total);
      if (values.length === 0 || values.some((v) => !v.empty)) continue;
      const parts = rel.parts.map((id) => ctx.value(id));
      const written = parts.filter((p): p is ValueAt => p?.num !== undefined);
      if (written.length === 0) continue;
      const nums = written.map((p) => p.num!);
      const all = written.length === parts.length;
      const expected = all ? formatSum(sumValues(nums), nums) : undefined;
      reported.add(field.id);
      push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} để trống trong khi các thành phần đã có số liệu (${written.map((p) => `${shortLabel(p.field).toLowerCase()}: ${p.text}`).join('; ')})${all ? `; có thể tính: ${nums.map(canonical).join(' + ')} = ${expected}` : ''}.`,
          written.map((p) => p.text),
          [...values, ...written],
          expected,
        ),
      );
    }
    if (rel.kind === 'ratio') {
      const field = ctx.fieldById.get(rel.percent);
      if (!field || field.derived) continue;
      const values = ctx.values(rel.percent);
      if (values.length === 0 || values.some((v) => !v.empty)) continue;
      const part = ctx.value(rel.part);
      const base = ctx.value(rel.base);
      if (!part?.num || !base?.num || base.num.value === 0) continue;
      const expected = formatDerivedPercent(part.num.value, base.num.value);
      reported.add(field.id);
      push(
        ctx.finding(
          'completeness',
          'info',
          `${shortLabel(field)} để trống; có thể tính: ${canonical(part.num)}/${canonical(base.num)} = ${expected}.`,
          [part.text, base.text],
          [...values, part, base],
          expected,
        ),
      );
    }
  }
  return out;
}

export function completenessRule(ctx: CheckContext): RawFinding[] {
  const reported = new Set<string>();
  const out = relationCompleteness(ctx, reported);

  const missing: string[] = [];
  const notEntered: { label: string; places: ({ pos: Pos; tag?: string } | ValueAt)[] }[] = [];
  for (const field of ctx.definition.fields) {
    const located = ctx.occByField.get(field.id) ?? [];
    const values = ctx.values(field.id);
    if (located.length > 0 && !values.some((v) => !v.empty)) {
      // Not entered when every place is empty (found empty, or empty where it was not found).
      const unfound = located.filter((o) => !o.found).map((o) => emptyPlaceOf(ctx, o));
      if (unfound.every((p) => p !== undefined) && (values.length > 0 || unfound.length > 0)) {
        if (!field.derived) notEntered.push({ label: shortLabel(field), places: [...values, ...(unfound as { pos: Pos; tag?: string }[])] });
        continue;
      }
    }
    if (located.length > 0 && values.length === 0) missing.push(shortLabel(field));
    if (reported.has(field.id) || field.derived) continue;
    const written = values.find((v) => !v.empty);
    const empty = emptyPlaces(values);
    if (written && empty.length > 0) {
      out.push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} để trống ở ${empty.map(whereOf).join(', ')} trong khi ${whereOf(written)} ghi ${written.text}.`,
          [written.text],
          [...empty, written],
          written.text,
        ),
      );
    } else if (!written && field.required) {
      out.push(
        ctx.finding(
          'completeness',
          'warning',
          `${shortLabel(field)} là chỉ tiêu bắt buộc nhưng chưa có số liệu${empty.length ? ` (${empty.map(whereOf).join(', ')} để trống)` : ''}.`,
          [],
          empty,
        ),
      );
    }
  }

  if (notEntered.length > 0) {
    const shown = notEntered.slice(0, LIST_MAX).map((n) => n.label).join('; ');
    const more = notEntered.length > LIST_MAX ? `; … và ${notEntered.length - LIST_MAX} chỉ tiêu khác` : '';
    out.push(todoFinding(ctx, `Chưa nhập số liệu ${notEntered.length} chỉ tiêu (ô để trống hoặc đang hiện chữ nhắc): ${shown}${more}.`, notEntered.flatMap((n) => n.places)));
  }

  if (missing.length > 0) {
    const shown = missing.slice(0, LIST_MAX).join('; ');
    const more = missing.length > LIST_MAX ? `; … và ${missing.length - LIST_MAX} chỉ tiêu khác` : '';
    out.push(
      ctx.finding(
        'completeness',
        'info',
        `Không nhận ra ${missing.length}/${ctx.definition.fields.length} chỉ tiêu của mẫu ${ctx.definition.id} trong tài liệu (không kiểm tra được): ${shown}${more}.`,
        [],
        [],
      ),
    );
  }
  return out;
}

/** The to-do list: one location per empty place (not merged by sentence, so every control keeps its tag). */
function todoFinding(ctx: CheckContext, message: string, places: ({ pos: Pos; tag?: string } | ValueAt)[]): RawFinding {
  const located: { pos: Pos; loc: Location }[] = [];
  const seen = new Set<string>();
  for (const p of places) {
    if (!p.pos) continue;
    const loc = 'occ' in p ? ctx.locationOf(p) : ctx.location(p.pos, p.tag);
    if (!loc) continue;
    const key = `${p.pos.block}:${p.pos.row ?? ''}:${p.pos.cell ?? ''}:${p.pos.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    located.push({ pos: p.pos, loc });
  }
  located.sort((a, b) => a.pos.block - b.pos.block || (a.pos.row ?? -1) - (b.pos.row ?? -1) || (a.pos.cell ?? -1) - (b.pos.cell ?? -1) || a.pos.start - b.pos.start);
  const first = located[0];
  return {
    rule: 'completeness',
    severity: 'info',
    message,
    evidence: [],
    locations: located.map((l) => l.loc),
    order: first ? ctx.orderOf(first.pos) : [Number.MAX_SAFE_INTEGER],
  };
}
