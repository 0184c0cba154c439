/**
 * Interval arithmetic for rounding-aware consistency (XBRL Calculations 1.1 style).
 *
 * A figure written with d decimals stands for the closed interval [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ];
 * an exact count is the point [v, v]. Two statements are consistent when their intervals meet
 * (closed: touching ends meet). A sum is consistent when the sum of the parts' intervals meets
 * the total's interval. A stated percentage p is consistent with a/b when
 * [100·a_lo/b_hi, 100·a_hi/b_lo] meets p's interval. 0/0 is "no data", never an error; a
 * base of 0 with a part above 0 is an error.
 *
 * Bounds are exact decimals (a BigInt mantissa and a power-of-ten scale): every bound of a
 * written figure is a finite decimal, sums and products of decimals are exact, and the ratio
 * test is done by cross-multiplication, so no binary rounding can move a figure across a
 * boundary (93,25 against "93,3%" is decided exactly).
 */

/** An exact non-negative-or-negative decimal m · 10^(−scale). */
export interface Dec {
  m: bigint;
  scale: number;
}

export interface Interval {
  lo: Dec;
  hi: Dec;
}

const TEN = BigInt(10);
const FIVE = BigInt(5);
const ZERO = BigInt(0);

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Decimal places of a double's shortest representation (93.26 → 2; 1e-7 → 7). */
function placesOf(value: number): number {
  const s = String(Math.abs(value));
  const e = /e-(\d+)$/.exec(s);
  if (e) return Math.min(20, Number(e[1]) + (s.split('e')[0]?.split('.')[1]?.length ?? 0));
  return s.split('.')[1]?.length ?? 0;
}

/**
 * The exact decimal of `value` written with `decimals` places (value as parsed from text); without
 * `decimals`, the places of the value's shortest representation (93.26 → 93,26).
 */
export function decOf(value: number, decimals?: number): Dec {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const d = Math.max(0, Math.min(20, Math.trunc(decimals ?? placesOf(value))));
  const s = value.toFixed(d);
  const neg = s.startsWith('-');
  const digits = (neg ? s.slice(1) : s).replace('.', '');
  const m = BigInt(digits);
  return { m: neg ? -m : m, scale: d };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.m, b.m, a.scale];
  if (a.scale > b.scale) return [a.m, b.m * pow10(a.scale - b.scale), a.scale];
  return [a.m * pow10(b.scale - a.scale), b.m, b.scale];
}

export function decAdd(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { m: x + y, scale };
}

export function decMul(a: Dec, b: Dec): Dec {
  return { m: a.m * b.m, scale: a.scale + b.scale };
}

/** Negative, 0 or positive as a <, =, > b. */
export function decCmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decToNumber(a: Dec): number {
  return Number(a.m) / 10 ** a.scale;
}

export function isZero(a: Dec): boolean {
  return a.m === ZERO;
}

/** The point [v, v] (exact at `decimals` places, or at the value's own places). */
export function point(value: number, decimals?: number): Interval {
  const d = decOf(value, decimals);
  return { lo: d, hi: d };
}

/** [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] for a figure written with d decimals. */
export function halfUnit(value: number, decimals: number): Interval {
  const v = decOf(value, decimals);
  // v has scale d; half a unit of the last place is 5 at scale d + 1.
  const m = v.m * TEN;
  const scale = v.scale + 1;
  return { lo: { m: m - FIVE, scale }, hi: { m: m + FIVE, scale } };
}

/** A written figure: counts (no decimals) are exact points, everything else is rounded. */
export interface FigureLike {
  kind: 'count' | 'decimal' | 'percent';
  value: number;
  decimals: number;
}

/**
 * The interval of a written figure. A count is exact; a decimal or percentage with d decimals
 * (d = 0 included: "100%" is [99,5; 100,5]) is rounded.
 */
export function figureInterval(n: FigureLike): Interval {
  if (n.kind === 'count' && n.decimals === 0) return point(n.value);
  return halfUnit(n.value, n.decimals);
}

export function sumIntervals(xs: readonly Interval[]): Interval {
  let lo: Dec = { m: ZERO, scale: 0 };
  let hi: Dec = { m: ZERO, scale: 0 };
  for (const x of xs) {
    lo = decAdd(lo, x.lo);
    hi = decAdd(hi, x.hi);
  }
  return { lo, hi };
}

/** Closed intervals meet when neither lies strictly after the other. */
export function meets(a: Interval, b: Interval): boolean {
  return decCmp(a.lo, b.hi) <= 0 && decCmp(b.lo, a.hi) <= 0;
}

/** Does the interval hold exactly one value? */
export function isPoint(a: Interval): boolean {
  return decCmp(a.lo, a.hi) === 0;
}

export type RatioOutcome =
  /** 0/0: nothing to compare. */
  | { kind: 'no-data' }
  /** The base is 0 while the part is above 0. */
  | { kind: 'zero-base' }
  /** [100·a_lo/b_hi, 100·a_hi/b_lo] in percent; hi is Infinity when b_lo is 0. */
  | { kind: 'ratio'; lo: number; hi: number };

const HUNDRED: Dec = { m: BigInt(100), scale: 0 };

function baseIsZero(base: Interval): boolean {
  return decCmp(base.hi, { m: ZERO, scale: 0 }) <= 0;
}

/** The percentage interval of part/base (numbers, for display). */
export function ratioInterval(part: Interval, base: Interval): RatioOutcome {
  if (baseIsZero(base)) {
    return decCmp(part.lo, { m: ZERO, scale: 0 }) > 0 ? { kind: 'zero-base' } : { kind: 'no-data' };
  }
  const lo = (100 * decToNumber(part.lo)) / decToNumber(base.hi);
  const hi = isZero(base.lo) ? Number.POSITIVE_INFINITY : (100 * decToNumber(part.hi)) / decToNumber(base.lo);
  return { kind: 'ratio', lo, hi };
}

export type RatioCheck = 'consistent' | 'inconsistent' | 'no-data' | 'zero-base';

/**
 * Is the stated percentage consistent with part/base? Exact: with base > 0,
 * [100·a_lo/b_hi, 100·a_hi/b_lo] meets [p_lo, p_hi] ⇔ 100·a_lo ≤ p_hi·b_hi and p_lo·b_lo ≤ 100·a_hi.
 */
export function checkRatio(part: Interval, base: Interval, percent: Interval): RatioCheck {
  const r = ratioInterval(part, base);
  if (r.kind !== 'ratio') return r.kind;
  const upperOk = decCmp(decMul(HUNDRED, part.lo), decMul(percent.hi, base.hi)) <= 0;
  const lowerOk = decCmp(decMul(percent.lo, base.lo), decMul(HUNDRED, part.hi)) <= 0;
  return upperOk && lowerOk ? 'consistent' : 'inconsistent';
}

/** Is the sum of the parts consistent with the total? */
export function checkSum(parts: readonly Interval[], total: Interval): boolean {
  return meets(sumIntervals(parts), total);
}
