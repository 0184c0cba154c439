/**
 * Quieter format findings (issue 13 item 7): one finding per kind of format slip with all its
 * places, and web-page datelines are not the report's own dates.
 */
import { checkReport, type CheckReport } from '../../src/core/check';
import { isDatelineDate } from '../../src/core/check/rules/dateline';
import { CCHC_6_THANG } from '../helpers/templates';
import type { Block, DocumentSnapshot } from '../../src/document/types';

function checkBlocks(blocks: Block[]): CheckReport {
  const snapshot: DocumentSnapshot = { blocks, controls: [] };
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'format.docx' });
}

const para = (index: number, text: string): Block => ({ type: 'paragraph', index, text, spans: [] });

describe('one finding per kind of format slip', () => {
  it('ten table cells without the thousands dot make one warning with ten places', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({
      header: false,
      cells: [
        { text: `Đơn vị ${i + 1}`, span: 1, mergedUp: false },
        { text: `${30_400 + i} hồ sơ`, span: 1, mergedUp: false },
      ],
    }));
    const report = checkBlocks([para(0, 'Số hồ sơ tiếp nhận theo đơn vị:'), { type: 'table', index: 1, rows }]);
    const slips = report.findings.filter((f) => f.rule === 'number-format' && f.message.includes('thiếu dấu chấm phân cách hàng nghìn'));
    expect(slips).toHaveLength(1);
    const f = slips[0]!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^10 số thiếu dấu chấm phân cách hàng nghìn\. Viết đúng: "30400" → "30\.400", "30401" → "30\.401"/u);
    expect(f.locations).toHaveLength(10);
    expect(f.evidence).toHaveLength(8);
    expect(f.expected).toBe('30.400, 30.401, 30.402, 30.403, 30.404, 30.405, 30.406, 30.407');
  });

  it('kinds stay apart: a comma as thousands separator is an error of its own, a single slip keeps its own message', () => {
    const report = checkBlocks([para(0, 'Tiếp nhận 30407 hồ sơ, 12040 hồ sơ trực tuyến, 1.250 hồ sơ qua bưu chính; đã giải quyết 28,375 hồ sơ.')]);
    const format = report.findings.filter((f) => f.rule === 'number-format' && f.severity !== 'info');
    expect(format.map((f) => [f.severity, f.evidence])).toEqual(
      expect.arrayContaining([
        ['warning', ['30407', '12040']],
        ['error', ['28,375']],
      ]),
    );
    expect(format.find((f) => f.severity === 'error')!.message).toBe(
      'Số "28,375" dùng dấu phẩy làm dấu phân cách hàng nghìn; người đọc có thể hiểu là số thập phân. Viết đúng: "28.375".',
    );
  });
});

describe('web-page datelines', () => {
  it.each([
    ['Cập nhật: 12/3/2023 10:15', '12/3/2023'],
    ['Ngày đăng: 05/04/2023', '05/04/2023'],
    ['Thứ Hai, ngày 13/3/2023', '13/3/2023'],
    ['Đăng lúc 08:30, Thứ Ba, 14/03/2023', '14/03/2023'],
    ['Tin đăng 14/3/2023 - 08:30', '14/3/2023'],
  ])('"%s" is a dateline', (text, date) => {
    const at = text.indexOf(date);
    expect(isDatelineDate(text, at, at + date.length)).toBe(true);
  });

  it.each([
    ['Sơn La, ngày 09/6/2022', '09/6/2022'],
    ['Quyết định số 3162/QĐ-UBND ngày 20/12/2021 của UBND tỉnh', '20/12/2021'],
    ['Số liệu tính đến ngày 14/6/2022.', '14/6/2022'],
  ])('"%s" is not', (text, date) => {
    const at = text.indexOf(date);
    expect(isDatelineDate(text, at, at + date.length)).toBe(false);
  });

  const title = 'BÁO CÁO Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023';

  it('a dateline is not taken for the report date (no "after the deadline" from the page date)', () => {
    const withDateline = checkBlocks([para(0, 'Thứ Hai, ngày 25/12/2023 10:15'), para(1, title), para(2, 'Sơn La, ngày 09 tháng 6 năm 2023')]);
    expect(withDateline.findings.filter((f) => f.rule === 'period')).toEqual([]);
    // Without the dateline rule the page date would be late; the report's own date is still judged.
    const late = checkBlocks([para(0, title), para(1, 'Sơn La, ngày 25/12/2023')]);
    expect(late.findings.filter((f) => f.rule === 'period').map((f) => f.severity)).toEqual(['warning']);
  });

  it('dateline dates are not held to the Nghị định 30 date convention', () => {
    const report = checkBlocks([para(0, 'Cập nhật: 12/03/2023 10:15'), para(1, title), para(2, 'Kế hoạch số 12/KH-UBND ngày 09/03/2023.')]);
    const dates = report.findings.filter((f) => f.rule === 'number-format' && f.message.includes('ngày tháng viết không theo quy ước'));
    expect(dates).toHaveLength(1);
    expect(dates[0]!.evidence).toEqual(['09/03/2023']);
    expect(dates[0]!.message).toMatch(/^1\/1 ngày tháng/u);
  });
});

describe('a percent sign set apart from its figure', () => {
  it('"4,5 %" and "3,45 %" make one warning with both places; "97,5%" is left alone', () => {
    const report = checkBlocks([
      para(0, 'Tỷ lệ hồ sơ trực tuyến đạt 4,5 % tổng số hồ sơ; tỷ lệ trả đúng hạn đạt 97,5%.'),
      para(1, 'Hồ sơ quá hạn chiếm 3,45 %.'),
    ]);
    const apart = report.findings.filter((f) => f.rule === 'number-format' && f.message.includes('tách dấu %'));
    expect(apart).toHaveLength(1);
    expect(apart[0]!.severity).toBe('warning');
    expect(apart[0]!.evidence).toEqual(['4,5 %', '3,45 %']);
    expect(apart[0]!.expected).toBe('4,5%, 3,45%');
    expect(apart[0]!.locations).toHaveLength(2);
  });

  it('a single one keeps the single-figure message', () => {
    const report = checkBlocks([para(0, 'Tỷ lệ hồ sơ trực tuyến đạt 4,5 % tổng số hồ sơ.')]);
    const apart = report.findings.filter((f) => f.rule === 'number-format' && f.message.includes('tách dấu %'));
    expect(apart.map((f) => [f.message, f.expected])).toEqual([['Tỷ lệ "4,5 %" viết tách dấu % khỏi số. Viết đúng: "4,5%".', '4,5%']]);
  });
});
