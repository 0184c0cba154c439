/**
 * sum: parts add up to their total (relations of kind "sum"; the total may be a constant such as
 * 100 when percentages partition a whole). With every part written, the sum of the parts'
 * intervals must meet the total's interval. With some parts empty, only a sum that already
 * exceeds the total is reported (parts are never negative). Derived totals are left to the
 * derived rule; empty totals to the completeness rule.
 */
import { figureInterval, point, sumIntervals, decCmp, checkSum } from '../interval';
import { posKey, shortLabel, type CheckContext, type RawFinding, type ValueAt } from '../context';
import type { Relation } from '../../template/schema';
import type { Rule } from '../findings';
import { canonical, formatSum, groupByValue, ofRelation, sumValues } from './util';

type SumRelation = Extract<Relation, { kind: 'sum' }>;

/** The constant total of a relation, as a figure. */
function constantTotal(total: number): { text: string; value: number } {
  return { text: String(total).replace('.', ','), value: total };
}

/**
 * Judges a sum relation for one written total (or the constant). `parts` are the parts'
 * values (undefined = not written).
 */
export function judgeSum(ctx: CheckContext, rule: Rule, rel: SumRelation, total: ValueAt | undefined, parts: (ValueAt | undefined)[]): RawFinding | undefined {
  const present = parts.filter((p): p is ValueAt => p?.num !== undefined);
  if (present.length === 0) return undefined;
  const complete = present.length === parts.length;
  const partNums = present.map((p) => p.num!);
  const sumIv = sumIntervals(partNums.map(figureInterval));
  let totalIv;
  let totalText: string;
  let totalLabel: string;
  if (typeof rel.total === 'number') {
    const c = constantTotal(rel.total);
    totalIv = point(c.value);
    totalText = partNums.some((n) => n.kind === 'percent') ? `${c.text}%` : c.text;
    totalLabel = 'tổng';
  } else {
    if (!total?.num) return undefined;
    totalIv = figureInterval(total.num);
    totalText = total.text;
    totalLabel = shortLabel(total.field);
  }
  ctx.tally(rule);
  const sum = sumValues(partNums);
  const sumText = formatSum(sum, partNums, total?.num);
  const expression = present.map((p) => canonical(p.num!)).join(' + ');
  const places = [...(total ? [total] : []), ...present];
  const evidence = [...(total ? [total.text] : []), ...present.map((p) => p.text)];
  const exact = decCmp(sumIv.lo, sumIv.hi) === 0 && decCmp(totalIv.lo, totalIv.hi) === 0;
  const tolerance = exact ? '' : ' (kể cả sai số làm tròn)';
  if (complete) {
    if (checkSum(partNums.map(figureInterval), totalIv)) return undefined;
    if (typeof rel.total === 'number') {
      return ctx.finding(rule, 'error', `Các thành phần ${expression} = ${sumText}, không khớp ${totalText}${tolerance}.`, evidence, places, totalText);
    }
    if (rel.exhaustive === false && decCmp(sumIv.hi, totalIv.lo) < 0) {
      // The report names only some parts: a total above them leaves something unaccounted for.
      return ctx.finding(
        rule,
        'warning',
        `${totalLabel} ghi ${totalText}, các thành phần được nêu ${expression} = ${sumText}; phần chênh lệch không thuộc thành phần nào trong báo cáo (cần nêu rõ, ví dụ hồ sơ trả lại hoặc rút).`,
        evidence,
        places,
      );
    }
    return ctx.finding(
      rule,
      'error',
      `${totalLabel} ghi ${totalText} nhưng tổng các thành phần ${expression} = ${sumText}${tolerance}.`,
      evidence,
      places,
      sumText,
    );
  }
  // Some parts are empty: report only a sum of the written parts that already exceeds the total.
  if (decCmp(sumIv.lo, totalIv.hi) > 0) {
    return ctx.finding(
      rule,
      'error',
      `${totalLabel} ghi ${totalText} nhưng riêng các thành phần đã ghi ${expression} đã là ${sumText}, vượt quá ${totalText}.`,
      evidence,
      places,
    );
  }
  return undefined;
}

export function sumRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'sum') continue;
    const parts = rel.parts.map((id) => ctx.value(id));
    const judgeable = parts.some((p) => p?.num !== undefined);
    if (typeof rel.total === 'number') {
      if (judgeable) for (const p of parts) if (p?.pos) ctx.covered.sum.add(posKey(p.pos));
      const f = judgeSum(ctx, 'sum', rel, undefined, parts);
      if (f) out.push(ofRelation(f, rel));
      continue;
    }
    const totalField = ctx.fieldById.get(rel.total);
    if (!totalField || totalField.derived) continue;
    const totals = ctx.values(rel.total);
    // A total written without any of its parts: read, but not checkable.
    if (!judgeable) for (const t of totals) if (t.num && t.pos) ctx.markUnverified(posKey(t.pos));
    if (judgeable) for (const t of totals) if (t.pos) ctx.covered.sum.add(posKey(t.pos));
    for (const group of groupByValue(totals)) {
      const f = judgeSum(ctx, 'sum', rel, group[0], parts);
      if (!f) continue;
      ctx.addPlaces(f, group.slice(1));
      out.push(ofRelation(f, rel));
    }
  }
  return out;
}
