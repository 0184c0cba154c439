/**
 * The pieces of the roll-over on small texts: period facts and phrase lists (src/core/period),
 * cited documents' titles, the rewriting of the report's own words, and the report-meta texts.
 */
import { comparePeriods, detectPeriodKind, detectReportPeriod, PERIODS, type ReportPeriod } from '../../src/core/period';
import { metaText, type MetaContext } from '../../src/core/rollover/meta';
import { historySpans, matchCase, rewriteUnit, type ProseUnit } from '../../src/core/rollover/prose';
import { ROLLOVER_ACTIONS } from '../../src/core/rollover/policy';
import { CCHC_6_THANG } from '../helpers/templates';

const SIX_2022 = { kind: '6-thang', year: 2022 } as const;
const YEAR_2022 = { kind: 'nam', year: 2022 } as const;
const Q1_2023 = { kind: 'quy-i', year: 2023 } as const;

function unit(text: string, fieldSpans: { start: number; end: number }[] = []): ProseUnit {
  return { target: { kind: 'paragraph', blockIndex: 0 }, text, section: 'A.1', fieldSpans, replacedSpans: [] };
}

/** Applies a unit's edits (from the end) and returns the new text. */
function rewrite(text: string, from: ReportPeriod, to: ReportPeriod, fieldSpans: { start: number; end: number }[] = []): string {
  const { edits } = rewriteUnit(unit(text, fieldSpans), from, to);
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.after + out.slice(e.end);
  return out;
}

describe('period facts for the roll-over (src/core/period)', () => {
  test('labels without and with the year, next period, its year', () => {
    expect(PERIODS['quy-i'].shortLabel(2023)).toBe('quý I');
    expect(PERIODS.nam.shortLabel(2022)).toBe('năm 2022'); // a year report cannot leave its year out
    expect(PERIODS['6-thang'].nextShort(2022)).toBe('6 tháng cuối năm');
    expect(PERIODS['quy-i'].nextShort(2023)).toBe('quý II');
    expect(PERIODS.nam.nextShort(2022)).toBe('năm 2023');
    expect(PERIODS.nam.nextYear(2022)).toBe(2023);
    expect(PERIODS['6-thang'].nextYear(2022)).toBe(2022);
  });

  test('detects a year report by its label alone and when a quarter is named after it', () => {
    expect(detectPeriodKind('năm 2022')).toBe('nam');
    expect(detectPeriodKind('NĂM 2022')).toBe('nam');
    expect(detectPeriodKind('Báo cáo kết quả năm 2022, phương hướng quý I năm 2023')).toBe('nam');
    expect(detectPeriodKind('Báo cáo công tác lãnh đạo quý III năm 2022')).toBe('quy-iii');
    expect(detectPeriodKind('quý I')).toBe('quy-i');
  });

  test('the source period from the title label, the next label or the report date', () => {
    expect(detectReportPeriod({ periodLabel: '6 tháng đầu năm', nextLabel: '6 tháng cuối năm 2022' })).toEqual(SIX_2022);
    expect(detectReportPeriod({ periodLabel: 'năm 2022', nextLabel: 'năm 2023' })).toEqual(YEAR_2022);
    expect(detectReportPeriod({ periodLabel: 'quý I', nextLabel: 'quý II' , reportDate: { day: 14, month: 3, year: 2023 } })).toEqual(Q1_2023);
    expect(detectReportPeriod({ periodLabel: 'không rõ' })).toBeUndefined();
  });

  test('periods are ordered within and across years', () => {
    expect(comparePeriods(YEAR_2022, SIX_2022)).toBeGreaterThan(0);
    expect(comparePeriods(Q1_2023, YEAR_2022)).toBeGreaterThan(0);
    expect(comparePeriods(SIX_2022, SIX_2022)).toBe(0);
  });
});

