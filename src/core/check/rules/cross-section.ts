/**
 * cross-section: one quantity written in several places must agree — the occurrences of one
 * field (narrative, appendix row, Phụ lục III), fields declared "same", and a fraction "30/50"
 * against its two counts. Numbers agree when their intervals meet ("03" and "3" agree: the
 * number-format rule reports padding); dates by calendar day; fractions and pairs side by side;
 * text by its letters and digits (a warning, since wording may differ legitimately).
 */
import { keyOf } from '../../recognize/normalize';
import { figureInterval, meets } from '../interval';
import { shortLabel, type CheckContext, type RawFinding, type ValueAt } from '../context';
import type { Rule } from '../findings';
import type { Field } from '../../template/schema';
import { canonical, countLikeText, joinVi, ofRelation, whereOf } from './util';

/** Are two written values the same quantity? undefined when they cannot be compared. */
export function sameQuantity(a: ValueAt, b: ValueAt): boolean | undefined {
  if (a.num && b.num) return meets(figureInterval(a.num), figureInterval(b.num));
  if (a.date && b.date) return a.date.day === b.date.day && a.date.month === b.date.month && a.date.year === b.date.year;
  if (a.fraction && b.fraction) return a.fraction.numerator.value === b.fraction.numerator.value && a.fraction.denominator.value === b.fraction.denominator.value;
  if (a.pair && b.pair) return a.pair.first.value === b.pair.first.value && a.pair.second.value === b.pair.second.value;
  if (a.field.kind === 'text' && b.field.kind === 'text') return keyOf(a.text) === keyOf(b.text);
  return undefined;
}

/** Clusters values that state the same quantity (first value of each cluster is its representative). */
function cluster(values: ValueAt[]): ValueAt[][] {
  const clusters: ValueAt[][] = [];
  for (const v of values) {
    const home = clusters.find((c) => sameQuantity(c[0]!, v) === true);
    if (home) home.push(v);
    else if (clusters.every((c) => sameQuantity(c[0]!, v) === false)) clusters.push([v]);
  }
  return clusters;
}

/** Every cluster but one holds a figure an earlier error already reported: nothing new to say. */
function explained(ctx: CheckContext, clusters: ValueAt[][]): boolean {
  const flagged = clusters.filter((c) => c.some((v) => v.pos !== undefined && ctx.isFlagged(v.pos)));
  return flagged.length >= clusters.length - 1;
}

function disagreement(ctx: CheckContext, label: string, clusters: ValueAt[][], text: boolean): RawFinding {
  const parts = clusters.map((c) => `${joinVi(c.map(whereOf))} ghi ${c[0]!.text}`);
  return ctx.finding(
    'cross-section',
    text ? 'warning' : 'error',
    `${label}: ${parts.join('; ')} — cùng một số liệu nhưng ghi khác nhau.`,
    clusters.map((c) => c[0]!.text),
    clusters.flat(),
  );
}

/** Each field's places agree (all fields, or these). */
export function fieldAgreement(ctx: CheckContext, fields: readonly Field[] = ctx.definition.fields): RawFinding[] {
  const out: RawFinding[] = [];
  for (const field of fields) {
    const values = ctx.values(field.id).filter((v) => !v.empty && !v.unreadable);
    if (values.length < 2) continue;
    ctx.tally('cross-section');
    const clusters = cluster(values);
    if (clusters.length > 1 && !explained(ctx, clusters)) out.push(disagreement(ctx, shortLabel(field), clusters, field.kind === 'text'));
  }
  return out;
}

export function sameRelations(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'same') continue;
    // Each field's own disagreements are reported above: compare the fields' values.
    const values = rel.fields.map((id) => ctx.value(id)).filter((v): v is ValueAt => v !== undefined);
    if (values.length < 2) continue;
    ctx.tally('cross-section');
    const clusters = cluster(values);
    if (clusters.length > 1 && !explained(ctx, clusters)) {
      const label = values.map((v) => shortLabel(v.field)).filter((l, i, all) => all.indexOf(l) === i);
      out.push(ofRelation(disagreement(ctx, joinVi(label), clusters, values.every((v) => v.field.kind === 'text')), rel));
    }
  }
  return out;
}

/** A fraction or pair side against the field that holds the same count. */
export function sideMismatch(
  ctx: CheckContext,
  rule: Rule,
  whole: ValueAt,
  sides: [{ written: number; field: string }, { written: number; field: string }],
  sideTexts: [string, string],
  separator = '/',
): RawFinding | undefined {
  const mismatched: string[] = [];
  const places: ValueAt[] = [whole];
  const evidence = [whole.text];
  const expectedSides = [...sideTexts];
  sides.forEach((side, i) => {
    const v = ctx.value(side.field);
    if (!v?.num) return;
    if (v.num.value === side.written) return;
    mismatched.push(`${shortLabel(v.field).toLowerCase()} (${whereOf(v)}) ghi ${v.text}`);
    places.push(v);
    evidence.push(v.text);
    expectedSides[i] = countLikeText(v.num.value, sideTexts[i] ?? '');
  });
  if (mismatched.length === 0) return undefined;
  const expected = expectedSides.join(separator);
  return ctx.finding(
    rule,
    'error',
    `${shortLabel(whole.field)} ghi ${whole.text} (${whereOf(whole)}) nhưng ${joinVi(mismatched)}; nhất quán sẽ là ${expected}.`,
    evidence,
    places,
    expected,
  );
}

export function fractionRelations(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'fraction') continue;
    for (const f of ctx.values(rel.fraction)) {
      if (!f.fraction) continue;
      ctx.tally('cross-section');
      const [n, d] = f.text.split('/').map((s) => s.trim());
      const finding = sideMismatch(
        ctx,
        'cross-section',
        f,
        [
          { written: f.fraction.numerator.value, field: rel.numerator },
          { written: f.fraction.denominator.value, field: rel.denominator },
        ],
        [n ?? canonical(f.fraction.numerator), d ?? canonical(f.fraction.denominator)],
      );
      if (finding) out.push(ofRelation(finding, rel));
    }
  }
  return out;
}

export function crossSectionRule(ctx: CheckContext): RawFinding[] {
  return [...fieldAgreement(ctx), ...sameRelations(ctx), ...fractionRelations(ctx)];
}
