/**
 * The report's own words outside its fields: period phrases naming the source period ("Trong 6
 * tháng đầu năm, …", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", "Trong quý, …") are
 * rewritten to the target period, and plain years relative to the report move with it (policy.ts
 * YEAR_WINDOW). Left as written: the titles of cited documents (history), wording that names a
 * frequency ("6 tháng 01 lần", "6 tháng, năm"), and the spans of fields (their policies decide).
 * The phrase lists are data in src/core/period.
 */
import type { DocumentEdit, DocumentSnapshot } from '../document';
import { findReferences } from '../codec';
import { FREQUENCY_PHRASES, GENERIC_PERIOD_PHRASES, PERIODS, YEAR_PHRASES, type ReportPeriod } from '../period';
import type { BlockSection } from '../recognize/sections';
import { CLAUSE_END, HISTORY_OPENERS, YEAR_WINDOW } from './policy';

export interface Span {
  start: number;
  end: number;
}

export type ProseTarget =
  | { kind: 'paragraph'; blockIndex: number }
  | { kind: 'cell'; tableIndex: number; rowIndex: number; cellIndex: number };

/** A paragraph or table cell of the document, with the spans its fields occupy. */
export interface ProseUnit {
  target: ProseTarget;
  text: string;
  section: string;
  /** Spans of fields (controls, located figures): the field policies decide what they become. */
  fieldSpans: Span[];
  /** The part of `fieldSpans` whose text the roll-over replaces (cleared or recomputed fields). */
  replacedSpans: Span[];
}

export type ProseReason = 'period-label' | 'next-period-label' | 'generic-period' | 'year' | 'compared-year';

export interface ProseEdit {
  unit: ProseUnit;
  start: number;
  end: number;
  before: string;
  after: string;
  reason: ProseReason;
}

