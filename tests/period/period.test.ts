import {
  comparePeriods,
  describePeriod,
  detectPeriodKind,
  detectReportPeriod,
  nextPeriod,
  parsePeriod,
  periodNames,
  periodWindow,
  PERIOD_KINDS,
  PERIODS,
  type PeriodKind,
} from '../../src/core/period/period';
import { TEMPLATES } from '../../src/templates';

const QUARTERLY: PeriodKind[] = ['quy-i', 'quy-ii', 'quy-iii', 'quy-iv', 'nam'];
const SIX_MONTHLY: PeriodKind[] = ['quy-i', '6-thang', '9-thang', 'nam'];
/** "15/12/2022 – 14/3/2023, hạn 20/3/2023" for a period. */
const span = (kind: PeriodKind, year: number) => {
  const w = periodWindow({ kind, year });
  const d = (x: { day: number; month: number; year: number }) => `${x.day}/${x.month}/${x.year}`;
  return `${d(w.start)} – ${d(w.cutoff)}, hạn ${d(w.deadline)}`;
};

describe('reporting periods', () => {
  test('windows and deadlines of every kind (Nghị định 09/2019/NĐ-CP, Điều 12; 581/BNV-CCHC)', () => {
    expect(periodWindow({ kind: '6-thang', year: 2022 })).toMatchObject({
      start: { day: 15, month: 12, year: 2021 },
      cutoff: { day: 14, month: 6, year: 2022 },
      deadline: { day: 20, month: 6, year: 2022 },
    });
    // Quarters: 3-month windows; quý I starts in December of the previous year.
    expect(span('quy-i', 2023)).toBe('15/12/2022 – 14/3/2023, hạn 20/3/2023');
    expect(span('quy-ii', 2023)).toBe('15/3/2023 – 14/6/2023, hạn 20/6/2023');
    expect(span('quy-iii', 2023)).toBe('15/6/2023 – 14/9/2023, hạn 20/9/2023');
    expect(span('quy-iv', 2023)).toBe('15/9/2023 – 14/12/2023, hạn 20/12/2023');
    // Cumulative periods from 15/12 of the previous year.
    expect(span('6-thang', 2023)).toBe('15/12/2022 – 14/6/2023, hạn 20/6/2023');
    expect(span('9-thang', 2023)).toBe('15/12/2022 – 14/9/2023, hạn 20/9/2023');
    expect(span('nam', 2023)).toBe('15/12/2022 – 14/12/2023, hạn 20/12/2023');
    expect(PERIOD_KINDS.map((k) => PERIODS[k].captionMonth)).toEqual([3, 6, 6, 9, 9, 12, 12]);
  });

  test('labels in titles and the next period', () => {
    expect(describePeriod({ kind: '6-thang', year: 2022 })).toBe('6 tháng đầu năm 2022');
    expect(PERIODS['6-thang'].next(2022)).toBe('6 tháng cuối năm 2022');
    expect(describePeriod({ kind: 'nam', year: 2022 })).toBe('năm 2022');
    expect(PERIODS.nam.next(2022)).toBe('năm 2023');
    expect(describePeriod({ kind: 'quy-i', year: 2023 })).toBe('quý I năm 2023');
    expect(PERIODS['quy-i'].next(2023)).toBe('quý II năm 2023');
    expect(describePeriod({ kind: 'quy-ii', year: 2023 })).toBe('quý II năm 2023');
    expect(PERIODS['quy-ii'].nextShort(2023)).toBe('quý III');
    expect(describePeriod({ kind: 'quy-iii', year: 2023 })).toBe('quý III năm 2023');
    expect(PERIODS['quy-iii'].next(2023)).toBe('quý IV năm 2023');
    expect(describePeriod({ kind: 'quy-iv', year: 2023 })).toBe('quý IV năm 2023');
    // After quý IV comes quý I of the next year: its label keeps the year even in short form.
    expect([PERIODS['quy-iv'].next(2023), PERIODS['quy-iv'].nextShort(2023), PERIODS['quy-iv'].nextYear(2023)]).toEqual(['quý I năm 2024', 'quý I năm 2024', 2024]);
    expect(describePeriod({ kind: '9-thang', year: 2022 })).toBe('9 tháng đầu năm 2022');
    expect(PERIODS['9-thang'].next(2022)).toBe('quý IV năm 2022');
  });

  test('the next period follows the periods a template serves', () => {
    const cycle = (periods: PeriodKind[], from: { kind: PeriodKind; year: number }, steps: number) => {
      const out = [describePeriod(from)];
      let p = from;
      for (let i = 0; i < steps; i++) out.push(describePeriod((p = nextPeriod(p, periods))));
      return out;
    };
    // Quarterly: quý IV and năm share the cut-off 14/12; the year report is chosen explicitly.
    expect(cycle(QUARTERLY, { kind: 'quy-i', year: 2023 }, 4)).toEqual(['quý I năm 2023', 'quý II năm 2023', 'quý III năm 2023', 'quý IV năm 2023', 'quý I năm 2024']);
    expect(nextPeriod({ kind: 'nam', year: 2023 }, QUARTERLY)).toEqual({ kind: 'quy-i', year: 2024 });
    // The CCHC office template: quý I, 6 tháng, 9 tháng, năm.
    expect(cycle(SIX_MONTHLY, { kind: 'quy-i', year: 2022 }, 4)).toEqual(['quý I năm 2022', '6 tháng đầu năm 2022', '9 tháng đầu năm 2022', 'năm 2022', 'quý I năm 2023']);
    // A source the template does not serve goes to the next served cut-off.
    expect(nextPeriod({ kind: 'quy-ii', year: 2022 }, SIX_MONTHLY)).toEqual({ kind: '9-thang', year: 2022 });
    expect(nextPeriod({ kind: '6-thang', year: 2022 }, QUARTERLY)).toEqual({ kind: 'quy-iii', year: 2022 });
    expect(nextPeriod({ kind: '9-thang', year: 2022 }, QUARTERLY)).toEqual({ kind: 'quy-iv', year: 2022 });
    // Ties at one cut-off go in the list's order.
    expect(nextPeriod({ kind: 'quy-iii', year: 2022 }, ['quy-iii', 'nam', 'quy-iv'])).toEqual({ kind: 'nam', year: 2022 });
    expect(nextPeriod({ kind: 'nam', year: 2022 }, ['nam'])).toEqual({ kind: 'nam', year: 2023 });
    // The registered templates' lists.
    expect(TEMPLATES.get('kiem-soat-tthc-quy').periods).toEqual(QUARTERLY);
    expect(TEMPLATES.get('cchc-6-thang').periods).toEqual(SIX_MONTHLY);
  });

  test('orders periods by year, then cut-off, the shorter window first', () => {
    const sorted = [...PERIOD_KINDS].reverse().map((kind) => ({ kind, year: 2023 })).sort(comparePeriods);
    expect(sorted.map(describePeriod)).toEqual([
      'quý I năm 2023',
      'quý II năm 2023',
      '6 tháng đầu năm 2023',
      'quý III năm 2023',
      '9 tháng đầu năm 2023',
      'quý IV năm 2023',
      'năm 2023',
    ]);
    expect(comparePeriods({ kind: 'quy-i', year: 2024 }, { kind: 'nam', year: 2023 })).toBeGreaterThan(0);
  });

  test('detects the period a title names, telling quarters from cumulative periods', () => {
    expect(detectPeriodKind('Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm; Phương hướng')).toBe('6-thang');
    expect(detectPeriodKind('Báo cáo công tác lãnh đạo quý III năm 2022')).toBe('quy-iii');
    expect(detectPeriodKind('Báo cáo kết quả 9 tháng đầu năm 2022')).toBe('9-thang');
    expect(detectPeriodKind('Báo cáo quý I, phương hướng quý II')).toBe('quy-i');
    expect(detectPeriodKind('Tình hình kiểm soát TTHC quý II năm 2023')).toBe('quy-ii');
    expect(detectPeriodKind('BÁO CÁO QUÝ IV NĂM 2023')).toBe('quy-iv');
    expect(detectPeriodKind('quý 4/2023')).toBe('quy-iv');
    expect(detectPeriodKind('Báo cáo kết quả năm 2022')).toBe('nam');
    expect(detectPeriodKind('không có kỳ nào')).toBeUndefined();
    // "6 tháng năm 2023" is the 6-month report, not the year; a date is not "9 tháng".
    expect(detectPeriodKind('Báo cáo kết quả công tác 6 tháng năm 2023')).toBe('6-thang');
    expect(detectPeriodKind('Phương hướng 6 tháng cuối năm 2023')).toBeUndefined();
    expect(detectPeriodKind('Mai Sơn, ngày 9 tháng 10 năm 2023')).toBeUndefined();
    // Combined titles are their cumulative period (the window holds the quarter's).
    expect(detectPeriodKind('Báo cáo kết quả công tác quý III và 9 tháng đầu năm 2022')).toBe('9-thang');
    expect(detectPeriodKind('Báo cáo quý III năm 2022 và 9 tháng đầu năm 2022')).toBe('9-thang');
    expect(detectPeriodKind('Báo cáo 9 tháng đầu năm và quý III năm 2022')).toBe('9-thang');
    expect(detectPeriodKind('Báo cáo quý II và 6 tháng đầu năm 2023')).toBe('6-thang');
    expect(detectPeriodKind('Báo cáo tình hình quý IV và năm 2023')).toBe('nam');
    expect(detectPeriodKind('Báo cáo quý III, phương hướng quý IV năm 2022')).toBe('quy-iii');
    // A combined title names both kinds at one place.
    expect(periodNames('quý III và 9 tháng đầu năm 2022').map((n) => n.kind)).toEqual(['9-thang', 'quy-iii']);
  });

  test('the source year from the labels', () => {
    expect(detectReportPeriod({ periodLabel: 'quý IV', nextLabel: 'quý I năm 2024' })).toEqual({ kind: 'quy-iv', year: 2023 });
    expect(detectReportPeriod({ periodLabel: 'quý II', nextLabel: 'quý III năm 2023' })).toEqual({ kind: 'quy-ii', year: 2023 });
    expect(detectReportPeriod({ periodLabel: 'năm 2022', nextLabel: 'năm 2023' })).toEqual({ kind: 'nam', year: 2022 });
  });

  test('reads a target period as typed', () => {
    expect(parsePeriod('nam-2022')).toEqual({ kind: 'nam', year: 2022 });
    expect(parsePeriod('năm 2022')).toEqual({ kind: 'nam', year: 2022 });
    expect(parsePeriod('quy-i-2023')).toEqual({ kind: 'quy-i', year: 2023 });
    expect(parsePeriod('Quý I năm 2023')).toEqual({ kind: 'quy-i', year: 2023 });
    expect(parsePeriod('quy-ii-2023')).toEqual({ kind: 'quy-ii', year: 2023 });
    expect(parsePeriod('quý 2 năm 2023')).toEqual({ kind: 'quy-ii', year: 2023 });
    expect(parsePeriod('quy-iii-2022')).toEqual({ kind: 'quy-iii', year: 2022 });
    expect(parsePeriod('quý IV năm 2023')).toEqual({ kind: 'quy-iv', year: 2023 });
    expect(parsePeriod('quy-iv-2023')).toEqual({ kind: 'quy-iv', year: 2023 });
    expect(parsePeriod('9-thang-2022')).toEqual({ kind: '9-thang', year: 2022 });
    expect(parsePeriod('9 tháng 2022')).toEqual({ kind: '9-thang', year: 2022 });
    expect(parsePeriod('9 tháng đầu năm 2022')).toEqual({ kind: '9-thang', year: 2022 });
    expect(parsePeriod('6-thang-2023')).toEqual({ kind: '6-thang', year: 2023 });
    expect(parsePeriod('6 tháng đầu năm 2023')).toEqual({ kind: '6-thang', year: 2023 });
    // Every kind's id reads back as itself.
    for (const kind of PERIOD_KINDS) expect(parsePeriod(`${kind}-2023`)).toEqual({ kind, year: 2023 });
    expect(parsePeriod('quy-v-2023')).toBeUndefined();
    expect(parsePeriod('2023')).toBeUndefined();
  });
});
