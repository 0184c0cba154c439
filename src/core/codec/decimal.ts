/**
 * Exact decimal helpers on scaled integers (BigInt), so that rounding a figure to d decimals and
 * computing its rounding interval never suffers binary artefacts (0.1 + 0.2, 1.005 * 100…).
 * Internal to the codec.
 */

/** A non-negative decimal `digits × 10^exponent`. */
interface DecimalParts {
  digits: bigint;
  exponent: number;
}

function significantDigits(s: string): number {
  const mantissa = s.replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return mantissa.replace(/0+$/, '').length;
}

/**
 * The decimal a double stands for. A double whose shortest representation has at most 15
 * significant digits is taken exactly (it was most likely written that way); anything longer is
 * the residue of arithmetic (0.30000000000000004, 14.499999999999998) and is first rounded to
 * 12 significant digits.
 */
function toDecimalParts(value: number): DecimalParts {
  const shortest = String(value);
  const s = significantDigits(shortest) <= 15 ? shortest : value.toPrecision(12);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) throw new Error(`unexpected number representation: ${s}`);
  const intPart = m[1] ?? '0';
  const fracPart = m[2] ?? '';
  const exp = Number(m[3] ?? '0');
  return { digits: BigInt(intPart + fracPart), exponent: exp - fracPart.length };
}

const TEN = BigInt(10);

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/**
 * `value` rounded half away from zero to `decimals` places, as the integer `value × 10^decimals`.
 * `value` must be finite and non-negative.
 */
export function scaledRound(value: number, decimals: number): bigint {
  const { digits, exponent } = toDecimalParts(value);
  const shift = exponent + decimals;
  if (shift >= 0) return digits * pow10(shift);
  const div = pow10(-shift);
  const q = digits / div;
  const r = digits % div;
  return r * BigInt(2) >= div ? q + BigInt(1) : q;
}

/** Integer and fraction digit strings of `value` rounded to `decimals` places. */
export function roundedDigits(value: number, decimals: number): { int: string; frac: string } {
  const s = scaledRound(value, decimals).toString().padStart(decimals + 1, '0');
  return { int: s.slice(0, s.length - decimals), frac: s.slice(s.length - decimals) };
}

/**
 * The closed interval [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] of a figure written with d decimals, each bound
 * computed as one exact integer divided by a power of ten (a single, correctly rounded division).
 */
export function halfUnitInterval(value: number, decimals: number): { lo: number; hi: number } {
  const n = scaledRound(value, decimals) * TEN;
  const five = BigInt(5);
  const scale = 10 ** (decimals + 1);
  return { lo: Number(n - five) / scale, hi: Number(n + five) / scale };
}
