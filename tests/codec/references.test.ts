import * as fs from 'node:fs';
import fc from 'fast-check';
import {
  CodecError,
  findReferences,
  formatReference,
  formatReferenceCore,
  impliedDocType,
  parseReference,
  referenceKey,
  toISO,
  tryParseReference,
  type DocRef,
} from '../../src/core/codec';
import { SEED_TEXT } from '../helpers/paths';

describe('parseReference: every form of the report', () => {
  it('"Quyết định số 3162/QĐ-UBND ngày 20/12/2021"', () => {
    const r = parseReference('Quyết định số 3162/QĐ-UBND ngày 20/12/2021');
    expect(r).toMatchObject({
      docType: 'Quyết định',
      docTypeText: 'Quyết định',
      numberWord: 'số',
      number: '3162',
      separator: '/',
      symbol: 'QĐ-UBND',
      key: '3162/QĐ-UBND',
      dateWord: 'ngày',
    });
    expect(r.year).toBeUndefined();
    expect(r.date && toISO(r.date)).toBe('2021-12-20');
    expect(formatReference(r)).toBe(r.text);
  });

  it('"Quyết định 133/QĐ-UBND ngày 20/01/2022" (no "số")', () => {
    const r = parseReference('Quyết định 133/QĐ-UBND ngày 20/01/2022');
    expect(r.numberWord).toBeUndefined();
    expect(r.docType).toBe('Quyết định');
    expect(r.key).toBe('133/QĐ-UBND');
    expect(formatReference(r)).toBe('Quyết định 133/QĐ-UBND ngày 20/01/2022');
  });

  it('"Nghị định số 45/2020/NĐ-CP ngày 08/4/2021" (normative: year in the number)', () => {
    const r = parseReference('Nghị định số 45/2020/NĐ-CP ngày 08/4/2021');
    expect(r).toMatchObject({ docType: 'Nghị định', number: '45', year: 2020, symbol: 'NĐ-CP', key: '45/2020/NĐ-CP' });
    expect(r.date?.text).toBe('08/4/2021');
  });

  it('"Nghị định 115/2020/NĐ-CP" (no "số", no date)', () => {
    const r = parseReference('Nghị định 115/2020/NĐ-CP');
    expect(r).toMatchObject({ docType: 'Nghị định', year: 2020, key: '115/2020/NĐ-CP' });
    expect(r.date).toBeUndefined();
    expect(r.dateMissing).toBeUndefined();
  });

  it('party documents use a hyphen: "Chỉ thị số 25-CT/TU ngày 18/12/2013", "Quy định số 08-QĐi/TW"', () => {
    const c = parseReference('Chỉ thị số 25-CT/TU ngày 18/12/2013');
    expect(c).toMatchObject({ docType: 'Chỉ thị', number: '25', separator: '-', symbol: 'CT/TU', key: '25-CT/TU' });
    expect(formatReferenceCore(c)).toBe('25-CT/TU');
    const q = parseReference('Quy định số 08-QĐi/TW');
    expect(q).toMatchObject({ docType: 'Quy định', number: '08', separator: '-', symbol: 'QĐi/TW', key: '8-QĐI/TW' });
    expect(formatReference(q)).toBe('Quy định số 08-QĐi/TW');
  });

  it.each([
    ['Công văn số 174/UBNDKSTTHC', 'Công văn', 'UBNDKSTTHC'],
    ['Thông tư Liên tịch số 01/2015/TTLT-VPCP-BNV', 'Thông tư Liên tịch', 'TTLT-VPCP-BNV'],
    ['Thông tư liên tịch số 71/2014/TTLT-BTC-BNV', 'Thông tư Liên tịch', 'TTLT-BTC-BNV'],
    ['văn bản số 2995/VPCP-KSTT', 'văn bản', 'VPCP-KSTT'],
    ['Công văn số 364/TKTr', 'Công văn', 'TKTr'],
    ['Quyết định số 1291/QĐ-TT', 'Quyết định', 'QĐ-TT'],
    ['Công văn số 398/SNV-CCHC&VTLT', 'Công văn', 'SNV-CCHC&VTLT'],
    ['Kế hoạch số 02/KH-VPUB', 'Kế hoạch', 'KH-VPUB'],
    ['Chỉ thị số 26/CT-TTg', 'Chỉ thị', 'CT-TTg'],
  ] as const)('"%s"', (s, docType, symbol) => {
    const r = parseReference(s);
    expect(r.docType).toBe(docType);
    expect(r.symbol).toBe(symbol);
    expect(formatReference(r)).toBe(s);
  });

  it('a date in words: "Báo cáo số 9475/VPCP-KSTT ngày 27 tháng 12 năm 2021"', () => {
    const r = parseReference('Báo cáo số 9475/VPCP-KSTT ngày 27 tháng 12 năm 2021');
    expect(r.date).toMatchObject({ day: 27, month: 12, year: 2021, style: 'words' });
    expect(formatReference(r)).toBe(r.text);
    // The symbol has no type abbreviation: it is a Công văn, not a Báo cáo.
    expect(impliedDocType(r.symbol, r.separator)).toBe('Công văn');
  });

  it('typos: "Nghị số 61/2018/NĐ-CP", "Thông thư số 02/2017/TT-VPCP"', () => {
    const n = parseReference('Nghị số 61/2018/NĐ-CP');
    expect(n).toMatchObject({ docType: 'Nghị định', docTypeText: 'Nghị', docTypeTypo: true, year: 2018 });
    expect(formatReference(n)).toBe('Nghị số 61/2018/NĐ-CP');
    const t = parseReference('Thông thư số 02/2017/TT-VPCP ngày 31/10/2017');
    expect(t).toMatchObject({ docType: 'Thông tư', docTypeText: 'Thông thư', docTypeTypo: true, key: '2/2017/TT-VPCP' });
  });

  it('"ngày" without a date: "Kế hoạch số 33/KH-UBND ngày Thực hiện …"', () => {
    const [r] = findReferences('Kế hoạch số 33/KH-UBND ngày Thực hiện Nghị quyết');
    expect(r).toMatchObject({ key: '33/KH-UBND', dateMissing: true, text: 'Kế hoạch số 33/KH-UBND ngày' });
    expect(r?.date).toBeUndefined();
    if (r) expect(formatReference(r)).toBe(r.text);
  });

  it('an invalid date after "ngày" is reported, not dropped', () => {
    const r = parseReference('Quyết định số 12/QĐ-UBND ngày 31/02/2022');
    expect(r.date).toBeUndefined();
    expect(r.dateError).toBeInstanceOf(CodecError);
    expect(r.dateError?.code).toBe('date-invalid');
    expect(formatReference(r)).toBe('Quyết định số 12/QĐ-UBND ngày 31/02/2022');
  });

  it('a bare number/symbol is a reference without a type', () => {
    const r = parseReference('3162/QĐ-UBND');
    expect(r.docType).toBeUndefined();
    expect(r.key).toBe('3162/QĐ-UBND');
  });

  it('rejects what is not one reference', () => {
    for (const s of ['', 'abc', '30/50', '09/6/2022', 'Quyết định số', 'Quyết định số 3162/QĐ-UBND và 133/QĐ-UBND']) {
      const r = tryParseReference(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(CodecError);
    }
    const e = tryParseReference('abc');
    if (!e.ok) expect(e.error.message).toContain('không phải một trích dẫn văn bản hợp lệ');
  });

  it('keys ignore leading zeros and the case of the symbol', () => {
    expect(referenceKey('02', 'KH-VPUB')).toBe(referenceKey('2', 'KH-VPUB'));
    expect(referenceKey('26', 'CT-TTg')).toBe(referenceKey('26', 'CT-TTG'));
    // An Icelandic eth typed for Đ still compares equal.
    expect(referenceKey('3162', 'Q\u00d0-UBND')).toBe('3162/QĐ-UBND');
  });

  it('impliedDocType reads the type abbreviation of the symbol', () => {
    expect(impliedDocType('QĐ-UBND')).toBe('Quyết định');
    expect(impliedDocType('KH-VPUB')).toBe('Kế hoạch');
    expect(impliedDocType('NĐ-CP')).toBe('Nghị định');
    expect(impliedDocType('TTLT-VPCP-BNV')).toBe('Thông tư Liên tịch');
    expect(impliedDocType('CT/TU', '-')).toBe('Chỉ thị');
    expect(impliedDocType('QĐi/TW', '-')).toBe('Quy định');
    expect(impliedDocType('UBND-KSTTHC')).toBe('Công văn');
  });
});

describe('findReferences in a sentence', () => {
  it('finds each reference with its position', () => {
    const s =
      'Thực hiện Quyết định số 3162/QĐ-UBND ngày 20/12/2021 của UBND tỉnh; Kế hoạch số 02/KH-VPUB về thực hiện ' +
      'cải cách hành chính; Nghị định số 45/2020/NĐ-CP.';
    const refs = findReferences(s);
    expect(refs.map((r) => r.text)).toEqual([
      'Quyết định số 3162/QĐ-UBND ngày 20/12/2021',
      'Kế hoạch số 02/KH-VPUB',
      'Nghị định số 45/2020/NĐ-CP',
    ]);
    for (const r of refs) {
      expect(s.slice(r.start, r.end)).toBe(r.text);
      expect(s.slice(r.coreStart, r.coreEnd)).toBe(formatReferenceCore(r));
    }
  });

  it('starts at the last type word of "Kế hoạch Kế hoạch số 34/KH-VPUB"', () => {
    const [r] = findReferences('Kế hoạch Kế hoạch số 34/KH-VPUB ngày 27/5/2022 về');
    expect(r?.start).toBe('Kế hoạch '.length);
    expect(r?.text).toBe('Kế hoạch số 34/KH-VPUB ngày 27/5/2022');
  });

  it('never overlaps: a reference right after "ngày" is a second reference, not a date', () => {
    const refs = findReferences('Quyết định số 12/QĐ-UBND ngày 13/QĐ-UBND ngày 20/12/2021');
    expect(refs.map((r) => [r.text, r.dateMissing])).toEqual([
      ['Quyết định số 12/QĐ-UBND ngày', true],
      ['13/QĐ-UBND ngày 20/12/2021', undefined],
    ]);
  });

  it('ignores fractions, dates, year ranges, URLs and "quý III/2022"', () => {
    const s =
      'đã triển khai 30/50 nhiệm vụ; thứ 6/20 sở; từ 15/12/2021; giai đoạn 2021-2025; quý III/2022; ' +
      'https://sonla.gov.vn/4/467/64741/Thu-tuc-hanh-chinh/; Covid-19; 23/17';
    expect(findReferences(s)).toEqual([]);
  });
});

describe('findReferences over the whole report', () => {
  const text = fs.readFileSync(SEED_TEXT, 'utf8');
  const refs = findReferences(text);
  const byKey = (key: string): DocRef[] => refs.filter((r) => r.key === key);

  it('finds every number/symbol of the report (227, counted independently with grep)', () => {
    expect(refs).toHaveLength(227);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
    // Every reference carries a type word, except none: the report always names the type.
    expect(refs.filter((r) => r.docType === undefined)).toEqual([]);
  });

  it('cites 3162/QĐ-UBND seven times, always dated 20/12/2021', () => {
    const cites = byKey('3162/QĐ-UBND');
    expect(cites).toHaveLength(7);
    for (const r of cites) {
      expect(r.docType).toBe('Quyết định');
      expect(r.date?.text).toBe('20/12/2021');
    }
  });

  it('finds "Quyết định số 134/QĐ-UBND … năm 202;" (the sentence with the truncated year)', () => {
    const typo = text.indexOf('Chỉ số cải cách hành chính năm 202;');
    expect(typo).toBeGreaterThan(0);
    const r = refs.find((x) => x.key === '134/QĐ-UBND' && x.end < typo && typo - x.end < 80);
    expect(r?.text).toBe('Quyết định số 134/QĐ-UBND ngày 20/01/2022');
    expect(byKey('134/QĐ-UBND')).toHaveLength(4);
  });

  it('finds 45/2020/NĐ-CP with year 2020, once dated 08/4/2021 and once undated', () => {
    const cites = byKey('45/2020/NĐ-CP');
    expect(cites).toHaveLength(2);
    expect(cites.every((r) => r.year === 2020 && r.docType === 'Nghị định')).toBe(true);
    expect(cites[0]?.date?.text).toBe('08/4/2021');
    expect(cites[1]?.date).toBeUndefined();
  });

  it('finds the forms without "số", the typos, the party documents and the odd symbols', () => {
    expect(byKey('133/QĐ-UBND').map((r) => r.numberWord)).toEqual([undefined, undefined, undefined, undefined]);
    expect(byKey('115/2020/NĐ-CP')[0]?.text).toBe('Nghị định 115/2020/NĐ-CP ngày 25/9/2020');
    const typos = refs.filter((r) => r.docTypeTypo).map((r) => r.text);
    expect(typos).toEqual(['Thông thư số 02/2017/TT-VPCP ngày 31/10/2017', 'Nghị số 61/2018/NĐ-CP']);
    expect(byKey('25-CT/TU').map((r) => r.date?.text)).toEqual(['18/12/2013', '18/12/2013']);
    expect(byKey('8-QĐI/TW')[0]?.text).toBe('Quy định số 08-QĐi/TW ngày 25/10/2018');
    expect(byKey('174/UBNDKSTTHC')[0]?.date?.text).toBe('15/01/2022');
    expect(byKey('1/2015/TTLT-VPCP-BNV')[0]?.docType).toBe('Thông tư Liên tịch');
    expect(byKey('2995/VPCP-KSTT')[0]?.docType).toBe('văn bản');
    expect(byKey('364/TKTR')[0]?.text).toBe('Công văn số 364/TKTr ngày 01/4/2022');
    expect(byKey('9475/VPCP-KSTT')[0]?.date?.style).toBe('words');
    expect(byKey('1291/QĐ-TT')[0]?.text).toBe('Quyết định số 1291/QĐ-TT');
  });

  it('finds the reference with "ngày" and no date in Phụ lục III', () => {
    const missing = refs.filter((r) => r.dateMissing);
    expect(missing.map((r) => r.text)).toEqual(['Kế hoạch số 33/KH-UBND ngày']);
    // The same plan is cited with its date in section A.3.
    expect(byKey('33/KH-UBND')[0]?.date?.text).toBe('27/01/2022');
  });

  it('reads a date across a page break ("Nghị quyết số 02/NQ-CP ngày\\n\\n10/01/2022")', () => {
    const r = byKey('2/NQ-CP')[0];
    expect(r?.text).toBe('Nghị quyết số 02/NQ-CP ngày\n\n10/01/2022');
    expect(r?.date?.text).toBe('10/01/2022');
    if (r) expect(formatReference(r)).toBe('Nghị quyết số 02/NQ-CP ngày 10/01/2022');
  });

  it('exposes the citations whose dates disagree (05/QĐ-VPUB and 06/QĐ-VPUB: 13/01 vs 14/01/2022)', () => {
    const dates = new Map<string, Set<string>>();
    for (const r of refs) {
      if (!r.date) continue;
      const set = dates.get(r.key) ?? new Set<string>();
      set.add(toISO(r.date));
      dates.set(r.key, set);
    }
    const conflicting = [...dates].filter(([, s]) => s.size > 1).map(([k, s]) => [k, [...s].sort()]);
    expect(conflicting).toEqual([
      ['5/QĐ-VPUB', ['2022-01-13', '2022-01-14']],
      ['6/QĐ-VPUB', ['2022-01-13', '2022-01-14']],
      // Two different plans numbered 61 in different years: a rule must not confuse them.
      ['61/KH-UBND', ['2019-03-04', '2021-03-02']],
    ]);
  });

  it('formatReference reproduces every single-spaced reference of the report', () => {
    for (const r of refs) {
      if (/\s{2,}|\n/.test(r.text)) continue;
      expect(formatReference(r)).toBe(r.text);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const typeWords = fc.constantFrom(
  'Quyết định',
  'Kế hoạch',
  'Báo cáo',
  'Công văn',
  'Nghị định',
  'Nghị quyết',
  'Thông tư',
  'Thông tư Liên tịch',
  'Chỉ thị',
  'Quy định',
  'văn bản',
  'Thông báo',
);
const stateSymbols = fc.constantFrom('QĐ-UBND', 'KH-VPUB', 'NĐ-CP', 'SNV-CCHC&VTLT', 'UBNDKSTTHC', 'TTLT-VPCP-BNV', 'TKTr', 'CT-TTg', 'VPCP-KSTT', 'QH13');
const partySymbols = fc.constantFrom('CT/TU', 'QĐi/TW', 'NQ/TU', 'NQ/TW');
const numbers = fc.oneof(fc.integer({ min: 1, max: 9999 }).map(String), fc.integer({ min: 1, max: 9 }).map((n) => `0${n}`));
const dates = fc.constantFrom('20/12/2021', '08/4/2021', '01/3/2022', '27 tháng 12 năm 2021', '09 tháng 6 năm 2022');

describe('properties', () => {
  it('references: format(parse(s)) === s, and findReferences locates it inside a sentence', () => {
    fc.assert(
      fc.property(
        fc.option(typeWords, { nil: undefined }),
        fc.boolean(),
        numbers,
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        fc.oneof(stateSymbols.map((s) => `/${s}`), partySymbols.map((s) => `-${s}`)),
        fc.option(dates, { nil: undefined }),
        (type, so, number, year, symbol, date) => {
          const core = `${number}${year !== undefined ? `/${year}` : ''}${symbol}`;
          const parts = [type, so ? 'số' : undefined, core, date !== undefined ? `ngày ${date}` : undefined];
          const s = parts.filter((p) => p !== undefined).join(' ');
          const r = parseReference(s);
          expect(formatReference(r)).toBe(s);
          expect(r.year).toBe(year);
          expect(r.number).toBe(number);
          const sentence = `Thực hiện ${s}, của UBND tỉnh.`;
          const found = findReferences(sentence);
          expect(found).toHaveLength(1);
          expect(found[0]?.start).toBe('Thực hiện '.length);
          expect(found[0]?.text).toBe(s);
          expect(found[0]?.key).toBe(r.key);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('findReferences never throws and its spans are ordered and disjoint', () => {
    const noise = fc
      .array(fc.constantFrom('Quyết định ', 'số ', ' ngày ', '12', '/', '-', 'QĐ', 'UBND', 'CT', 'TU', '2021', ' ', '\n', 'a', 'Đ', '12/QĐ-UBND', ' tháng ', ' năm '), { maxLength: 30 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), noise), (s) => {
        const refs = findReferences(s);
        let last = 0;
        for (const r of refs) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(s.slice(r.start, r.end)).toBe(r.text);
          last = r.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
