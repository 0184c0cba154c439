import { describePeriod, detectPeriodKind, nextPeriod, parsePeriod, periodWindow, PERIODS } from '../../src/core/period/period';

describe('reporting periods', () => {
  test('windows and deadlines (Nghị định 09/2019, 581/BNV-CCHC)', () => {
    expect(periodWindow({ kind: '6-thang', year: 2022 })).toMatchObject({
      start: { day: 15, month: 12, year: 2021 },
      cutoff: { day: 14, month: 6, year: 2022 },
      deadline: { day: 20, month: 6, year: 2022 },
    });
    expect(periodWindow({ kind: 'quy-i', year: 2023 }).start).toEqual({ day: 15, month: 12, year: 2022 });
    expect(periodWindow({ kind: 'quy-iii', year: 2022 }).cutoff).toEqual({ day: 14, month: 9, year: 2022 });
    expect(periodWindow({ kind: 'nam', year: 2022 }).cutoff).toEqual({ day: 14, month: 12, year: 2022 });
  });

  test('labels in titles and the next period', () => {
    expect(describePeriod({ kind: '6-thang', year: 2022 })).toBe('6 tháng đầu năm 2022');
    expect(PERIODS['6-thang'].next(2022)).toBe('6 tháng cuối năm 2022');
    expect(describePeriod({ kind: 'nam', year: 2022 })).toBe('năm 2022');
    expect(PERIODS.nam.next(2022)).toBe('năm 2023');
    expect(describePeriod({ kind: 'quy-i', year: 2023 })).toBe('quý I năm 2023');
    expect(PERIODS['quy-i'].next(2023)).toBe('quý II năm 2023');
    expect(nextPeriod({ kind: 'nam', year: 2022 })).toEqual({ kind: 'quy-i', year: 2023 });
    expect(nextPeriod({ kind: '6-thang', year: 2022 })).toEqual({ kind: 'quy-iii', year: 2022 });
  });

  test('detects the period a title names, longer names first', () => {
    expect(detectPeriodKind('Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm; Phương hướng')).toBe('6-thang');
    expect(detectPeriodKind('Báo cáo công tác lãnh đạo quý III năm 2022')).toBe('quy-iii');
    expect(detectPeriodKind('Báo cáo quý I, phương hướng quý II')).toBe('quy-i');
    expect(detectPeriodKind('Báo cáo kết quả năm 2022')).toBe('nam');
    expect(detectPeriodKind('không có kỳ nào')).toBeUndefined();
  });

  test('reads a target period as typed', () => {
    expect(parsePeriod('nam-2022')).toEqual({ kind: 'nam', year: 2022 });
    expect(parsePeriod('năm 2022')).toEqual({ kind: 'nam', year: 2022 });
    expect(parsePeriod('quy-i-2023')).toEqual({ kind: 'quy-i', year: 2023 });
    expect(parsePeriod('Quý I năm 2023')).toEqual({ kind: 'quy-i', year: 2023 });
    expect(parsePeriod('quy-iii-2022')).toEqual({ kind: 'quy-iii', year: 2022 });
    expect(parsePeriod('9 tháng 2022')).toEqual({ kind: 'quy-iii', year: 2022 });
    expect(parsePeriod('6-thang-2023')).toEqual({ kind: '6-thang', year: 2023 });
    expect(parsePeriod('6 tháng đầu năm 2023')).toEqual({ kind: '6-thang', year: 2023 });
    expect(parsePeriod('quy-v-2023')).toBeUndefined();
    expect(parsePeriod('2023')).toBeUndefined();
  });
});
