import fc from 'fast-check';
import {
  CodecError,
  formatCount,
  formatDecimal,
  formatPercent,
  formatViNumber,
  interval,
  parseCount,
  parseDecimal,
  parsePercent,
  parseViNumber,
  tryParseCount,
  tryParsePercent,
  tryParseViNumber,
  type ViNumber,
} from '../../src/core/codec';

function codecError(f: () => unknown): CodecError {
  try {
    f();
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw new Error(`expected a CodecError, got ${String(e)}`);
  }
  throw new Error('expected a CodecError, nothing was thrown');
}

describe('parseCount (figures of the report)', () => {
  it.each([
    ['30.407', 30407, 'dot', undefined],
    ['27.448', 27448, 'dot', undefined],
    ['1.437', 1437, 'dot', undefined],
    ['7.693', 7693, 'dot', undefined],
    ['24.636', 24636, 'dot', undefined],
    ['921', 921, 'none', undefined],
    ['1667', 1667, 'none', undefined],
    ['1235', 1235, 'none', undefined],
    ['03', 3, 'none', 2],
    ['08', 8, 'none', 2],
    ['05', 5, 'none', 2],
    ['0', 0, 'none', undefined],
    ['00', 0, 'none', 2],
  ] as const)('"%s" → %d (grouping %s, width %s)', (s, value, grouping, width) => {
    const n = parseCount(s);
    expect(n.kind).toBe('count');
    expect(n.value).toBe(value);
    expect(n.decimals).toBe(0);
    expect(n.grouping).toBe(grouping);
    expect(n.width).toBe(width);
    expect(n.text).toBe(s);
    expect(formatViNumber(n)).toBe(s);
  });

  it('rejects "28,375" as a count: comma used as thousands separator, with the suggestion', () => {
    const e = codecError(() => parseCount('28,375'));
    expect(e.code).toBe('separator');
    expect(e.hint).toBe('comma-thousands');
    expect(e.suggestion).toBe('28.375');
    expect(e.input).toBe('28,375');
    expect(e.message).toBe('Số "28,375" dùng dấu phẩy làm dấu phân cách hàng nghìn; viết đúng là "28.375"');
  });

  it('rejects "1,667" as a count likewise', () => {
    const e = codecError(() => parseCount('1,667'));
    expect(e.code).toBe('separator');
    expect(e.suggestion).toBe('1.667');
  });

  it('rejects a count above 9999 without thousands dots, suggesting the grouped form', () => {
    const e = codecError(() => parseCount('30407'));
    expect(e.code).toBe('separator');
    expect(e.hint).toBe('missing-grouping');
    expect(e.suggestion).toBe('30.407');
    expect(e.message).toContain('thiếu dấu chấm phân cách hàng nghìn');
  });

  it('rejects other kinds with code "kind" and a Vietnamese message', () => {
    const p = codecError(() => parseCount('93,3%'));
    expect(p.code).toBe('kind');
    expect(p.message).toBe('"93,3%" là tỷ lệ phần trăm, không phải số đếm');
    const d = codecError(() => parseCount('4,7'));
    expect(d.code).toBe('kind');
    expect(d.message).toContain('có phần thập phân');
  });
});

