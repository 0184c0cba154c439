/**
 * ratio: a stated percentage equals part/base (relations of kind "ratio" in the definition).
 * Each written occurrence of the percentage is judged with interval arithmetic; derived
 * percentages (a "Tỷ lệ" row computed from its sub-rows) are left to the derived rule.
 */
import { formatPercent } from '../../codec';
import { checkRatio, figureInterval, ratioInterval } from '../interval';
import { posKey, roundingPhrase, shortLabel, type CheckContext, type RawFinding, type ValueAt } from '../context';
import type { Rule } from '../findings';
import { canonical, groupByValue, ofRelation } from './util';

/** The percentage part/base rounded as `decimals`; more digits when that would equal the stated text. */
export function expectedPercent(part: number, base: number, decimals: number, stated?: string): string {
  const pct = (100 * part) / base;
  const text = formatPercent(pct, decimals);
  if (stated === undefined || text !== stated.replace(/\s+%$/, '%')) return text;
  return formatPercent(pct, decimals + 2);
}

/**
 * Judges one written percentage against part/base. Returns a finding when inconsistent or when
 * the base is 0 with a part above 0; nothing for 0/0 (no data) or a consistent figure.
 */
export function judgeRatio(ctx: CheckContext, rule: Rule, pct: ValueAt, part: ValueAt, base: ValueAt): RawFinding | undefined {
  if (!pct.num || !part.num || !base.num) return undefined;
  ctx.tally(rule);
  const outcome = checkRatio(figureInterval(part.num), figureInterval(base.num), figureInterval(pct.num));
  const label = shortLabel(pct.field);
  const places = [pct, part, base];
  const evidence = [pct.text, part.text, base.text];
  if (outcome === 'zero-base') {
    return ctx.finding(
      rule,
      'error',
      `${label} ghi ${pct.text} nhưng ${shortLabel(base.field).toLowerCase()} bằng 0 trong khi ${shortLabel(part.field).toLowerCase()} là ${canonical(part.num)}: không thể có tỷ lệ trên cơ sở bằng 0.`,
      evidence,
      places,
    );
  }
  if (outcome !== 'inconsistent') return undefined;
  const expected = expectedPercent(part.num.value, base.num.value, pct.num.decimals, pct.text);
  const r = ratioInterval(figureInterval(part.num), figureInterval(base.num));
  const exact = r.kind === 'ratio' && r.lo === r.hi;
  return ctx.finding(
    rule,
    'error',
    `${label} ghi ${pct.text} nhưng ${canonical(part.num)}/${canonical(base.num)} = ${expected}${exact ? '' : ' (kể cả sai số làm tròn của số liệu)'} (${roundingPhrase(pct.num.decimals)}).`,
    evidence,
    places,
    expected,
  );
}

export function ratioRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'ratio') continue;
    const field = ctx.fieldById.get(rel.percent);
    if (!field || field.derived) continue;
    const part = ctx.value(rel.part);
    const base = ctx.value(rel.base);
    const pcts = ctx.values(rel.percent);
    // Only figures the template can judge are covered; the sentence rule may still judge the others.
    if (!part?.num || !base?.num) {
      // A percentage written without its counts: read, but not checkable.
      // Keyed by place: the sentence rule may still judge it (markVerified).
      for (const p of pcts) if (p.num && p.pos) ctx.markUnverified(posKey(p.pos));
      continue;
    }
    for (const p of pcts) if (p.pos) ctx.covered.ratio.add(posKey(p.pos));
    for (const group of groupByValue(pcts)) {
      const f = judgeRatio(ctx, 'ratio', group[0]!, part, base);
      if (!f) continue;
      ctx.addPlaces(f, group.slice(1));
      out.push(ofRelation(f, rel));
    }
  }
  return out;
}
