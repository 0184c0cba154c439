/**
 * The check's "kỳ báo cáo" rules for every kind of period (Nghị định 09/2019/NĐ-CP): a quarter's
 * data window is its three months (quý III: 15/6 – 14/9), a cumulative period's runs from 15/12 of
 * the previous year; the deadline is the 20th of the last month; a combined title "quý III và 9
 * tháng đầu năm" is the 9-month report and may speak of its quarter.
 */
import { checkReport, type Finding } from '../../src/core/check';
import { CCHC_6_THANG } from '../helpers/templates';
import type { Block, DocumentSnapshot } from '../../src/document/types';

const para = (index: number, text: string): Block => ({ type: 'paragraph', index, text, spans: [] });

/** A short report: title, dated line, part A with one sentence; the period findings. */
function periodFindings(title: string, date: string, sentence: string): Pick<Finding, 'severity' | 'message' | 'expected'>[] {
  const blocks = [
    para(0, 'BÁO CÁO'),
    para(1, title),
    para(2, `Mai Sơn, ngày ${date}`),
    para(3, 'A. NHIỆM VỤ CỦA THÀNH VIÊN BAN CHỈ ĐẠO TỈNH VỀ CCHC'),
    para(4, sentence),
  ];
  const snapshot: DocumentSnapshot = { blocks, controls: [] };
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'ky.docx' })
    .findings.filter((f) => f.rule === 'period')
    .map(({ severity, message, expected }) => ({ severity, message, ...(expected !== undefined ? { expected } : {}) }));
}

describe('kỳ báo cáo for quarters and cumulative periods', () => {
  const inQ3 = 'Số liệu tính từ ngày 15/6/2023 đến ngày 14/9/2023, huyện tiếp nhận 120 hồ sơ.';
  const fromDecember = 'Số liệu tính từ ngày 15/12/2022 đến ngày 14/9/2023, huyện tiếp nhận 120 hồ sơ.';

  test('quý III is 15/6 – 14/9: a window from 15/12 of the previous year is outside it', () => {
    expect(periodFindings('Tình hình, kết quả kiểm soát thủ tục hành chính quý III năm 2023', '15 tháng 9 năm 2023', inQ3)).toEqual([]);
    const outside = periodFindings('Tình hình, kết quả kiểm soát thủ tục hành chính quý III năm 2023', '15 tháng 9 năm 2023', fromDecember);
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ severity: 'error', expected: 'từ 15/6/2023 đến 14/9/2023' });
    expect(outside[0]!.message).toContain('nằm ngoài kỳ báo cáo quý III (15/6/2023 – 14/9/2023');
  });

  test('9 tháng đầu năm and "quý III và 9 tháng đầu năm" run from 15/12 of the previous year and hold the quarter', () => {
    for (const title of ['Kết quả 9 tháng đầu năm 2023', 'Kết quả công tác quý III và 9 tháng đầu năm 2023']) {
      expect([title, periodFindings(title, '15 tháng 9 năm 2023', fromDecember)]).toEqual([title, []]);
      expect([title, periodFindings(title, '15 tháng 9 năm 2023', inQ3)]).toEqual([title, []]);
    }
  });

  test('"Trong quý, …" is stray wording in a 9-month report, not in a quarter or a combined title', () => {
    const sentence = 'Trong quý, huyện đã tiếp nhận 120 hồ sơ.';
    expect(periodFindings('Kết quả 9 tháng đầu năm 2023', '15 tháng 9 năm 2023', sentence).map((f) => f.severity)).toEqual(['info']);
    expect(periodFindings('Kết quả công tác quý III và 9 tháng đầu năm 2023', '15 tháng 9 năm 2023', sentence)).toEqual([]);
    expect(periodFindings('Kết quả công tác quý III năm 2023', '15 tháng 9 năm 2023', sentence)).toEqual([]);
  });

  test('quý II, quý IV: windows and the deadline on the 20th of the last month', () => {
    const q2 = 'Tình hình, kết quả kiểm soát thủ tục hành chính quý II năm 2023';
    expect(periodFindings(q2, '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/3/2023 đến ngày 14/6/2023.')).toEqual([]);
    const early = periodFindings(q2, '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 01/3/2023 đến ngày 14/6/2023.');
    expect(early.map((f) => f.expected)).toEqual(['từ 15/3/2023 đến 14/6/2023']);
    const late = periodFindings(q2, '25 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/3/2023 đến ngày 14/6/2023.');
    expect(late.map((f) => [f.severity, f.message])).toEqual([['warning', 'Báo cáo quý II đề ngày 25/6/2023, sau hạn gửi 20/6/2023 (ngày 20 tháng cuối kỳ).']]);
    const q4 = 'Tình hình, kết quả kiểm soát thủ tục hành chính quý IV năm 2023';
    expect(periodFindings(q4, '14 tháng 12 năm 2023', 'Số liệu tính từ ngày 15/9/2023 đến ngày 14/12/2023.')).toEqual([]);
    // "quý II và 6 tháng đầu năm" is the 6-month report: from 15/12 of the previous year.
    expect(periodFindings('Kết quả quý II và 6 tháng đầu năm 2023', '14 tháng 6 năm 2023', 'Số liệu tính từ ngày 15/12/2022 đến ngày 14/6/2023.')).toEqual([]);
  });
});