/** A stale period label the roll-over leaves as written, and why. */
export interface StaleLabel {
  section: string;
  text: string;
  /** The sentence or cell around it (for the summary). */
  context: string;
  /** cited: in a cited document's title (history); field: inside a field's text that is kept. */
  why: 'cited' | 'field';
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const overlapsAny = (s: Span, list: Span[]) => list.some((x) => overlaps(s, x));

/**
 * Spans of cited documents' titles: from the reference (or "Luật") to the end of its clause.
 * A title may itself contain ";" ("Kế hoạch số 21/KH-VPUB … về khắc phục tồn tại, hạn chế Chỉ số
 * cải cách hành chính; Chỉ số hài lòng … năm 2021; Kế hoạch số 19/KH-VPUB …"): a clause without a
 * reference that follows a title clause continues that title when it opens in lower case ("…; khắc
 * phục một số nhóm điểm …") or when the clause after it cites the next document (a list of
 * documents).
 */
export function historySpans(text: string): Span[] {
  const openers: number[] = findReferences(text).map((r) => r.start);
  for (const re of HISTORY_OPENERS) for (const m of text.matchAll(re)) openers.push(m.index);
  if (openers.length === 0) return [];
  // Clauses: [start, end) with the character that ends each.
  const clauses: { start: number; end: number; sep: string }[] = [];
  let at = 0;
  for (const m of text.matchAll(new RegExp(CLAUSE_END.source, CLAUSE_END.flags))) {
    clauses.push({ start: at, end: m.index, sep: m[0] });
    at = m.index + m[0].length;
  }
  clauses.push({ start: at, end: text.length, sep: '' });
  const firstOpener = (c: { start: number; end: number }) => {
    const inside = openers.filter((o) => o >= c.start && o < c.end);
    return inside.length ? Math.min(...inside) : undefined;
  };
  const opensWithReference = (c: { start: number; end: number } | undefined) => {
    if (!c) return false;
    const o = firstOpener(c);
    return o !== undefined && text.slice(c.start, o).trim() === '';
  };
  const spans: Span[] = [];
  let previousCited = false;
  clauses.forEach((c, i) => {
    const o = firstOpener(c);
    if (o !== undefined) {
      spans.push({ start: o, end: c.end });
      previousCited = c.sep === ';';
      return;
    }
    const lead = /\S/u.exec(text.slice(c.start, c.end));
    const first = lead?.[0] ?? '';
    const continues = previousCited && (first !== first.toUpperCase() || opensWithReference(clauses[i + 1]));
    if (continues) spans.push({ start: c.start + (lead?.index ?? 0), end: c.end });
    previousCited = continues && c.sep === ';';
  });
  return spans;
}

/** Upper case where the source is upper case ("6 THÁNG CUỐI NĂM" → "NĂM 2023"); a capital first letter kept. */
export function matchCase(source: string, replacement: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (letters && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = /\p{L}/u.exec(source)?.[0];
  const firstR = /\p{L}/u.exec(replacement);
  if (first && first !== first.toLowerCase() && firstR && firstR.index === 0) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

interface Candidate extends Span {
  after: string;
  reason: ProseReason;
}

/** Period phrases of a text that name the source period, with their replacement for the target. */
function periodCandidates(text: string, from: ReportPeriod, to: ReportPeriod): Candidate[] {
  const src = PERIODS[from.kind];
  const dst = PERIODS[to.kind];
  const out: Candidate[] = [];
  const add = (m: RegExpMatchArray, after: string, reason: ProseReason) => {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, after: matchCase(m[0], after), reason });
  };
  for (const { pattern } of src.phrases.subject) {
    for (const m of text.matchAll(pattern)) {
      const year = m.groups?.year;
      if (year !== undefined && Number(year) !== from.year) continue; // another year's period: history
      add(m, year !== undefined ? dst.labelWithYear(to.year) : dst.shortLabel(to.year), 'period-label');
    }
  }
  for (const { pattern } of src.phrases.next) {
    for (const m of text.matchAll(pattern)) {
      const year = m.groups?.year;
      if (year !== undefined && Number(year) !== src.nextYear(from.year)) continue;
      add(m, year !== undefined ? dst.next(to.year) : dst.nextShort(to.year), 'next-period-label');
    }
  }
  for (const g of GENERIC_PERIOD_PHRASES) {
    if (g.fits.includes(to.kind)) continue;
    for (const m of text.matchAll(g.pattern)) add(m, dst.shortLabel(to.year), 'generic-period');
  }
  // One replacement per place: the earliest, then the longest.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of out) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept;
}

function frequencySpans(text: string): Span[] {
  const out: Span[] = [];
  for (const re of FREQUENCY_PHRASES) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function sentenceAround(text: string, span: Span): string {
  const before = text.slice(0, span.start);
  const s = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('\n'));
  const rest = text.slice(span.end);
  const e = rest.search(/[.;\n]/u);
  const sentence = text.slice(s < 0 ? 0 : s + 2, e < 0 ? text.length : span.end + e).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
}

/**
 * Rewrites one unit: period phrases of the source period (outside fields, cited titles and
 * frequency wording) and, when the target is in another year, years relative to the report.
 * `reserved` spans are edited elsewhere (a compared year) and left alone here.
 */
export function rewriteUnit(unit: ProseUnit, from: ReportPeriod, to: ReportPeriod, reserved: Span[] = []): { edits: ProseEdit[]; left: StaleLabel[] } {
  const { text } = unit;
  const history = historySpans(text);
  const frequency = frequencySpans(text);
  const edits: ProseEdit[] = [];
  const left: StaleLabel[] = [];
  for (const c of periodCandidates(text, from, to)) {
    if (overlapsAny(c, frequency)) continue; // a frequency, not a period
    if (overlapsAny(c, unit.replacedSpans)) continue; // the field's new text replaces it
    const cited = overlapsAny(c, history);
    if (cited || overlapsAny(c, unit.fieldSpans) || overlapsAny(c, reserved)) {
      if (c.reason !== 'generic-period') {
        left.push({ section: unit.section, text: text.slice(c.start, c.end), context: sentenceAround(text, c), why: cited ? 'cited' : 'field' });
      }
      continue;
    }
    const before = text.slice(c.start, c.end);
    if (before !== c.after) edits.push({ unit, start: c.start, end: c.end, before, after: c.after, reason: c.reason });
  }
  const shift = to.year - from.year;
  if (shift !== 0) {
    for (const re of YEAR_PHRASES) {
      for (const m of text.matchAll(re)) {
        const year = m.groups?.year;
        if (year === undefined) continue;
        const y = Number(year);
        if (y < from.year - YEAR_WINDOW.before || y > from.year + YEAR_WINDOW.after) continue;
        const start = m.index + m[0].lastIndexOf(year);
        const span = { start, end: start + year.length };
        if (overlapsAny(span, history) || overlapsAny(span, unit.fieldSpans) || overlapsAny(span, reserved) || overlapsAny(span, edits)) continue;
        edits.push({ unit, ...span, before: year, after: String(y + shift), reason: 'year' });
      }
    }
  }
  edits.sort((a, b) => a.start - b.start);
  return { edits, left };
}

/** Every paragraph and table cell of the document as a prose unit (tables holding controls are skipped: the header table). */
export function proseUnits(snapshot: DocumentSnapshot, sections: BlockSection[], fieldSpansAt: (target: ProseTarget) => { field: Span[]; replaced: Span[] }): ProseUnit[] {
  const tablesWithControls = new Set(snapshot.controls.map((c) => c.blockIndex));
  const units: ProseUnit[] = [];
  for (const block of snapshot.blocks) {
    const section = sections[block.index]?.path ?? 'header';
    if (block.type === 'paragraph') {
      if (!block.text.trim()) continue;
      const target: ProseTarget = { kind: 'paragraph', blockIndex: block.index };
      const spans = fieldSpansAt(target);
      units.push({ target, text: block.text, section, fieldSpans: spans.field, replacedSpans: spans.replaced });
      continue;
    }
    if (tablesWithControls.has(block.index)) continue;
    block.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (cell.mergedUp || !cell.text.trim()) return;
        const target: ProseTarget = { kind: 'cell', tableIndex: block.index, rowIndex: r, cellIndex: c };
        const spans = fieldSpansAt(target);
        units.push({ target, text: cell.text, section, fieldSpans: spans.field, replacedSpans: spans.replaced });
      }),
    );
  }
  return units;
}

/** The document edit of a prose edit. */
export function proseEditToDocument(e: ProseEdit): DocumentEdit {
  const t = e.unit.target;
  return t.kind === 'paragraph'
    ? { kind: 'paragraph', blockIndex: t.blockIndex, start: e.start, end: e.end, text: e.after }
    : { kind: 'cell', tableIndex: t.tableIndex, rowIndex: t.rowIndex, cellIndex: t.cellIndex, text: e.after, find: { text: e.before, from: e.start } };
}
