import { parsePercent, parseCount, parseDecimal } from '../../src/core/codec';
import {
  checkRatio,
  checkSum,
  decToNumber,
  figureInterval,
  halfUnit,
  meets,
  point,
  ratioInterval,
  sumIntervals,
} from '../../src/core/check/interval';
import { expectedPercent } from '../../src/core/check/rules/ratio';

const pct = (s: string) => figureInterval(parsePercent(s));
const cnt = (s: string) => figureInterval(parseCount(s));

describe('figure intervals', () => {
  it('a percentage with d decimals is the closed interval [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]', () => {
    const i = pct('93,3%');
    expect(decToNumber(i.lo)).toBe(93.25);
    expect(decToNumber(i.hi)).toBe(93.35);
    const j = pct('0,02%');
    expect(decToNumber(j.lo)).toBe(0.015);
    expect(decToNumber(j.hi)).toBe(0.025);
    const k = pct('100%');
    expect([decToNumber(k.lo), decToNumber(k.hi)]).toEqual([99.5, 100.5]);
  });

  it('"93,3%" and "93,30%" say different things about rounding', () => {
    expect(decToNumber(pct('93,30%').lo)).toBe(93.295);
    expect(meets(point(93.26), pct('93,3%'))).toBe(true);
    expect(meets(point(93.26), pct('93,30%'))).toBe(false);
  });

  it('an exact count is a point, zero padding and grouping do not matter', () => {
    const a = cnt('28.375');
    expect(decToNumber(a.lo)).toBe(28375);
    expect(decToNumber(a.hi)).toBe(28375);
    expect(meets(cnt('03'), cnt('3'))).toBe(true);
  });

  it('a decimal is rounded like a percentage', () => {
    const d = figureInterval(parseDecimal('4,7'));
    expect([decToNumber(d.lo), decToNumber(d.hi)]).toEqual([4.65, 4.75]);
  });
});

describe('meets: closed intervals, decided exactly at the boundaries', () => {
  it('93,25 (exactly half a unit below) is consistent with "93,3%"', () => {
    expect(meets(point(93.25, 2), pct('93,3%'))).toBe(true);
  });
  it('93,35 (exactly half a unit above) is consistent with "93,3%"', () => {
    expect(meets(point(93.35, 2), pct('93,3%'))).toBe(true);
  });
  it('just outside either end is not', () => {
    expect(meets(point(93.2499, 4), pct('93,3%'))).toBe(false);
    expect(meets(point(93.3501, 4), pct('93,3%'))).toBe(false);
  });
  it('touching intervals meet', () => {
    expect(meets(halfUnit(1.5, 1), halfUnit(1.6, 1))).toBe(true); // [1,45;1,55] and [1,55;1,65]
    expect(meets(halfUnit(1.5, 1), halfUnit(1.7, 1))).toBe(false);
  });
});