describe('parsePercent and parseDecimal', () => {
  it.each([
    ['93,3%', 93.3, 1],
    ['96,7%', 96.7, 1],
    ['3,24%', 3.24, 2],
    ['0,02%', 0.02, 2],
    ['4,7%', 4.7, 1],
    ['100%', 100, 0],
    ['93,30%', 93.3, 2],
  ] as const)('"%s" → %d with %d decimals', (s, value, decimals) => {
    const n = parsePercent(s);
    expect(n.kind).toBe('percent');
    expect(n.value).toBe(value);
    expect(n.decimals).toBe(decimals);
    expect(formatViNumber(n)).toBe(s);
  });

  it('keeps the written precision: "93,3%" and "93,30%" differ', () => {
    expect(parsePercent('93,3%').decimals).toBe(1);
    expect(parsePercent('93,30%').decimals).toBe(2);
    expect(interval(parsePercent('93,3%'))).not.toEqual(interval(parsePercent('93,30%')));
  });

  it('accepts a space (or no-break space) before "%" and writes it back', () => {
    const n = parsePercent('93,3 %');
    expect(n.value).toBe(93.3);
    expect(n.percentSpace).toBe(' ');
    expect(formatViNumber(n)).toBe('93,3 %');
    expect(formatViNumber(parsePercent('93,3\u00a0%'))).toBe('93,3\u00a0%');
  });

  it('rejects a figure without "%" as a percentage', () => {
    const e = codecError(() => parsePercent('93,3'));
    expect(e.code).toBe('kind');
    expect(e.message).toContain('thiếu dấu %');
  });

  it('reads decimals with grouping and flags the ambiguous "28,375"', () => {
    const g = parseDecimal('1.234,56');
    expect(g.value).toBe(1234.56);
    expect(g.decimals).toBe(2);
    expect(g.grouping).toBe('dot');
    const a = parseDecimal('28,375');
    expect(a.value).toBe(28.375);
    expect(a.decimals).toBe(3);
    expect(a.ambiguousSeparator).toBe(true);
    expect(parseDecimal('0,375').ambiguousSeparator).toBeUndefined();
    expect(parseDecimal('28,37').ambiguousSeparator).toBeUndefined();
    expect(parseDecimal('5')).toMatchObject({ kind: 'decimal', value: 5, decimals: 0 });
  });

  it('rejects a percentage as a decimal', () => {
    expect(codecError(() => parseDecimal('4,7%')).code).toBe('kind');
  });
});

describe('parseViNumber auto-detection', () => {
  it.each([
    ['30.407', 'count'],
    ['03', 'count'],
    ['4,7', 'decimal'],
    ['28,375', 'decimal'],
    ['93,3%', 'percent'],
    ['93,3 %', 'percent'],
  ] as const)('"%s" is a %s', (s, kind) => {
    expect(parseViNumber(s).kind).toBe(kind);
  });

  it('trims surrounding whitespace', () => {
    expect(parseViNumber('  921 ').text).toBe('921');
  });
});

describe('errors: malformed input throws CodecError, never NaN', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12..3', 'malformed'],
    ['1,2,3', 'malformed'],
    ['abc', 'malformed'],
    ['93,3%%', 'malformed'],
    ['%', 'malformed'],
    ['-5', 'malformed'],
    ['1.2.3', 'malformed'],
    ['1,', 'malformed'],
    [',5', 'malformed'],
    ['30 407', 'malformed'],
    ['1.2345.678', 'malformed'],
  ] as const)('"%s" → %s', (s, code) => {
    const e = codecError(() => parseViNumber(s));
    expect(e.code).toBe(code);
    expect(e.input).toBe(s);
    expect(e.message.length).toBeGreaterThan(0);
  });

  it('gives a Vietnamese explanation for malformed numbers', () => {
    expect(codecError(() => parseViNumber('12..3')).message).toContain('không phải là số viết đúng quy ước tiếng Việt');
    expect(codecError(() => parseViNumber('')).message).toBe('Không có số: chuỗi rỗng');
  });

  it.each([
    ['2.5', 'dot-decimal', '2,5'],
    ['93.3%', 'dot-decimal', '93,3%'],
    ['1,234,567', 'english-grouping', '1.234.567'],
    ['1,234.5', 'english-grouping', '1.234,5'],
    ['30407', 'missing-grouping', '30.407'],
    ['30407,5', 'missing-grouping', '30.407,5'],
  ] as const)('"%s" → separator (%s), suggestion "%s"', (s, hint, suggestion) => {
    const e = codecError(() => parseViNumber(s));
    expect(e.code).toBe('separator');
    expect(e.hint).toBe(hint);
    expect(e.suggestion).toBe(suggestion);
    // The suggestion itself is well-formed.
    expect(tryParseViNumber(suggestion).ok).toBe(true);
  });

  it('rejects figures with more digits than can be represented exactly', () => {
    expect(codecError(() => parseViNumber('1.234.567.890.123.456')).code).toBe('range');
    expect(codecError(() => parseViNumber('0,' + '1'.repeat(16))).code).toBe('range');
  });

  it('tryParse variants return a Result instead of throwing', () => {
    expect(tryParseCount('921')).toEqual({ ok: true, value: parseCount('921') });
    const r = tryParseCount('28,375');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(CodecError);
      expect(r.error.code).toBe('separator');
    }
    const p = tryParsePercent('abc');
    expect(p.ok).toBe(false);
  });
});

