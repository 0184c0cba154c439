/**
 * Locating the fields of a template definition in a document snapshot.
 *
 * For every occurrence of every field: where it is and the figure exactly as written.
 * - Bound documents: a content control tagged with the field id is the place. The k-th
 *   narrative occurrence of a field is the k-th control with that tag outside appendix tables
 *   (document order); when there is no such control, the wording is used.
 * - Narrative occurrences: searched in the paragraphs of the occurrence's section (prefix match
 *   on the path: "A.2" covers "A.2.1") and in the cells of non-appendix tables of that section
 *   (a header put in a table). `before` + figure + `after` match tolerantly (see normalize.ts):
 *   case, whitespace, punctuation, run splits and Unicode normalisation do not matter. The figure
 *   is a token of the field's kind read with the vi-VN codec's scanner (count "30.407" or
 *   "28,375", percent "93,3%", fraction/pair "30/50", date "09/6/2022" or "ngày 09 tháng 6 năm
 *   2022", a document reference), or for text fields the text up to `after` (or to the end of the
 *   paragraph). Consecutive paragraphs of one section are searched as one run, so wording cut by
 *   a page break still matches (the figure itself must lie in one paragraph).
 *   When nothing matches in the section (headings not recognised, or the section missing), the
 *   whole narrative is searched and a match is accepted only when it is unique.
 * - Appendix occurrences: the cell at (appendix, form, row, column) from mapAppendixTables; with
 *   `before`/`after`, the figure inside the cell text; without, the whole (trimmed) cell text,
 *   which may be empty (an empty cell is found: its value is "not entered").
 * - `component` (1 or 2) selects one side of a fraction/pair token ("03" or "09" of "03/09").
 */
import type { DocumentSnapshot, TableBlock } from '../document';
import { findReferences, scanNumericTokens, withTextMemo, type NumericToken } from '../codec';
import { appendixColumn, type Field, type FieldKind, type Occurrence, type TemplateDefinition } from '../template/schema';
import { headerWords, mapAppendixTables, partCell, type AppendixMap } from './appendix';
import { indexesOf, isAlnum, keyIndexAt, keyOf, skeleton, type Skeleton } from './normalize';
import { computeSections, inSection, type BlockSection } from './sections';

export type Place =
  | { kind: 'paragraph'; blockIndex: number; start: number; end: number }
  | { kind: 'cell'; blockIndex: number; row: number; cell: number; start: number; end: number }
  | { kind: 'control'; controlIndex: number; blockIndex: number; start?: number; end?: number };

export type NotFoundReason =
  | 'no-match' // the wording was not found
  | 'ambiguous' // only found outside the section, and not uniquely
  | 'no-form' // the appendix form / row does not exist
  | 'no-row'
  | 'no-cell'
  | 'nth-missing'; // fewer matches than `nth`

export interface LocatedOccurrence {
  fieldId: string;
  /** Index of the occurrence in `field.occurrences`. */
  occurrenceIndex: number;
  occurrence: Occurrence;
  kind: FieldKind;
  found: boolean;
  place?: Place;
  /** The figure exactly as written ('' for an empty cell or an empty control). */
  text?: string;
  /**
   * The placeholder shown where the figure goes ("[số liệu]" in a text cell of the template or of
   * a rolled report): the figure is empty (`text` is ''), and `place` covers the placeholder.
   */
  placeholder?: string;
  /** How it was found. */
  via?: 'control' | 'section' | 'document' | 'table';
  /** Number of candidate matches (1 when the wording is unambiguous; always 1 for cells/controls). */
  matches: number;
  reason?: NotFoundReason;
}

export interface LocateResult {
  occurrences: LocatedOccurrence[];
  sections: BlockSection[];
  appendix: AppendixMap;
  /**
   * Controls tagged with a field id beyond the field's narrative places (a control copied and
   * pasted): the same figure, written again. Fills write them too; the check points at them.
   */
  extraControls: { fieldId: string; controlIndex: number }[];
}