describe('policies are data', () => {
  test('year-to-date is kept within the year and cleared in a new year; report-meta fields name their role', () => {
    expect(ROLLOVER_ACTIONS['year-to-date']).toEqual({ sameYear: 'keep', newYear: 'clear' });
    expect(ROLLOVER_ACTIONS.period).toEqual({ sameYear: 'clear', newYear: 'clear' });
    expect(ROLLOVER_ACTIONS.standing).toEqual({ sameYear: 'keep', newYear: 'keep' });
    const meta = CCHC_6_THANG.fields.filter((f) => f.rollover === 'report-meta');
    expect(meta.map((f) => [f.id, f.meta])).toEqual([
      ['meta.reportDate', 'reportDate'],
      ['meta.periodLabel', 'periodLabel'],
      ['meta.nextPeriodLabel', 'nextPeriodLabel'],
      ['meta.dataFrom', 'dataFrom'],
      ['meta.dataTo', 'dataTo'],
      ['meta.pl1Caption', 'caption'],
      ['meta.pl3Caption', 'caption'],
      ['meta.pl3TitlePeriod', 'titlePeriod'],
    ]);
    expect(CCHC_6_THANG.fields.filter((f) => f.meta !== undefined && f.rollover !== 'report-meta')).toEqual([]);
    expect(CCHC_6_THANG.fields.find((f) => f.id === 'bi21.rankGain')).toMatchObject({ rollover: 'previous-reference', comparedYear: { after: 'bậc so với năm' } });
  });
});

describe("cited documents' titles (history)", () => {
  const text =
    'Kế hoạch số 10/KH-VPUB ngày 18/01/2022 về phổ biến pháp luật năm 2022. Báo cáo số 95/BC-VPUB ngày 01/6/2022 của Văn phòng UBND tỉnh kết quả thực hiện công tác phổ biến, giáo dục pháp luật 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022.';

  test('the clause after a reference, up to ";" or "." (not inside a number), is its title', () => {
    const spans = historySpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Kế hoạch số 10/KH-VPUB ngày 18/01/2022 về phổ biến pháp luật năm 2022',
      'Báo cáo số 95/BC-VPUB ngày 01/6/2022 của Văn phòng UBND tỉnh kết quả thực hiện công tác phổ biến, giáo dục pháp luật 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022',
    ]);
  });

  test('a title with ";" inside continues in lower case, or when the next clause cites another document', () => {
    const list =
      'Kế hoạch số 21/KH-VPUB ngày 25/02/2022 về khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính; Chỉ số hài lòng về sự phục vụ hành chính năm 2021; Kế hoạch số 34/KH-VPUB ngày 27/5/2022 về giữ vững chỉ số; khắc phục một số nhóm điểm thấp năm 2022. Trong năm 2021, Văn phòng đã có 02 sáng kiến.';
    const cited = historySpans(list).map((s) => list.slice(s.start, s.end));
    expect(cited).toContain('Chỉ số hài lòng về sự phục vụ hành chính năm 2021');
    expect(cited).toContain('khắc phục một số nhóm điểm thấp năm 2022');
    expect(cited.some((c) => c.includes('sáng kiến'))).toBe(false);
    // Rolled into 2023: the cited titles keep their years, the report's own sentence moves on.
    expect(rewrite(list, SIX_2022, Q1_2023)).toBe(list.replace('Trong năm 2021', 'Trong năm 2022'));
  });

  test('laws named by their title are history too', () => {
    const law = 'Luật Cán bộ, công chức năm 2008, Luật Viên chức năm 2010; Luật sửa đổi Luật cán bộ, công chức năm 2021.';
    expect(rewrite(law, SIX_2022, Q1_2023)).toBe(law);
  });
});