describe('formatters', () => {
  it('write counts with thousands dots, padding and optional no grouping', () => {
    expect(formatCount(30407)).toBe('30.407');
    expect(formatCount(921)).toBe('921');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(3, { width: 2 })).toBe('03');
    expect(formatCount(12, { width: 2 })).toBe('12');
    expect(formatCount(1667, { grouping: 'none' })).toBe('1667');
    expect(formatCount(0)).toBe('0');
  });

  it('refuse what cannot be written', () => {
    expect(codecError(() => formatCount(30407, { grouping: 'none' })).code).toBe('range');
    expect(codecError(() => formatCount(1.5)).code).toBe('range');
    expect(codecError(() => formatCount(-1)).code).toBe('range');
    expect(codecError(() => formatDecimal(Number.NaN, 1)).code).toBe('range');
    expect(codecError(() => formatDecimal(1, -1)).code).toBe('range');
  });

  it('round on exact decimals (no binary artefacts)', () => {
    expect(formatDecimal(0.1 + 0.2, 1)).toBe('0,3');
    expect(formatDecimal(0.1 + 0.2, 2)).toBe('0,30');
    expect(formatDecimal(1.005, 2)).toBe('1,01');
    expect(formatDecimal(0.145 * 100, 0)).toBe('15');
    expect(formatDecimal(2.675, 2)).toBe('2,68');
    expect(formatDecimal(1234.5, 2)).toBe('1.234,50');
    expect(formatDecimal(0.5, 0)).toBe('1');
    expect(formatDecimal(1e21, 0)).toBe('1.000.000.000.000.000.000.000');
    expect(formatDecimal(1e-7, 7)).toBe('0,0000001');
  });

  it('compute the report percentages', () => {
    expect(formatPercent((28375 / 30407) * 100, 1)).toBe('93,3%');
    // The report writes "3,24%" for 921 of 28.375 files: the correct rounding is 3,25%.
    expect(formatPercent((921 / 28375) * 100, 2)).toBe('3,25%');
    expect(formatPercent((6 / 28375) * 100, 2)).toBe('0,02%');
    expect(formatPercent(93.3, 1, { space: ' ' })).toBe('93,3 %');
  });

  it('formatViNumber rebuilds the text from the fields, not from `text`', () => {
    for (const s of ['30.407', '03', '93,3%', '93,3 %', '0,02%', '1.234,50', '28,375', '1667']) {
      const n = parseViNumber(s);
      expect(formatViNumber({ ...n, text: '' })).toBe(s);
    }
  });
});