/** A searchable piece of text: a run of paragraphs of one section, or one table cell. */
export interface Unit {
  path: string;
  text: string;
  segments: { blockIndex: number; offset: number; length: number; row?: number; cell?: number }[];
  sk: Skeleton;
  tokens?: NumericToken[];
  refs?: { start: number; end: number }[];
  /** Tokens and references by start offset: a unit with thousands of figures is searched in constant time per match. */
  tokenAt?: Map<number, NumericToken>;
  refAt?: Map<number, { start: number; end: number }>;
}

/**
 * The document as searchable units: runs of consecutive non-empty paragraphs of one section
 * (joined with "\n", so that wording cut by a page break still reads on), and table cells
 * (appendix tables only when `withAppendix`).
 */
export function buildUnits(snapshot: DocumentSnapshot, sections: BlockSection[], appendixTables: Set<number>, withAppendix = false): Unit[] {
  const units: Unit[] = [];
  let run: { path: string; parts: { blockIndex: number; text: string }[] } | undefined;
  const flush = () => {
    if (!run) return;
    let text = '';
    const segments: Unit['segments'] = [];
    for (const p of run.parts) {
      if (text) text += '\n';
      segments.push({ blockIndex: p.blockIndex, offset: text.length, length: p.text.length });
      text += p.text;
    }
    units.push({ path: run.path, text, segments, sk: skeleton(text) });
    run = undefined;
  };
  for (const block of snapshot.blocks) {
    const path = sections[block.index]?.path ?? 'header';
    if (block.type === 'paragraph') {
      if (!block.text.trim()) continue; // empty paragraphs do not break a run
      if (run && run.path !== path) flush();
      run ??= { path, parts: [] };
      run.parts.push({ blockIndex: block.index, text: block.text });
      continue;
    }
    flush();
    if (appendixTables.has(block.index) && !withAppendix) continue;
    block.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (!cell.text.trim() || cell.mergedUp) return;
        units.push({
          path,
          text: cell.text,
          segments: [{ blockIndex: block.index, offset: 0, length: cell.text.length, row: r, cell: c }],
          sk: skeleton(cell.text),
        });
      }),
    );
  }
  flush();
  return units;
}

interface Span {
  start: number;
  end: number;
}

const LEAD_TRIM = /^[\s:;,.\-–]+/u;
const TAIL_TRIM = /[\s:;,.\-–]+$/u;

/** Index of the parenthesis closing the one at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Trims separators around a text figure; parentheses wrapping the whole text are dropped
 * ("(218, 708, 910)" → "218, 708, 910"), as are unbalanced ones at either end, but balanced
 * inner ones are kept ("(1) Giải pháp …; (2) …").
 */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  for (let changed = true; changed && e > s; ) {
    changed = false;
    const slice = text.slice(s, e);
    const lead = LEAD_TRIM.exec(slice)?.[0].length ?? 0;
    const tail = TAIL_TRIM.exec(slice)?.[0].length ?? 0;
    if (lead || tail) {
      s += lead;
      e = Math.max(s, e - tail);
      changed = true;
      continue;
    }
    const inner = text.slice(s, e);
    if (inner.startsWith('(')) {
      const close = closingParen(inner, 0);
      if (close === inner.length - 1 || close < 0) {
        s += 1;
        if (close > 0) e -= 1;
        changed = true;
        continue;
      }
    }
    if (inner.endsWith(')') && !inner.includes('(')) {
      e -= 1;
      changed = true;
    }
  }
  return { start: s, end: e };
}

function tokensOf(unit: Unit): NumericToken[] {
  return (unit.tokens ??= scanNumericTokens(unit.text));
}

function refsOf(unit: Unit): { start: number; end: number }[] {
  return (unit.refs ??= findReferences(unit.text).map((r) => ({ start: r.start, end: r.end })));
}

