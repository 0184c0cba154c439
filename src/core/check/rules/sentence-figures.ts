/**
 * Template-free ratio and sum checks inside one sentence of the narrative, so that a report
 * worded differently from the template still gets findings. The inference is conservative and
 * only reports when the structure is unambiguous:
 *
 * - a stated count is a figure followed by a unit word ("28.375 hồ sơ"); a percentage belongs
 *   to the count right before it when only the unit words and "chiếm" lie between
 *   ("27.448 hồ sơ, chiếm 96,7%", "12.900 nhiệm vụ (chiếm 39,1%)");
 * - "(trong đó …)" / "Trong đó: …" opens a breakdown of the count stated right before it; its
 *   parts are the counts inside with the same unit word. Each part's percentage is a share of
 *   that parent; the parts must not add up to more than the parent (a breakdown may be partial,
 *   so a smaller sum is not reported); when the parts add up exactly to the parent, their
 *   percentages must add up to 100%;
 * - a percentage outside any breakdown is a share of the one earlier count of the sentence with
 *   the same unit and no percentage of its own ("tiếp nhận 30.407 hồ sơ; đã giải quyết 28.375
 *   hồ sơ, chiếm 93,3%"); with no such count, or several, nothing is inferred.
 *
 * Figures already judged by a template relation (same percentage, same total) are skipped: the
 * template's declared relations take precedence.
 */
import { tryParseViNumber, type NumericToken, type ViNumber } from '../../codec';
import { checkRatio, checkSum, decCmp, figureInterval, point, sumIntervals } from '../interval';
import { posKey, roundingPhrase, type CheckContext, type Pos, type RawFinding, type TextUnit } from '../context';
import { expectedPercent } from './ratio';
import { canonical, formatSum, sumValues } from './util';

interface Item {
  num: ViNumber;
  text: string;
  start: number;
  end: number;
  /** First unit word, lower-cased ("hồ" for "hồ sơ"). */
  unit: string;
  /** Up to three unit words as written ("hồ sơ"). */
  unitText: string;
  pct?: { num: ViNumber; text: string; start: number; end: number };
}

interface Breakdown {
  parent: Item;
  start: number;
  end: number;
  parts: Item[];
}

const SENTENCE = /[.!?](?=\s+[\p{Lu}])|\n/gu;
const UNIT = /^[\s\u00a0]+([\p{L}]+(?:[\s\u00a0]+[\p{L}]+){0,2})/u;
const SHARE = /^[\s\u00a0\p{L}]*[,(]?\s*\(?\s*chiếm\s*:?\s*(?:khoảng\s+)?$/iu;
const BREAKDOWN = /(\(\s*)?(?<![\p{L}])trong\s+đó\s*[:,]?/giu;
const NOT_COUNT_BEFORE = /(?:năm|thứ|khóa|khoá|lần|tháng|quý|ngày|giai\s+đoạn)\s*$/iu;

/** Reads a token as a stated count (a count, or "28,375" with a comma thousands separator). */
function asCount(tok: NumericToken): ViNumber | undefined {
  if (tok.kind !== 'number' || tok.text.endsWith('%')) return undefined;
  const r = tryParseViNumber(tok.text);
  if (!r.ok) return undefined;
  if (r.value.kind === 'count') return r.value;
  if (r.value.kind === 'decimal' && r.value.ambiguousSeparator) {
    const [int, frac] = r.value.text.split(',');
    const value = Number(`${int ?? ''}${frac ?? ''}`);
    return { kind: 'count', value, decimals: 0, grouping: 'dot', text: r.value.text };
  }
  return undefined;
}

function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (const m of text.matchAll(SENTENCE)) {
    out.push([s, m.index + 1]);
    s = m.index + 1;
  }
  out.push([s, text.length]);
  return out.filter(([a, b]) => b > a);
}

/** Index just after the ")" closing the "(" at `open`, or the limit. */
function closingParen(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return limit;
}

function itemsOf(text: string, tokens: NumericToken[], from: number, to: number): Item[] {
  const items: Item[] = [];
  const inSentence = tokens.filter((t) => t.start >= from && t.end <= to);
  for (let i = 0; i < inSentence.length; i++) {
    const tok = inSentence[i]!;
    if (tok.text.endsWith('%')) {
      const prev = items[items.length - 1];
      const prevTok = inSentence[i - 1];
      if (!prev || prev.pct || !prevTok || prevTok.start !== prev.start) continue;
      if (!SHARE.test(text.slice(prev.end, tok.start))) continue;
      const r = tryParseViNumber(tok.text);
      if (r.ok && r.value.kind === 'percent') prev.pct = { num: r.value, text: tok.text, start: tok.start, end: tok.end };
      continue;
    }
    const num = asCount(tok);
    if (!num) continue;
    if (NOT_COUNT_BEFORE.test(text.slice(Math.max(from, tok.start - 15), tok.start))) continue;
    const u = UNIT.exec(text.slice(tok.end, Math.min(to, tok.end + 40)));
    if (!u) continue;
    const unitText = (u[1] ?? '').replace(/\s+/g, ' ');
    const unit = unitText.split(' ')[0]!.toLowerCase();
    if (unit === 'chiếm') continue;
    items.push({ num, text: tok.text, start: tok.start, end: tok.end, unit, unitText });
  }
  return items;
}

function breakdownsOf(text: string, items: Item[], from: number, to: number): Breakdown[] {
  const found: { parent: Item; start: number; end: number }[] = [];
  const re = new RegExp(BREAKDOWN.source, BREAKDOWN.flags);
  const sentence = text.slice(from, to);
  for (const m of sentence.matchAll(re)) {
    const at = from + m.index;
    const parent = [...items].reverse().find((it) => it.end <= at);
    if (!parent) continue;
    const end = m[1] !== undefined ? closingParen(text, at, to) : to;
    found.push({ parent, start: at + m[0].length, end });
  }
  return found.map((b) => {
    const inner = found.filter((o) => o !== b && o.start > b.start && o.end <= b.end);
    const parts = items.filter(
      (it) => it.start >= b.start && it.end <= b.end && it.unit === b.parent.unit && !inner.some((o) => it.start >= o.start && it.end <= o.end && it !== o.parent),
    );
    return { ...b, parts };
  });
}

export function sentenceFiguresRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const unit of ctx.units()) {
    if (unit.row !== undefined || unit.section.startsWith('PL-')) continue;
    if (!/chiếm|trong\s+đó/iu.test(unit.text)) continue;
    const tokens = ctx.tokens(unit);
    for (const [from, to] of sentences(unit.text)) {
      const items = itemsOf(unit.text, tokens, from, to);
      if (items.length < 2) continue;
      const breakdowns = breakdownsOf(unit.text, items, from, to).filter((b) => b.parts.length > 0);
      const inBreakdown = new Set(breakdowns.flatMap((b) => b.parts));
      for (const b of breakdowns) {
        for (const part of b.parts) if (part.pct) judgeShare(ctx, unit, out, part, b.parent);
        judgeBreakdownSum(ctx, unit, out, b);
      }
      for (const it of items) {
        if (!it.pct || inBreakdown.has(it)) continue;
        const before = items.filter((o) => o.end <= it.start && o.unit === it.unit && !o.pct && !inBreakdown.has(o));
        if (before.length === 1) judgeShare(ctx, unit, out, it, before[0]!);
      }
    }
  }
  return out;
}