describe('interval', () => {
  it('"93,3%" stands for [93,25; 93,35]', () => {
    expect(interval(parsePercent('93,3%'))).toEqual({ lo: 93.25, hi: 93.35 });
  });
  it('an exact count is a point: 921 → [921, 921]', () => {
    expect(interval(parseCount('921'))).toEqual({ lo: 921, hi: 921 });
  });
  it('"0,02%" stands for [0,015; 0,025]', () => {
    expect(interval(parsePercent('0,02%'))).toEqual({ lo: 0.015, hi: 0.025 });
  });
  it('"100%" stands for [99,5; 100,5] and "4,7" for [4,65; 4,75]', () => {
    expect(interval(parsePercent('100%'))).toEqual({ lo: 99.5, hi: 100.5 });
    expect(interval(parseDecimal('4,7'))).toEqual({ lo: 4.65, hi: 4.75 });
  });
  it('"93,30%" is narrower: [93,295; 93,305]', () => {
    expect(interval(parsePercent('93,30%'))).toEqual({ lo: 93.295, hi: 93.305 });
  });
  it('28.375/30.407 = 93,317…% lies in the interval of "93,3%"', () => {
    const { lo, hi } = interval(parsePercent('93,3%'));
    const p = (28375 / 30407) * 100;
    expect(p).toBeGreaterThanOrEqual(lo);
    expect(p).toBeLessThanOrEqual(hi);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

/** Digits grouped by threes with dots, built independently of the codec. */
function groupWithDots(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const countText: fc.Arbitrary<{ s: string; value: number }> = fc.oneof(
  fc.integer({ min: 0, max: 999_999_999_999 }).map((v) => ({ s: groupWithDots(String(v)), value: v })),
  fc.integer({ min: 0, max: 9999 }).map((v) => ({ s: String(v), value: v })),
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 2, max: 3 }))
    .map(([v, w]) => ({ s: String(v).padStart(w, '0'), value: v })),
);

const intPartText = fc.oneof(
  fc.integer({ min: 0, max: 999_999_999 }).map((v) => groupWithDots(String(v))),
  fc.integer({ min: 0, max: 9999 }).map(String),
);
const fracText = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

const decimalText = fc.tuple(intPartText, fracText(1, 5)).map(([i, f]) => `${i},${f}`);
const percentText = fc
  .tuple(fc.integer({ min: 0, max: 1000 }).map(String), fracText(0, 3), fc.constantFrom('', ' ', '\u00a0'))
  .map(([i, f, sp]) => `${i}${f === '' ? '' : `,${f}`}${sp}%`);

describe('properties', () => {
  it('counts: format(parse(s)) === s and the value is exact', () => {
    fc.assert(
      fc.property(countText, ({ s, value }) => {
        const n = parseCount(s);
        expect(n.value).toBe(value);
        expect(formatViNumber(n)).toBe(s);
        expect(formatViNumber({ ...n, text: '' })).toBe(s);
        expect(formatViNumber(parseViNumber(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('decimals: format(parse(s)) === s', () => {
    fc.assert(
      fc.property(decimalText, (s) => {
        const n = parseDecimal(s);
        expect(n.decimals).toBe(s.split(',')[1]?.length);
        expect(formatViNumber({ ...n, text: '' })).toBe(s);
        expect(formatViNumber(parseViNumber(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('percents with 0–3 decimals: format(parse(s)) === s', () => {
    fc.assert(
      fc.property(percentText, (s) => {
        const n = parsePercent(s);
        expect(n.kind).toBe('percent');
        expect(formatViNumber({ ...n, text: '' })).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('formatDecimal(N / 10^d, d) writes exactly the digits of N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const digits = String(n).padStart(d + 1, '0');
        const int = digits.slice(0, digits.length - d);
        const expected = d === 0 ? groupWithDots(int) : `${groupWithDots(int)},${digits.slice(-d)}`;
        expect(formatDecimal(n / 10 ** d, d)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('interval bounds are v ± ½·10⁻ᵈ and contain v', () => {
    fc.assert(
      fc.property(percentText, (s) => {
        const n = parsePercent(s);
        const { lo, hi } = interval(n);
        expect(lo).toBeLessThan(n.value);
        expect(hi).toBeGreaterThan(n.value);
        expect(hi - lo).toBeCloseTo(10 ** -n.decimals, 9);
      }),
      { numRuns: 300 },
    );
  });

  const numericNoise = fc
    .array(fc.constantFrom(...'0123456789.,% \u00a0-abc'), { minLength: 0, maxLength: 14 })
    .map((a) => a.join(''));

  it('parse never returns NaN: a finite number or a CodecError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), numericNoise), (s) => {
        for (const parse of [parseViNumber, parseCount, parseDecimal, parsePercent] as Array<(x: string) => ViNumber>) {
          let n: ViNumber | undefined;
          try {
            n = parse(s);
          } catch (e) {
            expect(e).toBeInstanceOf(CodecError);
          }
          if (n !== undefined) {
            expect(Number.isFinite(n.value)).toBe(true);
            expect(formatViNumber(n)).toBe(n.text);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