function tokenStartingAt(unit: Unit, start: number): NumericToken | undefined {
  if (!unit.tokenAt) {
    unit.tokenAt = new Map();
    for (const t of tokensOf(unit)) if (!unit.tokenAt.has(t.start)) unit.tokenAt.set(t.start, t);
  }
  return unit.tokenAt.get(start);
}

function refStartingAt(unit: Unit, start: number): { start: number; end: number } | undefined {
  if (!unit.refAt) {
    unit.refAt = new Map();
    for (const r of refsOf(unit)) if (!unit.refAt.has(r.start)) unit.refAt.set(r.start, r);
  }
  return unit.refAt.get(start);
}

function tokenFits(kind: FieldKind, tok: NumericToken): boolean {
  const pct = tok.text.endsWith('%');
  switch (kind) {
    case 'count':
    case 'decimal':
      return tok.kind === 'number' && !pct;
    case 'percent':
      return tok.kind === 'number' && pct;
    case 'fraction':
    case 'pair':
      return tok.kind === 'fraction-or-pair';
    case 'date':
      return tok.kind === 'date';
    default:
      return false;
  }
}

/** End of the segment containing `pos` (figures never cross paragraph or cell boundaries). */
function segmentEnd(unit: Unit, pos: number): number {
  for (const s of unit.segments) if (pos >= s.offset && pos <= s.offset + s.length) return s.offset + s.length;
  return unit.text.length;
}

/** Reads a figure of `kind` starting at `q` (after separators). */
function readFigure(unit: Unit, q: number, kind: FieldKind, afterKey: string | undefined, component: 1 | 2 | undefined): Span | undefined {
  const text = unit.text;
  if (kind === 'text') {
    const limit = segmentEnd(unit, q);
    let end = limit;
    if (afterKey) {
      const from = keyIndexAt(unit.sk, q);
      const k = unit.sk.key.indexOf(afterKey, from);
      if (k < 0) return undefined;
      end = unit.sk.starts[k] ?? limit;
      // `after` may open the next paragraph (a title over two lines); nothing else may lie between.
      if (end > limit) {
        if ([...unit.text.slice(limit, end)].some(isAlnum)) return undefined;
        end = limit;
      }
    }
    const span = trimSpan(text, q, end);
    return span.end > span.start ? span : undefined;
  }
  if (kind === 'reference') {
    const ref = refStartingAt(unit, q);
    return ref ? { start: ref.start, end: ref.end } : undefined;
  }
  let start = q;
  if (kind === 'date') {
    const lead = /^ngày\s+/iu.exec(text.slice(q, q + 12));
    if (lead) start = q + lead[0].length;
  }
  const tok = tokenStartingAt(unit, start);
  if (!tok || !tokenFits(kind, tok)) return undefined;
  let span: Span = { start: q, end: tok.end };
  if (component && (kind === 'fraction' || kind === 'pair')) {
    const slash = tok.text.indexOf('/');
    span =
      component === 1
        ? trimSpan(text, tok.start, tok.start + slash)
        : trimSpan(text, tok.start + slash + 1, tok.end);
  }
  return span;
}

/** All matches of before + figure + after in a unit. */
function matchUnit(unit: Unit, kind: FieldKind, before: string | undefined, after: string | undefined, component?: 1 | 2): Span[] {
  const afterKey = after ? keyOf(after) : undefined;
  const starts: number[] = [];
  if (before) {
    const bk = keyOf(before);
    for (const idx of indexesOf(unit.sk.key, bk)) starts.push(unit.sk.ends[idx + bk.length - 1] ?? 0);
  } else if (afterKey && kind !== 'text') {
    // Only `after` (appendix cells): the figure right before it, wherever it is in the cell.
    starts.push(0);
    for (const t of tokensOf(unit)) starts.push(t.start);
  } else {
    starts.push(0);
  }
  const out: Span[] = [];
  const seen = new Set<number>();
  for (const p of starts) {
    let q = p;
    // Skip separators; a text figure may open with a parenthesis ("(1) Giải pháp …").
    while (q < unit.text.length && !isAlnum(unit.text.charAt(q)) && !(kind === 'text' && unit.text.charAt(q) === '(')) q++;
    const fig = readFigure(unit, q, kind, afterKey, component);
    if (!fig) continue;
    if (afterKey && kind !== 'text') {
      const k = keyIndexAt(unit.sk, component === 1 ? tokenEndAt(unit, fig.end) : fig.end);
      if (!unit.sk.key.startsWith(afterKey, k)) continue;
    }
    if (segmentEnd(unit, fig.start) < fig.end) continue;
    if (seen.has(fig.start)) continue;
    seen.add(fig.start);
    out.push(fig);
  }
  return out;
}

