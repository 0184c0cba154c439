import * as fs from 'node:fs';
import fc from 'fast-check';
import { findReferences, normalizeRowCode, scanNumericTokens, type NumericToken } from '../../src/core/codec';
import { SEED_TEXT } from '../helpers/paths';

const brief = (tokens: NumericToken[]): Array<[string, string]> => tokens.map((t) => [t.text, t.kind]);

describe('scanNumericTokens', () => {
  it('reads the figures of A.2.2 (including the wrong "28,375")', () => {
    const s =
      'đã tiếp nhận 30.407 hồ sơ; đã giải quyết, trả kết quả: 28,375 hồ sơ, chiếm 93,3% (trong đó, trả sớm hạn: ' +
      '27.448 hồ sơ, chiếm 96,7%; trả quá hạn: 6 hồ sơ, chiếm: 0,02%).';
    expect(brief(scanNumericTokens(s))).toEqual([
      ['30.407', 'number'],
      ['28,375', 'number'],
      ['93,3%', 'number'],
      ['27.448', 'number'],
      ['96,7%', 'number'],
      ['6', 'number'],
      ['0,02%', 'number'],
    ]);
  });

  it('groups a date in words into one token', () => {
    expect(brief(scanNumericTokens('Sơn La, ngày 09 tháng 6 năm 2022'))).toEqual([['09 tháng 6 năm 2022', 'date']]);
    expect(brief(scanNumericTokens('giao tháng 01 năm 2022;'))).toEqual([['01 năm 2022', 'date']]);
  });

  it('separates a reference from its date', () => {
    const s = 'Quyết định số 3162/QĐ-UBND ngày 20/12/2021; Nghị định số 45/2020/NĐ-CP; Chỉ thị số 25-CT/TU ngày 18/12/2013.';
    expect(brief(scanNumericTokens(s))).toEqual([
      ['3162/QĐ-UBND', 'reference'],
      ['20/12/2021', 'date'],
      ['45/2020/NĐ-CP', 'reference'],
      ['25-CT/TU', 'reference'],
      ['18/12/2013', 'date'],
    ]);
  });

  it('reads fractions, pairs, padded counts and year ranges', () => {
    const s = 'đã triển khai 30/50 nhiệm vụ; thứ 6/20 sở; tại 03/09 phòng; 23/17; gồm 08 phòng; giai đoạn 2021 - 2025, 2021- 2025, 2019-2020.';
    expect(brief(scanNumericTokens(s))).toEqual([
      ['30/50', 'fraction-or-pair'],
      ['6/20', 'fraction-or-pair'],
      ['03/09', 'fraction-or-pair'],
      ['23/17', 'fraction-or-pair'],
      ['08', 'number'],
      ['2021 - 2025', 'range'],
      ['2021- 2025', 'range'],
      ['2019-2020', 'range'],
    ]);
  });

  it('classes everything else with digits as other', () => {
    const s =
      'Khung Kiến trúc chính quyền điện tử 2.0; ngày Doanh nhân Việt Nam (13/10); Lưu: VT, TCHCQT.H.01b. ' +
      'tại 03 phòng họp UBND tỉnh (218, 708, 910). dịch bệnh Covid-19; quý III/2022; 4.1. Tổng số';
    expect(brief(scanNumericTokens(s))).toEqual([
      ['2.0', 'other'],
      ['13/10', 'other'],
      ['TCHCQT.H.01b', 'other'],
      ['03', 'number'],
      ['218', 'other'],
      ['708', 'other'],
      ['910', 'other'],
      ['Covid-19', 'other'],
      ['III/2022', 'other'],
      ['4.1', 'other'],
    ]);
  });

  it('keeps "93,3 %" together', () => {
    expect(brief(scanNumericTokens('chiếm 93,3 % tổng số'))).toEqual([['93,3 %', 'number']]);
  });

  it('covers every digit of the report exactly once', () => {
    const text = fs.readFileSync(SEED_TEXT, 'utf8');
    const tokens = scanNumericTokens(text);
    const cover = new Uint16Array(text.length);
    for (const t of tokens) for (let i = t.start; i < t.end; i++) cover[i] = (cover[i] ?? 0) + 1;
    for (let i = 0; i < text.length; i++) if (/[0-9]/.test(text.charAt(i))) expect([i, cover[i]]).toEqual([i, 1]);
    expect(tokens.filter((t) => t.kind === 'reference')).toHaveLength(findReferences(text).length);
    expect(tokens.filter((t) => t.kind === 'fraction-or-pair').map((t) => t.text)).toEqual(['30/50', '6/20', '03/09', '23/17']);
    const numbers = tokens.filter((t) => t.kind === 'number').map((t) => t.text);
    for (const figure of ['30.407', '28,375', '93,3%', '27.448', '96,7%', '921', '3,24%', '0,02%', '1.437', '4,7%', '7.693', '1667', '24.636', '6.939']) {
      expect(numbers).toContain(figure);
    }
  });
});

const fragments = fc.constantFrom(
  ...'0123456789'.split(''),
  '.', ',', '/', '-', '–', '%', ' %', ' ', '\u00a0', '\n', '(', ')', ':', ';', 'a', 'Đ', 'H.', 'x',
  'ngày ', 'tháng ', ' năm ', 'Quyết định số ', 'QĐ-UBND', 'CT/TU', '2021', ' - ', '2025', 'https://a.vn/',
);

describe('properties', () => {
  it('every ASCII digit lies inside exactly one token; tokens are ordered, disjoint and exact slices', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fragments, { maxLength: 40 }).map((a) => a.join('')), fc.string()), (s) => {
        const tokens = scanNumericTokens(s);
        let last = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(s.slice(t.start, t.end)).toBe(t.text);
          expect(t.text).toMatch(/[0-9]/);
          last = t.end;
        }
        for (let i = 0; i < s.length; i++) {
          if (!/[0-9]/.test(s.charAt(i))) continue;
          expect(tokens.filter((t) => t.start <= i && i < t.end)).toHaveLength(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeRowCode', () => {
  it.each([
    ['4.1.', '4.1'],
    ['4.1', '4.1'],
    [' 2.2. ', '2.2'],
    ['3.3.1', '3.3.1'],
    ['1.', '1'],
    ['I', 'I'],
    ['Trong đó', 'Trong đó'],
    ['\u00a05.2.1\t', '5.2.1'],
  ])('"%s" → "%s"', (code, expected) => {
    expect(normalizeRowCode(code)).toBe(expected);
  });
});
