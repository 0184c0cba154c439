import fc from 'fast-check';
import {
  CodecError,
  formatFraction,
  formatPair,
  parseFraction,
  parsePair,
  tryParseFraction,
  tryParsePair,
} from '../../src/core/codec';

describe('fractions', () => {
  it.each([
    ['30/50', 30, 50, undefined],
    ['6/20', 6, 20, undefined],
    ['03/09', 3, 9, 2],
  ] as const)('"%s" → %d of %d', (s, num, den, width) => {
    const f = parseFraction(s);
    expect(f.numerator.value).toBe(num);
    expect(f.denominator.value).toBe(den);
    expect(f.numerator.width).toBe(width);
    expect(f.text).toBe(s);
    expect(formatFraction(f)).toBe(s);
  });

  it('keeps the padding of each side ("03/09")', () => {
    const f = parseFraction('03/09');
    expect(f.numerator.width).toBe(2);
    expect(f.denominator.width).toBe(2);
  });

  it('accepts grouped counts and spaces around the slash, and writes them back', () => {
    const f = parseFraction('28.375 / 30.407');
    expect(f.numerator.value).toBe(28375);
    expect(f.denominator.value).toBe(30407);
    expect(formatFraction(f)).toBe('28.375 / 30.407');
  });

  it('rejects malformed fractions with a Vietnamese message', () => {
    const r = tryParseFraction('30-50');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('malformed');
      expect(r.error.message).toBe('"30-50" không phải phân số hợp lệ (dạng "30/50")');
    }
    for (const s of ['', '/50', '30/', '09/6/2022', 'a/b']) {
      expect(() => parseFraction(s)).toThrow(CodecError);
    }
  });

  it('passes on the separator error of a side', () => {
    const r = tryParseFraction('28,375/30.407');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('separator');
      expect(r.error.suggestion).toBe('28.375');
    }
  });
});

describe('pairs', () => {
  it('"23/17" (23 tin/bài, 17 văn bản)', () => {
    const p = parsePair('23/17');
    expect(p.first.value).toBe(23);
    expect(p.second.value).toBe(17);
    expect(formatPair(p)).toBe('23/17');
  });

  it('rejects malformed pairs', () => {
    const r = tryParsePair('23/17/5');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('không phải cặp số hợp lệ');
  });
});

const count = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map(String),
  fc.integer({ min: 0, max: 9_999_999 }).map((v) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
  fc.integer({ min: 0, max: 9 }).map((v) => `0${v}`),
);

describe('properties', () => {
  it('fractions and pairs: format(parse(s)) === s', () => {
    fc.assert(
      fc.property(count, count, fc.constantFrom('/', ' / '), (a, b, sep) => {
        const s = `${a}${sep}${b}`;
        expect(formatFraction(parseFraction(s))).toBe(s);
        expect(formatPair(parsePair(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
