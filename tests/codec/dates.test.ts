import fc from 'fast-check';
import {
  addDays,
  CodecError,
  compareViDates,
  daysInMonth,
  diffDays,
  formatViDate,
  formatViDateCanonical,
  fromISO,
  isCanonicalViDate,
  makeViDate,
  parseViDate,
  toISO,
  tryParseViDate,
} from '../../src/core/codec';

describe('parseViDate: forms of the report', () => {
  it.each([
    ['09/6/2022', 9, 6, 2022, 2, 1],
    ['01/3/2022', 1, 3, 2022, 2, 1],
    ['20/01/2022', 20, 1, 2022, 2, 2],
    ['09/03/2022', 9, 3, 2022, 2, 2],
    ['31/08/2021', 31, 8, 2021, 2, 2],
    ['9/6/2022', 9, 6, 2022, 1, 1],
  ] as const)('numeric "%s"', (s, day, month, year, dayWidth, monthWidth) => {
    const d = parseViDate(s);
    expect(d).toEqual({ day, month, year, style: 'numeric', dayWidth, monthWidth, text: s });
    expect(formatViDate(d)).toBe(s);
  });

  it('in words with "ngày": "ngày 09 tháng 6 năm 2022"', () => {
    const d = parseViDate('ngày 09 tháng 6 năm 2022');
    expect(d).toMatchObject({ day: 9, month: 6, year: 2022, style: 'words', lead: 'ngày', dayWidth: 2, monthWidth: 1 });
    expect(formatViDate(d)).toBe('ngày 09 tháng 6 năm 2022');
  });

  it('in words without "ngày": "27 tháng 12 năm 2021"', () => {
    const d = parseViDate('27 tháng 12 năm 2021');
    expect(d).toMatchObject({ day: 27, month: 12, year: 2021, style: 'words' });
    expect(d.lead).toBeUndefined();
    expect(formatViDate(d)).toBe('27 tháng 12 năm 2021');
  });

  it('numeric with a leading "Ngày" ("Ngày 16/3/2022, Tổ công tác …")', () => {
    const d = parseViDate('Ngày 16/3/2022');
    expect(d).toMatchObject({ day: 16, month: 3, year: 2022, style: 'numeric', lead: 'Ngày' });
    expect(formatViDate(d)).toBe('Ngày 16/3/2022');
  });
});

describe('parseViDate: errors', () => {
  it('31/02/2022 does not exist', () => {
    const r = tryParseViDate('31/02/2022');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('date-invalid');
      expect(r.error.message).toBe('Ngày "31/02/2022" không tồn tại: tháng 2 năm 2022 chỉ có 28 ngày');
    }
  });

  it.each([
    ['29/02/2022', 'date-invalid'],
    ['31/4/2022', 'date-invalid'],
    ['00/1/2022', 'date-invalid'],
    ['01/13/2022', 'date-invalid'],
    ['ngày 32 tháng 1 năm 2022', 'date-invalid'],
    ['01/01/0999', 'date-invalid'],
    ['', 'empty'],
    ['abc', 'malformed'],
    ['09/6/22', 'malformed'],
    ['2022-06-09', 'malformed'],
    ['09/6/2022/1', 'malformed'],
    ['tháng 6 năm 2022', 'malformed'],
  ] as const)('"%s" → %s', (s, code) => {
    const r = tryParseViDate(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(CodecError);
      expect(r.error.code).toBe(code);
    }
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseViDate('29/02/2024').day).toBe(29);
    expect(daysInMonth(2, 2000)).toBe(29);
    expect(daysInMonth(2, 1900)).toBe(28);
  });
});

describe('canonical form (days below 10 and months 1–2 padded)', () => {
  it.each([
    [9, 6, 2022, 'numeric', '09/6/2022'],
    [20, 1, 2022, 'numeric', '20/01/2022'],
    [10, 2, 2022, 'numeric', '10/02/2022'],
    [1, 3, 2022, 'numeric', '01/3/2022'],
    [15, 12, 2021, 'numeric', '15/12/2021'],
    [9, 6, 2022, 'words', 'ngày 09 tháng 6 năm 2022'],
    [5, 1, 2022, 'words', 'ngày 05 tháng 01 năm 2022'],
  ] as const)('%d/%d/%d (%s) → "%s"', (day, month, year, style, text) => {
    expect(formatViDateCanonical(day, month, year, style)).toBe(text);
    expect(isCanonicalViDate(parseViDate(text))).toBe(true);
  });

  it('flags non-canonical padding seen in the report', () => {
    expect(isCanonicalViDate(parseViDate('09/03/2022'))).toBe(false);
    expect(isCanonicalViDate(parseViDate('31/08/2021'))).toBe(false);
    expect(isCanonicalViDate(parseViDate('9/6/2022'))).toBe(false);
  });

  it('refuses to write a date that does not exist', () => {
    expect(() => formatViDateCanonical(31, 2, 2022)).toThrow(CodecError);
  });
});

describe('helpers', () => {
  it('compare, toISO, fromISO', () => {
    const a = parseViDate('15/12/2021');
    const b = parseViDate('ngày 09 tháng 6 năm 2022');
    expect(compareViDates(a, b)).toBeLessThan(0);
    expect(compareViDates(b, a)).toBeGreaterThan(0);
    expect(compareViDates(b, parseViDate('09/6/2022'))).toBe(0);
    expect(toISO(b)).toBe('2022-06-09');
    expect(fromISO('2022-06-09').text).toBe('09/6/2022');
    expect(fromISO('2022-06-09', 'words').text).toBe('ngày 09 tháng 6 năm 2022');
    expect(() => fromISO('09/6/2022')).toThrow(CodecError);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays(parseViDate('31/12/2021'), 1).text).toBe('01/01/2022');
    expect(addDays(parseViDate('28/02/2024'), 1).text).toBe('29/02/2024');
    expect(addDays(parseViDate('01/3/2022'), -1).text).toBe('28/02/2022');
    expect(addDays(parseViDate('ngày 09 tháng 6 năm 2022'), 11).text).toBe('ngày 20 tháng 6 năm 2022');
  });

  it('diffDays: the six-month cut-off 15/12/2021–14/6/2022 spans 181 days', () => {
    expect(diffDays(parseViDate('15/12/2021'), parseViDate('14/6/2022'))).toBe(181);
  });
});

const validDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), d: fc.nat() })
  .map(({ year, month, d }) => ({ year, month, day: (d % daysInMonth(month, year)) + 1 }));

describe('properties', () => {
  it('dates in both styles: format(parse(s)) === s', () => {
    fc.assert(
      fc.property(
        validDate,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('numeric', 'words'),
        fc.constantFrom('', 'ngày ', 'Ngày '),
        ({ day, month, year }, padDay, padMonth, style, lead) => {
          const dd = padDay ? String(day).padStart(2, '0') : String(day);
          const mm = padMonth ? String(month).padStart(2, '0') : String(month);
          const s = style === 'numeric' ? `${lead}${dd}/${mm}/${year}` : `${lead}${dd} tháng ${mm} năm ${year}`;
          const d = parseViDate(s);
          expect([d.day, d.month, d.year]).toEqual([day, month, year]);
          expect(formatViDate({ ...d, text: '' })).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('canonical dates parse back to themselves and addDays agrees with diffDays', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: -800, max: 800 }), ({ day, month, year }, n) => {
        const d = makeViDate(day, month, year);
        expect(parseViDate(d.text)).toEqual(d);
        expect(diffDays(d, addDays(d, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
