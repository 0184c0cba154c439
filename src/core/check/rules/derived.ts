/**
 * derived: a cell the template computes from other cells (a "Tỷ lệ" % row from its sub-rows, a
 * total from its parts; fields marked `derived`). A written value inconsistent with its
 * sources is an error; an empty cell whose sources are written is an info with the value that
 * would be filled ("có thể tính: …"), computed as `baocao fill` writes it.
 */
import { formatDerivedPercent } from '../../model/fill';
import { posKey, shortLabel, type CheckContext, type RawFinding } from '../context';
import { judgeRatio } from './ratio';
import { judgeSum } from './sum';
import { canonical, formatSum, groupByValue, ofRelation, sumValues } from './util';

export function derivedRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind === 'ratio') {
      const field = ctx.fieldById.get(rel.percent);
      if (!field?.derived) continue;
      const part = ctx.value(rel.part);
      const base = ctx.value(rel.base);
      const values = ctx.values(rel.percent);
      if (!part?.num || !base?.num) continue;
      for (const v of values) if (v.pos) ctx.covered.ratio.add(posKey(v.pos));
      for (const group of groupByValue(values)) {
        const f = judgeRatio(ctx, 'derived', group[0], part, base);
        if (!f) continue;
        ctx.addPlaces(f, group.slice(1));
        out.push(ofRelation(f, rel));
      }
      const empty = values.filter((v) => v.empty);
      if (empty.length > 0 && base.num.value > 0) {
        const expected = formatDerivedPercent(part.num.value, base.num.value);
        const f = ctx.finding(
          'derived',
          'info',
          `${shortLabel(field)} để trống; có thể tính: ${canonical(part.num)}/${canonical(base.num)} = ${expected}.`,
          [part.text, base.text],
          [...empty, part, base],
          expected,
        );
        out.push(ofRelation(f, rel));
      }
      continue;
    }
    if (rel.kind === 'sum' && typeof rel.total === 'string') {
      const field = ctx.fieldById.get(rel.total);
      if (!field?.derived) continue;
      const parts = rel.parts.map((id) => ctx.value(id));
      const values = ctx.values(rel.total);
      if (parts.some((p) => p?.num !== undefined)) for (const v of values) if (v.pos) ctx.covered.sum.add(posKey(v.pos));
      for (const group of groupByValue(values)) {
        const f = judgeSum(ctx, 'derived', rel, group[0], parts);
        if (!f) continue;
        ctx.addPlaces(f, group.slice(1));
        out.push(ofRelation(f, rel));
      }
      const empty = values.filter((v) => v.empty);
      const written = parts.filter((p) => p?.num !== undefined);
      if (empty.length > 0 && written.length === parts.length && written.length > 0) {
        const nums = written.map((p) => p!.num!);
        const expected = formatSum(sumValues(nums), nums);
        out.push(
          ofRelation(
            ctx.finding(
              'derived',
              'info',
              `${shortLabel(field)} để trống; có thể tính: ${nums.map(canonical).join(' + ')} = ${expected}.`,
              written.map((p) => p!.text),
              [...empty, ...written.map((p) => p!)],
              expected,
            ),
            rel,
          ),
        );
      }
    }
  }
  return out;
}