describe('ratio: [100·a_lo/b_hi, 100·a_hi/b_lo] meets the stated percentage', () => {
  it('28.375/30.407 = 93,317…% is consistent with "93,3%"', () => {
    expect((100 * 28375) / 30407).toBeCloseTo(93.3173, 4);
    expect(checkRatio(cnt('28.375'), cnt('30.407'), pct('93,3%'))).toBe('consistent');
  });

  it('921/28.375 = 3,2458% is NOT consistent with "3,24%" (expected "3,25%")', () => {
    expect((100 * 921) / 28375).toBeCloseTo(3.24581, 5);
    expect(checkRatio(cnt('921'), cnt('28.375'), pct('3,24%'))).toBe('inconsistent');
    expect(checkRatio(cnt('921'), cnt('28.375'), pct('3,25%'))).toBe('consistent');
    expect(expectedPercent(921, 28375, 2)).toBe('3,25%');
  });

  it('27.448/28.375 = 96,733% is consistent with "96,7%" (not with "96,73%"? it is: 96,7330…)', () => {
    expect((100 * 27448) / 28375).toBeCloseTo(96.733, 3);
    expect(checkRatio(cnt('27.448'), cnt('28.375'), pct('96,7%'))).toBe('consistent');
    expect(checkRatio(cnt('27.448'), cnt('28.375'), pct('96,73%'))).toBe('consistent');
    expect(checkRatio(cnt('27.448'), cnt('28.375'), pct('96,8%'))).toBe('inconsistent');
  });

  it('a ratio landing exactly on a boundary is consistent with both neighbours (closed intervals)', () => {
    // 3730/4000 = 93,25% exactly: the upper end of "93,2%" and the lower end of "93,3%".
    expect(checkRatio(point(3730), point(4000), pct('93,3%'))).toBe('consistent');
    expect(checkRatio(point(3730), point(4000), pct('93,2%'))).toBe('consistent');
    expect(checkRatio(point(3730), point(4000), pct('93,4%'))).toBe('inconsistent');
  });

  it('100%: 3/3 is consistent, 2/3 is not; 2/3 = 66,7% (1 decimal) and 67% (none)', () => {
    expect(checkRatio(cnt('03'), cnt('03'), pct('100%'))).toBe('consistent');
    expect(checkRatio(cnt('02'), cnt('03'), pct('100%'))).toBe('inconsistent');
    expect(checkRatio(cnt('02'), cnt('03'), pct('66,7%'))).toBe('consistent');
    expect(expectedPercent(2, 3, 0)).toBe('67%');
  });

  it('0/0 is no data, never an error', () => {
    expect(checkRatio(cnt('0'), cnt('0'), pct('100%'))).toBe('no-data');
    expect(checkRatio(cnt('0'), cnt('0'), pct('0%'))).toBe('no-data');
    expect(ratioInterval(point(0), point(0))).toEqual({ kind: 'no-data' });
  });

  it('a base of 0 with a part above 0 is an error', () => {
    expect(checkRatio(cnt('5'), cnt('0'), pct('100%'))).toBe('zero-base');
  });

  it('rounded parts and bases widen the ratio interval', () => {
    const r = ratioInterval(figureInterval(parseDecimal('1,5')), figureInterval(parseDecimal('3,0')));
    expect(r.kind).toBe('ratio');
    if (r.kind === 'ratio') {
      expect(r.lo).toBeCloseTo((100 * 1.45) / 3.05, 10);
      expect(r.hi).toBeCloseTo((100 * 1.55) / 2.95, 10);
    }
    expect(checkRatio(figureInterval(parseDecimal('1,5')), figureInterval(parseDecimal('3,0')), pct('52%'))).toBe('consistent');
  });

  it('when the expected rounding equals the stated text, more digits are shown', () => {
    expect(expectedPercent(921, 28375, 2, '3,25%')).toBe('3,2458%');
  });
});

describe('sum of intervals', () => {
  it('27.448 + 921 + 6 = 28.375 exactly', () => {
    expect(checkSum([cnt('27.448'), cnt('921'), cnt('6')], cnt('28.375'))).toBe(true);
    expect(checkSum([cnt('27.448'), cnt('921'), cnt('7')], cnt('28.375'))).toBe(false);
  });

  it('96,7% + 3,24% + 0,02% = 99,96% meets 100% within rounding ([99,90; 100,02])', () => {
    const s = sumIntervals([pct('96,7%'), pct('3,24%'), pct('0,02%')]);
    expect(decToNumber(s.lo)).toBeCloseTo(99.9, 10);
    expect(decToNumber(s.hi)).toBeCloseTo(100.02, 10);
    expect(checkSum([pct('96,7%'), pct('3,24%'), pct('0,02%')], point(100))).toBe(true);
  });

  it('93,3% + 4,7% = 98% does not meet 100%', () => {
    expect(checkSum([pct('93,3%'), pct('4,7%')], point(100))).toBe(false);
  });

  it('sums are exact: 0,1 + 0,2 meets 0,3 without binary artefacts', () => {
    expect(checkSum([point(0.1, 1), point(0.2, 1)], point(0.3, 1))).toBe(true);
  });
});