function posIn(unit: TextUnit, start: number, end: number): Pos {
  return { block: unit.block, start, end };
}

function judgeShare(ctx: CheckContext, unit: TextUnit, out: RawFinding[], part: Item, base: Item): void {
  const pct = part.pct!;
  const pctPos = posIn(unit, pct.start, pct.end);
  if (ctx.covered.ratio.has(posKey(pctPos))) return;
  const outcome = checkRatio(figureInterval(part.num), figureInterval(base.num), figureInterval(pct.num));
  const evidence = [pct.text, part.text, base.text];
  const places = [{ pos: pctPos }];
  if (outcome === 'zero-base') {
    out.push(ctx.finding('ratio', 'error', `Tỷ lệ ${pct.text} của ${part.text} ${part.unitText} tính trên ${base.text} ${base.unitText}: không thể có tỷ lệ trên cơ sở bằng 0.`, evidence, places));
    return;
  }
  if (outcome !== 'inconsistent') return;
  const expected = expectedPercent(part.num.value, base.num.value, pct.num.decimals, pct.text);
  out.push(
    ctx.finding(
      'ratio',
      'error',
      `Tỷ lệ ghi ${pct.text} (${part.text} ${part.unitText} trên ${base.text} ${base.unitText}) nhưng ${canonical(part.num)}/${canonical(base.num)} = ${expected} (${roundingPhrase(pct.num.decimals)}).`,
      evidence,
      places,
      expected,
    ),
  );
}

function judgeBreakdownSum(ctx: CheckContext, unit: TextUnit, out: RawFinding[], b: Breakdown): void {
  const parentPos = posIn(unit, b.parent.start, b.parent.end);
  if (ctx.covered.sum.has(posKey(parentPos))) return;
  if (b.parts.length < 2) return;
  const nums = b.parts.map((p) => p.num);
  const sum = sumValues(nums);
  const sumIv = sumIntervals(nums.map(figureInterval));
  const parentIv = figureInterval(b.parent.num);
  const expression = nums.map(canonical).join(' + ');
  const evidence = [b.parent.text, ...b.parts.map((p) => p.text)];
  if (decCmp(sumIv.lo, parentIv.hi) > 0) {
    out.push(
      ctx.finding(
        'sum',
        'error',
        `Các thành phần "trong đó" của ${b.parent.text} ${b.parent.unitText} cộng lại ${expression} = ${formatSum(sum, nums)}, vượt quá ${canonical(b.parent.num)}.`,
        evidence,
        [{ pos: parentPos }, ...b.parts.map((p) => ({ pos: posIn(unit, p.start, p.end) }))],
      ),
    );
    return;
  }
  // A complete partition: its percentages must add up to 100%.
  if (!checkSum(nums.map(figureInterval), parentIv)) return;
  const pcts = b.parts.map((p) => p.pct);
  if (pcts.some((p) => p === undefined)) return;
  const pctNums = pcts.map((p) => p!.num);
  if (pcts.some((p) => ctx.covered.sum.has(posKey(posIn(unit, p!.start, p!.end))))) return;
  if (checkSum(pctNums.map(figureInterval), point(100))) return;
  out.push(
    ctx.finding(
      'sum',
      'error',
      `Các thành phần của ${b.parent.text} ${b.parent.unitText} cộng lại đúng bằng tổng nhưng các tỷ lệ ${pctNums.map(canonical).join(' + ')} = ${formatSum(sumValues(pctNums), pctNums)}, không khớp 100% (kể cả sai số làm tròn).`,
      pcts.map((p) => p!.text),
      pcts.map((p) => ({ pos: posIn(unit, p!.start, p!.end) })),
      '100%',
    ),
  );
}