describe("rewriting the report's own words", () => {
  test('period phrases of the source period, generic "Trong quý"/"Trong 6 tháng", headings in upper case', () => {
    expect(rewrite('1. Trong 6 tháng đầu năm, thành viên Ban chỉ đạo đã chủ động.', SIX_2022, YEAR_2022)).toBe('1. Trong năm 2022, thành viên Ban chỉ đạo đã chủ động.');
    expect(rewrite('1. Trong 6 tháng đầu năm, thành viên Ban chỉ đạo đã chủ động.', SIX_2022, Q1_2023)).toBe('1. Trong quý I, thành viên Ban chỉ đạo đã chủ động.');
    expect(rewrite('Trong 6 tháng, các sở, ban, ngành đã thực hiện.', SIX_2022, Q1_2023)).toBe('Trong quý I, các sở, ban, ngành đã thực hiện.');
    expect(rewrite('Trong quý, Tổ công tác đã ban hành.', SIX_2022, YEAR_2022)).toBe('Trong năm 2022, Tổ công tác đã ban hành.');
    expect(rewrite('Trong quý, Tổ công tác đã ban hành.', SIX_2022, Q1_2023)).toBe('Trong quý, Tổ công tác đã ban hành.'); // fits a quarterly report
    expect(rewrite('III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM', SIX_2022, YEAR_2022)).toBe('III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023');
    expect(rewrite('III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM', SIX_2022, Q1_2023)).toBe('III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II');
    expect(rewrite('nhiệm vụ 6 tháng cuối năm 2022 như sau', SIX_2022, Q1_2023)).toBe('nhiệm vụ quý II năm 2023 như sau');
  });

  test('a year report rolled to the first quarter: its own period and next period', () => {
    expect(rewrite('Trong năm 2022, Văn phòng đã ban hành; phương hướng, nhiệm vụ năm 2023.', YEAR_2022, Q1_2023)).toBe(
      'Trong quý I năm 2023, Văn phòng đã ban hành; phương hướng, nhiệm vụ quý II năm 2023.',
    );
    // "Trong năm 2021" is another year: not the report's period; the year moves on.
    expect(rewrite('Trong năm 2021, các cơ quan đã tiếp nhận.', YEAR_2022, Q1_2023)).toBe('Trong năm 2022, các cơ quan đã tiếp nhận.');
  });

  test('quarters: quý I → quý II → … → quý IV → quý I of the next year', () => {
    const q = (kind: 'quy-i' | 'quy-ii' | 'quy-iii' | 'quy-iv', year: number) => ({ kind, year });
    expect(rewrite('Trong quý I, huyện đã tiếp nhận; phương hướng, nhiệm vụ quý II năm 2023.', q('quy-i', 2023), q('quy-ii', 2023))).toBe(
      'Trong quý II, huyện đã tiếp nhận; phương hướng, nhiệm vụ quý III năm 2023.',
    );
    expect(rewrite('Kết quả quý III năm 2023; nhiệm vụ quý IV.', q('quy-iii', 2023), q('quy-iv', 2023))).toBe('Kết quả quý IV năm 2023; nhiệm vụ quý I năm 2024.');
    expect(rewrite('Trong quý IV năm 2023, đã giải quyết; nhiệm vụ quý I năm 2024.', q('quy-iv', 2023), q('quy-i', 2024))).toBe(
      'Trong quý I năm 2024, đã giải quyết; nhiệm vụ quý II năm 2024.',
    );
    // "quý I" is not read inside "quý III"/"quý IV"; "Trong quý, …" fits every quarter.
    expect(rewrite('So với quý III và quý IV năm 2022. Trong quý, đã ban hành.', q('quy-i', 2023), q('quy-ii', 2023))).toBe('So với quý III và quý IV năm 2022. Trong quý, đã ban hành.');
    expect(rewrite('Trong quý, đã ban hành.', q('quy-ii', 2023), SIX_2022)).toBe('Trong 6 tháng đầu năm, đã ban hành.');
  });

  test('a combined title "quý III và 9 tháng đầu năm" is the 9-month report, renamed as a whole', () => {
    const nine = { kind: '9-thang', year: 2022 } as const;
    expect(rewrite('Kết quả quý III và 9 tháng đầu năm 2022; phương hướng quý IV năm 2022.', nine, YEAR_2022)).toBe('Kết quả năm 2022; phương hướng năm 2023.');
    expect(rewrite('Trong 9 tháng, đã ban hành.', nine, { kind: 'quy-iv', year: 2022 })).toBe('Trong quý IV, đã ban hành.');
    expect(rewrite('Trong quý II và 6 tháng đầu năm 2022, đã ban hành.', SIX_2022, YEAR_2022)).toBe('Trong năm 2022, đã ban hành.');
  });

  test('frequencies are not periods', () => {
    const frequency = 'Tổ chức đối thoại, định kỳ 2 lần/ năm (6 tháng 01 lần). Báo cáo tình hình tiết kiệm 6 tháng, năm 2022. (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)';
    expect(rewrite(frequency, SIX_2022, YEAR_2022)).toBe(frequency);
    expect(rewrite(frequency, SIX_2022, Q1_2023)).toBe(frequency.replace('năm 2022', 'năm 2023'));
  });

  test('years: relative ones move into a new year, fixed points stay, nothing moves within the year', () => {
    const text = 'Kế hoạch cải cách hành chính năm 2022; dự toán năm 2023; kiểm tra vào cuối quý II và quý III/2022; tinh giản so với năm 2015; định hướng đến năm 2030.';
    expect(rewrite(text, SIX_2022, Q1_2023)).toBe(
      'Kế hoạch cải cách hành chính năm 2023; dự toán năm 2024; kiểm tra vào cuối quý II và quý III/2023; tinh giản so với năm 2015; định hướng đến năm 2030.',
    );
    expect(rewrite(text, SIX_2022, YEAR_2022)).toBe(text);
  });

  test('spans of fields are left to their policies; stale labels left in cited titles are reported', () => {
    const text = 'Kết quả 6 tháng đầu năm, đã tổ chức 20 cuộc họp.';
    const at = text.indexOf('6 tháng');
    expect(rewrite(text, SIX_2022, YEAR_2022, [{ start: at, end: at + 15 }])).toBe(text);
    const cited = 'Báo cáo số 101/BC-VPUB ngày 06/6/2022 kết quả ứng dụng CNTT 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022.';
    const { edits, left } = rewriteUnit(unit(cited), SIX_2022, YEAR_2022);
    expect(edits).toEqual([]);
    expect(left.map((l) => [l.text, l.why])).toEqual([
      ['6 tháng đầu năm', 'cited'],
      ['6 tháng cuối năm 2022', 'cited'],
    ]);
  });

  test('case follows the source', () => {
    expect(matchCase('6 THÁNG ĐẦU NĂM NĂM 2022', 'quý I năm 2023')).toBe('QUÝ I NĂM 2023');
    expect(matchCase('Quý I', 'năm 2022')).toBe('Năm 2022');
    expect(matchCase('6 tháng đầu năm', 'quý I')).toBe('quý I');
  });
});

