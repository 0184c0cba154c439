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

/** Is the statement's key figure already judged by a template relation? */
function coveredByTemplate(ctx: CheckContext, unit: TextUnit, s: Statement): boolean {
  switch (s.kind) {
    case 'share':
      return ctx.covered.ratio.has(posKey(pos(unit, [s.percent.start, s.percent.end])));
    case 'sum':
    case 'percent-partition':
      return ctx.covered.sum.has(posKey(pos(unit, [s.total.start, s.total.end]))) || s.parts.some((p) => ctx.covered.sum.has(posKey(pos(unit, [p.start, p.end]))));
    default:
      return false;
  }
}

const CHECKED_KIND: Record<Statement['kind'], string> = {
  share: 'ratio',
  sum: 'sum',
  'percent-partition': 'sum',
  'list-count': 'list-count',
  'figure-words': 'figure-words',
  comparison: 'comparison',
};

export function statementsRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const unit of ctx.units()) {
    if (!narrative(unit) || !/\d/.test(unit.text)) continue;
    const reading = readStatements(unit.text);
    ctx.tally('unverified', reading.unverified.length);
    for (const { statement, verdict } of verifyStatements(reading.statements)) {
      if (coveredByTemplate(ctx, unit, statement)) continue;
      if (verdict.outcome === 'unverifiable') {
        ctx.tally('unverified');
        continue;
      }
      ctx.tally(CHECKED_KIND[statement.kind]);
      if (verdict.outcome !== 'finding') continue;
      const f = verdict.finding;
      const first = pos(unit, f.spans[0]!);
      // A figure an earlier rule already reported as an error is not reported twice.
      if (ctx.isFlagged(first)) continue;
      out.push(ctx.finding(f.rule as Rule, f.severity, f.message, f.evidence, f.spans.map((s) => ({ pos: pos(unit, s) })), f.expected));
    }
  }
  return out;
}
