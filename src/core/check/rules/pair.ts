/**
 * pair: a cell "23/17" holds two counts side by side (23 tin/bài, 17 văn bản); each side must
 * agree with the field that states the same count elsewhere (relations of kind "pair").
 */
import type { CheckContext, RawFinding } from '../context';
import { sideMismatch } from './cross-section';
import { canonical, ofRelation } from './util';

export function pairRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'pair') continue;
    for (const p of ctx.values(rel.pair)) {
      if (!p.pair) continue;
      ctx.tally('pair');
      const [a, b] = p.text.split('/').map((s) => s.trim());
      const f = sideMismatch(
        ctx,
        'pair',
        p,
        [
          { written: p.pair.first.value, field: rel.first },
          { written: p.pair.second.value, field: rel.second },
        ],
        [a ?? canonical(p.pair.first), b ?? canonical(p.pair.second)],
      );
      if (f) out.push(ofRelation(f, rel));
    }
  }
  return out;
}