/** A placeholder in square brackets ("[số liệu]", "[tỷ lệ %]"): where an empty figure goes. */
const PLACEHOLDER_MARK = /\[[^[\]\n]{1,40}\]/gu;

/** A figure of each kind short enough to stand in for any placeholder while matching the wording. */
const STAND_IN: Partial<Record<FieldKind, string>> = { count: '0', decimal: '0', percent: '0%', fraction: '0/0', pair: '0/0', date: '1/1/2000' };

/**
 * Where a figure located by its wording shows a placeholder instead (the figure is empty): each
 * placeholder is read as a stand-in figure of the field's kind and the wording matched as usual.
 */
function placeholderAt(unit: Unit, kind: FieldKind, before: string | undefined, after: string | undefined, component?: 1 | 2): Span | undefined {
  const standIn = STAND_IN[kind];
  const marks = [...unit.text.matchAll(PLACEHOLDER_MARK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (!standIn || !marks.length) return undefined;
  let masked = unit.text;
  for (const m of marks) if (standIn.length <= m.end - m.start) masked = masked.slice(0, m.start) + standIn.padEnd(m.end - m.start, ' ') + masked.slice(m.end);
  const probe: Unit = { path: unit.path, text: masked, segments: unit.segments, sk: skeleton(masked) };
  for (const hit of matchUnit(probe, kind, before, after, component)) {
    const mark = marks.find((m) => m.start <= hit.start && hit.start < m.end);
    if (mark) return mark;
  }
  return undefined;
}

/** For a numerator component, `after` is matched after the whole fraction token. */
function tokenEndAt(unit: Unit, pos: number): number {
  const tok = tokensOf(unit).find((t) => t.start <= pos && pos <= t.end);
  return tok ? tok.end : pos;
}

function placeOf(unit: Unit, span: Span): Place {
  const seg = unit.segments.find((s) => span.start >= s.offset && span.end <= s.offset + s.length) ?? unit.segments[0]!;
  const start = span.start - seg.offset;
  const end = span.end - seg.offset;
  return seg.row !== undefined && seg.cell !== undefined
    ? { kind: 'cell', blockIndex: seg.blockIndex, row: seg.row, cell: seg.cell, start, end }
    : { kind: 'paragraph', blockIndex: seg.blockIndex, start, end };
}

/** Locates every occurrence of every field of `definition` in `snapshot`. */
export function locateFields(definition: TemplateDefinition, snapshot: DocumentSnapshot): LocateResult {
  return withTextMemo(() => locate(definition, snapshot));
}

function locate(definition: TemplateDefinition, snapshot: DocumentSnapshot): LocateResult {
  const sections = computeSections(snapshot, definition.outline);
  const appendix = mapAppendixTables(snapshot, headerWords(definition.appendices), sections);
  const units = buildUnits(snapshot, sections, appendix.tableIndexes);
  const narrativeUnits = units.filter((u) => !u.path.startsWith('PL-'));
  const tableBlock = (i: number) => snapshot.blocks[i] as TableBlock | undefined;

  const controlsByTag = new Map<string, DocumentSnapshot['controls']>();
  for (const c of snapshot.controls) {
    if (appendix.tableIndexes.has(c.blockIndex)) continue;
    const list = controlsByTag.get(c.tag) ?? [];
    list.push(c);
    controlsByTag.set(c.tag, list);
  }

  const out: LocatedOccurrence[] = [];
  for (const field of definition.fields) {
    let narrativeCount = 0;
    field.occurrences.forEach((occ, occurrenceIndex) => {
      const base = { fieldId: field.id, occurrenceIndex, occurrence: occ, kind: field.kind };
      const component = occ.component;
      const readKind: FieldKind = component ? 'fraction' : field.kind;
      if (occ.where === 'narrative') {
        const control = controlsByTag.get(field.id)?.[narrativeCount++];
        if (control) {
          out.push({ ...base, found: true, place: controlPlace(snapshot, control.index, control.blockIndex), text: control.showingPlaceholder ? '' : control.text, via: 'control', matches: 1 });
          return;
        }
        if (occ.line !== undefined) {
          out.push(locateLine(base, units, occ.section, occ.line, occ.nth ?? 1));
          return;
        }
        const inSec: { unit: Unit; span: Span }[] = [];
        for (const u of units) {
          if (!inSection(u.path, occ.section)) continue;
          for (const span of matchUnit(u, readKind, occ.before, occ.after, component)) inSec.push({ unit: u, span });
        }
        if (inSec.length > 0) {
          const pick = inSec[(occ.nth ?? 1) - 1];
          if (!pick) {
            out.push({ ...base, found: false, matches: inSec.length, reason: 'nth-missing' });
            return;
          }
          out.push({ ...base, found: true, place: placeOf(pick.unit, pick.span), text: pick.unit.text.slice(pick.span.start, pick.span.end), via: 'section', matches: inSec.length });
          return;
        }
        // The figure's place shows a placeholder (the template, a rolled report): found, empty.
        for (const u of units) {
          if (!inSection(u.path, occ.section)) continue;
          const mark = placeholderAt(u, readKind, occ.before, occ.after, component);
          if (mark) {
            out.push({ ...base, found: true, place: placeOf(u, mark), text: '', placeholder: u.text.slice(mark.start, mark.end), via: 'section', matches: 1 });
            return;
          }
        }
        const anywhere: { unit: Unit; span: Span }[] = [];
        for (const u of narrativeUnits) for (const span of matchUnit(u, readKind, occ.before, occ.after, component)) anywhere.push({ unit: u, span });
        const only = anywhere[0];
        if (anywhere.length === 1 && only) {
          out.push({ ...base, found: true, place: placeOf(only.unit, only.span), text: only.unit.text.slice(only.span.start, only.span.end), via: 'document', matches: 1 });
        } else {
          out.push({ ...base, found: false, matches: anywhere.length, reason: anywhere.length ? 'ambiguous' : 'no-match' });
        }
        return;
      }

      // Appendix occurrence.
      const hit = appendix.findRow(occ.appendix, occ.form, occ.row);
      if (!hit) {
        const formExists = appendix.forms.some((f) => f.appendix === occ.appendix && f.form === occ.form);
        out.push({ ...base, found: false, matches: 0, reason: formExists ? 'no-row' : 'no-form' });
        return;
      }
      const column = appendixColumn(definition, occ.appendix, occ.column);
      // A row split across pages: the first part whose cell has text (else the first part).
      const parts = hit.row.parts.filter((p) => partCell(p, column) !== undefined);
      const part = parts.find((p) => (tableBlock(p.tableIndex)?.rows[p.rowIndex]?.cells[partCell(p, column)!]?.text ?? '').trim()) ?? parts[0];
      if (!part) {
        out.push({ ...base, found: false, matches: 0, reason: 'no-cell' });
        return;
      }
      const cellIndex = partCell(part, column)!;
      const text = tableBlock(part.tableIndex)?.rows[part.rowIndex]?.cells[cellIndex]?.text ?? '';
      const unit: Unit = { path: `PL-${occ.appendix}`, text, segments: [{ blockIndex: part.tableIndex, offset: 0, length: text.length, row: part.rowIndex, cell: cellIndex }], sk: skeleton(text) };
      let span: Span | undefined;
      let matches = 1;
      if (occ.before || occ.after || component) {
        const found = matchUnit(unit, readKind, occ.before, occ.after, component);
        matches = found.length;
        span = found[0];
      } else {
        // The whole cell, trimmed of whitespace only (a closing parenthesis or dot is kept as
        // written); for a figure kind, the leading figure when more text follows it
        // ("02 (01 PAKN đang chờ …)" → "02").
        const start = text.length - text.trimStart().length;
        span = { start, end: Math.max(start, text.trimEnd().length) };
        if (field.kind !== 'text') {
          const lead = readFigure(unit, start, field.kind, undefined, undefined);
          if (lead) span = lead;
          else {
            // The leading figure shows a placeholder ("[số liệu] (… PAKN đang chờ …)"): empty.
            const mark = /^\[[^[\]\n]{1,40}\]/u.exec(text.slice(start));
            if (mark) {
              out.push({ ...base, found: true, place: placeOf(unit, { start, end: start + mark[0].length }), text: '', placeholder: mark[0], via: 'table', matches: 1 });
              return;
            }
          }
        }
      }
      if (!span && (occ.before || occ.after)) {
        const mark = placeholderAt(unit, readKind, occ.before, occ.after, component);
        if (mark) {
          out.push({ ...base, found: true, place: placeOf(unit, mark), text: '', placeholder: text.slice(mark.start, mark.end), via: 'table', matches: 1 });
          return;
        }
      }
      if (!span) {
        out.push({ ...base, found: false, matches: 0, reason: 'no-match' });
        return;
      }
      out.push({ ...base, found: true, place: placeOf(unit, span), text: text.slice(span.start, span.end), via: 'table', matches });
    });
  }
  const extraControls: LocateResult['extraControls'] = [];
  for (const field of definition.fields) {
    const narrative = field.occurrences.filter((o) => o.where === 'narrative').length;
    for (const c of (controlsByTag.get(field.id) ?? []).slice(narrative)) extraControls.push({ fieldId: field.id, controlIndex: c.index });
  }
  return { occurrences: out, sections, appendix, extraControls };
}

/**
 * A figure that is a whole line of a unit (`line` occurrences: the lines of a header cell): the
 * nth unit of the section that has that line. A line showing a placeholder is found, empty.
 */
function locateLine(base: Pick<LocatedOccurrence, 'fieldId' | 'occurrenceIndex' | 'occurrence' | 'kind'>, units: Unit[], section: string, line: number, nth: number): LocatedOccurrence {
  let seen = 0;
  for (const u of units) {
    if (!inSection(u.path, section)) continue;
    const lines = u.text.split('\n');
    if (lines.length < line) continue;
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const span = trimSpan(u.text, start, start + lines[line - 1]!.length);
    if (span.end <= span.start || ++seen < nth) continue;
    const text = u.text.slice(span.start, span.end);
    if (new RegExp(`^${PLACEHOLDER_MARK.source}$`, 'u').test(text)) return { ...base, found: true, place: placeOf(u, span), text: '', placeholder: text, via: 'section', matches: 1 };
    return { ...base, found: true, place: placeOf(u, span), text, via: 'section', matches: 1 };
  }
  return { ...base, found: false, matches: seen, reason: seen ? 'nth-missing' : 'no-match' };
}

function controlPlace(snapshot: DocumentSnapshot, controlIndex: number, blockIndex: number): Place {
  const block = snapshot.blocks[blockIndex];
  const span = block?.type === 'paragraph' ? block.spans.find((s) => s.controlIndex === controlIndex) : undefined;
  return { kind: 'control', controlIndex, blockIndex, ...(span ? { start: span.start, end: span.end } : {}) };
}

/** The located occurrences of one field, in definition order. */
export function occurrencesOf(result: LocateResult, field: Pick<Field, 'id'>): LocatedOccurrence[] {
  return result.occurrences.filter((o) => o.fieldId === field.id);
}
