/**
 * Template-free statements of the narrative (issue 13): every relation the statement reader finds
 * in a paragraph (parts and totals, shares, lists, figures and their words, changes with both
 * values) verified with interval arithmetic. Figures already judged by a template relation are
 * left to it (the template's declared relations take precedence); every relation verified or
 * read without a way to verify it is counted in `checked`.
 */
import { readStatements, verifyStatements, type Statement } from '../../statements';
import { posKey, type CheckContext, type Pos, type RawFinding, type TextUnit } from '../context';
import type { Rule } from '../findings';

/** Units the reader runs on: paragraphs and prose cells outside the recognised appendix forms. */
function narrative(unit: TextUnit): boolean {
  if (unit.appendix || unit.section.startsWith('PL-')) return false;
  return unit.row === undefined || unit.text.length >= 60;
}

function pos(unit: TextUnit, [start, end]: [number, number]): Pos {
  return { block: unit.block, ...(unit.row !== undefined ? { row: unit.row, cell: unit.cell } : {}), start, end };
}

const CHECKED_KIND: Record<Statement['kind'], string> = {
  share: 'ratio',
  sum: 'sum',
  'percent-partition': 'sum',
  'list-count': 'list-count',
  'figure-words': 'figure-words',
  comparison: 'comparison',
};

/** Consecutive paragraphs of one section, read together (a base or a total may sit in the paragraph before). */
export interface Passage {
  text: string;
  units: { unit: TextUnit; offset: number }[];
}

export function passages(units: TextUnit[]): Passage[] {
  const out: Passage[] = [];
  let cur: Passage | undefined;
  let last: TextUnit | undefined;
  for (const unit of units) {
    if (!narrative(unit)) {
      cur = undefined;
      continue;
    }
    const joins = cur && last && unit.row === undefined && last.row === undefined && unit.section === last.section && unit.block === last.block + 1;
    if (!joins || !cur) {
      cur = { text: unit.text, units: [{ unit, offset: 0 }] };
      out.push(cur);
    } else {
      cur.text += '\n';
      cur.units.push({ unit, offset: cur.text.length });
      cur.text += unit.text;
    }
    last = unit;
  }
  return out;
}

/** The unit of a passage holding a span, and the span within it. */
function locate(p: Passage, [start, end]: [number, number]): { unit: TextUnit; span: [number, number] } {
  let hit = p.units[0]!;
  for (const u of p.units) if (u.offset <= start) hit = u;
  return { unit: hit.unit, span: [start - hit.offset, Math.min(end - hit.offset, hit.unit.text.length)] };
}

export function posOf(p: Passage, s: [number, number]): Pos {
  const { unit, span } = locate(p, s);
  return pos(unit, span);
}

/** Position keys of a statement's key figures (a percentage, a total) — judged here after all. */
function keyFigures(p: Passage, s: Statement): string[] {
  if (s.kind === 'share') return [posKey(posOf(p, [s.percent.start, s.percent.end]))];
  if (s.kind === 'sum' || s.kind === 'percent-partition') return [posKey(posOf(p, [s.total.start, s.total.end]))];
  return [];
}

/** Is the statement's key figure already judged by a template relation? */
function coveredByTemplate(ctx: CheckContext, p: Passage, s: Statement): boolean {
  switch (s.kind) {
    case 'share':
      return ctx.covered.ratio.has(posKey(posOf(p, [s.percent.start, s.percent.end])));
    case 'sum':
    case 'percent-partition':
      return ctx.covered.sum.has(posKey(posOf(p, [s.total.start, s.total.end]))) || s.parts.some((q) => ctx.covered.sum.has(posKey(posOf(p, [q.start, q.end]))));
    default:
      return false;
  }
}

/**
 * More figures than this in one passage: its paragraphs are read one by one; a single paragraph
 * above it is not read (counted unverified). Real report passages stay far below (the seed's
 * largest: 92), and the reader's cost grows faster than linearly with a passage's figures.
 */
export const MAX_PASSAGE_FIGURES = 300;

/** Passages small enough to read: an oversized one split into its paragraphs. */
function readable(ctx: CheckContext, all: Passage[]): Passage[] {
  const out: Passage[] = [];
  for (const p of all) {
    let n = 0;
    for (const { unit } of p.units) n += ctx.tokens(unit).length;
    if (n <= MAX_PASSAGE_FIGURES) {
      out.push(p);
      continue;
    }
    for (const { unit } of p.units) {
      if (ctx.tokens(unit).length > MAX_PASSAGE_FIGURES) ctx.tally('unverified');
      else out.push({ text: unit.text, units: [{ unit, offset: 0 }] });
    }
  }
  return out;
}

export function statementsRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const passage of readable(ctx, passages(ctx.units()))) {
    if (!/\d/.test(passage.text)) continue;
    // Tokens scanned once per paragraph (shared with the other rules), shifted into the passage.
    const tokens = passage.units.flatMap(({ unit, offset }) => ctx.tokens(unit).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })));
    const reading = readStatements(passage.text, tokens);
    ctx.tally('unverified', reading.unverified.length);
    for (const { statement, verdict } of verifyStatements(reading.statements)) {
      if (coveredByTemplate(ctx, passage, statement)) continue;
      if (verdict.outcome === 'unverifiable') {
        ctx.tally('unverified');
        continue;
      }
      ctx.tally(CHECKED_KIND[statement.kind]);
      for (const key of keyFigures(passage, statement)) ctx.markVerified(key);
      if (verdict.outcome !== 'finding') continue;
      const f = verdict.finding;
      const first = posOf(passage, f.spans[0]!);
      // A figure an earlier rule already reported as an error is not reported twice.
      if (ctx.isFlagged(first)) continue;
      out.push(ctx.finding(f.rule as Rule, f.severity, f.message, f.evidence, f.spans.map((s) => ({ pos: posOf(passage, s) })), f.expected));
    }
  }
  return out;
}