describe('report-meta texts keep the written style', () => {
  const ctx: MetaContext = {
    to: YEAR_2022,
    reportDate: { day: 14, month: 12, year: 2022 },
    dataFrom: { day: 15, month: 12, year: 2021 },
    dataTo: { day: 14, month: 12, year: 2022 },
  };
  test('dates in words or numbers, labels with or without the year, captions, titles in upper case', () => {
    expect(metaText('reportDate', 'ngày 09 tháng 6 năm 2022', ctx)).toBe('ngày 14 tháng 12 năm 2022');
    expect(metaText('reportDate', '09/6/2022', ctx)).toBe('14/12/2022');
    expect(metaText('dataTo', '09/6/2022', ctx)).toBe('14/12/2022');
    expect(metaText('dataFrom', '15/12/2021', { ...ctx, to: Q1_2023, dataFrom: { day: 15, month: 12, year: 2022 } })).toBe('15/12/2022');
    expect(metaText('periodLabel', '6 tháng đầu năm', ctx)).toBe('năm 2022');
    expect(metaText('periodLabel', '6 tháng đầu năm', { ...ctx, to: Q1_2023 })).toBe('quý I');
    expect(metaText('nextPeriodLabel', '6 tháng cuối năm 2022', ctx)).toBe('năm 2023');
    expect(metaText('nextPeriodLabel', '6 tháng cuối năm 2022', { ...ctx, to: Q1_2023 })).toBe('quý II năm 2023');
    expect(metaText('caption', 'tháng 3 năm 2022', ctx)).toBe('tháng 12 năm 2022');
    expect(metaText('caption', 'ngày 09/6/2022', ctx)).toBe('ngày 14/12/2022');
    expect(metaText('titlePeriod', '6 THÁNG ĐẦU NĂM NĂM 2022', ctx)).toBe('NĂM 2022');
    expect(metaText('caption', 'không có kỳ', ctx)).toBeUndefined();
  });
});
